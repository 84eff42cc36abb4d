// SPDX-License-Identifier: GPL-2.0-or-later
// TLS records (RFC 8446 §5.1, RFC 5246 §6.2) over TCP: the record walk finds where a record
// continues in later segments; a ServerHello's supported_versions extension (RFC 8446
// §4.2.1) marks the conversation as TLS 1.3, which names the Protocol column from then on.
#include "dissect/protocols/context.h"
#include "dissect/tcp_conversations.h"

namespace rcvmon {
namespace {

bool serverHelloSelects13(ByteSpan record)
{
    ByteReader r(record);
    if (r.u8() != 2) return false;  // handshake type ServerHello
    r.skip(3 + 2 + 32);             // length, legacy_version, random
    r.skip(r.u8());                 // legacy_session_id_echo
    r.skip(2 + 1);                  // cipher_suite, legacy_compression_method
    const std::size_t extLen = r.be16();
    for (std::size_t used = 0; r.ok() && used + 4 <= extLen;) {
        const std::uint16_t type = r.be16();
        const std::uint16_t len = r.be16();
        if (type == 43 && len == 2) return r.be16() == 0x0304 && r.ok();
        r.skip(len);
        used += 4u + len;
    }
    return false;
}

}  // namespace

void dissectTls(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "TLS", "tls", p.data, p.at, p.reported);
    std::string_view name;
    std::size_t pos = 0, needed = 0;
    while (pos + 5 <= p.data.size()) {
        const std::uint8_t type = p.data[pos];
        if (type < 20 || type > 24 || p.data[pos + 1] != 3) break;
        const std::size_t len = (std::size_t{p.data[pos + 3]} << 8) | p.data[pos + 4];
        if (name.empty()) {
            switch (p.data[pos + 2]) {
            case 0: name = "SSLv3"; break;
            case 1: name = "TLSv1"; break;
            case 2: name = "TLSv1.1"; break;
            default: name = "TLSv1.2"; break;
            }
        }
        if (pos + 5 + len > p.reported) {
            needed = pos + 5 + len - p.reported;
            break;
        }
        if (type == 22 && pos + 5 + len <= p.data.size() && ctx.tcpConversation &&
            serverHelloSelects13(p.data.subspan(pos + 5, len)))
            ctx.tcpConversation->tls13 = true;
        pos += 5 + len;
    }
    if (name.empty()) return;  // not at a record boundary: continuation data
    if (ctx.tcpConversation && ctx.tcpConversation->tls13) name = "TLSv1.3";
    // A segment whose first record is complete shows TLS even if a later one continues.
    if (pos > 0) ctx.setProtocol(name);
    startTcpPdu(ctx, TcpPdu{name, "TLS", "tls", {}, {}}, needed, c.layer(), pos > 0);
}

}  // namespace rcvmon

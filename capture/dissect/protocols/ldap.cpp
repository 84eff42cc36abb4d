// SPDX-License-Identifier: GPL-2.0-or-later
// LDAP over TCP (RFC 4511): each message is a BER SEQUENCE (0x30), or, after a SASL bind
// with a security layer, a 4-byte length-prefixed SASL buffer (RFC 4422 §3.7). Only the
// message length is read, to tell message starts from continuation data.
#include "dissect/protocols/context.h"
#include "dissect/tcp_conversations.h"

namespace rcvmon {

void dissectLdap(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "LDAP", "ldap", p.data, p.at, p.reported);
    const std::uint8_t first = c.peek(0);
    std::size_t total = 0;
    if (first == 0x30) {
        c.u8();
        const std::uint8_t lenByte = c.u8();
        if (!c.ok()) return;
        if (lenByte < 0x80) {
            total = 2 + std::size_t{lenByte};
        } else {
            const unsigned n = lenByte & 0x7f;
            if (n == 0 || n > 4) return;
            std::size_t len = 0;
            for (unsigned i = 0; i < n; ++i) len = (len << 8) | c.u8();
            if (!c.ok()) return;
            total = 2 + n + len;
        }
    } else {
        const std::uint32_t sasl = c.u32();
        if (!c.ok() || sasl == 0 || sasl > (1u << 24)) return;  // not an LDAP message start
        total = 4 + std::size_t{sasl};
    }
    startTcpPdu(ctx, TcpPdu{"LDAP", "LDAP", "ldap", {}, {}}, total > p.reported ? total - p.reported : 0, c.layer());
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// TPKT (RFC 1006 §6: ISO transport services on top of TCP) on TCP 102 and RDP's 3389: a
// 4-byte header (version 3, reserved, length) before each COTP TPDU; several per segment,
// reassembled when one spans segments. Bytes that do not start with version 3 are shown as
// Wireshark does, "Continuation" (after RDP switches to TLS, the TLS records).
#include "dissect/protocols/tcp_message.h"
#include "dissect/protocols/tpkt/tpkt.h"

#include <string>

namespace rcvmon {
namespace {

struct TpktFields {
    FieldId version, reserved, length, continuation;
} hf;

void writeContinuation(const LayerView&, std::string& out) { out += "Continuation"; }

std::size_t packetLength(ByteSpan b)
{
    if (b.size() < 4 || b[0] != 3) return 0;
    const std::size_t length = (std::size_t{b[2]} << 8) | b[3];
    return length >= 4 ? length : 0;
}

void dissectPacket(DissectContext& ctx, const Payload& p, int index)
{
    LayerCursor c(ctx, "TPKT", "tpkt", p.data, p.at, p.reported);
    ctx.setProtocol("TPKT");
    if (index > 0) c.unlisted();
    // An RDP fast-path PDU that the segment holds whole; one that runs past it (no reassembly
    // in Wireshark 4.0) or anything else that is no TPKT header is "Continuation".
    if (!p.data.empty() && p.data[0] != 3) {
        const std::size_t fastPath = rdpFastPathLength(p.data);
        if (fastPath >= 2 && fastPath <= p.reported) {
            c.setLength(0);
            c.notInTree();
            const std::size_t captured = std::min(fastPath, p.data.size());
            return dissectRdpFastPath(ctx, Payload{p.data.first(captured), fastPath, p.at});
        }
    }
    if (p.data.empty() || p.data[0] != 3 || p.data.size() < 4) {
        ctx.setInfo(writeContinuation, c.layer());
        c.bytes(c.remaining(), hf.continuation);
        return;
    }
    c.u8(hf.version);
    c.u8(hf.reserved);
    const std::uint16_t length = c.u16(hf.length);
    if (!c.ok()) return;
    c.setLength(length);
    dissectCotp(ctx, payloadAfter(c, length - 4u), c.layer());
}

bool dissectTpkt(DissectContext& ctx, const Payload& p)
{
    dissectTcpMessages(ctx, p, packetLength, [&](const Payload& m, int index) {
        // A header cut by the segment's end waits for more bytes in Wireshark; none came.
        if (!m.data.empty() && m.data[0] == 3 && m.data.size() < 4 && m.data.size() == m.reported) return;
        dissectPacket(ctx, m, index);
    });
    return true;
}

}  // namespace

void registerTpkt(ProtocolRegistrar& r)
{
    r.protocol("tpkt");
    hf.version = r.field({"tpkt.version", "Version", FieldKind::Unsigned, 8});
    hf.reserved = r.field({"tpkt.reserved", "Reserved", FieldKind::Unsigned, 8});
    hf.length = r.field({"tpkt.length", "Length", FieldKind::Unsigned, 16});
    hf.continuation = r.field({"tpkt.continuation_data", "Continuation data", FieldKind::Bytes});
    r.tcpPort(102, dissectTpkt);
    r.tcpPort(3389, dissectTpkt);
}

}  // namespace rcvmon

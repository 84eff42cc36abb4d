// SPDX-License-Identifier: GPL-2.0-or-later
// TPKT (RFC 1006 §6: ISO transport services on top of TCP) on TCP 102 and RDP's 3389: a
// 4-byte header (version 3, reserved, length) before each COTP TPDU; several per segment,
// reassembled when one spans segments. Bytes that do not start with version 3 are shown as
// Wireshark does, "Continuation" (after RDP switches to TLS, the TLS records).
#include "dissect/protocols/tcp_conversations_app.h"
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

// `callStart`: the bytes start what TCP handed TPKT (the segment, or what follows a
// reassembled packet in it); only there is a fast-path PDU recognised.
void dissectPacket(DissectContext& ctx, const Payload& p, int index, bool callStart)
{
    LayerCursor c(ctx, "TPKT", "tpkt", p.data, p.at, p.reported);
    // RDP's send data fences both columns: a continuation after it keeps "RDP".
    if (!rdpSendDataInInfo(ctx)) ctx.setProtocol("TPKT");
    if (index > 0) c.unlisted();
    // An RDP fast-path PDU that is exactly the rest of the segment; one that runs past it (no
    // reassembly in Wireshark 4.0) or anything else that is no TPKT header is "Continuation".
    if (callStart && !p.data.empty() && p.data[0] != 3) {
        const std::size_t fastPath = rdpFastPathLength(p.data);
        if (fastPath >= 2 && fastPath == p.reported) {
            c.setLength(0);
            c.notInTree();
            const std::size_t captured = std::min(fastPath, p.data.size());
            return dissectRdpFastPath(ctx, Payload{p.data.first(captured), fastPath, p.at});
        }
    }
    if (p.data.empty() || p.data[0] != 3 || p.data.size() < 4) {
        // After RDP's send data (which fences the column) the word is appended.
        if (rdpSendDataInInfo(ctx)) {
            ctx.appendInfo(writeContinuation, c.layer(), "");
        } else {
            ctx.setInfo(writeContinuation, c.layer());
        }
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

void writeSegmentOfPdu(const LayerView&, std::string& out) { out += "[TCP segment of a reassembled PDU]"; }

bool dissectTpkt(DissectContext& ctx, const Payload& p)
{
    // Until a TPKT packet claims the connection, bytes that are not one are not TPKT's (data).
    std::uint32_t* word = appConversationWord(ctx);
    const bool header = p.data.size() >= 4 && p.data[0] == 3 && p.data[1] == 0;
    if (word && *word == 0 && !header && !pendingTcpMessage(ctx)) return false;
    if (word && *word == 0 && header) *word = kTpktClaimed;
    rdpSegmentStarts();
    // TPKT clears Info before asking TCP for more bytes: a segment that only begins a packet
    // shows Wireshark's note alone, without TCP's summary.
    const std::size_t first = packetLength(p.data);
    if (first > p.reported && !pendingTcpMessage(ctx) && beginTcpMessage(ctx, p, first, false)) {
        ctx.setProtocol("TCP");
        ctx.setInfo(writeSegmentOfPdu, static_cast<std::uint16_t>(ctx.out.layers().size() - 1));
        return true;
    }
    bool firstReassembled = false;
    dissectTcpMessages(ctx, p, packetLength, [&](const Payload& m, int index) {
        if (index == 0) firstReassembled = ctx.inReassembled;
        // A header cut by the segment's end waits for more bytes in Wireshark; none came.
        if (!m.data.empty() && m.data[0] == 3 && m.data.size() < 4 && m.data.size() == m.reported) return;
        dissectPacket(ctx, m, index, index == 0 || (index == 1 && firstReassembled));
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

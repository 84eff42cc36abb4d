// SPDX-License-Identifier: GPL-2.0-or-later
// TCP (RFC 9293): header, flags (with ECE/CWR, RFC 3168, and AE, RFC 9768 AccECN), options
// (MSS, window scale; others skipped by length), relative sequence numbers, then the
// application protocol chosen by port when the segment carries captured payload.
#include "dissect/protocols/context.h"
#include "dissect/tcp_conversations.h"

namespace rcvmon {
namespace {

void dissectOptions(LayerCursor& c, std::size_t end)
{
    while (c.ok() && c.pos() < end) {
        const std::size_t at = c.pos();
        const std::uint8_t kind = c.u8();
        if (kind == 0) break;  // end of option list
        if (kind == 1) continue;  // no-operation
        const std::uint8_t len = c.u8();
        if (!c.ok()) return;
        if (len < 2 || at + len > end) {
            c.malformed();
            return;
        }
        if (kind == 2 && len == 4) {
            c.u16(field::TcpOptionMss);
        } else if (kind == 3 && len == 3) {
            c.u8(field::TcpOptionWscale);
        } else if (kind == 30) {
            c.ctx().setProtocol("MPTCP");  // RFC 8684 option: Wireshark names the segment MPTCP
            c.skip(len - 2u);
        } else {
            c.skip(len - 2u);
        }
    }
}

}  // namespace

void dissectTcp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "TCP", "tcp", p.data, p.at, p.reported);
    ctx.setProtocol("TCP");
    ctx.setInfo(InfoKind::Tcp, c.layer());
    const std::uint16_t srcPort = c.u16(field::TcpSrcPort);
    const std::uint16_t dstPort = c.u16(field::TcpDstPort);
    const std::uint32_t seq = c.u32();
    const std::uint32_t ack = c.u32();
    const std::uint16_t offFlags = c.u16();
    if (!c.ok()) {
        // Whatever ports were read still identify the segment.
        return;
    }
    const std::size_t hdrLen = static_cast<std::size_t>(offFlags >> 12) * 4;
    const std::uint16_t flags = offFlags & 0x0fff;
    const bool syn = (flags & 0x02) != 0, hasAck = (flags & 0x10) != 0;
    const std::size_t segLen = p.reported >= hdrLen ? p.reported - hdrLen : 0;
    // In an unreassembled fragment Wireshark neither sizes the segment nor tracks it.
    if (!ctx.inFragment) c.add(field::TcpLen, 12, 1, segLen);

    TcpConversations::Result conv;
    conv.relSeq = seq;
    conv.relAck = ack;
    // Quoted headers in ICMP errors are not part of the conversation.
    if (ctx.tcp && ctx.net.family != 0 && !ctx.inIcmpError && !ctx.inFragment) {
        TcpConversations::Endpoint s, d;
        s.addr = ctx.net.src;
        s.port = srcPort;
        d.addr = ctx.net.dst;
        d.port = dstPort;
        const TcpConversations::Segment seg{seq, ack, static_cast<std::uint32_t>(segLen), syn, (flags & 1) != 0, hasAck};
        conv = ctx.tcp->observe(ctx.net.family, s, d, seg);
    }
    c.add(field::TcpSeq, 4, 4, conv.relSeq);
    c.add(field::TcpSeqRaw, 4, 4, seq);
    // tshark 4.0 shows the acknowledgment number even without the ACK flag (raw, then).
    c.add(field::TcpAck, 8, 4, hasAck ? conv.relAck : ack);
    c.add(field::TcpAckRaw, 8, 4, ack);
    c.add(field::TcpHdrLen, 12, 1, hdrLen);
    if (hdrLen < 20) {
        c.malformed();
        return;
    }
    c.add(field::TcpFlags, 12, 2, flags);
    c.add(field::TcpFlagsFin, 13, 1, flags & 0x01);
    c.add(field::TcpFlagsSyn, 13, 1, (flags >> 1) & 1);
    c.add(field::TcpFlagsReset, 13, 1, (flags >> 2) & 1);
    c.add(field::TcpFlagsPush, 13, 1, (flags >> 3) & 1);
    c.add(field::TcpFlagsAck, 13, 1, (flags >> 4) & 1);
    c.add(field::TcpFlagsUrg, 13, 1, (flags >> 5) & 1);
    c.u16(field::TcpWindowSizeValue);
    c.u16(field::TcpChecksum);
    c.u16(field::TcpUrgentPointer);
    if (!c.ok()) return;
    if (hdrLen > p.reported) {
        c.malformed();
        return;
    }
    dissectOptions(c, hdrLen);
    if (c.ok() && c.pos() < hdrLen) c.skip(hdrLen - c.pos());
    if (!c.ok()) return;
    const Payload payload = payloadAfter(c, segLen);
    // Wireshark calls no application dissector for a segment whose payload was not captured,
    // for a retransmission, or for the cut payload of an unreassembled IP fragment.
    if (payload.data.empty() || conv.retransmission || ctx.inFragment || !conv.conversation) {
        if (payload.data.empty()) return;
        dissectData(ctx, payload);
        // Desegmenting, Wireshark shows a retransmission's bytes as TCP segment data.
        if (conv.retransmission && ctx.desegment) hideLayer(ctx.out, static_cast<std::uint16_t>(ctx.out.layers().size() - 1));
        return;
    }
    ctx.tcpConversation = conv.conversation;
    ctx.tcpDirection = conv.direction;
    if (continueTcpPdu(ctx, payload)) return;
    if (!dissectByPort(ctx, Transport::Tcp, srcPort, dstPort, payload)) dissectData(ctx, payload);
}

}  // namespace rcvmon

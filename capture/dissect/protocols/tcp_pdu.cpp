// SPDX-License-Identifier: GPL-2.0-or-later
// Application PDUs that span TCP segments, shown as Wireshark shows them with its default
// desegmentation: nothing but TCP until the segment that completes the PDU, which carries the
// application's layers. RcvMon does not keep the reassembled bytes; those layers cover the
// completing segment's payload and are marked reassembled.
//
// Memory: the per-stream "reassembly buffer" is a length and a TcpPdu descriptor inside each
// direction's fixed-size TcpDirectionState — 0 payload bytes are buffered per stream, so the
// total is the conversation table's bound (TcpConversations::boundBytes(), checked for 100,000
// concurrent streams in test_dissect_tcp.cpp). A PDU length is capped at 2^31-1 bytes.
// Wireshark appends " [TCP segment of a reassembled PDU]" to every segment that only carries
// part of a PDU; the column stays TCP until the segment that completes it.
#include "dissect/protocols/context.h"
#include "dissect/protocols/tcp_options.h"
#include "dissect/tcp_conversations.h"

namespace rcvmon {

bool continueTcpPdu(DissectContext& ctx, const Payload& p)
{
    TcpDirectionState* dir = ctx.tcpDirection;
    if (!ctx.desegment || !dir || dir->pduRemaining == 0) return false;
    const auto length = static_cast<std::uint32_t>(p.data.size());
    // The segment's own bytes stay inside Wireshark's TCP tree ("TCP segment data").
    hideLayer(ctx.out, ctx.out.addLayer("TCP segment data", "data", p.at, length, ctx.inReassembled));
    if (p.reported < dir->pduRemaining) {
        dir->pduRemaining -= static_cast<std::uint32_t>(p.reported);
        ctx.appendInfo(writeTcpSegmentOfPdu, static_cast<std::uint16_t>(ctx.out.layers().size() - 1), " ");
        return true;
    }
    dir->pduRemaining = 0;
    const TcpPdu& pdu = dir->pdu;
    ctx.setProtocol(pdu.protocol);
    ctx.out.addLayer(pdu.layerName, pdu.layerFilter, p.at, length, true);
    if (!pdu.bodyFilter.empty()) ctx.out.addLayer(pdu.bodyName, pdu.bodyFilter, p.at, length, true);
    const std::uint16_t segments = ctx.out.addLayer("Reassembled TCP Segments", "tcp.segments", p.at, length, true);
    ctx.out.layer(segments).listed = false;  // a TCP item, not a protocol of its own
    return true;
}

void startTcpPdu(DissectContext& ctx, const TcpPdu& pdu, std::size_t bytesStillNeeded, std::uint16_t layer,
                 bool completeHere)
{
    TcpDirectionState* dir = ctx.tcpDirection;
    if (ctx.desegment && dir && bytesStillNeeded > 0) {
        dir->pduRemaining = static_cast<std::uint32_t>(bytesStillNeeded < 0x7fffffff ? bytesStillNeeded : 0x7fffffff);
        dir->pdu = pdu;
        if (!completeHere) {
            // Nothing complete in this segment: the column stays TCP until the PDU is.
            hideLayer(ctx.out, layer);
            ctx.setProtocol("TCP");
            ctx.appendInfo(writeTcpSegmentOfPdu, layer, " ");
        }
        return;
    }
    ctx.setProtocol(pdu.protocol);
}

}  // namespace rcvmon

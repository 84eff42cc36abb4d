// SPDX-License-Identifier: GPL-2.0-or-later
// Application PDUs that span TCP segments, shown as Wireshark shows them with its default
// desegmentation: nothing but TCP until the segment that completes the PDU, which carries the
// application's layers. A PDU whose dissector asks for it (TcpPdu::reassembled) is kept, up to
// kMaxPduBytes, and dissected whole there; otherwise its layers cover the completing segment.
#include "dissect/protocols/context.h"
#include "dissect/tcp_conversations.h"

#include <algorithm>

namespace rcvmon {
namespace {

// Wireshark reassembles up to 1 MiB; a TLS record is at most 16 KiB + 2 KiB.
constexpr std::size_t kMaxPduBytes = 256 * 1024;

void addSegmentsLayer(DissectContext& ctx, const Payload& p)
{
    const std::uint16_t segments = ctx.out.addLayer("Reassembled TCP Segments", "tcp.segments", p.at,
                                                    static_cast<std::uint32_t>(p.data.size()), true);
    ctx.out.layer(segments).listed = false;  // a TCP item, not a protocol of its own
}

// Completes a kept PDU: the dissector gets the whole PDU, then the rest of the segment.
bool completeKeptPdu(DissectContext& ctx, const Payload& p, TcpDirectionState& dir)
{
    const std::size_t take = dir.pduWholeSegment ? p.reported : std::min<std::size_t>(dir.pduRemaining, p.reported);
    if (take <= p.data.size() && dir.pduBytes.size() + take <= kMaxPduBytes) {
        dir.pduBytes.insert(dir.pduBytes.end(), p.data.begin(), p.data.begin() + static_cast<std::ptrdiff_t>(take));
    } else {  // cut by the capture or too large: the PDU is only named, as an unkept one
        dir.pduBytes.clear();
        dir.pdu.reassembled = nullptr;
    }
    if (!dir.pduWholeSegment && p.reported < dir.pduRemaining) {
        dir.pduRemaining -= static_cast<std::uint32_t>(p.reported);
        return true;
    }
    const TcpPdu pdu = dir.pdu;
    dir.pduRemaining = 0;
    dir.pduWholeSegment = false;
    if (!pdu.reassembled) {  // cut by the capture: name it as the unkept kind does
        ctx.setProtocol(pdu.protocol);
        ctx.out.addLayer(pdu.layerName, pdu.layerFilter, p.at, static_cast<std::uint32_t>(p.data.size()), true);
        addSegmentsLayer(ctx, p);
        return true;
    }
    // The dissector may start a new PDU in dir.pduBytes: it reads the old one from scratch.
    thread_local std::vector<std::uint8_t> whole;
    whole.swap(dir.pduBytes);
    dir.pduBytes.clear();
    const bool wasReassembled = ctx.inReassembled;
    ctx.inReassembled = true;
    pdu.reassembled(ctx, Payload{ByteSpan(whole.data(), whole.size()), whole.size(), 0});
    ctx.inReassembled = wasReassembled;
    addSegmentsLayer(ctx, p);
    whole.clear();
    if (take < p.data.size() && dir.pduRemaining == 0)
        pdu.reassembled(ctx, Payload{p.data.subspan(take), p.reported - take, p.at + static_cast<std::uint32_t>(take)});
    return true;
}

}  // namespace

bool continueTcpPdu(DissectContext& ctx, const Payload& p)
{
    TcpDirectionState* dir = ctx.tcpDirection;
    if (!ctx.desegment || !dir || dir->pduRemaining == 0) return false;
    const auto length = static_cast<std::uint32_t>(p.data.size());
    // The segment's own bytes stay inside Wireshark's TCP tree ("TCP segment data").
    hideLayer(ctx.out, ctx.out.addLayer("TCP segment data", "data", p.at, length, ctx.inReassembled));
    if (dir->pdu.reassembled) return completeKeptPdu(ctx, p, *dir);
    if (p.reported < dir->pduRemaining) {
        dir->pduRemaining -= static_cast<std::uint32_t>(p.reported);
        return true;
    }
    dir->pduRemaining = 0;
    const TcpPdu& pdu = dir->pdu;
    ctx.setProtocol(pdu.protocol);
    ctx.out.addLayer(pdu.layerName, pdu.layerFilter, p.at, length, true);
    if (!pdu.bodyFilter.empty()) ctx.out.addLayer(pdu.bodyName, pdu.bodyFilter, p.at, length, true);
    addSegmentsLayer(ctx, p);
    return true;
}

void startTcpPdu(DissectContext& ctx, const TcpPdu& pdu, std::size_t bytesStillNeeded, std::uint16_t layer,
                 bool completeHere, ByteSpan start)
{
    TcpDirectionState* dir = ctx.tcpDirection;
    if (ctx.desegment && dir && bytesStillNeeded > 0) {
        const bool whole = bytesStillNeeded == kTcpPduOneMoreSegment;
        dir->pduWholeSegment = whole;
        dir->pduRemaining = whole ? 1u
                                  : static_cast<std::uint32_t>(bytesStillNeeded < 0x7fffffff ? bytesStillNeeded : 0x7fffffff);
        dir->pdu = pdu;
        dir->pduBytes.clear();
        if (pdu.reassembled && (whole || start.size() + bytesStillNeeded <= kMaxPduBytes))
            dir->pduBytes.assign(start.begin(), start.end());
        else
            dir->pdu.reassembled = nullptr;  // too large to keep: shown as the unkept kind
        if (!completeHere) hideLayer(ctx.out, layer);
        return;  // the column stays TCP until the PDU is complete
    }
    ctx.setProtocol(pdu.protocol);
}

}  // namespace rcvmon

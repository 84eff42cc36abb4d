// SPDX-License-Identifier: GPL-2.0-or-later
// Application PDUs that span TCP segments, shown as Wireshark shows them with its default
// desegmentation: nothing but TCP until the segment that completes the PDU, which carries the
// application's layers. A PDU whose dissector asks for it (TcpPdu::reassembled, TLS) is kept
// and dissected whole there; otherwise RcvMon does not keep the bytes, and the layers cover the
// completing segment's payload, marked reassembled.
//
// Memory: besides a length and a TcpPdu descriptor in each direction's TcpDirectionState, only
// a kept PDU buffers bytes: at most kMaxPduBytes per direction, freed when the PDU completes,
// and TcpConversations::kMaxKeptBytes over all conversations (the conversation table's bound,
// TcpConversations::boundBytes(), is checked for 100,000 streams in test_dissect_tcp.cpp;
// tests/bench/dissect_bench.sh measures both at 100,000 streams that each hold bytes). A PDU length is capped at 2^31-1 bytes.
// Wireshark appends " [TCP segment of a reassembled PDU]" to every segment that only carries
// part of a PDU; the column stays TCP until the segment that completes it.
#include "dissect/pdu_prefixes.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/tcp_options.h"
#include "dissect/tcp_conversations.h"

#include <algorithm>

namespace rcvmon {
namespace {

// Wireshark reassembles up to 1 MiB; a TLS record is at most 16 KiB + 2 KiB.
constexpr std::size_t kMaxPduBytes = 256 * 1024;

// The current segment's FIN flag, from the TCP layer's fields.
bool segmentHasFin(const DissectContext& ctx)
{
    const auto fields = ctx.out.fields();
    for (auto it = fields.rbegin(); it != fields.rend(); ++it)
        if (it->id == field::TcpFlags) return (it->number & 0x01) != 0;
    return false;
}

// A column the application cleared (col_clear) before it asked for more.
void writeNoInfo(const LayerView&, std::string&) {}

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
    const std::size_t before = dir.pduBytes.capacity();
    const std::size_t size = dir.pduBytes.size() + take;
    // Grown here, not by insert, so the all-conversations budget sees the capacity it takes.
    const std::size_t capacity = size <= before ? before : std::max(size, std::min(2 * before, kMaxPduBytes));
    if (take <= p.data.size() && size <= kMaxPduBytes && (!ctx.tcp || ctx.tcp->mayKeep(capacity - before))) {
        dir.pduBytes.reserve(capacity);
        dir.pduBytes.insert(dir.pduBytes.end(), p.data.begin(), p.data.begin() + static_cast<std::ptrdiff_t>(take));
    } else {  // cut by the capture or too large: the PDU is only named, as an unkept one
        std::vector<std::uint8_t>().swap(dir.pduBytes);
        dir.pdu.reassembled = nullptr;
    }
    if (ctx.tcp) ctx.tcp->keptChanged(before, dir.pduBytes.capacity());
    if (!dir.pduWholeSegment && p.reported < dir.pduRemaining) {
        dir.pduRemaining -= static_cast<std::uint32_t>(p.reported);
        ctx.setProtocol("TCP");  // even where an option named the segment (MPTCP)
        ctx.appendInfo(writeTcpSegmentOfPdu, static_cast<std::uint16_t>(ctx.out.layers().size() - 1), " ");
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
    whole.clear();
    if (ctx.tcp) ctx.tcp->keptChanged(dir.pduBytes.capacity(), 0);
    whole.swap(dir.pduBytes);
    std::vector<std::uint8_t>().swap(dir.pduBytes);  // an idle stream holds no bytes
    const bool wasReassembled = ctx.inReassembled;
    ctx.inReassembled = true;
    pdu.reassembled(ctx, Payload{ByteSpan(whole.data(), whole.size()), whole.size(), 0});
    ctx.inReassembled = wasReassembled;
    addSegmentsLayer(ctx, p);
    whole.clear();
    if (whole.capacity() > kMaxPduBytes) std::vector<std::uint8_t>().swap(whole);
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
    // A PDU whose start was kept (its header) keeps what follows too, as far as there is room.
    if (ctx.pduPrefixes)
        ctx.pduPrefixes->append(dir, dir->pdu.wholeSegments ? p.data : p.data.first(std::min<std::size_t>(p.data.size(), dir->pduRemaining)));
    const auto segmentOfPdu = [&](const TcpPdu& pdu) {
        const auto layer = static_cast<std::uint16_t>(ctx.out.layers().size() - 1);
        ctx.setProtocol("TCP");  // Wireshark's desegment_tcp, even where an option named it MPTCP
        if (pdu.again) pdu.again(ctx, layer, pdu);
        ctx.appendInfo(writeTcpSegmentOfPdu, layer, " ");
    };
    if (dir->pdu.untilFin) {
        if (!segmentHasFin(ctx)) {
            segmentOfPdu(dir->pdu);
            return true;
        }
    } else if (p.reported < dir->pduRemaining) {
        dir->pduRemaining -= static_cast<std::uint32_t>(p.reported);
        segmentOfPdu(dir->pdu);
        return true;
    }
    if (dir->pdu.more && !dir->pdu.untilFin) {
        const TcpPdu before = dir->pdu;  // the dissector called on this segment, even if it moves on
        const std::size_t end = dir->pdu.resumeAtStart ? 0 : dir->pduRemaining;
        const std::size_t more = dir->pdu.more(ctx, dir->pdu, p, end);
        if (more > 0) {
            dir->pduRemaining = static_cast<std::uint32_t>(more < 0x7fffffff ? more : 0x7fffffff);
            segmentOfPdu(before);
            return true;
        }
    }
    dir->pduRemaining = 0;
    const TcpPdu& pdu = dir->pdu;
    ctx.setProtocol(pdu.protocol);
    const std::uint16_t layer = ctx.out.addLayer(pdu.layerName, pdu.layerFilter, p.at, length, true);
    if (!pdu.bodyFilter.empty()) ctx.out.addLayer(pdu.bodyName, pdu.bodyFilter, p.at, length, true);
    addSegmentsLayer(ctx, p);
    if (pdu.complete) pdu.complete(ctx, layer, pdu, p);
    return true;
}

void abandonTcpPdu(DissectContext& ctx, TcpDirectionState& dir)
{
    dir.pduRemaining = 0;
    dir.pduWholeSegment = false;
    if (ctx.tcp) ctx.tcp->keptChanged(dir.pduBytes.capacity(), 0);
    std::vector<std::uint8_t>().swap(dir.pduBytes);
    if (ctx.pduPrefixes) ctx.pduPrefixes->drop(&dir);
}

void startTcpPdu(DissectContext& ctx, const TcpPdu& pdu, std::size_t bytesStillNeeded, std::uint16_t layer,
                 bool completeHere, ByteSpan start)
{
    TcpDirectionState* dir = ctx.tcpDirection;
    if (ctx.desegment && dir && bytesStillNeeded > 0) {
        const bool whole = bytesStillNeeded == kTcpPduOneMoreSegment;
        if (bytesStillNeeded == kTcpPduUntilFin) bytesStillNeeded = 0x7fffffff;
        dir->pduWholeSegment = whole;
        dir->pduRemaining = whole ? 1u
                                  : static_cast<std::uint32_t>(bytesStillNeeded < 0x7fffffff ? bytesStillNeeded : 0x7fffffff);
        dir->pdu = pdu;
        if (pdu.untilFin) dir->pdu.reassembled = nullptr;  // unbounded: never kept whole
        if (ctx.tcp) ctx.tcp->keptChanged(dir->pduBytes.capacity(), 0);
        std::vector<std::uint8_t>().swap(dir->pduBytes);
        // The whole PDU is reserved now, when its length is known, so the budget is charged
        // once and the segment that completes it never finds the budget spent by others.
        const std::size_t reserve = whole ? start.size() : start.size() + bytesStillNeeded;
        if (pdu.reassembled && (whole || reserve <= kMaxPduBytes) && (!ctx.tcp || ctx.tcp->mayKeep(reserve))) {
            dir->pduBytes.reserve(reserve);
            dir->pduBytes.assign(start.begin(), start.end());
            if (ctx.tcp) ctx.tcp->keptChanged(0, dir->pduBytes.capacity());
        } else {
            // Too large to keep, or the kept PDUs of all conversations fill the budget: shown
            // as the unkept kind.
            dir->pdu.reassembled = nullptr;
        }
        if (!completeHere) {
            // Nothing complete in this segment: the column stays TCP until the PDU is. A
            // dissector that cleared Info had added its item first (dissect_ssl's empty tree),
            // so its protocol stays in the frame's list.
            if (!pdu.clearsInfo) hideLayer(ctx.out, layer);
            ctx.setProtocol("TCP");
            if (pdu.clearsInfo) ctx.setInfo(writeNoInfo, layer);
            ctx.appendInfo(writeTcpSegmentOfPdu, layer, " ");
        }
        return;
    }
    ctx.setProtocol(pdu.protocol);
}

}  // namespace rcvmon

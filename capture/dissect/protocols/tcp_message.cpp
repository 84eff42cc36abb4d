// SPDX-License-Identifier: GPL-2.0-or-later
// TCP message collection for message-based protocols (see tcp_message.h). The kept bytes of
// each direction are keyed by the direction's state and checked against the next raw
// sequence number, so state left from another connection or file is never mistaken for
// this one's.
#include "dissect/protocols/tcp_message.h"

#include "dissect/protocols/tcp_options.h"
#include "dissect/tcp_conversations.h"

#include <atomic>
#include <unordered_map>
#include <vector>

namespace rcvmon {
namespace {

struct Kept {
    std::vector<std::uint8_t> bytes;
    std::size_t total = 0;
    std::uint32_t nextSeq = 0;
};

constexpr std::size_t kMaxKept = 1024;

// Per dissecting thread; entries keep their capacity for the next message.
std::unordered_map<const TcpDirectionState*, Kept>& keptMessages()
{
    thread_local std::unordered_map<const TcpDirectionState*, Kept> kept;
    return kept;
}

// The current segment's raw sequence number and length, from the TCP layer's fields.
bool segmentSequence(const DissectContext& ctx, std::uint32_t& seq, std::uint32_t& length)
{
    const auto fields = ctx.out.fields();
    bool haveSeq = false, haveLen = false;
    for (auto it = fields.rbegin(); it != fields.rend() && !(haveSeq && haveLen); ++it) {
        if (!haveSeq && it->id == field::TcpSeqRaw) {
            seq = static_cast<std::uint32_t>(it->number);
            haveSeq = true;
        } else if (!haveLen && it->id == field::TcpLen) {
            length = static_cast<std::uint32_t>(it->number);
            haveLen = true;
        }
    }
    return haveSeq && haveLen;
}

std::uint16_t showSegmentData(DissectContext& ctx, const Payload& p)
{
    const std::uint16_t layer =
        ctx.out.addLayer("TCP segment data", "data", p.at, static_cast<std::uint32_t>(p.data.size()), ctx.inReassembled);
    hideLayer(ctx.out, layer);
    return layer;
}

}  // namespace

namespace {

// Each Dissector's own pass: the window runs several on one thread (its in-order pass, the
// replays of its rows, the display filter), so a pass is numbered per Dissector and per
// reset(), never shared through the thread. Numbers are unique across every Dissector.
std::atomic<std::uint64_t> g_passes{0};
struct PassState final : ProtocolState {
    std::uint64_t id = ++g_passes;
    std::uint64_t lastFrame = 0;
    void clear() override
    {
        id = ++g_passes;
        lastFrame = 0;
    }
};
std::uint16_t passSlot = 0xffff;

}  // namespace

void registerDissectionPass(ProtocolRegistrar& r)
{
    passSlot = r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<PassState>(); });
}

std::uint64_t dissectionPass(const DissectContext& ctx)
{
    if (auto* state = ctx.state<PassState>(passSlot)) {
        if (ctx.frameNumber < state->lastFrame) state->id = ++g_passes;
        state->lastFrame = ctx.frameNumber;
        return state->id;
    }
    // Without a Dissector's state: the thread's frames in order.
    thread_local std::uint64_t lastFrame = 0, pass = 0;
    if (ctx.frameNumber < lastFrame) ++pass;
    lastFrame = ctx.frameNumber;
    return pass;
}

std::uint64_t connectionKey(const DissectContext& ctx)
{
    return reinterpret_cast<std::uintptr_t>(ctx.tcpConversation) ^ (dissectionPass(ctx) * 0x9e3779b97f4a7c15ull);
}

TcpMessageStep continueTcpMessage(DissectContext& ctx, const Payload& segment, Payload& whole, Payload& rest)
{
    if (!ctx.desegment || !ctx.tcpDirection) return TcpMessageStep::None;
    auto& kept = keptMessages();
    const auto it = kept.find(ctx.tcpDirection);
    if (it == kept.end() || it->second.total == 0) return TcpMessageStep::None;
    Kept& k = it->second;
    std::uint32_t seq = 0, length = 0;
    if (!segmentSequence(ctx, seq, length) || seq != k.nextSeq || segment.data.size() != segment.reported) {
        k.total = 0;  // a gap or a cut segment: the kept message cannot complete
        return TcpMessageStep::None;
    }
    const std::size_t need = k.total - k.bytes.size();
    const std::size_t take = std::min(need, segment.data.size());
    k.bytes.insert(k.bytes.end(), segment.data.begin(), segment.data.begin() + static_cast<std::ptrdiff_t>(take));
    Payload part{segment.data.first(take), take, segment.at};
    const std::uint16_t layer = showSegmentData(ctx, part);
    if (take < need) {
        k.nextSeq = seq + length;
        ctx.setProtocol("TCP");  // even where an option named the segment (MPTCP)
        ctx.appendInfo(writeTcpSegmentOfPdu, layer, " ");  // Wireshark's note on a middle segment
        return TcpMessageStep::Pending;
    }
    k.total = 0;
    whole = Payload{ByteSpan(k.bytes.data(), k.bytes.size()), k.bytes.size(), 0};
    rest = Payload{segment.data.subspan(take), segment.reported - take, segment.at + static_cast<std::uint32_t>(take)};
    return TcpMessageStep::Complete;
}

void markReassembled(DissectContext& ctx, std::size_t length)
{
    const std::uint16_t segments =
        ctx.out.addLayer("Reassembled TCP Segments", "tcp.segments", 0, static_cast<std::uint32_t>(length), true);
    ctx.out.layer(segments).listed = false;  // a TCP item, not a protocol of its own
}

bool pendingTcpMessage(const DissectContext& ctx)
{
    if (!ctx.desegment || !ctx.tcpDirection) return false;
    auto& kept = keptMessages();
    const auto it = kept.find(ctx.tcpDirection);
    if (it == kept.end() || it->second.total == 0) return false;
    std::uint32_t seq = 0, length = 0;
    return segmentSequence(ctx, seq, length) && seq == it->second.nextSeq;
}

void writeNoInfo(const LayerView&, std::string&) {}

bool beginTcpMessage(DissectContext& ctx, const Payload& from, std::size_t total, bool firstInSegment,
                     InfoWriter pendingInfo)
{
    if (!ctx.desegment || !ctx.tcpDirection || ctx.inReassembled || total > kMaxTcpMessage) return false;
    if (from.data.size() != from.reported || total <= from.data.size()) return false;
    std::uint32_t seq = 0, length = 0;
    if (!segmentSequence(ctx, seq, length)) return false;
    auto& kept = keptMessages();
    if (kept.size() >= kMaxKept && !kept.contains(ctx.tcpDirection)) {
        // Drop finished entries first; if every one is live, start over.
        std::erase_if(kept, [](const auto& e) { return e.second.total == 0; });
        if (kept.size() >= kMaxKept) kept.clear();
    }
    Kept& k = kept[ctx.tcpDirection];
    k.bytes.assign(from.data.begin(), from.data.end());
    k.total = total;
    k.nextSeq = seq + length;
    const std::uint16_t layer = showSegmentData(ctx, from);
    // Nothing complete came first in this segment: it stays TCP, with Wireshark's note.
    if (firstInSegment) {
        ctx.setProtocol("TCP");
        if (pendingInfo) ctx.setInfo(pendingInfo, layer);
        ctx.appendInfo(writeTcpSegmentOfPdu, layer, " ");
    }
    return true;
}

}  // namespace rcvmon

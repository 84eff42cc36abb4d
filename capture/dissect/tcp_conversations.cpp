// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/tcp_conversations.h"

#include <cstdint>

namespace rcvmon {
namespace {

constexpr std::uint16_t kFin = 0x01, kSyn = 0x02, kRst = 0x04, kAck = 0x10, kEce = 0x40, kCwr = 0x80, kAe = 0x100;

}  // namespace

void TcpUnacked::acknowledge(std::uint32_t ack)
{
    // Keep, newest first, what the ACK leaves unacknowledged (Wireshark's removal loop).
    std::array<Segment, kCapacity> kept{};
    std::uint8_t n = 0;
    forEachNewestFirst([&](const Segment& s) {
        if (static_cast<std::int32_t>(s.next - ack) <= 0) return;  // all acknowledged
        Segment rest = s;
        if (static_cast<std::int32_t>(ack - s.seq) > 0) rest.seq = ack;
        kept[n++] = rest;
    });
    m_count = n;
    m_head = static_cast<std::uint8_t>(n == 0 ? 0 : n - 1);
    for (std::uint8_t i = 0; i < n; ++i) m_items[static_cast<std::uint8_t>(n - 1 - i)] = kept[i];
}

std::size_t TcpConversations::boundBytes()
{
    return kMaxChunks * kChunkBytes + FlowIndex::boundBytes(kMaxFlows) + kMaxChunks * sizeof(Chunk);
}

std::size_t TcpConversations::memoryBytes() const
{
    return m_chunks.size() * kChunkBytes + m_index.memoryBytes() +
           m_chunks.capacity() * sizeof(Chunk);
}

void TcpConversations::clear()
{
    releaseKept();
    m_index.clear();
    m_used = 0;
    m_nextStream = 0;
}

// The table starts over: the forgotten conversations' buffers go now, not when reused.
void TcpConversations::releaseKept()
{
    for (std::uint32_t i = 0; i < m_used && m_keptBytes > 0; ++i)
        for (TcpDirectionState& dir : slot(i).dir) {
            keptChanged(dir.pduBytes.capacity(), 0);
            std::vector<std::uint8_t>().swap(dir.pduBytes);
        }
    m_keptBytes = 0;
}

std::uint32_t TcpConversations::newConversation(const ConversationKey& key)
{
    if (m_used >= kMaxFlows) {
        // Full: start over rather than grow past the bound. Streams keep their numbering.
        releaseKept();
        m_index.clear();
        m_used = 0;
    }
    const std::uint32_t i = m_used++;
    if (i / kChunk >= m_chunks.size()) {
        m_chunks.reserve(kMaxChunks);
        m_chunks.emplace_back(kChunk);
    }
    TcpConversation& conv = slot(i);
    for (const TcpDirectionState& dir : conv.dir) keptChanged(dir.pduBytes.capacity(), 0);
    conv = TcpConversation{};
    conv.stream = m_nextStream++;
    m_index.set(key, i);
    return i;
}

void TcpConversations::prefetch(std::uint8_t family, const Endpoint& src, const Endpoint& dst) const
{
    bool forward = true;
    m_index.prefetch(makeFlowKey(family, src.addr, src.port, dst.addr, dst.port, forward));
}

void TcpConversations::prefetchRecord(std::uint8_t family, const Endpoint& src, const Endpoint& dst) const
{
#if defined(__GNUC__) || defined(__clang__)
    bool forward = true;
    const std::uint32_t i = m_index.find(makeFlowKey(family, src.addr, src.port, dst.addr, dst.port, forward));
    if (i == FlowIndex::kNone || i >= m_used) return;
    // Every cache line the record spans (it need not start on one).
    const auto first = reinterpret_cast<std::uintptr_t>(&slot(i)) & ~std::uintptr_t{63};
    const auto end = reinterpret_cast<std::uintptr_t>(&slot(i)) + sizeof(TcpConversation);
    for (std::uintptr_t line = first; line < end; line += 64) __builtin_prefetch(reinterpret_cast<const void*>(line), 1);
#else
    (void)family;
    (void)src;
    (void)dst;
#endif
}

TcpConversations::Result TcpConversations::observe(std::uint8_t family, const Endpoint& src, const Endpoint& dst,
                                                   const Segment& s)
{
    bool forward = true;
    const ConversationKey key = makeFlowKey(family, src.addr, src.port, dst.addr, dst.port, forward);
    std::uint32_t index = m_index.find(key);
    if (index == FlowIndex::kNone) index = newConversation(key);
    TcpConversation* conv = &slot(index);
    const int me = forward ? 0 : 1;
    const bool syn = (s.flags & kSyn) != 0, ack = (s.flags & kAck) != 0;
    Result r;
    r.relSeq = s.seq;
    r.relAck = s.ack;

    if (!s.inError) {
        // A SYN (or SYN+ACK) with another initial sequence number than the one this
        // direction started with: the ports were reused for a new connection.
        const TcpDirectionState& before = conv->dir[me];
        if (syn && before.baseKnown && before.base != s.seq) {
            conv = &slot(newConversation(key));
            r.analysis.flags |= tcp_analysis::ReusedPorts;
        }
    }
    TcpDirectionState& mine = conv->dir[me];
    TcpDirectionState& peer = conv->dir[1 - me];
    r.conversation = conv;
    r.direction = &mine;
    r.peer = &peer;
    if (s.inError) return r;

    if (syn && !ack) conv->accEcnSyn = (s.flags & (kAe | kCwr | kEce)) == (kAe | kCwr | kEce);
    if (syn && ack) conv->accEcnSynAck = (s.flags & (kAe | kCwr)) == kCwr || (s.flags & (kAe | kEce)) == kAe;

    // tshark 4.0 learns the initial sequence numbers in its sequence analysis, which needs the
    // segment's length: an unreassembled fragment is numbered from whatever is known (raw when
    // nothing is) and teaches nothing.
    if (s.haveLength) {
        if (!mine.baseKnown) {
            mine.base = syn ? s.seq : s.seq - 1;
            mine.baseKnown = true;
        }
        if (ack && !peer.baseKnown) {
            peer.base = s.ack - 1;
            peer.baseKnown = true;
        }
    }
    r.relSeq = s.seq - mine.base;
    if (ack) r.relAck = s.ack - peer.base;
    if (!s.haveLength) return r;

    const Analysis a = analyzeTcpSegment(*conv, me, s);
    r.analysis.flags |= a.flags;
    r.analysis.dupAckNum = a.dupAckNum;
    r.analysis.dupAckFrame = a.dupAckFrame;

    const std::uint32_t end = s.seq + s.length + (syn ? 1 : 0) + ((s.flags & kFin) ? 1 : 0);
    if (mine.highestKnown && s.length > 0 && static_cast<std::int32_t>(end - mine.highestEnd) <= 0)
        r.retransmission = true;
    if (!mine.highestKnown || static_cast<std::int32_t>(end - mine.highestEnd) > 0) {
        mine.highestEnd = end;
        mine.highestKnown = true;
    }

    // What Wireshark notes after the analysis: the SYN's time for the initial RTT (which sets
    // the out-of-order threshold), and the first pure ACK that ends window-scale start-up.
    if (syn) {
        if (!ack) conv->synTime = s.timeNs;
        mine.isFirstAck = true;
    }
    if ((s.flags & (kSyn | kAck)) == kAck) {
        // Unsigned: a damaged file's times can lie further apart than a signed difference holds.
        if (conv->synTime != 0 && conv->firstRtt == 0)
            conv->firstRtt = static_cast<std::int64_t>(static_cast<std::uint64_t>(s.timeNs)
                                                       - static_cast<std::uint64_t>(conv->synTime));
        mine.isFirstAck = false;
    }
    if ((s.flags & (kFin | kAck)) == (kFin | kAck) || (s.flags & kRst)) conv->finOrRst = true;
    return r;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "frame_replay.h"

#include "dissection_digest.h"
#include "packet_store_view.h"

#include "dissect/field_registry.h"

#include <algorithm>

namespace rcvmon {

FrameReplay::FrameReplay(PacketStoreView& store, const StreamChainIndex& index) : m_store(store), m_index(index)
{
    for (auto& cursor : m_cursors) cursor = std::make_unique<Cursor>();
    m_prefix = std::make_unique<Cursor>();
    m_tcpStream = findField("tcp.stream").value_or(0);
    m_udpStream = findField("udp.stream").value_or(0);
}

FrameReplay::~FrameReplay() = default;

void FrameReplay::setInterfaceNames(const Dissector::InterfaceNames& names)
{
    for (auto& cursor : m_cursors) cursor->dissector.setInterfaceNames(names);
    m_prefix->dissector.setInterfaceNames(names);
}

void FrameReplay::setFrameComments(const Dissector::FrameComments& comments)
{
    for (auto& cursor : m_cursors) cursor->dissector.setFrameComments(comments);
    m_prefix->dissector.setFrameComments(comments);
}

bool FrameReplay::dissect(std::uint64_t number, Dissection& out, FrameRef& frame)
{
    if (!m_index.covers(number)) {
        if (number >= m_index.endIndexed()) {
            m_pendingFirst = m_pendingFirst == 0 ? number : std::min(m_pendingFirst, number);
            m_pendingLast = std::max(m_pendingLast, number);
        }
        return false;
    }
    if (replayChain(number, out, frame)) return true;
    return replayPrefix(number, out, frame);
}

bool FrameReplay::settled(std::uint64_t& first, std::uint64_t& last)
{
    const std::uint64_t end = m_index.endIndexed();
    if (m_pendingFirst == 0 || m_pendingFirst >= end) return false;
    first = m_pendingFirst;
    last = std::min(m_pendingLast, end - 1);
    if (m_pendingLast >= end) m_pendingFirst = end;
    else m_pendingFirst = m_pendingLast = 0;
    return true;
}

bool FrameReplay::feed(Cursor& cursor, std::uint64_t number)
{
    FrameRef frame;
    if (!m_store.frame(number, frame)) return false;
    cursor.dissector.dissect(frame, number, m_scratch);
    ++m_counts.framesDissected;
    return true;
}

void FrameReplay::correctStreams(const StreamChainIndex::StreamIds& ids, Dissection& out) const
{
    // The replay met its chain's streams first, so it numbered them 0; the pass's numbers are
    // the CLI's. Any other number fails the digest check and goes the long way.
    for (const FieldRecord& f : out.fields()) {
        if (f.number != 0) continue;
        std::uint32_t real = StreamChainIndex::StreamIds::None;
        if (f.id == m_tcpStream && m_tcpStream != 0) real = ids.tcp;
        else if (f.id == m_udpStream && m_udpStream != 0) real = ids.udp;
        // The record is the dissection's own (non-const) storage; fields() only hands it out const.
        if (real != StreamChainIndex::StreamIds::None) const_cast<FieldRecord&>(f).number = real;
    }
}

bool FrameReplay::replayChain(std::uint64_t number, Dissection& out, FrameRef& frame)
{
    // Walk the chain back until its start, the oldest retained frame, or a cursor that
    // stopped on it (a cursor's state is its chain's up to the frame it stopped at).
    const std::uint64_t oldest = std::max(m_store.firstNumber(), m_index.firstIndexed());
    m_chain.clear();
    Cursor* cursor = nullptr;
    std::uint64_t n = number;
    for (;;) {
        m_chain.push_back(n);
        const std::uint32_t back = m_index.entry(n).back;
        if (back == 0 || n - back < oldest) break;
        n -= back;
        const auto found = std::find_if(m_cursors.begin(), m_cursors.end(), [n](const auto& c) { return c->last == n; });
        if (found != m_cursors.end()) {
            cursor = found->get();
            break;
        }
    }
    if (!cursor) {
        cursor = std::min_element(m_cursors.begin(), m_cursors.end(), [](const auto& a, const auto& b) {
                     return a->used < b->used;
                 })->get();
        cursor->dissector.reset();
        cursor->ids = m_index.streamsOfChainAt(m_chain.back());
    }
    cursor->used = ++m_clock;
    cursor->last = 0;  // until it stands on `number`
    for (std::size_t i = m_chain.size(); i-- > 1;) feed(*cursor, m_chain[i]);
    if (!m_store.frame(number, frame)) return false;
    cursor->dissector.dissect(frame, number, out);
    ++m_counts.framesDissected;
    cursor->last = number;
    correctStreams(cursor->ids, out);
    if (dissectionDigest(out) != m_index.entry(number).digest) return false;
    ++m_counts.chainReplays;
    return true;
}

bool FrameReplay::replayPrefix(std::uint64_t number, Dissection& out, FrameRef& frame)
{
    // Every retained frame before `number`, in order, as the pass dissected them: continue
    // from where this cursor stopped when it stopped before `number`.
    const std::uint64_t oldest = std::max(m_store.firstNumber(), m_index.firstIndexed());
    Cursor& cursor = *m_prefix;
    std::uint64_t from = cursor.last + 1;
    if (cursor.last == 0 || cursor.last >= number || cursor.last < oldest) {
        cursor.dissector.reset();
        from = oldest;
    }
    cursor.last = 0;
    for (std::uint64_t n = from; n < number; ++n) feed(cursor, n);
    if (!m_store.frame(number, frame)) return false;
    cursor.dissector.dissect(frame, number, out);
    ++m_counts.framesDissected;
    cursor.last = number;
    ++m_counts.prefixReplays;
    return true;
}

}  // namespace rcvmon

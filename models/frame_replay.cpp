// SPDX-License-Identifier: GPL-2.0-or-later
#include "frame_replay.h"

#include "dissection_digest.h"
#include "packet_store_view.h"

#include "dissect/field_registry.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

namespace rcvmon {

namespace {
constexpr qint64 SliceNs = 5'000'000;  // as StorePass: short enough not to be felt
constexpr std::size_t WholeChain = SIZE_MAX - 1;  // chainTo's limit when every link is needed
}

FrameReplay::FrameReplay(PacketStoreView& store, const StreamChainIndex& index)
    : m_store(store), m_index(index), m_timer(std::make_unique<QTimer>())
{
    for (auto& cursor : m_cursors) cursor = std::make_unique<Cursor>();
    m_prefix = std::make_unique<Cursor>();
    m_tcpStream = findField("tcp.stream").value_or(0);
    m_udpStream = findField("udp.stream").value_or(0);
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    QObject::connect(m_timer.get(), &QTimer::timeout, m_timer.get(), [this] { work(); });
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
    if (keptResult(number, out, frame)) return true;
    if (m_deferred.count(number) != 0) return false;
    const std::size_t limit = std::min(DirectFrames, m_budget);
    Cursor* cursor = nullptr;
    if (chainTo(number, cursor, limit) > limit) {
        defer(number);
        return false;
    }
    Cursor& c = cursor ? *cursor : takeCursor(m_chain.back());
    c.used = ++m_clock;
    c.last = 0;  // until it stands on `number`
    if (m_budget != SIZE_MAX) m_budget -= m_chain.size() - 1;
    for (std::size_t i = m_chain.size(); i-- > 1;) feed(c, m_chain[i]);
    if (finish(c, number, out, frame)) {
        ++m_counts.chainReplays;
        keep(number, out);
        return true;
    }
    const std::uint64_t oldest = std::max(m_store.firstNumber(), m_index.firstIndexed());
    const bool continues = m_prefix->last != 0 && m_prefix->last < number && m_prefix->last >= oldest;
    const std::uint64_t needed = number - (continues ? m_prefix->last + 1 : oldest);
    if (m_prefix->held || needed > std::min(DirectFrames, m_budget)) {
        defer(number);
        return false;
    }
    if (m_budget != SIZE_MAX) m_budget -= needed;
    if (!replayPrefix(number, out, frame)) return false;
    keep(number, out);
    return true;
}

// The colour of a row is asked for right after its text, and the detail pane after a click:
// a copy of a result the replay already made saves replaying the chain again.
void FrameReplay::keep(std::uint64_t number, const Dissection& result)
{
    const auto it = std::find_if(m_kept.begin(), m_kept.end(), [number](const auto& kept) { return kept.first == number; });
    if (it != m_kept.end()) m_kept.erase(it);
    m_kept.emplace_front(number, result);
    if (m_kept.size() > KeptResults) m_kept.pop_back();
}

FrameReplay::PaintBudget::PaintBudget(FrameReplay* replay, std::size_t frames)
    : m_replay(replay), m_outer(replay ? replay->m_budget : SIZE_MAX), m_given(std::min(m_outer, frames))
{
    if (m_replay) m_replay->m_budget = m_given;
}

FrameReplay::PaintBudget::~PaintBudget()
{
    if (!m_replay) return;
    const std::size_t spent = m_given - m_replay->m_budget;
    m_replay->m_budget = m_outer == SIZE_MAX ? SIZE_MAX : m_outer - spent;
}

void FrameReplay::forget(std::uint64_t number)
{
    const auto it = std::find_if(m_kept.begin(), m_kept.end(), [number](const auto& kept) { return kept.first == number; });
    if (it != m_kept.end()) m_kept.erase(it);
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

// Fills m_chain with `number` and the frames of its chain before it, newest first, back to the
// chain's start, the oldest retained frame, or a cursor that stopped on one of them (a cursor's
// state is its chain's up to the frame it stopped at). Returns how many must be replayed; past
// `limit` it stops walking and returns limit + 1 (m_chain is then incomplete): a long chain's
// links are scattered over the index, a cache miss each, and a paint only needs to know it is long.
std::size_t FrameReplay::chainTo(std::uint64_t number, Cursor*& cursor, std::size_t limit)
{
    const std::uint64_t oldest = std::max(m_store.firstNumber(), m_index.firstIndexed());
    m_chain.clear();
    cursor = nullptr;
    std::uint64_t n = number;
    for (;;) {
        m_chain.push_back(n);
        if (m_chain.size() > limit + 1) return limit + 1;
        const std::uint32_t back = m_index.entry(n).back;
        if (back == 0 || n - back < oldest) break;
        n -= back;
        const auto found = std::find_if(m_cursors.begin(), m_cursors.end(), [n](const auto& c) { return c->last == n; });
        if (found != m_cursors.end()) {
            cursor = found->get();
            break;
        }
    }
    return m_chain.size() - 1;
}

FrameReplay::Cursor& FrameReplay::takeCursor(std::uint64_t chainStart)
{
    Cursor* oldest = nullptr;
    for (const auto& c : m_cursors)
        if (!c->held && (!oldest || c->used < oldest->used)) oldest = c.get();
    // Cursors > 1 and at most one is held by the deferred job: one is always free.
    oldest->dissector.reset();
    oldest->last = 0;
    oldest->ids = m_index.streamsOfChainAt(chainStart);
    return *oldest;
}

bool FrameReplay::finish(Cursor& cursor, std::uint64_t number, Dissection& out, FrameRef& frame)
{
    if (!m_store.frame(number, frame)) return false;
    cursor.dissector.dissect(frame, number, out);
    ++m_counts.framesDissected;
    cursor.last = number;
    correctStreams(cursor.ids, out);
    return dissectionDigest(out) == m_index.entry(number).digest;
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

bool FrameReplay::keptResult(std::uint64_t number, Dissection& out, FrameRef& frame)
{
    const auto it = std::find_if(m_kept.begin(), m_kept.end(), [number](const auto& kept) { return kept.first == number; });
    if (it == m_kept.end() || !m_store.frame(number, frame)) return false;
    out = it->second;
    m_kept.splice(m_kept.begin(), m_kept, it);
    return true;
}

void FrameReplay::defer(std::uint64_t number)
{
    if (m_deferred.size() >= MaxDeferred) return;  // shown alone until asked for again
    m_deferred.insert(number);
    ++m_counts.deferred;
    if (!m_timer->isActive()) m_timer->start();
}

// The lowest deferred frame becomes the job: its chain's frames on a held cursor.
void FrameReplay::startJob()
{
    const std::uint64_t target = *m_deferred.begin();
    m_job = Job{};
    if (!m_index.covers(target)) {
        m_deferred.erase(m_deferred.begin());
        return;
    }
    Cursor* cursor = nullptr;
    chainTo(target, cursor, WholeChain);
    Cursor& c = cursor ? *cursor : takeCursor(m_chain.back());
    c.held = true;
    c.last = 0;
    c.used = ++m_clock;
    m_job.target = target;
    m_job.cursor = &c;
    m_job.frames.assign(m_chain.rbegin(), m_chain.rend() - 1);
}

void FrameReplay::work()
{
    QElapsedTimer clock;
    clock.start();
    std::vector<std::uint64_t> ready;
    while (clock.nsecsElapsed() < SliceNs) {
        if (m_job.target == 0) {
            if (m_deferred.empty()) break;
            startJob();
            continue;
        }
        Job& job = m_job;
        if (job.prefix) {
            for (int k = 0; k < 64 && job.next < job.target; ++k) feed(*job.cursor, job.next++);
            if (job.next < job.target) continue;
        } else {
            for (int k = 0; k < 64 && job.next < job.frames.size(); ++k) feed(*job.cursor, job.frames[job.next++]);
            if (job.next < job.frames.size()) continue;
        }
        Dissection result;
        FrameRef frame;
        if (!job.prefix) {
            const bool exact = finish(*job.cursor, job.target, result, frame);
            job.cursor->held = false;
            if (!exact) {
                // Its state is not its chain's alone: every retained frame before it, in order.
                const std::uint64_t oldest = std::max(m_store.firstNumber(), m_index.firstIndexed());
                Cursor& p = *m_prefix;
                const bool continues = p.last != 0 && p.last < job.target && p.last >= oldest;
                if (!continues) p.dissector.reset();
                job.next = continues ? p.last + 1 : oldest;
                p.last = 0;
                p.held = true;
                job.cursor = &p;
                job.prefix = true;
                continue;
            }
            ++m_counts.chainReplays;
        } else {
            if (m_store.frame(job.target, frame)) {
                job.cursor->dissector.dissect(frame, job.target, result);
                ++m_counts.framesDissected;
                job.cursor->last = job.target;
            }
            job.cursor->held = false;
            ++m_counts.prefixReplays;
        }
        keep(job.target, result);
        m_deferred.erase(job.target);
        ready.push_back(job.target);
        m_job = Job{};
    }
    if (!m_deferred.empty()) m_timer->start();
    // Exactly those frames: refreshing others would drop rows already right from the views' caches.
    if (!ready.empty() && m_ready) m_ready(ready);
}

}  // namespace rcvmon

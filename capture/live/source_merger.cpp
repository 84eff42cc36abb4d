// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/source_merger.h"

#include <algorithm>
#include <utility>

namespace rcvmon {
namespace {

using SteadyClock = std::chrono::steady_clock;

std::int64_t realtimeNanoseconds()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

constexpr std::size_t kBatchFrames = 4096;

}  // namespace

constexpr std::size_t kMemberBandwidthSeconds = 300;

struct SourceMerger::Slot {
    Slot(std::unique_ptr<CaptureSource> s, std::chrono::milliseconds lag, std::size_t queueBytes)
        : lagNs(std::chrono::nanoseconds(lag).count()), queue(queueBytes), bins(kMemberBandwidthSeconds)
    {
        source.store(s.get());
        owned.push_back(std::move(s));
    }
    CaptureSource* src() const { return source.load(std::memory_order_acquire); }

    // The live source; every source this member has had stays in `owned` until the merger
    // dies, so a pointer another thread loaded never dangles (replaceMember).
    std::atomic<CaptureSource*> source{nullptr};
    std::vector<std::unique_ptr<CaptureSource>> owned;
    std::int64_t lagNs;
    SpscRing queue;
    std::thread thread;
    std::uint32_t id = 0;
    // Frames stamped before this (wall clock, ns) have all been queued; written by the
    // member's thread after each poll.
    std::atomic<std::int64_t> watermarkNs{0};
    std::atomic<MemberState> state{MemberState::Running};
    std::atomic<CaptureMode> capturingMode{CaptureMode::Off};  // the last mode other than Off
    std::atomic<std::uint64_t> droppedQueue{0};
    BandwidthBins bins;  // written by the member's thread
    // The mode frames are tagged with: `tagMode`, or `previousMode` for frames stamped in
    // the two seconds before `switchNs` (wall clock, ns; 0: no switch yet).
    std::atomic<CaptureMode> tagMode{CaptureMode::Off};
    std::atomic<CaptureMode> previousMode{CaptureMode::Off};
    std::atomic<std::int64_t> switchNs{0};
    std::string message;  // under the merger's notice mutex
    // Merger thread only: since when the queue has been non-empty without a pause.
    SteadyClock::time_point busySince{};
    bool busy = false;
};

namespace {

// Copies each frame into the member's queue as interface `id`; runs on the member's thread.
class QueueSink final : public FrameSink {
public:
    QueueSink(SpscRing& queue, std::uint32_t id, std::atomic<std::uint64_t>& dropped, BandwidthBins& bins)
        : m_queue(queue), m_id(id), m_dropped(dropped), m_bins(bins)
    {
    }
    void onFrame(const FrameRef& frame) override
    {
        FrameRef f = frame;
        f.interfaceId = m_id;
        // Totals only: the session classifies protocols for the capture as a whole.
        m_bins.add(f.ts, f.direction, ProtocolClass::Other, f.originalLength);
        if (!m_queue.tryStage(f)) m_dropped.store(m_dropped.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
        ++m_delivered;
    }
    std::uint64_t delivered() const { return m_delivered; }

private:
    SpscRing& m_queue;
    std::uint32_t m_id;
    std::atomic<std::uint64_t>& m_dropped;
    BandwidthBins& m_bins;
    std::uint64_t m_delivered = 0;
};

}  // namespace

std::unique_ptr<SourceMerger> SourceMerger::create(std::vector<Member> members, std::string& error)
{
    return create(std::move(members), Options{}, error);
}

std::unique_ptr<SourceMerger> SourceMerger::create(std::vector<Member> members, const Options& options,
                                                   std::string& error)
{
    if (members.empty()) {
        error = "no interfaces to capture on";
        return nullptr;
    }
    for (const auto& m : members)
        if (!m.source) {
            error = "an interface of the capture could not be opened";
            return nullptr;
        }
    std::unique_ptr<SourceMerger> merger(new SourceMerger(std::move(members), options));
    if (!merger->startThreads(error)) return nullptr;
    return merger;
}

SourceMerger::SourceMerger(std::vector<Member> members, const Options& options) : m_options(options)
{
    for (auto& m : members) {
        auto slot = std::make_unique<Slot>(std::move(m.source), m.deliveryLag, options.queueBytes);
        slot->id = static_cast<std::uint32_t>(m_members.size());
        slot->capturingMode.store(slot->src()->mode());
        slot->tagMode.store(slot->src()->mode());
        m_name += (m_name.empty() ? "" : ", ") + slot->src()->name();
        m_members.push_back(std::move(slot));
    }
}

bool SourceMerger::startThreads(std::string& error)
{
    try {
        for (auto& slot : m_members) slot->thread = std::thread([this, s = slot.get()] { runMember(*s); });
    } catch (const std::system_error& e) {
        error = std::string("cannot start a capture thread: ") + e.what();
        return false;  // the destructor joins those that started
    }
    return true;
}

SourceMerger::~SourceMerger()
{
    m_stop.store(true, std::memory_order_release);
    std::lock_guard lock(m_replaceMutex);
    for (auto& slot : m_members) slot->src()->wakeup();
    for (auto& slot : m_members)
        if (slot->thread.joinable()) slot->thread.join();
}

void SourceMerger::runMember(Slot& slot)
{
    QueueSink sink(slot.queue, slot.id, slot.droppedQueue, slot.bins);
    CaptureSource& source = *slot.src();
    PollResult result = PollResult::Frames;
    while (!m_stop.load(std::memory_order_acquire)) {
        // One last look at what the source holds once the merge is finishing.
        const bool last = m_finishing.load(std::memory_order_acquire);
        if (last && source.mode() != CaptureMode::Off) {
            // Off first: AF_PACKET then hands over the block it was filling on the next poll.
            std::string ignored;
            source.setMode(CaptureMode::Off, ignored);
        }
        const std::int64_t startNs = realtimeNanoseconds();
        const std::uint64_t before = sink.delivered();
        result = source.poll(sink, last ? 0 : m_options.memberPollMs);
        slot.queue.publish();
        slot.watermarkNs.store(startNs - slot.lagNs, std::memory_order_release);
        if (sink.delivered() != before) signal();
        if (result != PollResult::Frames || last) break;
    }
    slot.queue.publish();
    std::string why;
    MemberState state = MemberState::Ended;
    if (result == PollResult::Error) {
        state = MemberState::Failed;
        why = source.error().empty() ? "capture on " + source.name() + " failed" : source.error();
    } else if (result == PollResult::End) {
        why = source.error().empty() ? source.name() + " ended" : source.error();
    }
    if (!why.empty()) addNotice(why);
    {
        std::lock_guard lock(m_noticeMutex);
        slot.message = why;
    }
    slot.state.store(state, std::memory_order_release);
    signal();
}

void SourceMerger::signal()
{
    {
        std::lock_guard lock(m_wakeMutex);
        m_woken = true;
    }
    m_wake.notify_one();
}

void SourceMerger::wakeup()
{
    {
        std::lock_guard lock(m_wakeMutex);
        m_interrupted = true;
    }
    m_wake.notify_one();
}

void SourceMerger::finishMembers()
{
    m_finishing.store(true, std::memory_order_release);
    for (auto& slot : m_members) slot->src()->wakeup();
    signal();
}

PollResult SourceMerger::poll(FrameSink& sink, int timeoutMs)
{
    const auto start = SteadyClock::now();
    const auto deadline = timeoutMs < 0 ? SteadyClock::time_point::max() : start + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        const auto now = SteadyClock::now();
        auto release = SteadyClock::time_point::max();
        if (mergeReady(sink, now, release) > 0) return PollResult::Frames;
        bool allDone = true;
        for (const auto& slot : m_members)
            allDone = allDone && slot->state.load(std::memory_order_acquire) != MemberState::Running && slot->queue.empty();
        if (allDone && (m_options.endWhenAllEnd || m_finishing.load(std::memory_order_acquire))) return PollResult::End;
        if (now >= deadline) return PollResult::Frames;
        std::unique_lock lock(m_wakeMutex);
        // A held frame is looked at again when its member's watermark may have passed it:
        // at most a member poll's time later.
        const auto recheck = std::min(release, now + std::chrono::milliseconds(m_options.memberPollMs));
        m_wake.wait_until(lock, std::min(deadline, recheck), [this] { return m_woken || m_interrupted; });
        m_woken = false;
        // wakeup() (a stop, a switch) must reach the session at once.
        if (std::exchange(m_interrupted, false)) {
            lock.unlock();
            auto ignored = SteadyClock::time_point::max();
            mergeReady(sink, SteadyClock::now(), ignored);
            return PollResult::Frames;
        }
    }
}

std::size_t SourceMerger::mergeReady(FrameSink& sink, SteadyClock::time_point now, SteadyClock::time_point& release)
{
    const std::size_t n = m_members.size();
    // Per member: done (no more frames will come), its head, and its watermark.
    struct Head {
        bool done = false;
        bool has = false;
        RingEntry entry;
        std::int64_t ns = 0;
    };
    Head heads[64];
    std::vector<Head> many;
    Head* h = heads;
    if (n > 64) {
        many.resize(n);
        h = many.data();
    }
    const bool finishing = m_finishing.load(std::memory_order_acquire);
    for (std::size_t i = 0; i < n; ++i) {
        Slot& slot = *m_members[i];
        // State first: a finished member published every frame before saying so.
        h[i].done = slot.state.load(std::memory_order_acquire) != MemberState::Running;
        h[i].has = slot.queue.front(h[i].entry);
        if (h[i].has) h[i].ns = h[i].entry.frame.ts.totalNanoseconds();
        if (h[i].has && !slot.busy) {
            slot.busy = true;
            slot.busySince = now;
        } else if (!h[i].has) {
            slot.busy = false;
        }
    }
    // Finishing and every member done: nothing earlier can come, the watermarks no longer matter.
    bool flushAll = finishing;
    for (std::size_t i = 0; i < n; ++i) flushAll = flushAll && h[i].done;
    std::size_t emitted = 0;
    while (emitted < kBatchFrames) {
        std::size_t best = n;
        for (std::size_t i = 0; i < n; ++i)
            if (h[i].has && (best == n || h[i].ns < h[best].ns)) best = i;
        if (best == n) break;
        Slot& chosen = *m_members[best];
        bool safe = flushAll || now - chosen.busySince >= m_options.maxHold;
        if (!safe) {
            safe = true;
            for (std::size_t j = 0; j < n && safe; ++j)
                if (j != best && !h[j].has && !h[j].done &&
                    m_members[j]->watermarkNs.load(std::memory_order_acquire) < h[best].ns)
                    safe = false;
        }
        if (!safe) {
            // Recheck when the hold runs out at the latest.
            release = chosen.busySince + m_options.maxHold;
            break;
        }
        sink.onFrame(h[best].entry.frame);
        chosen.queue.pop();
        ++emitted;
        h[best].has = chosen.queue.front(h[best].entry);
        if (h[best].has) h[best].ns = h[best].entry.frame.ts.totalNanoseconds();
        else chosen.busy = false;
    }
    return emitted;
}

void SourceMerger::addNotice(std::string text)
{
    std::lock_guard lock(m_noticeMutex);
    m_notices.push_back(std::move(text));
}

std::vector<std::string> SourceMerger::notices() const
{
    std::lock_guard lock(m_noticeMutex);
    return m_notices;
}

CaptureStats SourceMerger::stats() const
{
    CaptureStats total;
    for (const auto& slot : m_members) {
        const CaptureStats s = slot->src()->stats();
        total.received += s.received;
        total.droppedKernel += s.droppedKernel;
        total.remoteKernel += s.remoteKernel;
        total.remoteRing += s.remoteRing;
    }
    return total;
}

std::vector<SourceMerger::MemberStatus> SourceMerger::members() const
{
    std::vector<MemberStatus> out;
    for (const auto& slot : m_members) {
        MemberStatus s;
        s.name = slot->src()->name();
        s.mode = slot->src()->mode();
        s.capturingMode = slot->capturingMode.load();
        s.stats = slot->src()->stats();
        s.droppedQueue = slot->droppedQueue.load(std::memory_order_relaxed);
        s.state = slot->state.load(std::memory_order_acquire);
        {
            std::lock_guard lock(m_noticeMutex);
            s.message = slot->message;
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::uint32_t SourceMerger::linkType() const
{
    return m_members.front()->src()->linkType();
}

std::string SourceMerger::interfaceName(std::uint32_t id) const
{
    return id < m_members.size() ? m_members[id]->src()->name() : std::string();
}

std::uint32_t SourceMerger::interfaceLinkType(std::uint32_t id) const
{
    return id < m_members.size() ? m_members[id]->src()->linkType() : 0;
}

CaptureMode SourceMerger::mode() const
{
    const CaptureMode first = m_members.front()->src()->mode();
    for (const auto& slot : m_members)
        if (slot->src()->mode() != first) {
            for (const auto& other : m_members)
                if (other->src()->mode() != CaptureMode::Off) return other->src()->mode();
        }
    return first;
}

bool SourceMerger::setMode(CaptureMode mode, std::string& error)
{
    for (std::uint32_t id = 0; id < m_members.size(); ++id)
        if (!setMemberMode(id, mode, error)) return false;
    return true;
}

bool SourceMerger::setMemberMode(std::uint32_t id, CaptureMode mode, std::string& error)
{
    if (id >= m_members.size()) {
        error = "no interface " + std::to_string(id) + " in this capture";
        return false;
    }
    std::lock_guard lock(m_modeMutex);
    Slot& slot = *m_members[id];
    CaptureSource& source = *slot.src();
    if (source.mode() == mode) return true;
    // A member that has ended (a lost connection) has nothing left to switch.
    if (m_members[id]->state.load(std::memory_order_acquire) != MemberState::Running && mode == CaptureMode::Off)
        return true;
    // Frames the member's kernel buffered before now were caught in the old mode (a switch
    // through Off, as the session makes it, keeps the mode before the Off).
    if (slot.tagMode.load() != CaptureMode::Off) {
        slot.previousMode.store(slot.tagMode.load());
        slot.switchNs.store(realtimeNanoseconds(), std::memory_order_release);
    }
    if (source.mode() != CaptureMode::Off && !source.setMode(CaptureMode::Off, error)) return false;
    slot.tagMode.store(CaptureMode::Off);
    if (mode == CaptureMode::Off) return true;
    if (!source.setMode(mode, error)) return false;
    slot.tagMode.store(mode);
    slot.capturingMode.store(mode);
    return true;
}

std::optional<CaptureMode> SourceMerger::interfaceModeAt(std::uint32_t id, const Timestamp& ts) const
{
    if (id >= m_members.size()) return std::nullopt;
    const Slot& slot = *m_members[id];
    const std::int64_t switchNs = slot.switchNs.load(std::memory_order_acquire);
    const std::int64_t ns = ts.totalNanoseconds();
    if (switchNs != 0 && ns < switchNs && ns > switchNs - 2'000'000'000 && slot.previousMode.load() != CaptureMode::Off)
        return slot.previousMode.load();
    const CaptureMode mode = slot.tagMode.load();
    // Between Off and the new mode a frame still belongs to the mode it was caught in.
    return mode == CaptureMode::Off ? slot.capturingMode.load() : mode;
}

const BandwidthBins* SourceMerger::memberBandwidth(std::uint32_t id) const
{
    return id < m_members.size() ? &m_members[id]->bins : nullptr;
}

bool SourceMerger::replaceMember(std::uint32_t id, std::unique_ptr<CaptureSource> source, std::string& error)
{
    if (id >= m_members.size() || !source) {
        error = "no interface " + std::to_string(id) + " in this capture";
        return false;
    }
    std::lock_guard lock(m_replaceMutex);
    Slot& slot = *m_members[id];
    if (m_finishing.load(std::memory_order_acquire) || m_stop.load(std::memory_order_acquire)) {
        error = "the capture is ending";
        return false;
    }
    if (slot.state.load(std::memory_order_acquire) == MemberState::Running) {
        error = slot.src()->name() + " is still capturing";
        return false;
    }
    // The old thread has finished its last publish; the new one takes over the queue as its producer.
    if (slot.thread.joinable()) slot.thread.join();
    CaptureSource* next = source.get();
    slot.owned.push_back(std::move(source));
    slot.source.store(next, std::memory_order_release);
    slot.capturingMode.store(next->mode() == CaptureMode::Off ? slot.capturingMode.load() : next->mode());
    slot.tagMode.store(next->mode());
    slot.switchNs.store(0, std::memory_order_release);
    // The new source delivers what it captures from now on, no earlier than its lag allows.
    slot.watermarkNs.store(realtimeNanoseconds() - slot.lagNs, std::memory_order_release);
    {
        std::lock_guard noticeLock(m_noticeMutex);
        slot.message.clear();
    }
    slot.state.store(MemberState::Running, std::memory_order_release);
    try {
        slot.thread = std::thread([this, s = &slot] { runMember(*s); });
    } catch (const std::system_error& e) {
        slot.state.store(MemberState::Failed, std::memory_order_release);
        error = std::string("cannot start a capture thread: ") + e.what();
        return false;
    }
    addNotice(next->name() + " captures again");
    signal();
    return true;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "store/capture_session.h"

#include "store/packet_store.h"

#include <chrono>
#include <utility>

namespace rcvmon {

namespace {

Timestamp wallClockNow()
{
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    return Timestamp{ns / 1'000'000'000, static_cast<std::uint32_t>(ns % 1'000'000'000)};
}

constexpr std::uint32_t kMaxInterfaces = 4096;

// Single writer: a load and a store instead of a locked add on the per-frame path.
void bump(std::atomic<std::uint64_t>& counter)
{
    counter.store(counter.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

}  // namespace

// Runs on the capture thread, inside poll(): classify, bin, push. Never blocks or allocates.
class CaptureSession::Sink : public FrameSink {
public:
    explicit Sink(CaptureSession& session) : m_session(session) {}

    void onFrame(const FrameRef& frame) override { take(frame, false); }

    // Lent frames go into the ring as pointers: the source keeps their bytes until the
    // consumer has released the entries (returned()).
    bool keepsLentFrames() const override { return m_session.m_options.lendFrames; }
    // Sources lend only to a sink that keepsLentFrames().
    void onLentFrame(const FrameRef& frame) override { take(frame, true); }
    std::uint64_t lentMark() override { return m_session.m_ring.stagedPosition(); }
    bool returned(std::uint64_t mark) override { return m_session.m_ring.returned(mark); }

private:
    void take(const FrameRef& frame, bool lent)
    {
        CaptureSession& s = m_session;
        bump(s.m_received);
        const ProtocolClass protocol = classifyFrame(frame.linkType, frame.data);
        s.m_bins.add(frame.ts, frame.direction, protocol, frame.originalLength);

        FrameRef tagged = frame;
        tagged.interfaceId = frame.interfaceId + s.m_interfaceBase;
        if (tagged.interfaceId >= s.m_interfaceLimit && tagged.interfaceId < kMaxInterfaces)
            s.learnInterface(tagged.interfaceId);
        // A merged capture's interfaces each have their own mode (SourceMerger).
        const std::optional<CaptureMode> own = s.m_source->interfaceModeAt(frame.interfaceId, frame.ts);
        const PacketTags tags{protocol, own ? *own : s.modeAt(frame.ts)};
        if (!(lent ? s.m_ring.tryStageLent(tagged, tags) : s.m_ring.tryStage(tagged, tags))) {
            bump(s.m_droppedRing);
            if (!lent && !s.m_ring.canEverHold(frame.data.size())) bump(s.m_oversized);
        }
    }


    CaptureSession& m_session;
};

CaptureSession::CaptureSession(std::unique_ptr<CaptureSource> source, CaptureSessionOptions options)
    : m_options(options), m_ring(options.ringBytes), m_bins(options.bandwidthSeconds), m_source(std::move(source))
{
    m_threadMode = m_source->mode();
    m_mode.store(m_threadMode, std::memory_order_release);
    for (std::uint32_t id = 0; id < m_source->interfaceCount(); ++id) m_interfaces.push_back(m_source->interfaceName(id));
    m_interfaceLimit = static_cast<std::uint32_t>(m_interfaces.size());
}

CaptureSession::~CaptureSession()
{
    stop();
}

bool CaptureSession::start()
{
    SessionState expected = SessionState::Idle;
    if (!m_state.compare_exchange_strong(expected, SessionState::Running, std::memory_order_acq_rel)) return false;
    m_thread = std::thread([this] { run(); });
    return true;
}

void CaptureSession::requestStop()
{
    m_stopRequested.store(true, std::memory_order_release);
    wakeSource();
}

void CaptureSession::stop()
{
    SessionState idle = SessionState::Idle;
    m_state.compare_exchange_strong(idle, SessionState::Stopped, std::memory_order_acq_rel);
    requestStop();
    if (m_thread.joinable()) m_thread.join();
}

bool CaptureSession::requestMode(CaptureMode mode)
{
    if (finished()) return false;
    {
        std::lock_guard lock(m_requestMutex);
        m_pendingMode = mode;
        m_switchPending.store(true, std::memory_order_release);
    }
    wakeSource();
    return true;
}

bool CaptureSession::requestSource(std::unique_ptr<CaptureSource> source, std::optional<CaptureMode> mode)
{
    // A lending session's ring points into its source's memory: that source must outlive it.
    if (finished() || !source || m_options.lendFrames) return false;
    {
        std::lock_guard lock(m_requestMutex);
        m_pendingSource = std::move(source);
        m_pendingMode = mode;
        m_switchPending.store(true, std::memory_order_release);
    }
    wakeSource();
    return true;
}

bool CaptureSession::finished() const
{
    const SessionState s = state();
    return s == SessionState::Stopped || s == SessionState::Ended || s == SessionState::Failed;
}

void CaptureSession::wakeSource()
{
    std::lock_guard lock(m_sourceMutex);
    if (m_source) m_source->wakeup();
}

void CaptureSession::run()
{
    Sink sink(*this);
    SessionState end = SessionState::Stopped;
    while (!m_stopRequested.load(std::memory_order_acquire)) {
        if (m_switchPending.load(std::memory_order_acquire) && !applyPendingSwitch(sink)) {
            end = SessionState::Failed;
            break;
        }
        const std::uint64_t receivedBefore = m_received.load(std::memory_order_relaxed);
        const PollResult result = m_source->poll(sink, m_options.pollTimeoutMs);
        m_ring.publish();  // the frames of this poll, as one batch
        if (m_received.load(std::memory_order_relaxed) != receivedBefore) wakeConsumer();
        publishKernelStats(false);
        if (result == PollResult::End) {
            end = SessionState::Ended;
            break;
        }
        if (result == PollResult::Error) {
            setError(m_source->error().empty() ? "capture on " + m_source->name() + " failed" : m_source->error());
            end = SessionState::Failed;
            break;
        }
    }
    m_ring.publish();  // frames a source switch delivered before failing
    publishKernelStats(true);
    // A stopped capture leaves no interface promiscuous, even if the session lives on.
    if (m_source->mode() != CaptureMode::Off) {
        std::string ignored;
        m_source->setMode(CaptureMode::Off, ignored);
        m_threadMode = m_source->mode();
        m_mode.store(m_threadMode, std::memory_order_release);
    }
    m_state.store(end, std::memory_order_release);
    wakeConsumer();
}

void CaptureSession::wakeConsumer()
{
    // Pairs with the fence in waitForFrames: either the consumer sees the new frames (or
    // state) before it sleeps, or this sees it waiting and wakes it.
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if (!m_consumerWaiting.load(std::memory_order_relaxed)) return;
    std::lock_guard lock(m_wakeMutex);
    m_wake.notify_one();
}

void CaptureSession::waitForFrames(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_wakeMutex);
    m_consumerWaiting.store(true, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_seq_cst);
    m_wake.wait_for(lock, timeout, [this] { return !m_ring.empty() || finished(); });
    m_consumerWaiting.store(false, std::memory_order_relaxed);
}

bool CaptureSession::applyPendingSwitch(FrameSink& sink)
{
    std::optional<CaptureMode> mode;
    std::unique_ptr<CaptureSource> next;
    {
        std::lock_guard lock(m_requestMutex);
        mode = m_pendingMode;
        next = std::move(m_pendingSource);
        m_pendingMode.reset();
        m_switchPending.store(false, std::memory_order_relaxed);
    }
    if (next) return switchSource(std::move(next), mode, sink);
    if (mode) return switchMode(*mode);
    return true;
}

// Off on the source, then the new mode: never one call (seed).
bool CaptureSession::switchMode(CaptureMode mode)
{
    const CaptureMode old = m_source->mode();
    if (mode == old) return true;
    CaptureEvent event{wallClockNow(), m_source->name(), old, mode, m_source->name(),
                       m_received.load(std::memory_order_relaxed), true, {}};
    // Frames the kernel buffered before this moment were caught in the old mode, even if
    // they reach the thread after the switch.
    m_previousMode = old;
    m_switchNs = event.time.totalNanoseconds();
    std::string why;
    bool ok = m_source->setMode(CaptureMode::Off, why);
    if (ok) {
        m_threadMode = CaptureMode::Off;
        m_mode.store(CaptureMode::Off, std::memory_order_release);
        if (mode != CaptureMode::Off) ok = m_source->setMode(mode, why);
    }
    if (!ok) {
        event.ok = false;
        event.message = "switching " + m_source->name() + " from " + std::string(captureModeName(old)) + " to " +
                        std::string(captureModeName(mode)) + " failed: " + why;
        setError(event.message);
        recordEvent(std::move(event));
        return false;
    }
    m_threadMode = mode;
    m_mode.store(mode, std::memory_order_release);
    recordEvent(std::move(event));
    return true;
}

// Off on the old source, then the mode on the new one; the old source is closed.
bool CaptureSession::switchSource(std::unique_ptr<CaptureSource> next, std::optional<CaptureMode> mode,
                                  FrameSink& sink)
{
    const CaptureMode old = m_source->mode();
    const CaptureMode target = mode.value_or(old);
    CaptureEvent event{wallClockNow(), m_source->name(), old, target, next->name(),
                       m_received.load(std::memory_order_relaxed), true, {}};
    std::string why;
    if (!m_source->setMode(CaptureMode::Off, why))
        event.message = "turning " + m_source->name() + " off reported: " + why + " (it was closed anyway)";
    // Collect what the old source still holds before closing it (bounded: a few polls).
    for (int i = 0; i < 4; ++i) {
        const std::uint64_t before = m_received.load(std::memory_order_relaxed);
        if (m_source->poll(sink, 0) != PollResult::Frames || m_received.load(std::memory_order_relaxed) == before)
            break;
    }
    m_switchNs = 0;
    publishKernelStats(true);
    m_kernelBase = m_droppedKernel.load(std::memory_order_relaxed);

    std::unique_ptr<CaptureSource> previous;
    {
        std::lock_guard lock(m_sourceMutex);
        previous = std::exchange(m_source, std::move(next));
    }
    previous.reset();
    m_threadMode = CaptureMode::Off;
    m_mode.store(CaptureMode::Off, std::memory_order_release);
    {
        std::lock_guard lock(m_infoMutex);
        m_interfaceBase = m_interfaceLimit;
        for (std::uint32_t id = 0; id < m_source->interfaceCount(); ++id)
            m_interfaces.push_back(m_source->interfaceName(id));
        m_interfaceLimit = static_cast<std::uint32_t>(m_interfaces.size());
    }

    if (target != CaptureMode::Off && m_source->mode() != target && !m_source->setMode(target, why)) {
        event.ok = false;
        event.message = "switching to " + m_source->name() + " in mode " + std::string(captureModeName(target)) +
                        " failed: " + why;
        setError(event.message);
        recordEvent(std::move(event));
        return false;
    }
    m_threadMode = m_source->mode();
    m_mode.store(m_threadMode, std::memory_order_release);
    recordEvent(std::move(event));
    return true;
}

CaptureMode CaptureSession::modeAt(const Timestamp& ts) const
{
    if (m_switchNs != 0) {
        const std::int64_t ns = ts.totalNanoseconds();
        // Only live (wall-clock) timestamps from just before the switch qualify.
        if (ns < m_switchNs && ns > m_switchNs - 2'000'000'000) return m_previousMode;
    }
    return m_threadMode;
}

void CaptureSession::learnInterface(std::uint32_t id)
{
    std::lock_guard lock(m_infoMutex);
    while (m_interfaces.size() <= id)
        m_interfaces.push_back(m_source->interfaceName(static_cast<std::uint32_t>(m_interfaces.size()) - m_interfaceBase));
    m_interfaceLimit = static_cast<std::uint32_t>(m_interfaces.size());
}

void CaptureSession::recordEvent(CaptureEvent event)
{
    std::lock_guard lock(m_infoMutex);
    m_events.push_back(std::move(event));
}

void CaptureSession::setError(const std::string& message)
{
    std::lock_guard lock(m_infoMutex);
    if (m_error.empty()) m_error = message;
}

// Kernel statistics cost a system call on some sources: read them at most every 200 ms.
void CaptureSession::publishKernelStats(bool force)
{
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - m_lastStats < std::chrono::milliseconds(200)) return;
    m_lastStats = now;
    m_droppedKernel.store(m_kernelBase + m_source->stats().droppedKernel, std::memory_order_relaxed);
}

std::size_t CaptureSession::drainInto(PacketStore& store, std::size_t maxFrames)
{
    const std::size_t count =
        m_ring.drain([&store](const FrameRef& frame, const PacketTags& tags) { store.append(frame, tags); }, maxFrames);
    m_evicted.store(store.evictedCount(), std::memory_order_relaxed);
    if (store.stopped()) {
        setError(store.stopMessage());
        requestStop();
    }
    return count;
}

SessionCounters CaptureSession::counters() const
{
    SessionCounters c;
    c.received = m_received.load(std::memory_order_relaxed);
    c.droppedKernel = m_droppedKernel.load(std::memory_order_relaxed);
    c.droppedRing = m_droppedRing.load(std::memory_order_relaxed);
    c.oversized = m_oversized.load(std::memory_order_relaxed);
    c.evicted = m_evicted.load(std::memory_order_relaxed);
    return c;
}

std::string CaptureSession::error() const
{
    std::lock_guard lock(m_infoMutex);
    return m_error;
}

std::vector<CaptureEvent> CaptureSession::events() const
{
    std::lock_guard lock(m_infoMutex);
    return m_events;
}

std::size_t CaptureSession::eventCount() const
{
    std::lock_guard lock(m_infoMutex);
    return m_events.size();
}

std::vector<std::string> CaptureSession::interfaces() const
{
    std::lock_guard lock(m_infoMutex);
    return m_interfaces;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/capture_source.h"
#include "store/bandwidth_bins.h"
#include "store/capture_event.h"
#include "store/packet_tags.h"
#include "store/spsc_ring.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace rcvmon {

class PacketStore;

struct CaptureSessionOptions {
    std::size_t ringBytes = 64u << 20;   // frames in flight between capture thread and GUI
    int pollTimeoutMs = 100;             // how long one poll may wait for frames
    std::size_t bandwidthSeconds = 600;  // seconds of bandwidth history kept
    // Zero-copy: sources that can (AF_PACKET) lend their frames to the ring instead of
    // having them copied in, and keep each kernel block until the consumer has released
    // its entries. For a consumer that drains promptly (rcvmon-cli); such a session cannot
    // switch sources (requestSource() refuses), since the ring points into its source.
    bool lendFrames = false;
};

// Counters of a session, each readable from any thread.
struct SessionCounters {
    std::uint64_t received = 0;       // frames the sources handed to the session
    std::uint64_t droppedKernel = 0;  // the sources' kernel / driver drops, all sources summed
    std::uint64_t droppedRing = 0;    // frames lost because the ring was full (or too small)
    std::uint64_t oversized = 0;      // of droppedRing: frames larger than the ring takes
    std::uint64_t evicted = 0;        // packets the store evicted at its bound (drainInto)
};

enum class SessionState : std::uint8_t {
    Idle,     // not started
    Running,  // the capture thread is polling
    Stopped,  // stop() or the store's bound ended it
    Ended,    // the source is exhausted (end of file)
    Failed,   // the source failed; error() says why
};

// One capture: a thread polls the source, tags each frame with its protocol class and the
// RCVALL mode it was caught in, bins its bandwidth and pushes it into the ring; the GUI
// drains the ring. A frame time-stamped (wall clock) just before a mode switch but
// delivered after it keeps the old mode; an interface switch collects what the old source
// still holds before closing it.
// Mode and interface switches are applied by the capture thread between polls, Off on the
// old then the new mode, and recorded as events. When the thread ends (stop, end, error)
// it turns the source Off, so no interface stays promiscuous while the session lives on
// for its counters; the source is closed when the session is destroyed. Frames already in
// the ring survive stop, end and errors, and stay drainable.
//
// Threads: start(), stop(), requestMode(), requestSource() from a controlling thread (the
// GUI); drain()/drainInto() from one consumer thread (the same GUI thread in practice);
// counters(), state(), error(), events(), bandwidth() from any thread.
class CaptureSession {
public:
    explicit CaptureSession(std::unique_ptr<CaptureSource> source, CaptureSessionOptions options = {});
    CaptureSession(const CaptureSession&) = delete;
    CaptureSession& operator=(const CaptureSession&) = delete;
    ~CaptureSession();

    // Starts the capture thread; false if already started.
    bool start();
    // Ends the capture and joins the thread; returns promptly (wakes a waiting poll).
    void stop();
    // Asks the thread to stop without waiting for it.
    void requestStop();

    // Queues a switch to `mode` on the current source: Off, then `mode`. Applied by the
    // capture thread before its next poll (at start() if not yet started). False once the
    // capture has ended. The outcome appears in events() (and error() if it failed).
    bool requestMode(CaptureMode mode);
    // Queues a switch to another source: Off on the old one, then `mode` (default: the
    // old one's mode) on the new one. The old source is closed after the switch. False once
    // the capture has ended, and always for a lending session (CaptureSessionOptions).
    bool requestSource(std::unique_ptr<CaptureSource> source, std::optional<CaptureMode> mode = std::nullopt);

    // Consumer: up to maxFrames frames to fn(const FrameRef&, const PacketTags&).
    template <typename Fn>
    std::size_t drain(Fn&& fn, std::size_t maxFrames)
    {
        return m_ring.drain(std::forward<Fn>(fn), maxFrames);
    }
    // Consumer: returns once frames are waiting in the ring, the capture has ended, or
    // `timeout` has passed. The capture thread wakes it after each poll that delivered
    // frames, so a consumer waiting here drains every kernel block while its bytes are still
    // in the cache, instead of polling on a timer.
    void waitForFrames(std::chrono::milliseconds timeout);
    // Consumer: as drain(), with the frames' bytes valid until beforeRelease() returns
    // (SpscRing::drainHeld): for writing them out without a copy.
    template <typename Fn, typename Release>
    std::size_t drainHeld(Fn&& fn, Release&& beforeRelease, std::size_t maxFrames, std::size_t maxBytes)
    {
        const std::size_t count =
            m_ring.drainHeld(std::forward<Fn>(fn), std::forward<Release>(beforeRelease), maxFrames, maxBytes);
        // Lent frames: their kernel blocks can go back now; the capture thread may be waiting for that.
        if (count > 0 && m_options.lendFrames) wakeSource();
        return count;
    }
    // Consumer: moves up to maxFrames frames into the store. If the store stops at its
    // bound, the capture is asked to stop and error() carries the store's message.
    std::size_t drainInto(PacketStore& store, std::size_t maxFrames);

    SessionCounters counters() const;
    SessionState state() const { return m_state.load(std::memory_order_acquire); }
    std::string error() const;
    std::vector<CaptureEvent> events() const;
    std::size_t eventCount() const;
    // Interface names by session interface id (frames carry the id in interfaceId).
    std::vector<std::string> interfaces() const;
    CaptureMode mode() const { return m_mode.load(std::memory_order_acquire); }
    const BandwidthBins& bandwidth() const { return m_bins; }
    const SpscRing& ring() const { return m_ring; }

private:
    class Sink;

    void run();
    bool applyPendingSwitch(FrameSink& sink);
    bool switchMode(CaptureMode mode);
    bool switchSource(std::unique_ptr<CaptureSource> next, std::optional<CaptureMode> mode, FrameSink& sink);
    CaptureMode modeAt(const Timestamp& ts) const;
    void recordEvent(CaptureEvent event);
    void publishKernelStats(bool force);
    void learnInterface(std::uint32_t id);
    void setError(const std::string& message);
    void wakeSource();
    void wakeConsumer();
    bool finished() const;

    CaptureSessionOptions m_options;
    SpscRing m_ring;
    BandwidthBins m_bins;

    // The source is used by the capture thread; other threads only wake it, under the lock.
    mutable std::mutex m_sourceMutex;
    std::unique_ptr<CaptureSource> m_source;

    std::mutex m_requestMutex;
    std::optional<CaptureMode> m_pendingMode;
    std::unique_ptr<CaptureSource> m_pendingSource;
    std::atomic<bool> m_switchPending{false};

    std::thread m_thread;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<SessionState> m_state{SessionState::Idle};
    std::atomic<CaptureMode> m_mode{CaptureMode::Off};

    std::atomic<std::uint64_t> m_received{0};
    std::atomic<std::uint64_t> m_droppedRing{0};
    std::atomic<std::uint64_t> m_oversized{0};
    std::atomic<std::uint64_t> m_droppedKernel{0};
    std::atomic<std::uint64_t> m_evicted{0};
    std::uint64_t m_kernelBase = 0;  // drops of sources already closed (capture thread)
    std::chrono::steady_clock::time_point m_lastStats{};
    CaptureMode m_threadMode = CaptureMode::Off;  // the capture thread's copy of the mode
    CaptureMode m_previousMode = CaptureMode::Off;  // before the last mode switch
    std::optional<Timestamp> m_switchTime;          // wall clock of that switch

    std::uint32_t m_interfaceBase = 0;  // added to a source's interfaceId (capture thread)
    std::uint32_t m_interfaceLimit = 0; // one past the largest session id handed out

    mutable std::mutex m_infoMutex;
    // waitForFrames(): the capture thread takes the mutex only to notify a consumer that
    // said it is waiting, never otherwise.
    std::mutex m_wakeMutex;
    std::condition_variable m_wake;
    std::atomic<bool> m_consumerWaiting{false};
    std::string m_error;
    std::vector<CaptureEvent> m_events;
    std::vector<std::string> m_interfaces;
};

}  // namespace rcvmon

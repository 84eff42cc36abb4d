// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/capture_source.h"
#include "test_frames.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace rcvmon::test {

struct CapturedFrame {
    Direction direction;
    std::optional<Marker> marker;
    std::uint32_t originalLength;
    std::vector<std::uint8_t> bytes;
};

// Polls a source on its own thread (the capture thread) and keeps a copy of every frame.
class CaptureRunner : private FrameSink {
public:
    explicit CaptureRunner(CaptureSource& source, int pollTimeoutMs = 1000);
    ~CaptureRunner() override;

    void stop();
    // Waits until done(frames) holds or timeout passes; returns whether it held.
    bool waitFor(const std::function<bool(const std::vector<CapturedFrame>&)>& done,
                 std::chrono::milliseconds timeout = std::chrono::seconds(10));
    bool waitForCount(Kind kind, int count, std::chrono::milliseconds timeout = std::chrono::seconds(10));

    std::vector<CapturedFrame> frames() const;
    int count(Kind kind) const;
    int count(Kind kind, Direction direction) const;
    PollResult lastResult() const { return m_lastResult.load(); }

private:
    void onFrame(const FrameRef& frame) override;
    void run();

    CaptureSource& m_source;
    const int m_pollTimeoutMs;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<CapturedFrame> m_frames;
    std::atomic<bool> m_stop{false};
    std::atomic<PollResult> m_lastResult{PollResult::Frames};
    std::thread m_thread;
};

}  // namespace rcvmon::test

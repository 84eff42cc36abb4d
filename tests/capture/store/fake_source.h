// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// A scripted CaptureSource for session tests. The "wire" (queued frames, wake-ups, the log
// of setMode calls) is shared with the test, so it outlives the source the session owns.

#include "core/link_type.h"
#include "live/capture_source.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace rcvmon::test {

struct QueuedFrame {
    std::vector<std::uint8_t> bytes;
    Timestamp ts;
    Direction direction = Direction::Incoming;
    std::uint32_t originalLength = 0;  // 0: the captured length
};

class FakeWire {
public:
    void queue(QueuedFrame frame)
    {
        std::lock_guard lock(m_mutex);
        m_frames.push_back(std::move(frame));
        m_cv.notify_all();
    }
    // The next poll reports a fatal error with this message (after delivering what is queued).
    void fail(std::string message)
    {
        std::lock_guard lock(m_mutex);
        m_failure = std::move(message);
        m_cv.notify_all();
    }
    // Polls report End once the queue is empty.
    void end()
    {
        std::lock_guard lock(m_mutex);
        m_end = true;
        m_cv.notify_all();
    }
    void log(std::string entry)
    {
        std::lock_guard lock(m_mutex);
        m_log.push_back(std::move(entry));
    }
    std::vector<std::string> calls() const
    {
        std::lock_guard lock(m_mutex);
        return m_log;
    }
    // While held, polls that would wait deliver nothing (frames sit "in the kernel ring");
    // a poll with a zero timeout still collects them.
    void hold(bool held)
    {
        std::lock_guard lock(m_mutex);
        m_held = held;
        m_cv.notify_all();
    }
    // Blocks until a poll waits for frames (the capture thread is idle in poll()), or `limit`
    // passes; false then.
    bool waitUntilPolling(std::chrono::milliseconds limit = std::chrono::seconds(10))
    {
        std::unique_lock lock(m_mutex);
        return m_cv.wait_for(lock, limit, [this] { return m_polling > 0; });
    }
    std::uint64_t kernelDrops = 0;  // set before the session starts

private:
    friend class FakeSource;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<QueuedFrame> m_frames;
    std::string m_failure;
    bool m_end = false;
    bool m_held = false;
    int m_polling = 0;  // polls inside their wait
    std::vector<std::string> m_log;
};

class FakeSource : public CaptureSource {
public:
    FakeSource(std::string name, CaptureMode mode, std::shared_ptr<FakeWire> wire,
               std::uint32_t linkType = link_type::Ethernet)
        : m_name(std::move(name)), m_mode(mode), m_wire(std::move(wire)), m_linkType(linkType)
    {
    }
    ~FakeSource() override { m_wire->log(m_name + ":closed"); }

    // Refuse switching to this mode (to test a failed switch).
    void refuseMode(CaptureMode mode) { m_refused = mode; m_refuse = true; }

    PollResult poll(FrameSink& sink, int timeoutMs) override
    {
        std::deque<QueuedFrame> batch;
        bool failing = false, ending = false;
        {
            std::unique_lock lock(m_wire->m_mutex);
            const bool held = m_wire->m_held && timeoutMs > 0;
            ++m_wire->m_polling;
            m_wire->m_cv.notify_all();  // waitUntilPolling() sees it once this wait lets the mutex go
            m_wire->m_cv.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] {
                return m_woken || (!held && !m_wire->m_frames.empty()) || !m_wire->m_failure.empty() ||
                       m_wire->m_end || (held && !m_wire->m_held);
            });
            --m_wire->m_polling;
            m_woken = false;
            if (!held) batch.swap(m_wire->m_frames);
            failing = !m_wire->m_failure.empty();
            if (failing) m_error = m_wire->m_failure;
            ending = m_wire->m_end;
        }
        for (const QueuedFrame& q : batch) {
            FrameRef f;
            f.ts = q.ts;
            f.capturedLength = static_cast<std::uint32_t>(q.bytes.size());
            f.originalLength = q.originalLength ? q.originalLength : f.capturedLength;
            f.linkType = m_linkType;
            f.direction = q.direction;
            f.data = ByteSpan(q.bytes.data(), q.bytes.size());
            sink.onFrame(f);
            std::lock_guard lock(m_statsMutex);
            ++m_stats.received;
        }
        if (failing) return PollResult::Error;
        if (ending) return PollResult::End;
        return PollResult::Frames;
    }

    void wakeup() override
    {
        std::lock_guard lock(m_wire->m_mutex);
        m_woken = true;  // sticky, like an eventfd: a wake-up before the wait still counts
        m_wire->m_cv.notify_all();
    }

    CaptureStats stats() const override
    {
        std::lock_guard lock(m_statsMutex);
        CaptureStats s = m_stats;
        s.droppedKernel = m_wire->kernelDrops;
        return s;
    }
    const std::string& error() const override { return m_error; }
    std::uint32_t linkType() const override { return m_linkType; }
    const std::string& name() const override { return m_name; }
    CaptureMode mode() const override { return m_mode; }
    bool setMode(CaptureMode mode, std::string& error) override
    {
        m_wire->log(m_name + ":" + std::string(captureModeName(mode)));
        if (m_refuse && mode == m_refused) {
            error = "operation not permitted (needs CAP_NET_ADMIN)";
            return false;
        }
        m_mode = mode;
        return true;
    }

private:
    std::string m_name;
    CaptureMode m_mode;
    std::shared_ptr<FakeWire> m_wire;
    std::uint32_t m_linkType;
    bool m_woken = false;  // guarded by the wire's mutex
    bool m_refuse = false;
    CaptureMode m_refused = CaptureMode::Off;
    std::string m_error;
    mutable std::mutex m_statsMutex;
    CaptureStats m_stats;
};

}  // namespace rcvmon::test

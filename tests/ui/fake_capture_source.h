// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// A live source without a network: it makes small Ethernet/IPv4/UDP frames on each poll
// (or cycles through frames the test gives) and records every setMode() call, so tests can
// check the seed's Off-then-On switching.

#include "core/link_type.h"
#include "live/capture_source.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

namespace rcvmon::test {

class FakeCaptureSource final : public CaptureSource {
public:
    struct Shared {
        std::mutex mutex;
        std::vector<CaptureMode> modeCalls;
        std::vector<std::string> modeCallSources;
        std::uint64_t failAfter = 0;  // > 0: the interface vanishes after this many frames
        int framesPerPoll = 20;       // about 100 polls a second
        // Non-empty: the frames cycle through these instead of the numbered UDP frame. Set
        // before the capture starts (the capture thread reads it without the lock).
        struct Frame {
            std::vector<std::uint8_t> bytes;  // Ethernet
            Direction direction = Direction::Incoming;
        };
        std::vector<Frame> frames;
    };

    FakeCaptureSource(std::string name, CaptureMode mode, Shared& shared, int framesPerPoll = 20)
        : m_name(std::move(name)), m_mode(mode), m_shared(shared), m_framesPerPoll(framesPerPoll)
    {
    }

    PollResult poll(FrameSink& sink, int timeoutMs) override
    {
        {
            // About 100 polls a second, cut short by wakeup().
            std::unique_lock lock(m_wakeMutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(std::min(timeoutMs, 10)), [this] { return m_woken; });
            m_woken = false;
        }
        if (m_mode == CaptureMode::Off) return PollResult::Frames;
        if (m_shared.failAfter > 0 && m_sent >= m_shared.failAfter) {
            m_error = "interface " + m_name + " went away (ENODEV)";
            return PollResult::Error;
        }
        for (int i = 0; i < m_framesPerPoll; ++i) deliver(sink);
        return PollResult::Frames;
    }
    void wakeup() override
    {
        std::lock_guard lock(m_wakeMutex);
        m_woken = true;
        m_wake.notify_one();
    }
    CaptureStats stats() const override { return {m_sent, 0}; }
    const std::string& error() const override { return m_error; }
    std::uint32_t linkType() const override { return link_type::Ethernet; }
    const std::string& name() const override { return m_name; }
    CaptureMode mode() const override { return m_mode; }
    bool setMode(CaptureMode mode, std::string&) override
    {
        std::lock_guard lock(m_shared.mutex);
        m_shared.modeCalls.push_back(mode);
        m_shared.modeCallSources.push_back(m_name);
        m_mode = mode;
        return true;
    }

private:
    void deliver(FrameSink& sink)
    {
        const auto now = std::chrono::system_clock::now().time_since_epoch();
        const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
        std::uint8_t f[60] = {0x02, 0, 0, 0, 0, 1, 0x02, 0, 0, 0, 0, 2, 0x08, 0x00,
                              0x45, 0, 0, 46, 0, 0, 0x40, 0, 64, 17, 0, 0, 198, 18, 0, 1, 198, 18, 0, 2,
                              0x30, 0x39, 0x00, 0x35, 0, 26, 0, 0};
        const std::uint64_t n = ++m_sent;
        for (int i = 0; i < 8; ++i) f[42 + i] = static_cast<std::uint8_t>(n >> (8 * i));
        FrameRef frame;
        frame.ts = {ns / 1'000'000'000, static_cast<std::uint32_t>(ns % 1'000'000'000)};
        frame.capturedLength = frame.originalLength = sizeof f;
        frame.linkType = link_type::Ethernet;
        frame.direction = (n % 3 == 0) ? Direction::Outgoing : Direction::Incoming;
        frame.data = ByteSpan(f, sizeof f);
        if (!m_shared.frames.empty()) {
            const Shared::Frame& given = m_shared.frames[(n - 1) % m_shared.frames.size()];
            frame.capturedLength = frame.originalLength = static_cast<std::uint32_t>(given.bytes.size());
            frame.direction = given.direction;
            frame.data = ByteSpan(given.bytes);
        }
        sink.onFrame(frame);
    }

    std::string m_name;
    std::atomic<CaptureMode> m_mode;
    Shared& m_shared;
    int m_framesPerPoll;
    std::uint64_t m_sent = 0;
    std::string m_error;
    std::mutex m_wakeMutex;
    std::condition_variable m_wake;
    bool m_woken = false;
};

}  // namespace rcvmon::test

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/capture_source.h"

#include <atomic>
#include <chrono>
#include <string>

namespace rcvmon {

// A live source for `rcvmon --bench-live`: Ethernet/IPv4/UDP frames at a fixed rate,
// paced by the clock, as a busy interface would deliver them. No network is touched.
class SyntheticSource final : public CaptureSource {
public:
    SyntheticSource(std::uint64_t framesPerSecond, CaptureMode mode);

    PollResult poll(FrameSink& sink, int timeoutMs) override;
    void wakeup() override {}  // poll never waits longer than a millisecond
    CaptureStats stats() const override { return {m_sent.load(), 0}; }
    const std::string& error() const override { return m_error; }
    std::uint32_t linkType() const override;
    const std::string& name() const override { return m_name; }
    CaptureMode mode() const override { return m_mode.load(); }
    bool setMode(CaptureMode mode, std::string& error) override;

private:
    std::uint64_t m_rate;
    std::atomic<CaptureMode> m_mode;
    std::chrono::steady_clock::time_point m_start;
    std::atomic<std::uint64_t> m_sent{0};
    std::string m_name = "synthetic0";
    std::string m_error;
};

}  // namespace rcvmon

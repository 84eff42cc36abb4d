// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "store/capture_session.h"

#include <atomic>
#include <chrono>
#include <thread>

namespace rcvmon::cli {

// rcvmon-cli --control-stdin, the far end of a remote capture (SshSource): lines
// "mode on|iplevel|off" on standard input switch the capture's mode; the end of standard
// input (the ssh connection closed or dropped) ends the capture, so a remote interface never
// stays promiscuous without a reader. Once a second a line
// "rcvmon-stats: received=N dropped-kernel=K dropped-ring=R mode=M" goes to standard error
// for the near end to show the remote drops.
class ControlChannel {
public:
    explicit ControlChannel(CaptureSession& session);
    ~ControlChannel();
    ControlChannel(const ControlChannel&) = delete;
    ControlChannel& operator=(const ControlChannel&) = delete;

    // Standard input ended: the capture should stop.
    bool ended() const { return m_ended.load(std::memory_order_acquire); }
    // Writes the stat line when a second has passed since the last one (force: now).
    void reportStats(bool force = false);

private:
    void run();
    void apply(const std::string& line);

    CaptureSession& m_session;
    std::thread m_thread;
    std::atomic<bool> m_ended{false};
    std::atomic<bool> m_quit{false};
    std::chrono::steady_clock::time_point m_lastStats{};
};

}  // namespace rcvmon::cli

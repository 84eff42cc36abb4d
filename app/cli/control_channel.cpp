// SPDX-License-Identifier: GPL-2.0-or-later
#include "control_channel.h"

#include <cstdio>
#include <string>

#ifdef _WIN32
#include <io.h>
#else
#include <poll.h>
#include <unistd.h>
#endif

namespace rcvmon::cli {

ControlChannel::ControlChannel(CaptureSession& session) : m_session(session)
{
    m_thread = std::thread([this] { run(); });
}

ControlChannel::~ControlChannel()
{
    m_quit.store(true, std::memory_order_release);
    if (m_thread.joinable()) m_thread.join();
}

void ControlChannel::run()
{
    std::string line;
    char buffer[256];
    while (!m_quit.load(std::memory_order_acquire)) {
#ifndef _WIN32
        // Waits in slices, so the destructor never waits on a read that may not return.
        pollfd in{STDIN_FILENO, POLLIN, 0};
        if (::poll(&in, 1, 100) <= 0) continue;
        const ssize_t got = read(STDIN_FILENO, buffer, sizeof buffer);
#else
        const int got = _read(0, buffer, sizeof buffer);
#endif
        if (got <= 0) break;
        for (ssize_t i = 0; i < got; ++i) {
            if (buffer[i] != '\n') {
                if (line.size() < 200) line += buffer[i];
                continue;
            }
            apply(line);
            line.clear();
        }
    }
    m_ended.store(true, std::memory_order_release);
}

void ControlChannel::apply(const std::string& line)
{
    if (line.rfind("mode ", 0) != 0) return;  // other words are for later versions
    if (const auto mode = parseCaptureMode(line.substr(5))) m_session.requestMode(*mode);
}

void ControlChannel::reportStats(bool force)
{
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - m_lastStats < std::chrono::seconds(1)) return;
    m_lastStats = now;
    const SessionCounters c = m_session.counters();
    std::fprintf(stderr, "rcvmon-stats: received=%llu dropped-kernel=%llu dropped-ring=%llu mode=%s\n",
                 static_cast<unsigned long long>(c.received), static_cast<unsigned long long>(c.droppedKernel),
                 static_cast<unsigned long long>(c.droppedRing), std::string(captureModeName(m_session.mode())).c_str());
    std::fflush(stderr);
}

}  // namespace rcvmon::cli

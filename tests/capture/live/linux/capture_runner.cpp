// SPDX-License-Identifier: GPL-2.0-or-later
#include "capture_runner.h"

#include <algorithm>

namespace rcvmon::test {

CaptureRunner::CaptureRunner(CaptureSource& source, int pollTimeoutMs)
    : m_source(source), m_pollTimeoutMs(pollTimeoutMs), m_thread([this] { run(); })
{
}

CaptureRunner::~CaptureRunner()
{
    stop();
}

void CaptureRunner::stop()
{
    m_stop.store(true);
    m_source.wakeup();
    if (m_thread.joinable()) m_thread.join();
}

void CaptureRunner::run()
{
    while (!m_stop.load()) {
        const PollResult result = m_source.poll(*this, m_pollTimeoutMs);
        m_lastResult.store(result);
        if (result != PollResult::Frames) {
            m_changed.notify_all();
            return;
        }
    }
}

void CaptureRunner::onFrame(const FrameRef& frame)
{
    CapturedFrame copy{frame.direction, findMarker(frame.data), frame.originalLength,
                       std::vector<std::uint8_t>(frame.data.begin(), frame.data.end())};
    {
        std::lock_guard lock(m_mutex);
        m_frames.push_back(std::move(copy));
    }
    m_changed.notify_all();
}

bool CaptureRunner::waitFor(const std::function<bool(const std::vector<CapturedFrame>&)>& done,
                            std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return done(m_frames) || m_lastResult.load() != PollResult::Frames; }) &&
           done(m_frames);
}

bool CaptureRunner::waitForCount(Kind kind, int count, std::chrono::milliseconds timeout)
{
    return waitFor(
        [&](const std::vector<CapturedFrame>& frames) {
            return std::count_if(frames.begin(), frames.end(),
                                 [&](const CapturedFrame& f) { return f.marker && f.marker->kind == kind; }) >= count;
        },
        timeout);
}

std::vector<CapturedFrame> CaptureRunner::frames() const
{
    std::lock_guard lock(m_mutex);
    return m_frames;
}

int CaptureRunner::count(Kind kind) const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(std::count_if(m_frames.begin(), m_frames.end(),
                                          [&](const CapturedFrame& f) { return f.marker && f.marker->kind == kind; }));
}

int CaptureRunner::count(Kind kind, Direction direction) const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(std::count_if(m_frames.begin(), m_frames.end(), [&](const CapturedFrame& f) {
        return f.marker && f.marker->kind == kind && f.direction == direction;
    }));
}

}  // namespace rcvmon::test

// SPDX-License-Identifier: GPL-2.0-or-later
#include "synthetic_source.h"

#include "core/link_type.h"

#include <algorithm>
#include <thread>

namespace rcvmon {

SyntheticSource::SyntheticSource(std::uint64_t framesPerSecond, CaptureMode mode)
    : m_rate(framesPerSecond), m_mode(mode), m_start(std::chrono::steady_clock::now())
{
}

std::uint32_t SyntheticSource::linkType() const
{
    return link_type::Ethernet;
}

bool SyntheticSource::setMode(CaptureMode mode, std::string&)
{
    m_mode = mode;
    return true;
}

PollResult SyntheticSource::poll(FrameSink& sink, int timeoutMs)
{
    const auto now = std::chrono::steady_clock::now();
    const auto elapsed = std::chrono::duration_cast<std::chrono::nanoseconds>(now - m_start).count();
    const std::uint64_t due = static_cast<std::uint64_t>(static_cast<double>(elapsed) * 1e-9 * double(m_rate));
    std::uint64_t sent = m_sent.load(std::memory_order_relaxed);
    if (due <= sent || m_mode == CaptureMode::Off) {
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(timeoutMs, 1)));
        return PollResult::Frames;
    }
    const auto wall = std::chrono::system_clock::now().time_since_epoch();
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(wall).count();
    std::uint8_t f[96] = {0x02, 0, 0x5e, 0, 0, 1, 0x02, 0, 0x5e, 0, 0, 2, 0x08, 0x00,
                          0x45, 0, 0, 82, 0, 0, 0x40, 0, 64, 17, 0, 0, 198, 18, 0, 1, 198, 18, 0, 2,
                          0x30, 0x39, 0x01, 0xbb, 0, 62, 0, 0};
    FrameRef frame;
    frame.ts = {ns / 1'000'000'000, static_cast<std::uint32_t>(ns % 1'000'000'000)};
    frame.capturedLength = frame.originalLength = sizeof f;
    frame.linkType = link_type::Ethernet;
    frame.data = ByteSpan(f, sizeof f);
    const std::uint64_t batch = std::min<std::uint64_t>(due - sent, 16384);
    for (std::uint64_t i = 0; i < batch; ++i) {
        const std::uint64_t n = sent + i;
        f[19] = static_cast<std::uint8_t>(n);
        f[18] = static_cast<std::uint8_t>(n >> 8);
        frame.direction = (n & 3) == 0 ? Direction::Outgoing : Direction::Incoming;
        sink.onFrame(frame);
    }
    m_sent.store(sent + batch, std::memory_order_relaxed);
    return PollResult::Frames;
}

}  // namespace rcvmon

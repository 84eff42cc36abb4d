// SPDX-License-Identifier: GPL-2.0-or-later
// Lending (CaptureSessionOptions::lendFrames): a source that hands out frames in place, as
// AF_PACKET does from its kernel blocks, and reuses a block only once the session says
// the consumer has released it. Run under ThreadSanitizer as well (ctest label "tsan").
#include "store/capture_session.h"

#include "core/link_type.h"
#include "live/capture_source.h"

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

namespace rcvmon {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kBlocks = 4;
constexpr std::size_t kFramesPerBlock = 16;
constexpr std::size_t kFrameBytes = 64;

// Frames carry their sequence number in their first 8 bytes and in every later byte's
// low bits, so a block rewritten while lent shows up as a frame that does not add up.
void writeFrame(std::uint8_t* at, std::uint64_t sequence)
{
    std::memcpy(at, &sequence, sizeof sequence);
    for (std::size_t i = sizeof sequence; i < kFrameBytes; ++i) at[i] = static_cast<std::uint8_t>(sequence + i);
}

bool frameIntact(ByteSpan data, std::uint64_t& sequence)
{
    if (data.size() != kFrameBytes) return false;
    std::memcpy(&sequence, data.data(), sizeof sequence);
    for (std::size_t i = sizeof sequence; i < kFrameBytes; ++i)
        if (data[i] != static_cast<std::uint8_t>(sequence + i)) return false;
    return true;
}

// kBlocks blocks of kFramesPerBlock frames, filled in ring order, each lent until returned.
class LendingSource : public CaptureSource {
public:
    explicit LendingSource(std::uint64_t total) : m_total(total) {}

    PollResult poll(FrameSink& sink, int timeoutMs) override
    {
        while (m_lentCount > 0 && sink.returned(m_marks[m_firstLent])) {
            m_firstLent = (m_firstLent + 1) % kBlocks;
            --m_lentCount;
        }
        if (m_sent == m_total) return PollResult::End;
        if (m_lentCount == kBlocks || !sink.keepsLentFrames()) {
            // Every block is out: wait for the consumer's wakeup(), as AF_PACKET does.
            std::unique_lock lock(m_mutex);
            m_cv.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_woken; });
            m_woken = false;
            if (m_lentCount == kBlocks) ++m_waitsWithAllLent;
            return PollResult::Frames;
        }
        const std::size_t block = (m_firstLent + m_lentCount) % kBlocks;
        for (std::size_t i = 0; i < kFramesPerBlock && m_sent < m_total; ++i) {
            std::uint8_t* at = m_memory[block].data() + i * kFrameBytes;
            writeFrame(at, m_sent);
            FrameRef frame;
            frame.ts = Timestamp{1'700'000'000, static_cast<std::uint32_t>(m_sent % 1'000'000'000)};
            frame.capturedLength = frame.originalLength = kFrameBytes;
            frame.linkType = link_type::Ethernet;
            frame.data = ByteSpan(at, kFrameBytes);
            sink.onLentFrame(frame);
            ++m_sent;
        }
        m_marks[block] = sink.lentMark();
        ++m_lentCount;
        return PollResult::Frames;
    }
    void wakeup() override
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
        m_cv.notify_all();
    }
    CaptureStats stats() const override { return {}; }
    const std::string& error() const override { return m_error; }
    std::uint32_t linkType() const override { return link_type::Ethernet; }
    const std::string& name() const override { return m_name; }
    CaptureMode mode() const override { return CaptureMode::IpLevel; }
    bool setMode(CaptureMode, std::string&) override { return true; }

    bool owns(const std::uint8_t* p) const
    {
        for (const auto& block : m_memory)
            if (p >= block.data() && p < block.data() + block.size()) return true;
        return false;
    }
    std::uint64_t waitsWithAllLent() const { return m_waitsWithAllLent; }

private:
    const std::uint64_t m_total;
    std::uint64_t m_sent = 0;
    std::array<std::array<std::uint8_t, kFramesPerBlock * kFrameBytes>, kBlocks> m_memory{};
    std::array<std::uint64_t, kBlocks> m_marks{};
    std::size_t m_firstLent = 0;
    std::size_t m_lentCount = 0;
    std::uint64_t m_waitsWithAllLent = 0;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_woken = false;
    std::string m_error;
    std::string m_name = "lender";
};

TEST(CaptureSessionLending, FramesArriveInPlaceAndNoBlockIsReusedWhileLent)
{
    constexpr std::uint64_t kTotal = 20000;
    auto owned = std::make_unique<LendingSource>(kTotal);
    const LendingSource& source = *owned;
    CaptureSession session(std::move(owned), CaptureSessionOptions{.ringBytes = 64u << 10, .pollTimeoutMs = 50, .lendFrames = true});
    ASSERT_TRUE(session.start());

    std::uint64_t expected = 0;
    bool allInPlace = true;
    bool allIntact = true;
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (expected < kTotal && std::chrono::steady_clock::now() < deadline) {
        const std::size_t got = session.drainHeld(
            [&](const FrameRef& frame, const PacketTags&) {
                std::uint64_t sequence = 0;
                allIntact = allIntact && frameIntact(frame.data, sequence) && sequence == expected;
                allInPlace = allInPlace && source.owns(frame.data.data());
                ++expected;
            },
            [&] {
                // Held entries stay valid until here: a slow writer must not see them change.
                if (expected % 7 == 0) std::this_thread::sleep_for(100us);
            },
            100, 1u << 20);
        if (got == 0) session.waitForFrames(20ms);
    }
    session.stop();
    while (session.drainHeld([&](const FrameRef&, const PacketTags&) { ++expected; }, [] {}, 100, 1u << 20) > 0) {
    }

    EXPECT_EQ(expected, kTotal);
    EXPECT_TRUE(allIntact) << "a lent frame changed before the consumer released it, or came out of order";
    EXPECT_TRUE(allInPlace) << "a lent frame was copied";
    EXPECT_EQ(session.counters().droppedRing, 0u);
    // Four blocks of sixteen frames for twenty thousand frames: the source waited for returns.
    EXPECT_GT(source.waitsWithAllLent(), 0u);
}

TEST(CaptureSessionLending, ALendingSessionRefusesToSwitchSources)
{
    CaptureSession session(std::make_unique<LendingSource>(0), CaptureSessionOptions{.lendFrames = true});
    EXPECT_FALSE(session.requestSource(std::make_unique<LendingSource>(0)));
}

}  // namespace
}  // namespace rcvmon

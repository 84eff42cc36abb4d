// SPDX-License-Identifier: GPL-2.0-or-later
// Two threads, millions of entries, sequence numbers checked: built and run under
// ThreadSanitizer too (ctest label "tsan").
#include "store/spsc_ring.h"

#include "frame_maker.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace rcvmon {
namespace {

using test::fillPayload;
using test::frameOver;
using test::payloadIntact;
using test::payloadSeq;

using Clock = std::chrono::steady_clock;
constexpr auto kTimeLimit = std::chrono::seconds(120);  // fails instead of hanging

std::size_t lengthFor(std::uint64_t seq)
{
    return seq % 1000 == 0 ? 1500 : 8 + (seq * 7919) % 200;
}

// The producer retries when full: every entry must arrive exactly once, in order, intact.
TEST(SpscRingStress, LosslessTransferInOrder)
{
    const std::uint64_t total = 2'000'000;
    SpscRing ring(64 << 10);
    std::atomic<bool> timedOut{false};
    const auto deadline = Clock::now() + kTimeLimit;

    std::thread producer([&] {
        std::vector<std::uint8_t> bytes;
        for (std::uint64_t seq = 0; seq < total; ++seq) {
            fillPayload(bytes, seq, lengthFor(seq));
            const FrameRef frame = frameOver(bytes, static_cast<std::int64_t>(seq));
            while (!ring.tryPush(frame, PacketTags{ProtocolClass::Tcp, CaptureMode::On})) {
                if (timedOut.load(std::memory_order_relaxed)) return;
                std::this_thread::yield();
            }
        }
    });

    std::uint64_t expected = 0;
    std::uint64_t corrupt = 0;
    while (expected < total) {
        const std::size_t got = ring.drain(
            [&](const FrameRef& frame, const PacketTags& tags) {
                if (frame.data.size() != lengthFor(expected) || payloadSeq(frame.data) != expected ||
                    !payloadIntact(frame.data, expected) || frame.ts.sec != static_cast<std::int64_t>(expected) ||
                    tags.protocol != ProtocolClass::Tcp)
                    ++corrupt;
                ++expected;
            },
            256);
        if (got == 0) {
            if (Clock::now() > deadline) {
                timedOut = true;
                break;
            }
            std::this_thread::yield();
        }
    }
    producer.join();
    EXPECT_FALSE(timedOut.load()) << "stuck after " << expected << " entries";
    EXPECT_EQ(expected, total);
    EXPECT_EQ(corrupt, 0u);
    EXPECT_TRUE(ring.empty());
}

// The producer never waits: what it could not push it counts. The consumer sees a strictly
// increasing subsequence, and pushed + overflowed == offered, exactly.
TEST(SpscRingStress, OverflowCountedWhileConsumerLags)
{
    const std::uint64_t total = 1'000'000;
    SpscRing ring(32 << 10);
    std::atomic<bool> done{false};
    std::uint64_t pushed = 0, overflowed = 0;

    std::thread producer([&] {
        std::vector<std::uint8_t> bytes;
        for (std::uint64_t seq = 0; seq < total; ++seq) {
            fillPayload(bytes, seq, lengthFor(seq));
            if (ring.tryPush(frameOver(bytes)))
                ++pushed;
            else
                ++overflowed;
        }
        done.store(true, std::memory_order_release);
    });

    std::uint64_t received = 0, corrupt = 0;
    std::int64_t last = -1;
    const auto deadline = Clock::now() + kTimeLimit;
    auto check = [&](const FrameRef& frame, const PacketTags&) {
        const auto seq = static_cast<std::int64_t>(payloadSeq(frame.data));
        if (seq <= last || !payloadIntact(frame.data, static_cast<std::uint64_t>(seq))) ++corrupt;
        last = seq;
        ++received;
    };
    for (int spin = 0; !done.load(std::memory_order_acquire) && Clock::now() < deadline; ++spin) {
        ring.drain(check, 64);
        // Lag behind now and then so the ring really fills up.
        if (spin % 64 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    producer.join();
    ring.drain(check, SIZE_MAX);

    EXPECT_EQ(pushed + overflowed, total);
    EXPECT_EQ(received, pushed);
    EXPECT_EQ(corrupt, 0u);
    EXPECT_GT(overflowed, 0u) << "the consumer lagged, so some pushes must have overflowed";
}

}  // namespace
}  // namespace rcvmon

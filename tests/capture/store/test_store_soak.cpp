// SPDX-License-Identifier: GPL-2.0-or-later
// A 30-minute capture at a steady rate, compressed in time: millions of frames with
// timestamps spread over 30 simulated minutes go source -> capture thread -> ring -> store
// at a reduced bound. The store never grows past the bound and the process does not grow.
#include "store/capture_session.h"
#include "store/packet_store.h"

#include "core/link_type.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>

#ifdef _WIN32
#include <windows.h>
#include <psapi.h>
#else
#include <fstream>
#include <unistd.h>
#endif

namespace rcvmon {
namespace {

constexpr std::int64_t kT0 = 1'700'000'000;
constexpr std::int64_t kDurationSeconds = 30 * 60;

// Under ThreadSanitizer everything runs ~10x slower: a tenth of the stream at a tenth of the rate.
#if defined(__SANITIZE_THREAD__)
#define RCVMON_SOAK_SLOW 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define RCVMON_SOAK_SLOW 1
#endif
#endif
#ifdef RCVMON_SOAK_SLOW
constexpr std::uint64_t kFrames = 400'000;
constexpr double kFramesPerSecond = 1.5e5;
#else
constexpr std::uint64_t kFrames = 4'000'000;
constexpr double kFramesPerSecond = 1.5e6;
#endif

std::uint64_t residentBytes()
{
#ifdef _WIN32
    PROCESS_MEMORY_COUNTERS counters{};
    if (!GetProcessMemoryInfo(GetCurrentProcess(), &counters, sizeof(counters))) return 0;
    return counters.WorkingSetSize;
#else
    std::ifstream statm("/proc/self/statm");
    std::uint64_t size = 0, resident = 0;
    statm >> size >> resident;
    return resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
#endif
}

// Generates a steady stream of Ethernet/IPv4/UDP frames whose timestamps cover 30 minutes,
// never more than `lead` frames ahead of what the consumer has drained: a consumer descheduled
// on a busy machine must not turn the stream into ring drops (a timing, not what this tests).
class SteadySource : public CaptureSource {
public:
    SteadySource(std::uint64_t total, const std::atomic<std::uint64_t>& consumed, std::uint64_t lead)
        : m_total(total), m_consumed(consumed), m_lead(lead)
    {
        m_frame.assign(14 + 20 + 8 + 64, 0);
        m_frame[12] = 0x08;
        m_frame[14] = 0x45;
        m_frame[23] = 17;
    }

    // Delivers the frames due by now at a steady rate, so the stream is paced like a
    // network, not a memcpy loop.
    PollResult poll(FrameSink& sink, int) override
    {
        const auto now = std::chrono::steady_clock::now();
        if (m_sent == 0) m_start = now;
        const double elapsed = std::chrono::duration<double>(now - m_start).count();
        const auto due = std::min({m_total, static_cast<std::uint64_t>(elapsed * kFramesPerSecond) + 1,
                                   m_consumed.load(std::memory_order_relaxed) + m_lead});
        if (m_sent >= due) std::this_thread::sleep_for(std::chrono::microseconds(200));
        FrameRef f;
        f.linkType = link_type::Ethernet;
        for (; m_sent < due; ++m_sent) {
            const std::uint64_t ns = m_sent * (static_cast<std::uint64_t>(kDurationSeconds) * 1'000'000'000 / m_total);
            f.ts = Timestamp{kT0 + static_cast<std::int64_t>(ns / 1'000'000'000), static_cast<std::uint32_t>(ns % 1'000'000'000)};
            const std::size_t length = 60 + m_sent % 47;  // 60..106 bytes
            std::memcpy(m_frame.data() + m_frame.size() - 8, &m_sent, 8);
            f.data = ByteSpan(m_frame.data() + m_frame.size() - length, length);
            f.capturedLength = f.originalLength = static_cast<std::uint32_t>(length);
            f.direction = m_sent % 2 ? Direction::Incoming : Direction::Outgoing;
            sink.onFrame(f);
        }
        return m_sent < m_total ? PollResult::Frames : PollResult::End;
    }
    void wakeup() override {}
    CaptureStats stats() const override { return {}; }
    const std::string& error() const override { return m_name; }
    std::uint32_t linkType() const override { return link_type::Ethernet; }
    const std::string& name() const override { return m_name; }
    CaptureMode mode() const override { return CaptureMode::On; }
    bool setMode(CaptureMode, std::string&) override { return true; }

private:
    std::uint64_t m_total;
    const std::atomic<std::uint64_t>& m_consumed;
    std::uint64_t m_lead;
    std::uint64_t m_sent = 0;
    std::chrono::steady_clock::time_point m_start;
    std::vector<std::uint8_t> m_frame;
    std::string m_name = "soak0";
};

TEST(StoreSoak, ThirtyMinutesAtASteadyRateStayWithinTheBound)
{
    const std::uint64_t total = kFrames;
    const std::uint64_t bound = 8u << 20;
    CaptureSessionOptions options;
    options.ringBytes = 16u << 20;  // ~100 ms of this stream, for a consumer descheduled on a busy machine
    std::atomic<std::uint64_t> consumed{0};
    const std::uint64_t lead = options.ringBytes / 2 / SpscRing::entryBytes(106);
    CaptureSession session(std::make_unique<SteadySource>(total, consumed, lead), options);
    PacketStore store(PacketStoreOptions{bound, BoundPolicy::EvictOldest});

    std::uint64_t drained = 0, maxUsed = 0;
    std::uint64_t rssWarm = 0, rssMax = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    ASSERT_TRUE(session.start());
    for (;;) {
        const SessionState state = session.state();
        const std::size_t got = session.drainInto(store, 8192);
        drained += got;
        consumed.store(drained, std::memory_order_relaxed);
        maxUsed = std::max(maxUsed, store.memoryUsed());
        ASSERT_LE(store.memoryUsed(), bound);
        // Measure the process once the store is full and the ring has been all the way round.
        if (rssWarm == 0 && store.evictedCount() > 0 && drained * SpscRing::entryBytes(60) >= options.ringBytes)
            rssWarm = residentBytes();
        if (rssWarm != 0 && drained % 65536 < got) rssMax = std::max(rssMax, residentBytes());
        if (got == 0) {
            if (state == SessionState::Ended) break;
            ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "soak did not finish";
            std::this_thread::yield();
        }
    }
    rssMax = std::max(rssMax, residentBytes());
    session.stop();

    const SessionCounters c = session.counters();
    EXPECT_EQ(c.received, total);
    EXPECT_EQ(drained + c.droppedRing, total) << "every frame is either stored or counted as a ring drop";
    EXPECT_GT(drained, total * 9 / 10) << "a paced stream should mostly make it through to the store";
    EXPECT_EQ(store.evictedCount() + store.size(), drained);
    EXPECT_EQ(c.evicted, store.evictedCount());
    EXPECT_EQ(store.refusedCount(), 0u);
    EXPECT_LE(maxUsed, bound);
    EXPECT_GT(maxUsed, bound / 2) << "the bound was reached";

    // The newest stored packets are intact and from the end of the half hour; the oldest
    // are long gone.
    auto seqOf = [](const FrameRef& f) {
        std::uint64_t seq = 0;
        std::memcpy(&seq, f.data.data() + f.data.size() - 8, 8);
        return seq;
    };
    const FrameRef newest = store.frame(store.endNumber() - 1);
    ASSERT_GE(newest.data.size(), 8u);
    EXPECT_EQ(newest.data.size(), 60 + seqOf(newest) % 47);
    EXPECT_GE(seqOf(newest), total - 1 - c.droppedRing);
    EXPECT_GE(newest.ts.sec, kT0 + kDurationSeconds - 60);
    EXPECT_FALSE(store.contains(1));

    // The bins span the simulated half hour and end at its last second.
    std::int64_t newestSecond = 0;
    ASSERT_TRUE(session.bandwidth().newestSecond(newestSecond));
    EXPECT_EQ(newestSecond, kT0 + kDurationSeconds - 1);
    std::uint64_t binned = 0;
    for (const BandwidthSample& s : session.bandwidth().snapshot(600)) binned += s.total().packets;
    EXPECT_NEAR(static_cast<double>(binned), static_cast<double>(total) / 3, static_cast<double>(total) / 100)
        << "the last 10 of 30 minutes hold a third of the frames";

    // Process growth after warm-up stays within a couple of chunks (allocator slack).
    ASSERT_GT(rssWarm, 0u);
    EXPECT_LT(rssMax, rssWarm + (4u << 20)) << "RSS grew from " << rssWarm << " to " << rssMax;
    std::printf("soak: %llu frames received, %llu stored, %llu ring drops, %llu evicted, store %llu/%llu bytes, "
                "RSS warm %llu KiB max %llu KiB\n",
                static_cast<unsigned long long>(c.received), static_cast<unsigned long long>(drained),
                static_cast<unsigned long long>(c.droppedRing), static_cast<unsigned long long>(store.evictedCount()),
                static_cast<unsigned long long>(maxUsed), static_cast<unsigned long long>(bound),
                static_cast<unsigned long long>(rssWarm >> 10), static_cast<unsigned long long>(rssMax >> 10));
}

}  // namespace
}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// Per-packet statistics work must not allocate once every conversation, endpoint and
// protocol path exists: this binary counts every operator new while frames are added again.
#include "stats_scenarios.h"

#include "stats/traffic_statistics.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <new>

namespace {
std::atomic<bool> g_counting{false};
std::atomic<std::size_t> g_allocations{0};
}  // namespace

// GCC sees the malloc/free pair through inlining and takes it for mismatched new/free.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t size)
{
    if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace rcvmon::test {
namespace {

// Frames dissected up front, each into its own Dissection, so only add() runs while counting.
struct Dissected {
    FrameRef frame;
    std::unique_ptr<Dissection> dissection;
};

std::vector<Dissected> dissectAll(const std::vector<Scenario>& scenarios)
{
    std::vector<Dissected> out;
    for (const Scenario& s : scenarios) {
        Dissector dissector;
        std::uint64_t number = 0;
        for (const TimedPacket& p : s.packets) {
            Dissected d{frameOf(p.bytes, s.linkType, SIZE_MAX, p.wireLength()), std::make_unique<Dissection>()};
            d.frame.ts = p.ts;
            dissector.dissect(d.frame, ++number, *d.dissection);
            out.push_back(std::move(d));
        }
    }
    return out;
}

TEST(StatsAllocation, AddingKnownTrafficAllocatesNothing)
{
    const std::vector<Scenario> scenarios{dnsAndTcpScenario(), tiedTotalsScenario(), icmpErrorScenario(),
                                          tunnelScenario(),    timeOrderScenario(),  hierarchyScenario(),
                                          rawIpScenario()};
    const std::vector<Dissected> frames = dissectAll(scenarios);
    TrafficStatistics stats;
    for (const Dissected& d : frames) stats.add(d.frame, *d.dissection);
    const std::size_t conversations = stats.conversations(StatKind::Udp).size();

    g_allocations = 0;
    g_counting = true;
    for (int round = 0; round < 3; ++round)
        for (const Dissected& d : frames) stats.add(d.frame, *d.dissection);
    g_counting = false;

    EXPECT_EQ(g_allocations.load(), 0u);
    EXPECT_EQ(stats.conversations(StatKind::Udp).size(), conversations);
    EXPECT_EQ(stats.frames(), 4 * frames.size());
}

TEST(StatsAllocation, ANewConversationIsCounted)
{
    // The counter itself works: a first frame creates rows and allocates.
    const std::vector<Scenario> scenarios{dnsAndTcpScenario()};
    const std::vector<Dissected> frames = dissectAll(scenarios);
    TrafficStatistics stats;
    g_allocations = 0;
    g_counting = true;
    stats.add(frames[0].frame, *frames[0].dissection);
    g_counting = false;
    EXPECT_GT(g_allocations.load(), 0u);
}

}  // namespace
}  // namespace rcvmon::test

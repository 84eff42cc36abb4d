// SPDX-License-Identifier: GPL-2.0-or-later
// Per-packet statistics work must not allocate once every conversation, endpoint and
// protocol path exists: this binary counts every operator new while frames are added again.
#include "allocation_counter.h"
#include "stats_scenarios.h"

#include "stats/traffic_statistics.h"

#include <gtest/gtest.h>

#include <memory>

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

    AllocationCounter allocations;
    for (int round = 0; round < 3; ++round)
        for (const Dissected& d : frames) stats.add(d.frame, *d.dissection);
    EXPECT_EQ(allocations.stop(), 0u);
    EXPECT_EQ(stats.conversations(StatKind::Udp).size(), conversations);
    EXPECT_EQ(stats.frames(), 4 * frames.size());
}

TEST(StatsAllocation, ANewConversationIsCounted)
{
    // The counter itself works: a first frame creates rows and allocates.
    const std::vector<Scenario> scenarios{dnsAndTcpScenario()};
    const std::vector<Dissected> frames = dissectAll(scenarios);
    TrafficStatistics stats;
    AllocationCounter allocations;
    stats.add(frames[0].frame, *frames[0].dissection);
    EXPECT_GT(allocations.stop(), 0u);
}

}  // namespace
}  // namespace rcvmon::test

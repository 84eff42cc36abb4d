// SPDX-License-Identifier: GPL-2.0-or-later
// Top talkers per second and endpoint first/last times over hand-built packets dissected by
// the real Dissector; expected numbers are worked out from the packets themselves.
#include "stats_scenarios.h"

#include "stats/talker_timeline.h"
#include "stats/traffic_statistics.h"

#include <gtest/gtest.h>

#include <vector>

namespace rcvmon::test {
namespace {

StatAddress ip4(Ip4 a) { return StatAddress::from(StatAddress::Family::Ipv4, a); }
StatAddress ip6(Ip6 a) { return StatAddress::from(StatAddress::Family::Ipv6, a); }

// A→B, B→C, C→A stamped before the first frame, A→B; then IPv6 and ARP. Payload sizes
// differ so every total is distinct where the test wants an order.
Scenario threeHostScenario()
{
    Scenario s{"three_hosts", link_type::Ethernet, {}};
    s.packets.push_back({udp4(1000, 2000, Bytes(100, 0xaa), kIpA, kIpB), at(10, 0)});
    s.packets.push_back({udp4(1000, 2000, Bytes(10, 0xaa), kIpB, kIpC), at(11, 250000000)});
    s.packets.push_back({udp4(1000, 2000, Bytes(50, 0xaa), kIpC, kIpA), at(9, 500000000)});
    s.packets.push_back({udp4(1000, 2000, Bytes(1, 0xaa), kIpA, kIpB), at(12, 0)});
    s.packets.push_back({ethernet(0x86dd, ipv6(17, udp(5, 6, Bytes(7, 0)), kIp6A, kIp6B)), at(12, 900000000)});
    s.packets.push_back({ethernet(0x0806, arp(1, kMacA, kIpA, Mac{}, kIpB)), at(15, 0)});
    return s;
}

const Talker* findTalker(const TalkerTimeline& t, const StatAddress& address)
{
    for (const Talker& talker : t.talkers())
        if (talker.address == address) return &talker;
    return nullptr;
}

TEST(TalkerTimeline, BinsBytesPerAddressPerCaptureSecond)
{
    const Scenario s = threeHostScenario();
    TrafficStatistics stats;
    feed(s, stats);
    const std::uint64_t l0 = s.packets[0].wireLength(), l1 = s.packets[1].wireLength(),
                        l2 = s.packets[2].wireLength(), l3 = s.packets[3].wireLength(),
                        l4 = s.packets[4].wireLength();
    const TalkerTimeline& t = stats.talkers();
    EXPECT_EQ(t.newestSecond(), 15);  // the ARP frame moves time on without a talker
    EXPECT_EQ(t.firstSecond(), 9);    // the frame stamped before the first
    ASSERT_EQ(t.talkers().size(), 5u);
    const Talker* a = findTalker(t, ip4(kIpA));
    const Talker* b = findTalker(t, ip4(kIpB));
    const Talker* c = findTalker(t, ip4(kIpC));
    const Talker* a6 = findTalker(t, ip6(kIp6A));
    ASSERT_TRUE(a && b && c && a6);
    // The frame stamped before the first lands in its own, earlier second.
    EXPECT_EQ(a->bins, (std::vector<TalkerBin>{{9, l2}, {10, l0}, {12, l3}}));
    EXPECT_EQ(b->bins, (std::vector<TalkerBin>{{10, l0}, {11, l1}, {12, l3}}));
    EXPECT_EQ(c->bins, (std::vector<TalkerBin>{{9, l2}, {11, l1}}));
    EXPECT_EQ(a6->bins, (std::vector<TalkerBin>{{12, l4}}));
    EXPECT_EQ(t.bytesPerSecond(0, 8, 13), (std::vector<std::uint64_t>{0, l2, l0, 0, l3, 0}));
}

TEST(TalkerTimeline, TopRanksByBytesInTheWindowTiesInOrderFirstSeen)
{
    const Scenario s = threeHostScenario();
    TrafficStatistics stats;
    feed(s, stats);
    const TalkerTimeline& t = stats.talkers();
    const std::uint64_t l0 = s.packets[0].wireLength(), l1 = s.packets[1].wireLength(),
                        l2 = s.packets[2].wireLength(), l3 = s.packets[3].wireLength();
    ASSERT_GT(l0 + l2 + l3, l0 + l1 + l3);

    const auto top = t.top(9, 12, 2);
    ASSERT_EQ(top.size(), 2u);
    EXPECT_EQ(t.talkers()[top[0].talker].address, ip4(kIpA));
    EXPECT_EQ(top[0].bytes, l0 + l2 + l3);
    EXPECT_EQ(t.talkers()[top[1].talker].address, ip4(kIpB));
    EXPECT_EQ(top[1].bytes, l0 + l1 + l3);

    // Second 11: B and C both carry frame 1; B was seen first.
    const auto tie = t.top(11, 11, 5);
    ASSERT_EQ(tie.size(), 2u);
    EXPECT_EQ(t.talkers()[tie[0].talker].address, ip4(kIpB));
    EXPECT_EQ(t.talkers()[tie[1].talker].address, ip4(kIpC));
    EXPECT_EQ(tie[0].bytes, l1);
    EXPECT_TRUE(t.top(13, 15, 5).empty());
}

TEST(TalkerTimeline, DropsSecondsBeyondTheHorizonAndTalkersLeftEmpty)
{
    const StatAddress a = ip4(kIpA), b = ip4(kIpB);
    TalkerTimeline t(10);
    t.add(a, 100, 5);
    t.add(b, 100, 7);
    t.add(a, 105, 1);
    t.advanceTo(109);
    EXPECT_EQ(t.oldestSecond(), 100);
    ASSERT_EQ(t.top(0, 200, 5).size(), 2u);
    EXPECT_EQ(t.top(0, 200, 5)[0], (TalkerShare{1, 7}));

    t.advanceTo(110);  // second 100 falls out: b has nothing left
    EXPECT_EQ(t.oldestSecond(), 101);
    ASSERT_EQ(t.talkers().size(), 1u);
    EXPECT_EQ(t.talkers()[0].address, a);
    EXPECT_EQ(t.talkers()[0].bins, (std::vector<TalkerBin>{{105, 1}}));
    EXPECT_EQ(t.top(0, 200, 5), (std::vector<TalkerShare>{{0, 1}}));

    t.add(b, 100, 9);  // too late: ignored
    EXPECT_EQ(t.talkers().size(), 1u);
    t.add(b, 101, 3);  // the oldest second still kept
    ASSERT_EQ(t.talkers().size(), 2u);
    EXPECT_EQ(t.bytesPerSecond(1, 100, 102), (std::vector<std::uint64_t>{0, 3, 0}));

    t.advanceTo(1000);
    EXPECT_TRUE(t.talkers().empty());
    EXPECT_TRUE(t.top(0, 2000, 5).empty());
}

TEST(TalkerTimeline, MemoryFollowsTheHorizonNotTheCaptureLength)
{
    TalkerTimeline t;  // 300 s, swept every 30 s
    for (std::int64_t second = 0; second < 5000; ++second) {
        Ip4 address{10, static_cast<std::uint8_t>(second >> 16), static_cast<std::uint8_t>(second >> 8),
                    static_cast<std::uint8_t>(second)};
        t.add(ip4(address), second, 100);
        t.add(ip4(kIpA), second, 1);  // one talker present all along
        ASSERT_LE(t.talkers().size(), 1u + 300 + 30) << "at second " << second;
    }
    const Talker* a = findTalker(t, ip4(kIpA));
    ASSERT_NE(a, nullptr);
    EXPECT_LE(a->bins.size(), 300u + 30);
    // Queries never see more than the horizon, swept or not.
    EXPECT_EQ(t.bytesIn(static_cast<std::size_t>(a - t.talkers().data()), 0, 10000), 300u);
}

TEST(TalkerTimeline, KeepAllNeverDrops)
{
    TalkerTimeline t(TalkerTimeline::kKeepAll);
    t.add(ip4(kIpA), 0, 5);
    t.add(ip4(kIpB), 1'000'000'000, 7);
    ASSERT_EQ(t.talkers().size(), 2u);
    EXPECT_EQ(t.bytesIn(0, -1, 2'000'000'000), 5u);
}

TEST(TalkerTimeline, ClearForgetsTimeAndTalkers)
{
    TrafficStatistics stats;
    feed(threeHostScenario(), stats);
    stats.clear();
    EXPECT_TRUE(stats.talkers().empty());
    EXPECT_TRUE(stats.talkers().talkers().empty());
    Scenario late{"late", link_type::Ethernet, {{udp4(1, 2, {1}), at(2)}}};
    feed(late, stats);
    EXPECT_EQ(stats.talkers().newestSecond(), 2);
    EXPECT_EQ(stats.talkers().talkers().size(), 2u);
}

TEST(EndpointTimes, StartAndStopAreTheEarliestAndLatestFrame)
{
    TrafficStatistics stats;
    feed(threeHostScenario(), stats);
    // Relative to the first frame (10.0): A is in frames at 10, 9.5, 12; C in 11.25, 9.5.
    const auto ip = stats.endpoints(StatKind::Ipv4).endpoints();
    ASSERT_EQ(ip.size(), 3u);
    EXPECT_EQ(ip[0].address, ip4(kIpA));
    EXPECT_DOUBLE_EQ(ip[0].start.seconds(), -0.5);
    EXPECT_DOUBLE_EQ(ip[0].stop.seconds(), 2.0);
    EXPECT_EQ(ip[1].address, ip4(kIpB));
    EXPECT_DOUBLE_EQ(ip[1].start.seconds(), 0.0);
    EXPECT_DOUBLE_EQ(ip[1].stop.seconds(), 2.0);
    EXPECT_EQ(ip[2].address, ip4(kIpC));
    EXPECT_DOUBLE_EQ(ip[2].start.seconds(), -0.5);
    EXPECT_DOUBLE_EQ(ip[2].stop.seconds(), 1.25);

    const auto v6 = stats.endpoints(StatKind::Ipv6).endpoints();
    ASSERT_EQ(v6.size(), 2u);
    EXPECT_DOUBLE_EQ(v6[0].start.seconds(), 2.9);
    EXPECT_EQ(v6[0].stop, v6[0].start);
    // Ports too: UDP endpoint B:2000 received at 10 and 12 only.
    for (const Endpoint& e : stats.endpoints(StatKind::Udp).endpoints())
        if (e.address == ip4(kIpB) && e.port == 2000) {
            EXPECT_DOUBLE_EQ(e.start.seconds(), 0.0);
            EXPECT_DOUBLE_EQ(e.stop.seconds(), 2.0);
        }
}

}  // namespace
}  // namespace rcvmon::test

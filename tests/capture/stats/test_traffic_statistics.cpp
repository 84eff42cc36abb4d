// SPDX-License-Identifier: GPL-2.0-or-later
// Conversations, endpoints and the protocol hierarchy over hand-built packets dissected by
// the real Dissector; expected numbers are worked out from the packets themselves.
#include "stats_scenarios.h"

#include "stats/traffic_statistics.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rcvmon::test {
namespace {

StatAddress ip4(Ip4 a) { return StatAddress::from(StatAddress::Family::Ipv4, a); }
StatAddress ip6(Ip6 a) { return StatAddress::from(StatAddress::Family::Ipv6, a); }
StatAddress mac(Mac a) { return StatAddress::from(StatAddress::Family::Mac, a); }

std::uint64_t sizeOf(const Scenario& s, std::initializer_list<std::size_t> frames)
{
    std::uint64_t total = 0;
    for (std::size_t i : frames) total += s.packets[i].wireLength();
    return total;
}

// The hierarchy as "name frames bytes" lines, indented two spaces a level, in print order.
std::vector<std::string> hierarchyLines(const ProtocolHierarchy& h)
{
    std::vector<std::string> lines;
    for (std::uint32_t i : h.preorder()) {
        const ProtocolNode& n = h.nodes()[i];
        lines.push_back(std::string(2 * n.depth, ' ') + std::string(n.name) + " " + std::to_string(n.frames) + " " +
                        std::to_string(n.bytes));
    }
    return lines;
}

TEST(TrafficStatistics, CountsEachDirectionOfAConversation)
{
    const Scenario s = dnsAndTcpScenario();
    TrafficStatistics stats;
    feed(s, stats);
    ASSERT_EQ(stats.frames(), 4u);

    const auto ip = stats.conversations(StatKind::Ipv4).conversations();
    ASSERT_EQ(ip.size(), 2u);
    EXPECT_EQ(ip[0].addressA, ip4(kIpA));  // the first packet's source is A
    EXPECT_EQ(ip[0].addressB, ip4(kIpB));
    EXPECT_EQ(ip[0].aToB, (FlowCount{2, sizeOf(s, {0, 2})}));
    EXPECT_EQ(ip[0].bToA, (FlowCount{1, sizeOf(s, {1})}));
    EXPECT_EQ(ip[0].bytes(), sizeOf(s, {0, 1, 2}));
    EXPECT_DOUBLE_EQ(ip[0].start.seconds(), 0.0);
    EXPECT_DOUBLE_EQ(ip[0].stop.seconds() - ip[0].start.seconds(), 1.5);
    EXPECT_EQ(ip[1].addressB, ip4(kIpC));
    EXPECT_DOUBLE_EQ(ip[1].start.seconds(), 2.0);
    EXPECT_EQ(ip[1].stop, ip[1].start);

    const auto udp = stats.conversations(StatKind::Udp).conversations();
    ASSERT_EQ(udp.size(), 1u);
    EXPECT_EQ(udp[0].portA, 40000);
    EXPECT_EQ(udp[0].portB, 53);
    EXPECT_EQ(udp[0].aToB.frames, 2u);
    EXPECT_EQ(udp[0].bToA.frames, 1u);
    ASSERT_EQ(stats.conversations(StatKind::Tcp).size(), 1u);
    EXPECT_EQ(stats.conversations(StatKind::Tcp).conversations()[0].portB, 80);
    EXPECT_EQ(stats.conversations(StatKind::Ipv6).size(), 0u);

    const auto eth = stats.conversations(StatKind::Ethernet).conversations();
    ASSERT_EQ(eth.size(), 2u);
    EXPECT_EQ(eth[0].addressA, mac(kMacA));
    EXPECT_EQ(eth[0].frames(), 3u);
    EXPECT_EQ(eth[1].addressB, mac(kMacC));
}

TEST(TrafficStatistics, CountsEndpointsAsSenderAndReceiver)
{
    const Scenario s = dnsAndTcpScenario();
    TrafficStatistics stats;
    feed(s, stats);
    const EndpointTable& table = stats.endpoints(StatKind::Ipv4);
    const auto rows = table.endpoints();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].address, ip4(kIpA));
    EXPECT_EQ(rows[0].tx, (FlowCount{3, sizeOf(s, {0, 2, 3})}));
    EXPECT_EQ(rows[0].rx, (FlowCount{1, sizeOf(s, {1})}));
    EXPECT_EQ(rows[1].address, ip4(kIpB));
    EXPECT_EQ(rows[1].tx.frames, 1u);
    EXPECT_EQ(rows[1].rx.frames, 2u);
    EXPECT_EQ(rows[2].address, ip4(kIpC));
    EXPECT_EQ(rows[2].tx.frames, 0u);
    EXPECT_EQ(rows[2].rx, (FlowCount{1, sizeOf(s, {3})}));
    EXPECT_EQ(table.tsharkOrder(), (std::vector<std::size_t>{0, 1, 2}));

    const auto udp = stats.endpoints(StatKind::Udp).endpoints();
    ASSERT_EQ(udp.size(), 2u);
    EXPECT_EQ(udp[0].port, 40000);
    EXPECT_EQ(udp[1].port, 53);
    EXPECT_EQ(udp[1].rx.frames, 2u);
}

TEST(TrafficStatistics, SortsByFramesKeepingFirstSeenOrderForTies)
{
    TrafficStatistics stats;
    feed(tiedTotalsScenario(), stats);
    const ConversationTable& ip = stats.conversations(StatKind::Ipv4);
    ASSERT_EQ(ip.size(), 3u);
    EXPECT_EQ(ip.tsharkOrder(), (std::vector<std::size_t>{1, 2, 0}));
    // Endpoints: A is in all five frames; C and D in two; B in one.
    const EndpointTable& ends = stats.endpoints(StatKind::Ipv4);
    const auto order = ends.tsharkOrder();
    ASSERT_EQ(order.size(), 4u);
    EXPECT_EQ(ends.endpoints()[order[0]].address, ip4(kIpA));
    EXPECT_EQ(ends.endpoints()[order[1]].address, ip4(kIpC));
    EXPECT_EQ(ends.endpoints()[order[2]].address, ip4(kIpD));
    EXPECT_EQ(ends.endpoints()[order[3]].address, ip4(kIpB));
}

TEST(TrafficStatistics, IgnoresThePacketAnIcmpErrorQuotes)
{
    TrafficStatistics stats;
    feed(icmpErrorScenario(), stats);
    const auto udp = stats.conversations(StatKind::Udp).conversations();
    ASSERT_EQ(udp.size(), 1u);
    EXPECT_EQ(udp[0].frames(), 1u);
    const auto ip = stats.conversations(StatKind::Ipv4).conversations();
    ASSERT_EQ(ip.size(), 1u);
    EXPECT_EQ(ip[0].aToB.frames, 2u);
    EXPECT_EQ(ip[0].bToA.frames, 1u);
    const auto lines = hierarchyLines(stats.hierarchy());
    ASSERT_GE(lines.size(), 4u);
    EXPECT_EQ(lines[0].substr(0, 6), "eth 3 ");
    EXPECT_EQ(lines[1].substr(0, 7), "  ip 3 ");
    EXPECT_EQ(lines[2].substr(0, 9), "    udp 1");
    // The quoted IPv4 and UDP headers sit inside ICMP's tree; ICMP counts once per frame.
    bool icmpSeen = false;
    for (const std::string& l : lines) {
        EXPECT_EQ(l.find("ip 1"), std::string::npos) << l;
        if (l.starts_with("    icmp ")) {
            icmpSeen = true;
            EXPECT_EQ(l.substr(0, 11), "    icmp 2 ");
        }
    }
    EXPECT_TRUE(icmpSeen);
}

TEST(TrafficStatistics, CountsEveryTunnelledHeader)
{
    TrafficStatistics stats;
    feed(tunnelScenario(), stats);
    const auto v6 = stats.conversations(StatKind::Ipv6).conversations();
    ASSERT_EQ(v6.size(), 2u);
    EXPECT_EQ(v6[0].addressA, ip6(kIp6A));
    EXPECT_EQ(v6[1].addressA, ip6(kIp6C));
    const auto v4 = stats.conversations(StatKind::Ipv4).conversations();
    ASSERT_EQ(v4.size(), 2u);
    EXPECT_EQ(v4[0].addressA, ip4(kIpA));
    EXPECT_EQ(v4[1].addressA, ip4(kIpC));
    // UDP takes the innermost addresses.
    const auto udp = stats.conversations(StatKind::Udp).conversations();
    ASSERT_EQ(udp.size(), 2u);
    EXPECT_EQ(udp[0].addressA, ip6(kIp6C));
    EXPECT_EQ(udp[0].portA, 3000);
    EXPECT_EQ(udp[1].addressB, ip4(kIpD));
    EXPECT_EQ(udp[1].portB, 6000);
    const auto lines = hierarchyLines(stats.hierarchy());
    ASSERT_EQ(lines.size(), 10u);
    EXPECT_EQ(lines[2].substr(0, 11), "    ipv6 1 ");
    EXPECT_EQ(lines[6].substr(0, 9), "    gre 1");
}

TEST(TrafficStatistics, StartsANewTcpConversationWhenPortsAreReused)
{
    TrafficStatistics stats;
    feed(portReuseScenario(), stats);
    const auto tcp = stats.conversations(StatKind::Tcp).conversations();
    ASSERT_EQ(tcp.size(), 2u);
    EXPECT_EQ(tcp[0].frames(), 6u);
    EXPECT_EQ(tcp[1].frames(), 2u);
    EXPECT_NE(tcp[0].stream, tcp[1].stream);
    EXPECT_DOUBLE_EQ(tcp[1].start.seconds(), 2.0);
    EXPECT_EQ(stats.conversations(StatKind::Ipv4).size(), 1u);
    EXPECT_EQ(stats.endpoints(StatKind::Tcp).size(), 2u);  // endpoints ignore the stream
}

TEST(TrafficStatistics, TimesAreRelativeToTheFirstFrameEvenWhenEarlier)
{
    TrafficStatistics stats;
    feed(timeOrderScenario(), stats);
    const auto udp = stats.conversations(StatKind::Udp).conversations();
    ASSERT_EQ(udp.size(), 2u);
    EXPECT_DOUBLE_EQ(udp[0].start.seconds(), 0.0);
    EXPECT_DOUBLE_EQ(udp[0].stop.seconds(), 1.623456789);
    EXPECT_DOUBLE_EQ(udp[1].start.seconds(), -0.75);
    EXPECT_DOUBLE_EQ(udp[1].stop.seconds(), -0.25);
}

TEST(TrafficStatistics, BuildsTheProtocolHierarchyInFirstSeenOrder)
{
    const Scenario s = hierarchyScenario();
    TrafficStatistics stats;
    feed(s, stats);
    const auto all = std::to_string(sizeOf(s, {0, 1, 2, 3, 4, 5}));
    const auto ip = std::to_string(sizeOf(s, {1, 2, 4, 5}));
    const auto dns = std::to_string(sizeOf(s, {2, 4}));
    const std::vector<std::string> expected{
        "eth 6 " + all,
        "  arp 1 " + std::to_string(sizeOf(s, {0})),
        "  ip 4 " + ip,
        "    tcp 1 " + std::to_string(sizeOf(s, {1})),
        "    udp 2 " + dns,
        "      dns 2 " + dns,
        "    _ws.short 1 " + std::to_string(sizeOf(s, {5})),
        "  ipv6 1 " + std::to_string(sizeOf(s, {3})),
        "    icmpv6 1 " + std::to_string(sizeOf(s, {3})),
    };
    EXPECT_EQ(hierarchyLines(stats.hierarchy()), expected);
}

TEST(TrafficStatistics, RawIpLinkStartsTheHierarchyAtRaw)
{
    TrafficStatistics stats;
    feed(rawIpScenario(), stats);
    const auto lines = hierarchyLines(stats.hierarchy());
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_EQ(lines[0].substr(0, 6), "raw 2 ");
    EXPECT_EQ(lines[1].substr(0, 7), "  ip 2 ");
    EXPECT_EQ(lines[4].substr(0, 9), "    tcp 1");
    EXPECT_EQ(stats.conversations(StatKind::Ethernet).size(), 0u);
}

TEST(TrafficStatistics, ClearForgetsEverything)
{
    TrafficStatistics stats;
    feed(dnsAndTcpScenario(), stats);
    stats.clear();
    EXPECT_EQ(stats.frames(), 0u);
    EXPECT_EQ(stats.conversations(StatKind::Ipv4).size(), 0u);
    EXPECT_TRUE(stats.hierarchy().nodes().empty());
    feed(timeOrderScenario(), stats);
    EXPECT_DOUBLE_EQ(stats.conversations(StatKind::Udp).conversations()[0].start.seconds(), 0.0);
}

TEST(ConversationTable, ASinglePacketToItselfGoesAToB)
{
    ConversationTable t;
    const StatAddress a = ip4(kIpA);
    t.add(a, a, 7, 7, 0, 60, RelativeTime{});
    t.add(a, a, 7, 7, 0, 40, RelativeTime{1, 0});
    ASSERT_EQ(t.size(), 1u);
    EXPECT_EQ(t.conversations()[0].aToB, (FlowCount{2, 100}));
    EXPECT_EQ(t.conversations()[0].bToA.frames, 0u);
}

TEST(ConversationTable, PortsAndStreamsSeparateConversations)
{
    ConversationTable t;
    const StatAddress a = ip4(kIpA), b = ip4(kIpB);
    t.add(a, b, 1000, 80, 0, 10, {});
    t.add(b, a, 80, 1000, 0, 20, {});
    t.add(a, b, 1001, 80, 0, 30, {});
    t.add(a, b, 1000, 80, 1, 40, {});
    ASSERT_EQ(t.size(), 3u);
    EXPECT_EQ(t.conversations()[0].aToB, (FlowCount{1, 10}));
    EXPECT_EQ(t.conversations()[0].bToA, (FlowCount{1, 20}));
}

TEST(ProtocolHierarchy, SharesPrefixesAndKeepsSiblingOrder)
{
    ProtocolHierarchy h;
    const std::vector<std::string_view> tcp{"eth", "ip", "tcp"}, udp{"eth", "ip", "udp"}, arp{"eth", "arp"};
    h.add(tcp, 100);
    h.add(udp, 10);
    h.add(arp, 1);
    h.add(tcp, 1000);
    const std::vector<std::string> expected{"eth 4 1111", "  ip 3 1110", "    tcp 2 1100", "    udp 1 10", "  arp 1 1"};
    EXPECT_EQ(hierarchyLines(h), expected);
}

TEST(RelativeTime, FollowsWiresharksSignConvention)
{
    const RelativeTime later = RelativeTime::between(at(10, 900000000), at(12, 100000000));
    EXPECT_EQ(later, (RelativeTime{1, 200000000}));
    const RelativeTime earlier = RelativeTime::between(at(10, 100000000), at(8, 900000000));
    EXPECT_EQ(earlier, (RelativeTime{-1, -200000000}));
    const RelativeTime sameSecond = RelativeTime::between(at(10, 500), at(10, 200));
    EXPECT_EQ(sameSecond, (RelativeTime{0, -300}));
    EXPECT_LT(earlier, sameSecond);
}

}  // namespace
}  // namespace rcvmon::test

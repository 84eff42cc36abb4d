// SPDX-License-Identifier: GPL-2.0-or-later
// Wireshark's colorfilters format read and written, the defaults equal to the file Wireshark
// installs, and the first matching rule found on hand-built frames by the real dissector.
#include "../dissect/packet_builder.h"
#include "filter/color_filters.h"
#include "filter/color_rule_matcher.h"
#include "require.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

const char* const kWiresharkGlobal = "/usr/share/wireshark/colorfilters";

int ruleIndex(const char* name)
{
    const auto& rules = defaultColorFilters();
    for (std::size_t i = 0; i < rules.size(); ++i)
        if (rules[i].name == name) return static_cast<int>(i);
    return -2;
}

TEST(ColorFilters, ParsesRulesCommentsAndDisabledRules)
{
    const std::string text =
        "# a comment line\n"
        "@TCP RST@tcp.flags.reset eq 1@[42148,0,0][65535,64764,40092]\n"
        "  !@Off@udp@[1,2,3][4,5,6]\r\n"
        "not a rule\n"
        "@Spaces@ip.ttl < 5@[ 10, 20, 30][40,50,60]";  // no newline at the end
    std::vector<std::string> problems;
    const auto rules = parseColorFilters(text, &problems);
    ASSERT_EQ(rules.size(), 3u);
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(rules[0], (ColorFilter{"TCP RST", "tcp.flags.reset eq 1", {42148, 0, 0}, {65535, 64764, 40092}, false}));
    EXPECT_EQ(rules[1], (ColorFilter{"Off", "udp", {1, 2, 3}, {4, 5, 6}, true}));
    EXPECT_EQ(rules[2], (ColorFilter{"Spaces", "ip.ttl < 5", {10, 20, 30}, {40, 50, 60}, false}));
}

TEST(ColorFilters, BrokenRuleLinesAreSkippedAndNamed)
{
    const std::string text =
        "@No colours@tcp@\n"
        "@@tcp@[1,2,3][4,5,6]\n"
        "@Big@tcp@[70000,0,0][0,0,0]\n"
        "@Short@tcp@[1,2][4,5,6]\n"
        "@Good@tcp@[1,2,3][4,5,6]\n";
    std::vector<std::string> problems;
    const auto rules = parseColorFilters(text, &problems);
    ASSERT_EQ(rules.size(), 1u);
    EXPECT_EQ(rules[0].name, "Good");
    ASSERT_EQ(problems.size(), 4u);
    EXPECT_EQ(problems[0].rfind("line 1: ", 0), 0u) << problems[0];
    EXPECT_EQ(problems[3].rfind("line 4: ", 0), 0u) << problems[3];
}

TEST(ColorFilters, WriteThenParseGivesTheSameRules)
{
    std::vector<ColorFilter> rules = defaultColorFilters();
    rules[3].disabled = true;
    rules.push_back({"Mine", "frame.len > 1000 && ip.src == 198.18.0.1", {0, 65535, 1}, {65535, 0, 65534}, true});
    const std::string text = writeColorFilters(rules);
    EXPECT_EQ(text.rfind("# This file was created by RcvMon. Edit with care.\n", 0), 0u);
    EXPECT_NE(text.find("\n!@OSPF State Change@ospf.msg != 1@[4718,10030,11796][65535,64764,40092]\n"), std::string::npos);
    EXPECT_EQ(parseColorFilters(text), rules);
    EXPECT_EQ(writeColorFilters(parseColorFilters(text)), text);
}

TEST(ColorFilters, FieldsThatTheFormatCannotHold)
{
    EXPECT_TRUE(colorFilterFieldProblem("tcp.port == 80").empty());
    EXPECT_FALSE(colorFilterFieldProblem("").empty());
    EXPECT_FALSE(colorFilterFieldProblem("smtp contains \"a@b\"").empty());
    EXPECT_FALSE(colorFilterFieldProblem("tcp\nudp").empty());
}

// RcvMon's defaults are Wireshark 4.0's: the installed global file, rule for rule.
TEST(ColorFilters, DefaultsEqualWiresharksInstalledFile)
{
    std::ifstream in(kWiresharkGlobal, std::ios::binary);
    RCVMON_REQUIRE(in.good(), std::string(kWiresharkGlobal) + " (Debian's libwireshark-data, Wireshark 4.0)");
    std::stringstream text;
    text << in.rdbuf();
    std::vector<std::string> problems;
    const auto installed = parseColorFilters(text.str(), &problems);
    EXPECT_TRUE(problems.empty());
    ASSERT_EQ(installed.size(), 20u);
    EXPECT_EQ(installed, defaultColorFilters());
    // And what RcvMon writes of them reads back the same.
    EXPECT_EQ(parseColorFilters(writeColorFilters(installed)), installed);
}

// The default rules RcvMon's display-filter engine cannot compile: kept, never matched.
// A rule that starts compiling (a new protocol or operator) fails here until removed.
TEST(ColorRuleMatcher, DefaultRulesRcvMonCannotCompile)
{
    const ColorRuleMatcher matcher(defaultColorFilters());
    std::set<std::string> invalid;
    for (std::size_t i = 0; i < matcher.size(); ++i)
        if (!matcher.error(i).empty()) invalid.insert(defaultColorFilters()[i].name);
    // "Broadcast" (eth[0] & 1) compiles since "&" takes byte strings, and HTTP since http2 is a known protocol, as in Wireshark 4.0.
    const std::set<std::string> expected{"SCTP ABORT", "TTL low or unexpected", "Checksum Errors", "SMB", "Routing",
                                         "System Event"};
    EXPECT_EQ(invalid, expected);
}

class ColorRuleEval : public ::testing::Test {
protected:
    int first(const Bytes& bytes, const std::vector<ColorFilter>& rules = defaultColorFilters())
    {
        ColorRuleMatcher matcher(rules);
        return matcher.match(frameOf(bytes), 1);
    }
};

TEST_F(ColorRuleEval, FirstMatchingRuleWins)
{
    const Ip4 a{198, 18, 0, 1}, b{198, 18, 0, 2};
    // RST/ACK: "TCP RST" comes before "TCP".
    EXPECT_EQ(first(ethernet(0x0800, ipv4(6, tcp(40000, 443, 1, 1, 0x014), a, b))), ruleIndex("TCP RST"));
    EXPECT_EQ(first(ethernet(0x0800, ipv4(6, tcp(40000, 443, 1, 0, 0x002), a, b))), ruleIndex("TCP SYN/FIN"));
    EXPECT_EQ(first(ethernet(0x0800, ipv4(6, tcp(40000, 443, 1, 1, 0x011), a, b))), ruleIndex("TCP SYN/FIN"));
    EXPECT_EQ(first(ethernet(0x86dd, ipv6(6, tcp(1234, 443, 1, 1, 0x018, Bytes{'h', 'i'})))), ruleIndex("TCP"));
    EXPECT_EQ(first(ethernet(0x0800, ipv4(17, udp(5000, 5001, Bytes{1, 2}), a, b))), ruleIndex("UDP"));
    EXPECT_EQ(first(ethernet(0x0806, arp(1, kMacA, a, Mac{}, b), Mac{0xff, 0xff, 0xff, 0xff, 0xff, 0xff})),
              ruleIndex("ARP"));
    EXPECT_EQ(first(ethernet(0x0800, ipv4(1, icmpEcho(8, 1, 1), a, b))), ruleIndex("ICMP"));
    // Destination unreachable quoting a UDP datagram: "ICMP errors" before "ICMP" and "UDP".
    const Bytes quoted = ipv4(17, udp(5000, 53, Bytes{1, 2, 3, 4}), b, a);
    EXPECT_EQ(first(ethernet(0x0800, ipv4(1, icmpError(3, 3, quoted), a, b))), ruleIndex("ICMP errors"));
    // DNS needs the dissection (quick pass cannot say "dcerpc"), still lands on "UDP".
    EXPECT_EQ(first(ethernet(0x0800, ipv4(17, udp(33000, 53, dnsQuery(1, "example.com")), a, b))), ruleIndex("UDP"));
    // A frame no rule takes.
    EXPECT_EQ(first(ethernet(0x88b5, Bytes(46, 0))), -1);
}

TEST_F(ColorRuleEval, InvalidAndDisabledRulesAreSkipped)
{
    const Ip4 a{198, 18, 0, 1}, b{198, 18, 0, 2};
    // TTL 2 would be "TTL low or unexpected" in Wireshark; RcvMon cannot compile it ("carp").
    const Bytes lowTtl = ethernet(0x0800, ipv4(6, tcp(40000, 443, 1, 1, 0x010), a, b, ipOpts(0x1234, 0x4000, 2)));
    EXPECT_EQ(first(lowTtl), ruleIndex("TCP"));
    // Port 80 is "HTTP" ("http || tcp.port == 80 || http2"), before "TCP".
    EXPECT_EQ(first(ethernet(0x0800, ipv4(6, tcp(40000, 80, 1, 1, 0x010), a, b))), ruleIndex("HTTP"));

    std::vector<ColorFilter> rules = defaultColorFilters();
    rules[static_cast<std::size_t>(ruleIndex("TCP RST"))].disabled = true;
    EXPECT_EQ(first(ethernet(0x0800, ipv4(6, tcp(40000, 443, 1, 1, 0x014), a, b)), rules), ruleIndex("TCP"));
    // A user's rule before the defaults wins over them.
    rules.insert(rules.begin(), ColorFilter{"Mine", "tcp.dstport == 443 && ip.src == 198.18.0.1", {}, {}, false});
    EXPECT_EQ(first(ethernet(0x0800, ipv4(6, tcp(40000, 443, 1, 1, 0x014), a, b)), rules), 0);
}

TEST_F(ColorRuleEval, EachFrameIsDissectedAtMostOnce)
{
    const Ip4 a{198, 18, 0, 1}, b{198, 18, 0, 2};
    ColorRuleMatcher matcher(defaultColorFilters());
    const Bytes arpFrame = ethernet(0x0806, arp(1, kMacA, a, Mac{}, b));
    EXPECT_EQ(matcher.match(frameOf(arpFrame), 1), ruleIndex("ARP"));
    EXPECT_LE(matcher.dissectedCount(), 1u);
    const Bytes dns = ethernet(0x0800, ipv4(17, udp(33000, 53, dnsQuery(1, "example.com")), a, b));
    const std::uint64_t before = matcher.dissectedCount();
    EXPECT_EQ(matcher.match(frameOf(dns), 2), ruleIndex("UDP"));
    EXPECT_LE(matcher.dissectedCount(), before + 1);  // at most once per frame, whatever the rule count
}

}  // namespace
}  // namespace rcvmon

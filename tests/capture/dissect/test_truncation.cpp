// SPDX-License-Identifier: GPL-2.0-or-later
// Every truncation length of valid packets: for each prefix, dissection must not crash and
// must report Truncated at the layer whose header the cut falls in (all outer layers Ok).
// The same prefixes as whole frames (the wire length says they are complete) are Malformed
// at that layer instead: the headers claim bytes that do not exist.
#include "dissect/dissector.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <string>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

struct HeaderSpan {
    std::string_view filter;
    std::size_t begin, end;  // header bytes in the frame
};

struct Case {
    std::string name;
    Bytes bytes;
    std::uint32_t linkType;
    std::vector<HeaderSpan> headers;  // in layer order, as the full frame dissects
    bool checkShortFrame = true;      // ICMP quotes are cut by design: never malformed
};

// What an ICMP error quotes: the IP header and the first 8 bytes of its payload.
Bytes quote(Bytes datagram)
{
    datagram.resize(28);
    return datagram;
}

std::vector<Case> cases()
{
    std::vector<Case> out;
    const Bytes ipOpt{1, 1, 1, 0};  // NOP NOP NOP EOL
    const Bytes tcpOpt{2, 4, 5, 0xb4, 1, 3, 3, 7, 4, 2, 0, 0};
    out.push_back({"eth-ipv4opts-tcpopts",
                   ethernet(0x0800, ipv4(6, tcp(1, 2, 3, 4, 0x018, Bytes{'h', 'e', 'l', 'l', 'o'}, tcpOpt), kIpA, kIpB,
                                         ipOpts(0x1234, 0x4000, 64, ipOpt))),
                   link_type::Ethernet,
                   {{"eth", 0, 14}, {"ip", 14, 38}, {"tcp", 38, 70}}});
    out.push_back({"eth-qinq-ipv6-hbh-udp-dns",
                   ethernet(0x88a8, vlan(10, 0x8100, vlan(20, 0x86dd,
                                                            ipv6(0, ipv6Options(17, udp(1024, 53, dnsQuery(9, "ab.cd"))))))),
                   link_type::Ethernet,
                   {{"eth", 0, 14}, {"vlan", 14, 18}, {"vlan", 18, 22}, {"ipv6", 22, 62}, {"ipv6.hopopts", 62, 70},
                    // A payload with no captured byte is not handed on: the DNS layer starts at 79.
                    {"udp", 70, 78}, {"dns", 79, 78 + 12 + 7 + 4}}});
    out.push_back({"eth-arp", ethernet(0x0806, arp(1, kMacA, kIpA, kMacB, kIpB)), link_type::Ethernet,
                   {{"eth", 0, 14}, {"arp", 14, 42}}});
    out.push_back({"eth-icmp-error-quoting-udp",
                   ethernet(0x0800, ipv4(1, icmpError(3, 3, quote(ipv4(17, udp(53, 999, Bytes(40, 1)), kIpB, kIpA))))),
                   link_type::Ethernet,
                   // The quote's version nibble picks its dissector: nothing is handed on before it.
                   {{"eth", 0, 14}, {"ip", 14, 34}, {"icmp", 34, 42}, {"ip", 43, 62}, {"udp", 62, 70}},
                   false});
    out.push_back({"eth-gre-ipv4-icmp",
                   ethernet(0x0800, ipv4(47, gre(0x0800, ipv4(1, icmpEcho(8, 1, 2), kIpB, kIpA)))),
                   link_type::Ethernet,
                   {{"eth", 0, 14}, {"ip", 14, 34}, {"gre", 34, 38}, {"ip", 38, 58}, {"icmp", 58, 66}}});
    out.push_back({"sll2-ipv4-udp", sll2(0x0800, ipv4(17, udp(7, 9, Bytes(3, 0)))), link_type::LinuxSll2,
                   {{"sll", 0, 20}, {"ip", 20, 40}, {"udp", 40, 48}}});
    Bytes null{30, 0, 0, 0};
    append(null, ipv6(6, tcp(5, 6, 7, 8, 0x002)));
    out.push_back({"null-ipv6-tcp", null, link_type::Null, {{"null", 0, 4}, {"ipv6", 4, 44}, {"tcp", 44, 64}}});
    out.push_back({"eth-mpls-ipv4-udp", ethernet(0x8847, mpls(100, true, 9, ipv4(17, udp(1, 2, {})))), link_type::Ethernet,
                   {{"eth", 0, 14}, {"mpls", 14, 18}, {"ip", 19, 38}, {"udp", 38, 46}}});  // same for MPLS
    return out;
}

// The header the cut at `length` falls in, or -1 when all headers are complete.
int headerAt(const Case& c, std::size_t length)
{
    int found = -1;
    for (std::size_t i = 0; i < c.headers.size(); ++i)
        if (c.headers[i].begin <= length && length < c.headers[i].end) found = static_cast<int>(i);
    return found;
}

void checkPrefix(const Case& c, std::size_t length, bool snaplenCut)
{
    const ParseStatus want = snaplenCut ? ParseStatus::Truncated : ParseStatus::Malformed;
    SCOPED_TRACE(c.name + " length " + std::to_string(length) + (snaplenCut ? " (snaplen cut)" : " (short frame)"));
    Dissector dissector;
    Dissection out;
    dissector.dissect(frameOf(c.bytes, c.linkType, length, snaplenCut ? c.bytes.size() : length), 1, out);
    const auto layers = out.layers();
    ASSERT_GE(layers.size(), 1u);
    const int broken = headerAt(c, length);
    if (broken < 0) {
        EXPECT_FALSE(out.malformed());
        return;
    }
    const std::size_t index = static_cast<std::size_t>(broken) + 1;  // layer 0 is the frame
    // A frame that ends with its IPv4 header: Wireshark hands the empty payload to no
    // protocol (tshark shows neither the next layer nor an exception).
    const auto b = static_cast<std::size_t>(broken);
    if (!snaplenCut && b > 0 && c.headers[b].begin == length && c.headers[b - 1].filter == "ip") {
        EXPECT_EQ(layers.size(), index);
        EXPECT_EQ(out.exception(), ParseStatus::Ok);
        return;
    }
    ASSERT_GT(layers.size(), index);
    for (std::size_t i = 1; i < index; ++i) {
        EXPECT_EQ(layers[i].filterName, c.headers[i - 1].filter);
        EXPECT_EQ(layers[i].status, ParseStatus::Ok) << "outer layer " << layers[i].filterName;
    }
    EXPECT_EQ(layers[index].filterName, c.headers[static_cast<std::size_t>(broken)].filter);
    EXPECT_EQ(layers[index].status, want) << "at layer " << layers[index].filterName;
    EXPECT_EQ(snaplenCut ? out.truncated() : out.malformed(), true);
}

TEST(DissectTruncation, EveryPrefixOfValidPackets)
{
    for (const Case& c : cases()) {
        // The whole packet dissects cleanly, with the layers the case expects.
        {
            Dissector dissector;
            Dissection out;
            dissector.dissect(frameOf(c.bytes, c.linkType), 1, out);
            ASSERT_FALSE(out.malformed()) << c.name;
            ASSERT_FALSE(out.truncated()) << c.name;
            ASSERT_GT(out.layers().size(), c.headers.size()) << c.name;
            for (std::size_t i = 0; i < c.headers.size(); ++i) {
                EXPECT_EQ(out.layers()[i + 1].filterName, c.headers[i].filter) << c.name;
                EXPECT_LE(out.layers()[i + 1].offset, c.headers[i].begin) << c.name;
            }
        }
        for (std::size_t length = 0; length < c.bytes.size(); ++length) {
            checkPrefix(c, length, true);
            if (c.checkShortFrame) checkPrefix(c, length, false);
        }
    }
}

}  // namespace
}  // namespace rcvmon

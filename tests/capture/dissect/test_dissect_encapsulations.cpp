// SPDX-License-Identifier: GPL-2.0-or-later
// Encapsulations a display filter has to see through (issue 10): link types that wrap the
// frame (NFLOG, PKTAP, Juniper Ethernet, ATM CLIP), EtherType shims before the real EtherType
// (stacked 802.1ah I-Tags, VN-Tag, Arista AVSP, integrity-only MACsec), MPLS in UDP, and an
// IPv6 payload length of 0 (TSO), where tshark lists UDP but has no UDP item to filter on.
// Each frame's frame.protocols and fields are tshark 4.0.17's for the same bytes (written to
// a pcap with the row's link type, read with `tshark -T fields -E occurrence=a -E aggregator=,`),
// and `udp` / `ip.src == 198.18.0.1` pass exactly when tshark has those fields.
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "field_expectations.h"
#include "filter/display_filter.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <string_view>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

struct EncapsulatedFrame {
    std::string_view name;
    std::uint32_t linkType;
    std::string_view hex;
    std::string_view protocols;  // frame.protocols
    std::string_view fields;     // "name=value;…" as tshark printed them
};

// clang-format off
constexpr EncapsulatedFrame kFrames[] = {
    {"nflog", 239,
     "0200002a08000100080003000800050000000002220009004500001e1234400040119c73c6120001c612000203e807d0000a"
     "000068690000",
     "nflog:ip:udp:data", "ip.src=198.18.0.1;udp.srcport=1000"},
    {"pbb2", 1,
     "66778899aabb00112233445588e7000000640a0b0c0d0e0f10111213141588e7000000c80a0b0c0d0e0f1011121314150800"
     "4500001e1234400040119c73c6120001c612000203e807d0000a00006869",
     "eth:ethertype:ieee8021ah:ethertype:ieee8021ah:ethertype:ip:udp:data", "ip.src=198.18.0.1;udp.srcport=1000"},
    {"vntag", 1,
     "66778899aabb00112233445589260005000308004500001e1234400040119c73c6120001c612000203e807d0000a00006869",
     "eth:ethertype:vntag:ethertype:ip:udp:data", "ip.src=198.18.0.1;udp.srcport=1000"},
    {"avsp", 1,
     "66778899aabb001122334455d28b000100105ceeed57384f59c808004500001e1234400040119c73c6120001c612000203e8"
     "07d0000a00006869",
     "eth:ethertype:avsp:ethertype:ip:udp:data", "ip.src=198.18.0.1;udp.srcport=1000"},
    {"macsec", 1,
     "66778899aabb00112233445588e5200000000042001122334455000108004500001e1234400040119c73c6120001c6120002"
     "03e807d0000a00006869000102030405060708090a0b0c0d0e0f",
     "eth:ethertype:macsec:ethertype:ip:udp:data", "ip.src=198.18.0.1;udp.srcport=1000"},
    {"juniper", 178,
     "4d47438000040102000066778899aabb00112233445508004500001e1234400040119c73c6120001c612000203e807d0000a"
     "00006869",
     "juniper:eth:ethertype:ip:udp:data", "ip.src=198.18.0.1;udp.srcport=1000"},
    {"pktap", 258,
     "6c0000000100000001000000656e3000000000000000000000000000000000000000000002000000020000000e0000000000"
     "0000000200006375726c000000000000000000000000000000000000000000000000ffffffff000000000000000000000000"
     "000000000000000066778899aabb00112233445508004500001e1234400040119c73c6120001c612000203e807d0000a0000"
     "6869",
     "pktap:pcap_pktdata:eth:ethertype:ip:udp:data", "ip.src=198.18.0.1;udp.srcport=1000"},
    {"clip", 106,
     "4500001e1234400040119c73c6120001c612000203e807d0000a00006869",
     "clip:ip:udp:data", "ip.src=198.18.0.1;udp.srcport=1000"},
    {"ipv6tso", 1,
     "66778899aabb00112233445586dd600000000000114000000000000000000000000000000001000000000000000000000000"
     "0000000203e807d0000a00006869",
     "eth:ethertype:ipv6:udp", "ip.src=;udp.srcport="},
    {"mplsudp", 1,
     "66778899aabb00112233445508004500003c1234400040119c55c6120001c61200029c4019eb00280000000101404500001c"
     "12344000400114ab0a0000010a0000020800f7ff00000000",
     "eth:ethertype:ip:udp:mpls:ip:icmp", "ip.src=198.18.0.1,10.0.0.1;udp.srcport=40000"},
};
// clang-format on

TEST(DissectEncapsulations, ProtocolsAndFieldsAsTshark)
{
    Dissector dissector;
    Dissection out;
    std::uint64_t number = 0;
    const auto protocols = findField("frame.protocols");
    ASSERT_TRUE(protocols.has_value());
    for (const EncapsulatedFrame& f : kFrames) {
        SCOPED_TRACE(f.name);
        const Bytes bytes = fromHex(f.hex);
        dissector.dissect(frameOf(bytes, f.linkType, bytes.size(), bytes.size()), ++number, out);
        EXPECT_EQ(out.fieldText(*protocols), f.protocols);
        expectFieldTexts(out, f.fields);
    }
}

TEST(DissectEncapsulations, FiltersSeeTheInnerHeaders)
{
    FilterError error;
    const auto udp = DisplayFilter::compile("udp", error);
    const auto source = DisplayFilter::compile("ip.src == 198.18.0.1", error);
    ASSERT_TRUE(udp && source);
    Dissector dissector;
    Dissection out;
    std::uint64_t number = 0;
    for (const EncapsulatedFrame& f : kFrames) {
        SCOPED_TRACE(f.name);
        const Bytes bytes = fromHex(f.hex);
        dissector.dissect(frameOf(bytes, f.linkType, bytes.size(), bytes.size()), ++number, out);
        const bool hasUdp = f.fields.find("udp.srcport=;") == std::string_view::npos &&
                            !f.fields.ends_with("udp.srcport=");
        EXPECT_EQ(udp->matches(out, bytes), hasUdp);
        EXPECT_EQ(source->matches(out, bytes), f.fields.find("ip.src=198.18.0.1") != std::string_view::npos);
    }
}

// With a payload length of 0 an unknown next header is still named, as tshark 4.0 does.
TEST(DissectEncapsulations, ZeroPayloadLengthStillNamesAnUnknownNextHeader)
{
    const Bytes bytes = fromHex(
        "66778899aabb00112233445586dd600000000000634000000000000000000000000000000001000000000000000000000000"
        "0000000203e807d0000a00006869");
    Dissector dissector;
    Dissection out;
    dissector.dissect(frameOf(bytes, 1, bytes.size(), bytes.size()), 1, out);
    EXPECT_EQ(out.summary().protocol, "IPv6");
    EXPECT_EQ(out.summary().info, "Unknown IP Protocol: any private encryption scheme (99)");
}

// Every prefix of every frame dissects without reading past its end.
TEST(DissectEncapsulations, EveryTruncationIsHandled)
{
    Dissector dissector;
    Dissection out;
    std::uint64_t number = 0;
    for (const EncapsulatedFrame& f : kFrames) {
        const Bytes bytes = fromHex(f.hex);
        for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
            const Bytes prefix(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(cut));
            dissector.dissect(frameOf(prefix, f.linkType, cut, bytes.size()), ++number, out);
            (void)out.summary();
        }
    }
}

}  // namespace
}  // namespace rcvmon

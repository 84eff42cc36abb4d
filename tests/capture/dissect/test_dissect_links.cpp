// SPDX-License-Identifier: GPL-2.0-or-later
// Link types and tunnels registered by their own files (FDDI, ARCNET, IPoIB, IPNET, Cisco
// FabricPath, AYIYA, IPComp) and the notes Wireshark's exceptions leave in the Info column
// ("[Packet size limited during capture]", "[Malformed Packet]"): hand-built frames, each
// row's Protocol, Info, frame.protocols and fields as tshark 4.0.17 printed them for the same
// bytes (written to a pcap with the row's link type and captured length, read with
// `tshark -T fields -E occurrence=a -E aggregator=,`).
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "field_expectations.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

constexpr std::size_t kWhole = SIZE_MAX;

struct LinkFrame {
    std::string_view name;
    std::uint32_t linkType;
    std::size_t captured;       // bytes the capture kept (kWhole: all of them)
    std::string_view hex;       // the whole frame as sent
    std::string_view protocol;  // tshark's Protocol column
    std::string_view info;      // tshark's Info column
    std::string_view protocols; // frame.protocols
    std::string_view fields;    // "name=value;…" as tshark printed them
};

// clang-format off
constexpr LinkFrame kFrames[] = {
    {"fddi llc snap ipv4 icmp", 10, kWhole,
     "5066ee119955dd008844cc22aaaaaa0300000008004500001e1234400040119c73c6120001c612000203e807d0000a123468"
     "69",
     "UDP", "1000 \xe2\x86\x92 2000 Len=2",
     "fddi:llc:ip:udp:data",
     "fddi.fc=0x50;fddi.dst=66:77:88:99:aa:bb,66:77:88:99:aa:bb;fddi.src=00:11:22:33:44:55,00:11:22:33:44:55;llc.type=0x0800"},
    {"fddi smt frame", 10, kWhole,
     "410000000000000000000000000102",
     "FDDI", "SMT info",
     "fddi:data",
     "fddi.fc=0x41;fddi.dst=00:00:00:00:00:00,00:00:00:00:00:00;fddi.src=00:00:00:00:00:00,00:00:00:00:00:00;llc.type="},
    {"arcnet rfc1051 ipv4", 129, kWhole,
     "be50ab08f04500001e1234400040119c73c6120001c612000203e807d0000a12346869",
     "UDP", "1000 \xe2\x86\x92 2000 Len=2",
     "arcnet:ip:udp:data",
     "arcnet.src=0xbe;arcnet.dst=0x50;arcnet.protID=0xf0;arcnet.sequence="},
    {"arcnet rfc1201 ipv4", 129, kWhole,
     "be50ab08d40000014500001e1234400040119c73c6120001c612000203e807d0000a12346869",
     "UDP", "1000 \xe2\x86\x92 2000 Len=2",
     "arcnet:ip:udp:data",
     "arcnet.src=0xbe;arcnet.dst=0x50;arcnet.protID=0xd4;arcnet.sequence=1"},
    {"ipoib ipv4", 242, kWhole,
     "000000000000000000000000000000000000000080000550fe800000000000000010e000664ab451080000004500001e1234"
     "400040119c73c6120001c612000203e807d0000a12346869",
     "UDP", "1000 \xe2\x86\x92 2000 Len=2",
     "ipoib:ip:udp:data",
     "ipoib.daddr.qpn=0x000550;ipoib.dgid=fe80::10:e000:664a:b451;ipoib.type=0x0800"},
    {"ipnet ipv6", 226, kWhole,
     "011a0000000000320000000200000000ffffffff0000000060000000000a114020010db80000000000000000000000012001"
     "0db800000000000000000000000203e807d0000a12346869",
     "UDP", "1000 \xe2\x86\x92 2000 Len=2",
     "ipnet:ipv6:udp:data",
     "ipnet.family=26;ipnet.ifindex=2;ipnet.zsrc=4294967295"},
    {"ipnet data length short", 226, kWhole,
     "011a0000000000000000000200000000ffffffff0000000060000000000a114020010db80000000000000000000000012001"
     "0db800000000000000000000000203e807d0000a12346869",
     "IPv6", "[Malformed Packet]",
     "ipnet:ipv6",
     "ipnet.family=26;ipnet.ifindex=2;ipnet.zsrc=4294967295"},
    {"fabricpath", link_type::Ethernet, kWhole,
     "02000a0b0c0d02000e0102038903004102aabbccddee02ffeeddccbb0800450000221234400040119c6fc6120001c6120002"
     "03e807d0000e123466616272696311223344",
     "UDP", "1000 \xe2\x86\x92 2000 Len=6",
     "eth:cfp:eth:ethertype:ip:udp:data",
     "cfp.swid=10,14;cfp.sswid=11,1;cfp.lid=3085,515;cfp.ftag=1;cfp.ttl=1;cfp.fcs=0x11223344;eth.src=02:ff:ee:dd:cc:bb"},
    {"ayiya forward ipv6", link_type::Ethernet, kWhole,
     "66778899aabb0011223344550800450000681234400040119c29c6120001c61200029c4013d000541234410011295b000000"
     "20010db800000000000000000000000160000000000c114020010db800000000000000000000000120010db8000000000000"
     "0000000000029c409c41000c123464617461",
     "UDP", "40000 \xe2\x86\x92 40001 Len=4",
     "eth:ethertype:ip:udp:ayiya:ipv6:udp:data",
     "ayiya.opcode=0x01;ayiya.nextheader=0x29;udp.srcport=40000,40000"},
    {"ayiya signature past the datagram", link_type::Ethernet, kWhole,
     "66778899aabb0011223344550800450000341234400040119c5dc6120001c61200029c4013d000201234415200295b000000"
     "20010db8000000000000000000000001",
     "AYIYA", "40000 \xe2\x86\x92 5072 Len=24[Malformed Packet]",
     "eth:ethertype:ip:udp:ayiya",
     "ayiya.opcode=0x00;ayiya.nextheader=0x29;udp.srcport=40000"},
    {"ipcomp deflate", link_type::Ethernet, kWhole,
     "66778899aabb00112233445508004500004212344000406c9bf4c6120001c612000204000002736560b01132716070109c13"
     "7a4c8881118899985fb05f60d0103249cecf2d284a2d2e4e4d51c0ca0400",
     "UDP", "1000 \xe2\x86\x92 2000 Len=32",
     "eth:ethertype:ip:ipcomp:data:ip:udp:data",
     "ipcomp.next_header=0x04;ipcomp.cpi=0x0002;udp.dstport=2000"},
    {"dns cut by snaplen", link_type::Ethernet, 65,
     "66778899aabb0011223344550800450000391234400040119c58c6120001c612000214e9003500251234abcd010000010000"
     "00000000076578616d706c6503636f6d0000010001",
     "DNS", "Standard query 0xabcd[Packet size limited during capture]",
     "eth:ethertype:ip:udp:dns",
     ""},
    {"ipv4 empty payload", link_type::Ethernet, kWhole,
     "66778899aabb0011223344550800450000141234400040069c88c6120001c6120002",
     "IPv4", "",
     "eth:ethertype:ip",
     ""},
    {"ipv6 empty tcp", link_type::Ethernet, kWhole,
     "66778899aabb00112233445586dd600000000000064020010db800000000000000000000000120010db80000000000000000"
     "00000002",
     "IPv6", "[Malformed Packet]",
     "eth:ethertype:ipv6:tcp",
     ""},
    {"ipv6 hop-by-hop cut", link_type::Ethernet, 58,
     "66778899aabb00112233445586dd600000000018004020010db800000000000000000000000120010db80000000000000000"
     "000000023a000100000000008000ee67000100016162636465666768",
     "IPv6", "IPv6 hop-by-hop options[Packet size limited during capture]",
     "eth:ethertype:ipv6:ipv6.hopopts",
     ""},
    {"udp bad length", link_type::Ethernet, kWhole,
     "66778899aabb0011223344550800450000201234400040119c71c6120001c612000203e807d000c8123461626364",
     "UDP", "1000 \xe2\x86\x92 2000 [BAD UDP LENGTH 200 > IP PAYLOAD LENGTH] Len=192",
     "eth:ethertype:ip:udp:data",
     ""},
    {"udp header past ip payload", link_type::Ethernet, kWhole,
     "66778899aabb0011223344550800450000181234400040119c79c6120001c6120002deadbeef00081234",
     "UDP", "57005 \xe2\x86\x92 48879[Malformed Packet]",
     "eth:ethertype:ip:udp",
     ""},
    {"icmp error quoting cut", link_type::Ethernet, kWhole,
     "66778899aabb0011223344550800450000381234400040019c69c6120001c612000203030000000000004500003912344000"
     "40119c58c6120001c612000214e9003500251234",
     "ICMP", "Destination unreachable (Port unreachable)",
     "eth:ethertype:ip:icmp:ip:udp",
     ""},
    {"ipv4 bogus version", link_type::Ethernet, kWhole,
     "66778899aabb0011223344550800550000241234400040019c7dc6120001c612000208006668000100016162636465666768",
     "IPv4", "Bogus IPv4 version (5, must be 4)",
     "eth:ethertype:ip",
     ""},
    {"ah spi", link_type::Ethernet, 42,
     "66778899aabb00112233445508004500002c1234400040339c43c6120001c612000204040000000012340000000100000000"
     "0000000000000000",
     "AH", "AH (SPI=0x00001234)[Packet size limited during capture]",
     "eth:ethertype:ip:ah",
     ""},
    {"tcp option padding after eol", link_type::Ethernet, kWhole,
     "66778899aabb0011223344550800450000341234400040069c68c6120001c612000203e80050000000010000000080022000"
     "000000000000000001000000ff004e00",
     "TCP", "1000 \xe2\x86\x92 80 [SYN] Seq=0 Win=8192 Len=0",
     "eth:ethertype:ip:tcp",
     ""},
};
// clang-format on

TEST(DissectLinks, ColumnsAndFieldsAsTshark)
{
    Dissector dissector;
    Dissection out;
    std::uint64_t number = 0;
    const auto protocols = findField("frame.protocols");
    ASSERT_TRUE(protocols.has_value());
    for (const LinkFrame& f : kFrames) {
        SCOPED_TRACE(f.name);
        const Bytes bytes = fromHex(f.hex);
        dissector.dissect(frameOf(bytes, f.linkType, f.captured, bytes.size()), ++number, out);
        const PacketSummary s = out.summary();
        EXPECT_EQ(s.protocol, f.protocol);
        EXPECT_EQ(s.info, f.info);
        EXPECT_EQ(out.fieldText(*protocols), f.protocols);
        expectFieldTexts(out, f.fields);
    }
}

// The note names the exception of the layer where the dissection ended: a snaplen cut is
// Truncated, a read past a declared length Malformed, an expert-only problem neither.
TEST(DissectLinks, ExceptionIsTheFirstLayerThatThrew)
{
    Dissector dissector;
    Dissection out;
    std::uint16_t layer = 0;
    for (const LinkFrame& f : kFrames) {
        SCOPED_TRACE(f.name);
        const Bytes bytes = fromHex(f.hex);
        dissector.dissect(frameOf(bytes, f.linkType, f.captured, bytes.size()), 1, out);
        const ParseStatus ended = out.exception(&layer);
        const bool shortNote = f.info.ends_with("[Packet size limited during capture]");
        const bool malformedNote = f.info.ends_with("[Malformed Packet]");
        EXPECT_EQ(ended == ParseStatus::Truncated, shortNote);
        EXPECT_EQ(ended == ParseStatus::Malformed, malformedNote);
        if (ended != ParseStatus::Ok) {
            EXPECT_TRUE(out.layers()[layer].threw);
        }
    }
}

// Bounded loops and checked reads: every prefix of every frame dissects without reading
// past its end, and a cut frame always ends in a Truncated layer or none.
TEST(DissectLinks, EveryTruncationIsHandled)
{
    Dissector dissector;
    Dissection out;
    std::uint64_t number = 0;
    for (const LinkFrame& f : kFrames) {
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

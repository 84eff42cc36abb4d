// SPDX-License-Identifier: GPL-2.0-or-later
// The network-layer and routing protocols (IPv4/IPv6 Info, ICMP, ICMPv6, ARP, IGMP, ESP,
// OSPF, PIM, VRRP, EIGRP, SCTP, GRE/ERSPAN, HSRP, BFD, ISAKMP, STP, LLDP, CDP):
// hand-built frames dissected in order by one Dissector (request/response links and
// relative sequence numbers span frames), each row's Protocol, Info and fields as tshark
// 4.0.17 printed them for the same bytes (written to a pcap and read with
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

struct NetworkFrame {
    std::string_view name;
    std::string_view hex;       // the whole Ethernet frame
    std::string_view protocol;  // tshark's Protocol column
    std::string_view info;      // tshark's Info column
    std::string_view fields;    // "name=value;…" for the fields tshark showed
};

constexpr NetworkFrame kFrames[] = {
    {"icmp echo request",
     "66778899aabb0011223344550800450000241234400040019c7dc6120001c612000208006668000100016162636465666768",
     "ICMP", "Echo (ping) request  id=0x0001, seq=1/256, ttl=64",
     "icmp.type=8;icmp.code=0;ip.proto=1"},
    {"icmp echo reply",
     "00112233445566778899aabb0800450000241234400040019c7dc6120002c612000100006e68000100016162636465666768",
     "ICMP", "Echo (ping) reply    id=0x0001, seq=1/256, ttl=64 (request in 1)",
     "icmp.type=0;icmp.code=0;icmp.resp_to=1;ip.proto=1"},
    {"icmp port unreachable",
     "66778899aabb00112233445508004500003b1234400040019c66c6120001c61200020303f6ba000000004500001f1234400040119c72c6120002c612000113880035000b000078797a",
     "ICMP", "Destination unreachable (Port unreachable)",
     "icmp.type=3;icmp.code=3;ip.proto=1,17"},
    {"icmp redirect",
     "66778899aabb00112233445508004500003b1234400040019c66c6120001c612000205012ea1c61200094500001f1234400040119c72c6120001c612000213880035000b000078797a",
     "ICMP", "Redirect             (Redirect for host)",
     "icmp.type=5;icmp.code=1;ip.proto=1,17"},
    {"icmp timestamp",
     "66778899aabb0011223344550800450000281234400040019c79c6120001c61200020d00f2f600070002000000000000000000000000",
     "ICMP", "Timestamp request    id=0x0007, seq=2/512, ttl=64",
     "icmp.type=13;icmp.code=0;ip.proto=1"},
    {"ipv4 first fragment",
     "66778899aabb00112233445508004500002c123420004011bc65c6120001c612000203e807d00020000061616161616161616161616161616161",
     "IPv4", "Fragmented IP protocol (proto=UDP 17, off=0, ID=1234)",
     "ip.proto=17"},
    {"ipv4 unknown proto",
     "66778899aabb00112233445508004500001912344000403f9c4ac6120001c612000268656c6c6f",
     "IPv4", "any local network (63)",
     "ip.proto=63"},
    {"ipv6 fragment",
     "66778899aabb00112233445586dd6000000000182c4020010db800000000000000000000000120010db800000000000000000000000211000001a000000100010002001800006161616161616161",
     "IPv6", "IPv6 fragment (off=0 more=y ident=0xa0000001 nxt=17)",
     "ipv6.fraghdr.nxt=17"},
    {"ipv6 no next",
     "66778899aabb00112233445586dd6000000000003b4020010db800000000000000000000000120010db8000000000000000000000002",
     "IPv6", "IPv6 no next header",
     ""},
    {"ipv6 unknown",
     "66778899aabb00112233445586dd600000000002634020010db800000000000000000000000120010db80000000000000000000000027a7a",
     "IPv6", "Unknown IP Protocol: any private encryption scheme (99)",
     ""},
    {"icmpv6 echo request",
     "66778899aabb00112233445586dd60000000000c3a4020010db800000000000000000000000120010db8000000000000000000000002800045710001000170696e67",
     "ICMPv6", "Echo (ping) request id=0x0001, seq=1, hop limit=64",
     "icmpv6.type=128"},
    {"icmpv6 echo reply",
     "66778899aabb00112233445586dd60000000000c3a4020010db800000000000000000000000220010db8000000000000000000000001810044710001000170696e67",
     "ICMPv6", "Echo (ping) reply id=0x0001, seq=1, hop limit=64 (request in 11)",
     "icmpv6.type=129;icmpv6.resp_to=11"},
    {"icmpv6 ns",
     "66778899aabb00112233445586dd6000000000203afffe800000000000000211223344556677ff020000000000000000000000000016870016a50000000020010db80000000000000000000000020101001122334455",
     "ICMPv6", "Neighbor Solicitation for 2001:db8::2 from 00:11:22:33:44:55",
     "icmpv6.type=135;icmpv6.nd.ns.target_address=2001:db8::2"},
    {"icmpv6 na",
     "66778899aabb00112233445586dd6000000000203aff20010db800000000000000000000000120010db8000000000000000000000002880072a6e000000020010db8000000000000000000000002020166778899aabb",
     "ICMPv6", "Neighbor Advertisement 2001:db8::2 (rtr, sol, ovr) is at 66:77:88:99:aa:bb",
     "icmpv6.type=136;icmpv6.nd.na.flag.r=1"},
    {"icmpv6 rs",
     "66778899aabb00112233445586dd6000000000103afffe800000000000000211223344556677ff02000000000000000000000000001685004670000000000101001122334455",
     "ICMPv6", "Router Solicitation from 00:11:22:33:44:55",
     "icmpv6.type=133"},
    {"icmpv6 mldv2",
     "66778899aabb00112233445586dd60000000001c3a01fe800000000000000211223344556677ff0200000000000000000000000000168f009fff0000000104000000ff0200000000000000000000000000fb",
     "ICMPv6", "Multicast Listener Report Message v2",
     "icmpv6.type=143"},
    {"icmpv6 time exceeded",
     "66778899aabb00112233445586dd6000000000393a4020010db800000000000000000000000120010db80000000000000000000000020300634c00000000600000000009114020010db800000000000000000000000220010db8000000000000000000000001000100020009000071",
     "ICMPv6", "Time Exceeded (hop limit exceeded in transit)",
     "icmpv6.type=3"},
    {"arp request",
     "ffffffffffff00112233445508060001080006040001001122334455c6120001000000000000c6120002",
     "ARP", "Who has 198.18.0.2? Tell 198.18.0.1",
     ""},
    {"arp gratuitous reply",
     "ffffffffffff00112233445508060001080006040002001122334455c6120001ffffffffffffc6120001",
     "ARP", "Gratuitous ARP for 198.18.0.1 (Reply)",
     "arp.isgratuitous=1"},
    {"arp announcement",
     "ffffffffffff00112233445508060001080006040001001122334455c6120001000000000000c6120001",
     "ARP", "ARP Announcement for 198.18.0.1",
     "arp.isgratuitous=1;arp.isannouncement=1"},
    {"arp probe",
     "ffffffffffff0011223344550806000108000604000100112233445500000000000000000000c6120002",
     "ARP", "Who has 198.18.0.2? (ARP Probe)",
     "arp.isprobe=1"},
    {"arp duplicate",
     "00112233445566778899aabb0806000108000604000266778899aabbc6120001001122334455c6120002",
     "ARP", "198.18.0.1 is at 66:77:88:99:aa:bb",
     "arp.duplicate-address-frame=20"},
    {"igmpv3 report",
     "66778899aabb001122334455080045000038123440000102c166c6120001e0000016220001e70000000304000000e00000fb03000000ef01020301000001ef0909090a000001",
     "IGMPv3", "Membership Report / Join group 224.0.0.251 for any sources / Leave group 239.1.2.3 / Join group 239.9.9.9 for source {10.0.0.1}",
     "igmp.maddr=224.0.0.251,239.1.2.3,239.9.9.9;igmp.record_type=4,3,1;ip.proto=2"},
    {"esp",
     "66778899aabb00112233445508004500002c1234400040329c44c6120001c61200021234abcd0000000700000000000000000000000000000000",
     "ESP", "ESP (SPI=0x1234abcd)",
     "esp.spi=0x1234abcd;esp.sequence=7;ip.proto=50"},
    {"ospf hello",
     "66778899aabb001122334455080045000040123440000159c118c6120001e00000050201002cc612000100000000000000000000000000000000ffffff00000a0201000000280000000000000000",
     "OSPF", "Hello Packet",
     "ospf.msg=1;ospf.srcrouter=198.18.0.1;ip.proto=89"},
    {"pim hello",
     "66778899aabb00112233445508004500001e123440000167c124c6120001e000000d20000000000100020069",
     "PIMv2", "Hello",
     "pim.type=0;ip.proto=103"},
    {"vrrp v2",
     "66778899aabb00112233445508004500002812344000ff70c30bc6120001e00000122101640100010000c61200020000000000000000",
     "VRRP", "Announcement (v2)",
     "vrrp.version=2;vrrp.virt_rtr_id=1;ip.proto=112"},
    {"eigrp hello ack",
     "66778899aabb001122334455080045000028123440004058822cc6120001e000000a0205000000000000000000000000000500000001",
     "EIGRP", "Hello (Ack)",
     "eigrp.opcode=5;eigrp.ack=5;ip.proto=88"},
    {"sctp init",
     "66778899aabb0011223344550800450000341234400040849beac6120001c612000203e807d000000000000000000100001411111111000100000001000100000064",
     "SCTP", "INIT ",
     "sctp.chunk_type=1;ip.proto=132"},
    {"sctp data",
     "66778899aabb0011223344550800450000381234400040849be6c6120001c612000203e807d022222222000000000003001500000064000000000000000068656c6c6f000000",
     "SCTP", "DATA (TSN=0) ",
     "sctp.chunk_type=0;sctp.data_tsn=0;ip.proto=132"},
    {"sctp sack+data",
     "00112233445566778899aabb0800450000441234400040849bdac6120002c612000107d003e81111111100000000030000100000006400010000000000000003001200001388000000000000000068690000",
     "SCTP", "SACK (Ack=0, Arwnd=65536) DATA (TSN=0) ",
     "sctp.chunk_type=3,0;sctp.data_tsn=0;sctp.sack_cumulative_tsn_ack=0;ip.proto=132"},
    {"gre keepalive",
     "66778899aabb00112233445508004500001812344000402f9c5bc6120001c612000200000000",
     "GRE", "Encapsulated Possible GRE keepalive packet",
     "gre.proto=0x0000;ip.proto=47"},
    {"erspan ii",
     "66778899aabb00112233445508004500004e12344000402f9c25c6120001c6120002100088be00000001100500010000000766778899aabb00112233445508004500001c12344000400114ab0a0000010a0000020800f7ed00090009",
     "ICMP", "Echo (ping) request  id=0x0009, seq=9/2304, ttl=64",
     "icmp.type=8;icmp.code=0;gre.proto=0x88be;erspan.spanid=1;ip.proto=47,1"},
    {"hsrp",
     "66778899aabb001122334455080045000030123440000111c173c6120001e000000207c107c1001c0000000010030a640100636973636f000000c61200fe",
     "HSRP", "Hello (state Active)",
     "hsrp.state=16;hsrp.virt_ip=198.18.0.254;ip.proto=17"},
    {"bfd",
     "66778899aabb00112233445508004500003412344000ff11dd5cc6120001c6120002c0000ec80020000020c003180000000100000002000f4240000f424000000000",
     "BFD Control", "Diag: No Diagnostic, State: Up, Flags: 0x00",
     "bfd.sta=0x03;bfd.diag=0x00;ip.proto=17"},
    {"isakmp v1",
     "66778899aabb0011223344550800450000381234400040119c59c6120001c612000201f401f4002400000102030405060708000000000000000001100200000000000000001c",
     "ISAKMP", "Identity Protection (Main Mode)",
     "isakmp.exchangetype=2;ip.proto=17"},
    {"isakmp v2",
     "66778899aabb0011223344550800450000381234400040119c59c6120001c612000201f401f4002400000102030405060708000000000000000021202208000000000000001c",
     "ISAKMP", "IKE_SA_INIT MID=00 Initiator Request",
     "isakmp.exchangetype=34;ip.proto=17"},
    {"stp",
     "0180c2000000001122334455002642420300000000008000001969dfdc01000000008000001969dfdc0180150000140002000f000000000000000000",
     "STP", "Conf. Root = 32768/0/00:19:69:df:dc:01  Cost = 0  Port = 0x8015",
     "stp.type=0x00;stp.root.hw=00:19:69:df:dc:01;stp.port=0x8015"},
    {"lldp",
     "0180c200000e00112233445588cc02070400112233445504050565746830060200780a037377310c0a4c696e75780d0a626f780000",
     "LLDP", "MA/00:11:22:33:44:55 IN/eth0 120 SysN=sw1 SysD=Linux\\r\\nbox ",
     "lldp.tlv.type=1,2,3,5,6,0;lldp.time_to_live=120"},
    {"cdp",
     "01000ccccccc0011223344550021aaaa0300000c200002b400000001000652310003000f45746865726e6574302f31",
     "CDP", "Device ID: R1  Port ID: Ethernet0/1  ",
     "cdp.deviceid=R1"},
};

TEST(DissectNetwork, ColumnsAndFieldsAsTshark)
{
    Dissector dissector;
    Dissection out;
    std::uint64_t number = 0;
    for (const NetworkFrame& f : kFrames) {
        SCOPED_TRACE(f.name);
        const Bytes bytes = fromHex(f.hex);
        dissector.dissect(frameOf(bytes), ++number, out);
        const PacketSummary s = out.summary();
        EXPECT_EQ(s.protocol, f.protocol);
        EXPECT_EQ(s.info, f.info);
        expectFieldTexts(out, f.fields);
    }
}

// A frame dissected again (the detail pane, a filter pass) keeps the link it got first.
TEST(DissectNetwork, EchoReplyKeepsItsRequestWhenDissectedAgain)
{
    Dissector dissector;
    Dissection out;
    const Bytes request = fromHex(kFrames[0].hex), reply = fromHex(kFrames[1].hex);
    dissector.dissect(frameOf(request), 1, out);
    dissector.dissect(frameOf(reply), 2, out);
    dissector.dissect(frameOf(reply), 2, out);
    EXPECT_EQ(out.summary().info, kFrames[1].info);
    dissector.reset();
    dissector.dissect(frameOf(reply), 2, out);
    EXPECT_EQ(out.summary().info, "Echo (ping) reply    id=0x0001, seq=1/256, ttl=64");
}

// Bounded loops and checked reads: every prefix of every frame dissects without reading
// past its end.
TEST(DissectNetwork, EveryTruncationIsHandled)
{
    Dissector dissector;
    Dissection out;
    std::uint64_t number = 0;
    for (const NetworkFrame& f : kFrames) {
        const Bytes bytes = fromHex(f.hex);
        for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
            const Bytes prefix(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(cut));
            dissector.dissect(frameOf(prefix, link_type::Ethernet, cut, bytes.size()), ++number, out);
            (void)out.summary();
        }
    }
}

}  // namespace
}  // namespace rcvmon

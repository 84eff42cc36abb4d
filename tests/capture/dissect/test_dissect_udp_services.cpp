// SPDX-License-Identifier: GPL-2.0-or-later
// The UDP services of a desktop network (DNS, mDNS, DHCP, DHCPv6, NTP, NBNS, SSDP, VXLAN, GTP,
// PFCP, Babel, RIP, STUN, Syslog, TFTP, WireGuard):
// fields and Info text of hand-built messages, each checked against tshark 4.0.17.
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <string>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

class UdpServicesTest : public ::testing::Test {
protected:
    void run(std::uint16_t sport, std::uint16_t dport, std::string_view payloadHex)
    {
        m_bytes = ethernet(0x0800, ipv4(17, udp(sport, dport, fromHex(payloadHex))));
        m_dissector.dissect(frameOf(m_bytes), ++m_frame, m_out);
    }
    std::string text(std::string_view name) const
    {
        const auto id = findField(name);
        EXPECT_TRUE(id.has_value()) << name;
        return id ? m_out.fieldText(*id) : std::string();
    }
    std::string info() const { return m_out.summary().info; }
    std::string protocol() const { return m_out.summary().protocol; }

    Dissector m_dissector;
    Dissection m_out;
    Bytes m_bytes;
    std::uint64_t m_frame = 0;
};

TEST_F(UdpServicesTest, DnsResponseListsEveryRecord)
{
    run(53, 5453,
        "4fe88180000100020000000103777777056170706c6503636f6d0000010001c00c000500010000012c000b0178076578"
        "616d706c6500c00c000100010000003c00040102030400002904d0000000000000");
    EXPECT_EQ(protocol(), "DNS");
    EXPECT_EQ(info(), "Standard query response 0x4fe8 A www.apple.com CNAME x.example A 1.2.3.4 OPT");
    EXPECT_EQ(text("dns.a"), "1.2.3.4");
    EXPECT_EQ(text("dns.cname"), "x.example");
    EXPECT_EQ(text("dns.resp.ttl"), "300,60");  // the OPT record has no TTL
    EXPECT_EQ(text("dns.resp.type"), "5,1,41");
    EXPECT_EQ(text("dns.count.add_rr"), "1");
    EXPECT_EQ(text("frame.protocols"), "eth:ethertype:ip:udp:dns");
}

TEST_F(UdpServicesTest, DnsErrorReplyNamesItsCode)
{
    run(53, 40000, "000181830001000000000000046e6f7065076578616d706c650000010001");
    EXPECT_EQ(info(), "Standard query response 0x0001 No such name A nope.example");
    EXPECT_EQ(text("dns.flags.rcode"), "3");
}

TEST_F(UdpServicesTest, MdnsUnicastQuestionAndCacheFlush)
{
    run(5353, 5353,
        "000084000001000100000000077072696e746572056c6f63616c00000c8001c00c000180010000007800040a000007");
    EXPECT_EQ(protocol(), "MDNS");
    EXPECT_EQ(info(), "Standard query response 0x0000 PTR printer.local, \"QU\" question A, cache flush 10.0.0.7");
    EXPECT_EQ(text("dns.qry.qu"), "1");
    EXPECT_EQ(text("dns.resp.cache_flush"), "1");
    EXPECT_EQ(text("dns.a"), "10.0.0.7");
    EXPECT_EQ(text("dns.resp.ttl"), "120");
}

TEST_F(UdpServicesTest, DhcpDiscover)
{
    run(68, 67,
        "0101060000003d1d00000000000000000000000000000000000000000011223344550000000000000000000000000000"
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000063825363"
        "3501013204c0a801640c04686f7374ff");
    EXPECT_EQ(protocol(), "DHCP");
    EXPECT_EQ(info(), "DHCP Discover - Transaction ID 0x3d1d");
    EXPECT_EQ(text("dhcp.option.dhcp"), "1");
    EXPECT_EQ(text("dhcp.option.hostname"), "host");
    EXPECT_EQ(text("dhcp.option.requested_ip_address"), "192.168.1.100");
    EXPECT_EQ(text("dhcp.hw.mac_addr"), "00:11:22:33:44:55");
}

TEST_F(UdpServicesTest, NtpClient)
{
    run(123, 123, "230206ea0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000");
    EXPECT_EQ(info(), "NTP Version 4, client");
    EXPECT_EQ(text("ntp.flags.mode"), "3");
    EXPECT_EQ(text("ntp.stratum"), "2");
}

TEST_F(UdpServicesTest, NbnsNameQuery)
{
    run(137, 137, "800101100001000000000000204648464145424545434143414341434143414341434143414341434143414141000020"
        "0001");
    EXPECT_EQ(protocol(), "NBNS");
    EXPECT_EQ(info(), "Name query NB WPAD<00>");
    EXPECT_EQ(text("nbns.name"), "WPAD<00>");
}

TEST_F(UdpServicesTest, Dhcpv6Solicit)
{
    run(546, 547, "011234560001000a00030001000102030405000800020000");
    EXPECT_EQ(info(), "Solicit XID: 0x123456 CID: 00030001000102030405 ");
    EXPECT_EQ(text("dhcpv6.msgtype"), "1");
}

TEST_F(UdpServicesTest, SsdpSearch)
{
    run(50000, 1900,
        "4d2d534541524348202a20485454502f312e310d0a484f53543a203233392e3235352e3235352e3235303a313930300d"
        "0a4d414e3a2022737364703a646973636f766572220d0a4d583a20310d0a53543a20737364703a616c6c0d0a0d0a");
    EXPECT_EQ(protocol(), "SSDP");
    EXPECT_EQ(info(), "M-SEARCH * HTTP/1.1 ");
    EXPECT_EQ(text("http.host"), "239.255.255.250:1900");
    EXPECT_EQ(text("frame.protocols"), "eth:ethertype:ip:udp:ssdp");
}

TEST_F(UdpServicesTest, VxlanCarriesEthernet)
{
    run(40000, 4789,
        "0800000000007b0066778899aabb00112233445508004500004c0001400040110000c6120001c6120002007b007b0038"
        "0000230206ea000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "0000");
    EXPECT_EQ(text("vxlan.vni"), "123");
    EXPECT_EQ(info(), "NTP Version 4, client");
    EXPECT_EQ(text("frame.protocols"), "eth:ethertype:ip:udp:vxlan:eth:ethertype:ip:udp:ntp");
}

TEST_F(UdpServicesTest, GtpUserPlaneCarriesIp)
{
    run(2152, 2152,
        "30ff0039000012344500003900014000401100000a0000010a0000029c40003500250000123401000001000000000000"
        "076578616d706c6503636f6d0000010001");
    EXPECT_EQ(protocol(), "GTP <DNS>");
    EXPECT_EQ(info(), "Standard query 0x1234 A example.com");
    EXPECT_EQ(text("frame.protocols"), "eth:ethertype:ip:udp:gtp:ip:udp:dns");
    EXPECT_EQ(text("gtp.teid"), "0x00001234");
    run(2123, 2123,
        "320100040000000000070000");
    EXPECT_EQ(protocol(), "GTP");
    EXPECT_EQ(info(), "Echo request");
}

TEST_F(UdpServicesTest, PfcpBabelRip)
{
    run(8805, 8805,
        "2001000c000001000060000412345678");
    EXPECT_EQ(info(), "PFCP Heartbeat Request");
    EXPECT_EQ(text("pfcp.msg_type"), "1");
    run(6696, 6696,
        "2a020010040600001234019005060000006004b0");
    EXPECT_EQ(info(), "Babel hello ihu");
    EXPECT_EQ(text("babel.message.type"), "4,5");
    run(520, 520,
        "02020000000200000a000000ff0000000000000000000001");
    EXPECT_EQ(protocol(), "RIPv2");
    EXPECT_EQ(info(), "Response");
    EXPECT_EQ(text("rip.ip"), "10.0.0.0");
    EXPECT_EQ(text("rip.netmask"), "255.0.0.0");
}

TEST_F(UdpServicesTest, StunByPortAndByHeuristic)
{
    run(3478, 40000,
        "0101000c2112a4420102030405060708090a0b0c002000080001bd52e112a643");
    EXPECT_EQ(info(), "Binding Success Response XOR-MAPPED-ADDRESS: 192.0.2.1:40000");
    EXPECT_EQ(text("stun.att.ipv4"), "192.0.2.1");
    EXPECT_EQ(text("stun.att.port"), "40000");
    run(41000, 42000,
        "000100102112a4420102030405060708090a0b0c00060009616263643a65666768000000");
    EXPECT_EQ(protocol(), "STUN");
    EXPECT_EQ(info(), "Binding Request user: abcd:efgh");
}

// Wireshark's Info column keeps at most 4,095 bytes, whichever protocol writes it.
TEST_F(UdpServicesTest, InfoColumnStopsAt4095Bytes)
{
    run(40000, 514, std::string(2 * 5000, '6'));  // 5,000 'f' bytes: a syslog message with no PRI
    EXPECT_EQ(info(), std::string(4095, 'f'));
    EXPECT_EQ(text("syslog.msg").size(), 5000u);
}

TEST_F(UdpServicesTest, SyslogTftpWireGuard)
{
    run(40000, 514,
        "3c31333e5365702031322031393a31363a313220686f737420746573743a2068656c6c6f00");
    EXPECT_EQ(info(), "USER.NOTICE: Sep 12 19:16:12 host test: hello\\000");
    EXPECT_EQ(text("syslog.facility"), "1");
    EXPECT_EQ(text("syslog.level"), "5");
    run(40000, 514,
        "6e6f207072692068657265");
    EXPECT_EQ(info(), "no pri here");
    run(40000, 69,
        "000275702e62696e006e6574617363696900626c6b73697a650031343238007473697a65003000");
    EXPECT_EQ(info(), "Write Request, File: up.bin, Transfer type: netascii, blksize=1428, tsize=0");
    EXPECT_EQ(text("tftp.destination_file"), "up.bin");
    run(40000, 40001,
        "000166696c6531006f6374657400");
    EXPECT_EQ(info(), "Read Request, File: file1, Transfer type: octet");
    run(40000, 51820,
        "010000008f1c0b7a00000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "00000000");
    EXPECT_EQ(info(), "Handshake Initiation, sender=0x7A0B1C8F");
    EXPECT_EQ(text("wg.sender"), "0x7a0b1c8f");
    run(51820, 40000,
        "030000008f1c0b7a00000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000");
    EXPECT_EQ(info(), "Cookie Reply, receiver=0x7A0B1C8F");
    run(51820, 40000,
        "040000008f1c0b7a05000000000000000000000000000000000000000000000000000000000000000000000000000000");
    EXPECT_EQ(info(), "Transport Data, receiver=0x7A0B1C8F, counter=5, datalen=16");
    run(51820, 40000,
        "02000000010203048f1c0b7a000000000000000000000000000000000000000000000000000000000000000000000000"
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000");
    EXPECT_EQ(protocol(), "UDP");  // a handshake response is 92 bytes, not 96
}

TEST_F(UdpServicesTest, DnsByHeuristicAndOverTcp)
{
    run(40000, 8053,
        "014301000001000000000000037777770774637064756d70036f72670000010001");
    EXPECT_EQ(protocol(), "DNS");
    EXPECT_EQ(text("dns.qry.name"), "www.tcpdump.org");
    // Two messages in one segment: the second replaces Info and adds no protocol layer.
    m_bytes = ethernet(0x0800, ipv4(6, tcp(40000, 53, 1000, 0, 0x018,
        fromHex("001b0001010000010000000000000161076578616d706c650000010001001b0002010000010000000000000162076578"
        "616d706c650000010001"))));
    m_dissector.dissect(frameOf(m_bytes), ++m_frame, m_out);
    EXPECT_EQ(info(), "Standard query 0x0002 A b.example");
    EXPECT_EQ(text("dns.qry.name"), "a.example,b.example");
    EXPECT_EQ(text("dns.length"), "27,27");
    EXPECT_EQ(text("frame.protocols"), "eth:ethertype:ip:tcp:dns");
}

TEST_F(UdpServicesTest, CutMessagesStopCleanly)
{
    // Every prefix of every message dissects without reading past its end.
    for (const std::string_view hex : {std::string_view("30ff0039000012344500003900014000401100000a0000010a0000029c40003500250000123401000001000000000000076578616d706c6503636f6d0000010001"), std::string_view("2001000c000001000060000412345678"), std::string_view("2a020010040600001234019005060000006004b0"), std::string_view("02020000000200000a000000ff0000000000000000000001"), std::string_view("0101000c2112a4420102030405060708090a0b0c002000080001bd52e112a643"), std::string_view("3c31333e5365702031322031393a31363a313220686f737420746573743a2068656c6c6f00"), std::string_view("000275702e62696e006e6574617363696900626c6b73697a650031343238007473697a65003000"), std::string_view("010000008f1c0b7a0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"), std::string_view("040000008f1c0b7a05000000000000000000000000000000000000000000000000000000000000000000000000000000"), std::string_view("4fe88180000100020000000103777777056170706c6503636f6d0000010001c00c000500010000012c000b0178076578616d706c6500c00c000100010000003c00040102030400002904d0000000000000"), std::string_view("000084000001000100000000077072696e746572056c6f63616c00000c8001c00c000180010000007800040a000007"), std::string_view("0101060000003d1d000000000000000000000000000000000000000000112233445500000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000638253633501013204c0a801640c04686f7374ff"), std::string_view("8001011000010000000000002046484641454245454341434143414341434143414341434143414341434141410000200001"), std::string_view("011234560001000a00030001000102030405000800020000"), std::string_view("0800000000007b0066778899aabb00112233445508004500004c0001400040110000c6120001c6120002007b007b00380000230206ea0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")}) {
        for (std::size_t n = 0; n <= hex.size(); n += 2) {
            run(53, 5353, hex.substr(0, n));
            run(68, 67, hex.substr(0, n));
            run(137, 137, hex.substr(0, n));
            run(546, 547, hex.substr(0, n));
            run(123, 4789, hex.substr(0, n));
            run(2152, 2152, hex.substr(0, n));
            run(8805, 6696, hex.substr(0, n));
            run(520, 3478, hex.substr(0, n));
            run(514, 40000, hex.substr(0, n));
            run(69, 40000, hex.substr(0, n));
            run(41000, 42000, hex.substr(0, n));
        }
    }
}

}  // namespace
}  // namespace rcvmon

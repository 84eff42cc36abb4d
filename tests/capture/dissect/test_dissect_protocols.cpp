// SPDX-License-Identifier: GPL-2.0-or-later
// Unit tests per dissector with hand-built packets: field values in tshark's formatting,
// summary columns, link types, tunnels, and malformed headers.
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "dissect/quick_classify.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <set>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

class DissectTest : public ::testing::Test {
protected:
    const Dissection& run(const Bytes& bytes, std::uint32_t linkType = link_type::Ethernet)
    {
        m_bytes = bytes;
        m_dissector.dissect(frameOf(m_bytes, linkType), ++m_frame, m_out);
        return m_out;
    }
    std::string text(std::string_view name) const
    {
        const auto id = findField(name);
        EXPECT_TRUE(id.has_value()) << name;
        return id ? m_out.fieldText(*id) : std::string();
    }
    const LayerRecord* layer(std::string_view filter) const
    {
        for (const LayerRecord& l : m_out.layers())
            if (l.filterName == filter) return &l;
        return nullptr;
    }

    Dissector m_dissector;
    Dissection m_out;
    Bytes m_bytes;
    std::uint64_t m_frame = 0;
};

TEST(FieldRegistry, NamesAreUniqueAndFound)
{
    std::set<std::string_view> names;
    for (FieldId id = 0; id < allFields().size(); ++id) {
        const FieldInfo& info = fieldInfo(id);
        EXPECT_TRUE(names.insert(info.name).second) << info.name;
        ASSERT_EQ(findField(info.name), id) << info.name;
    }
    EXPECT_FALSE(findField("ip.nonexistent").has_value());
    EXPECT_FALSE(findField("").has_value());
    EXPECT_EQ(fieldInfo(field::IpSrc).kind, FieldKind::Ipv4);
    EXPECT_EQ(fieldInfo(field::TcpFlags).hexDigits, 4);
}

TEST_F(DissectTest, EthernetIpv4TcpSyn)
{
    const Bytes opts{2, 4, 0x05, 0xb4, 1, 1, 4, 2};  // MSS 1460, NOP, NOP, SACK permitted
    run(ethernet(0x0800, ipv4(6, tcp(36861, 80, 1000, 0, 0x002, {}, opts), kIpA, kIpB, ipOpts(0xbeef))));
    EXPECT_EQ(text("frame.number"), "1");
    EXPECT_EQ(text("frame.time_epoch"), "1700000000.123456789");
    EXPECT_EQ(text("eth.src"), "00:11:22:33:44:55");
    EXPECT_EQ(text("eth.dst"), "66:77:88:99:aa:bb");
    EXPECT_EQ(text("eth.type"), "0x0800");
    EXPECT_EQ(text("ip.src"), "198.18.0.1");
    EXPECT_EQ(text("ip.dst"), "198.18.0.2");
    EXPECT_EQ(text("ip.id"), "0xbeef");
    EXPECT_EQ(text("ip.flags.df"), "1");
    EXPECT_EQ(text("ip.flags.mf"), "0");
    EXPECT_EQ(text("ip.hdr_len"), "20");
    EXPECT_EQ(text("ip.len"), "48");
    EXPECT_EQ(text("ip.proto"), "6");
    EXPECT_EQ(text("tcp.srcport"), "36861");
    EXPECT_EQ(text("tcp.flags"), "0x0002");
    EXPECT_EQ(text("tcp.seq"), "0");
    EXPECT_EQ(text("tcp.seq_raw"), "1000");
    EXPECT_EQ(text("tcp.len"), "0");
    EXPECT_EQ(text("tcp.hdr_len"), "28");
    EXPECT_EQ(text("tcp.options.mss_val"), "1460");
    EXPECT_EQ(text("_ws.col.Protocol"), "TCP");
    const PacketSummary s = m_out.summary();
    EXPECT_EQ(s.source, "198.18.0.1");
    EXPECT_EQ(s.destination, "198.18.0.2");
    EXPECT_EQ(s.protocol, "TCP");
    EXPECT_EQ(s.info, "36861 \xe2\x86\x92 80 [SYN] Seq=0 Win=5840 Len=0 MSS=1460 SACK_PERM");
    EXPECT_FALSE(m_out.malformed());
    EXPECT_FALSE(m_out.truncated());
    EXPECT_EQ(text("frame.protocols"), "eth:ethertype:ip:tcp");
}

TEST_F(DissectTest, TcpRelativeSequenceFollowsTheConversation)
{
    run(ethernet(0x0800, ipv4(6, tcp(1000, 80, 5000, 0, 0x002))));
    run(ethernet(0x0800, ipv4(6, tcp(80, 1000, 9000, 5001, 0x012), kIpB, kIpA)));
    EXPECT_EQ(text("tcp.seq"), "0");
    EXPECT_EQ(text("tcp.ack"), "1");
    run(ethernet(0x0800, ipv4(6, tcp(1000, 80, 5001, 9001, 0x018, Bytes(10, 'x')))));
    EXPECT_EQ(text("tcp.seq"), "1");
    EXPECT_EQ(text("tcp.ack"), "1");
    EXPECT_EQ(text("tcp.len"), "10");
    EXPECT_EQ(m_out.summary().info, "1000 \xe2\x86\x92 80 [PSH, ACK] Seq=1 Ack=1 Win=5840 Len=10");
}

TEST_F(DissectTest, HttpRequestNamesProtocolColumn)
{
    const std::string req = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    run(ethernet(0x0800, ipv4(6, tcp(40000, 80, 1, 1, 0x018, Bytes(req.begin(), req.end())))));
    EXPECT_EQ(text("_ws.col.Protocol"), "HTTP");
}

TEST_F(DissectTest, EthernetPaddingIsCutByIpTotalLength)
{
    Bytes frame = ethernet(0x0800, ipv4(17, udp(5000, 6000, {1, 2})));
    frame.resize(60, 0xee);  // minimum Ethernet frame: padding after the datagram
    run(frame);
    EXPECT_EQ(text("udp.length"), "10");
    const LayerRecord* ip = layer("ip");
    ASSERT_NE(ip, nullptr);
    EXPECT_EQ(ip->length, 30u);
    EXPECT_EQ(m_out.summary().info, "5000 \xe2\x86\x92 6000 Len=2");
    EXPECT_EQ(text("_ws.col.Protocol"), "UDP");
}

TEST_F(DissectTest, StackedVlanAndMpls)
{
    run(ethernet(0x88a8, vlan(100, 0x8100, vlan(0x2000 | 200, 0x8847,
                                                  mpls(16, false, 64, mpls(17, true, 63, ipv4(1, icmpEcho(8, 1, 1))))))));
    EXPECT_EQ(text("vlan.id"), "100,200");
    EXPECT_EQ(text("vlan.priority"), "0,1");
    EXPECT_EQ(text("mpls.label"), "16,17");
    EXPECT_EQ(text("mpls.bottom"), "0,1");
    EXPECT_EQ(text("icmp.type"), "8");
    EXPECT_EQ(text("_ws.col.Protocol"), "ICMP");
}

TEST_F(DissectTest, ArpAndRarp)
{
    run(ethernet(0x0806, arp(1, kMacA, kIpA, Mac{}, kIpB)));
    EXPECT_EQ(text("arp.opcode"), "1");
    EXPECT_EQ(text("arp.src.proto_ipv4"), "198.18.0.1");
    EXPECT_EQ(text("arp.dst.hw_mac"), "00:00:00:00:00:00");
    EXPECT_EQ(m_out.summary().info, "Who has 198.18.0.2? Tell 198.18.0.1");
    EXPECT_EQ(m_out.summary().source, "00:11:22:33:44:55");
    EXPECT_EQ(text("_ws.col.Protocol"), "ARP");
    run(ethernet(0x0806, arp(2, kMacA, kIpA, kMacB, kIpB)));
    EXPECT_EQ(m_out.summary().info, "198.18.0.1 is at 00:11:22:33:44:55");
    run(ethernet(0x8035, arp(3, kMacA, Ip4{}, kMacA, Ip4{})));
    EXPECT_EQ(text("_ws.col.Protocol"), "RARP");
}

TEST_F(DissectTest, LlcSnapCarriesArp)
{
    Bytes llc{0xaa, 0xaa, 0x03, 0, 0, 0, 0x08, 0x06};
    append(llc, arp(1, kMacA, kIpA, Mac{}, kIpB));
    Bytes frame = ethernet(static_cast<std::uint16_t>(llc.size()), llc);
    run(frame);
    EXPECT_EQ(text("eth.len"), std::to_string(llc.size()));
    EXPECT_EQ(text("llc.type"), "0x0806");
    EXPECT_EQ(text("llc.control"), "0x0003");
    EXPECT_EQ(text("arp.opcode"), "1");
    EXPECT_EQ(text("eth.type"), "");
}

TEST_F(DissectTest, Ipv6ExtensionHeaders)
{
    run(ethernet(0x86dd, ipv6(0, ipv6Options(60, ipv6Options(6, tcp(30000, 80, 7, 0, 0x002))))));
    EXPECT_EQ(text("ipv6.src"), "2001:db8::1");
    EXPECT_EQ(text("ipv6.dst"), "2001:db8::2");
    EXPECT_EQ(text("ipv6.nxt"), "0");
    EXPECT_EQ(text("ipv6.hlim"), "64");
    EXPECT_EQ(text("ip.version"), "6");
    EXPECT_EQ(text("tcp.dstport"), "80");
    EXPECT_EQ(text("_ws.col.Protocol"), "TCP");
    EXPECT_EQ(m_out.summary().source, "2001:db8::1");
}

TEST_F(DissectTest, IcmpErrorAppendsQuotedHeaders)
{
    // Errors quote the IP header and 8 bytes of the original datagram.
    Bytes quoted = ipv4(17, udp(53, 59207, Bytes(40, 0)), kIpB, kIpA, ipOpts(0x1234, 0x4000, 64));
    quoted.resize(28);
    run(ethernet(0x0800, ipv4(1, icmpError(3, 3, quoted), kIpA, kIpB, ipOpts(0x1234, 0x4000, 128))));
    EXPECT_EQ(text("ip.src"), "198.18.0.1,198.18.0.2");
    EXPECT_EQ(text("ip.ttl"), "128,64");
    EXPECT_EQ(text("ip.proto"), "1,17");
    EXPECT_EQ(text("udp.srcport"), "53");
    EXPECT_EQ(text("icmp.type"), "3");
    EXPECT_EQ(text("_ws.col.Protocol"), "ICMP");
    const PacketSummary s = m_out.summary();
    EXPECT_EQ(s.source, "198.18.0.1");
    EXPECT_EQ(s.info, "Destination unreachable (Port unreachable)");
    EXPECT_FALSE(m_out.malformed());
}

TEST_F(DissectTest, IcmpEchoInfo)
{
    run(ethernet(0x0800, ipv4(1, icmpEcho(8, 0xcb68, 256), kIpA, kIpB)));
    EXPECT_EQ(text("icmp.ident"), "52072");
    EXPECT_EQ(text("icmp.seq"), "256");
    EXPECT_EQ(m_out.summary().info, "Echo (ping) request  id=0xcb68, seq=256/1, ttl=64");
}

TEST_F(DissectTest, Icmpv6AndIgmp)
{
    Bytes echo{128, 0, 0, 0, 0x12, 0x34, 0, 7};
    run(ethernet(0x86dd, ipv6(58, echo)));
    EXPECT_EQ(text("icmpv6.type"), "128");
    EXPECT_EQ(text("icmpv6.echo.identifier"), "0x1234");
    EXPECT_EQ(text("_ws.col.Protocol"), "ICMPv6");
    run(ethernet(0x0800, ipv4(2, Bytes{0x16, 0, 0, 0, 224, 0, 0, 251}, kIpA, Ip4{224, 0, 0, 251})));
    EXPECT_EQ(text("igmp.maddr"), "224.0.0.251");
    EXPECT_EQ(text("_ws.col.Protocol"), "IGMPv2");
    EXPECT_EQ(m_out.summary().info, "Membership Report group 224.0.0.251");
}

TEST_F(DissectTest, GreWithinGreRepeatsIpFields)
{
    const Bytes inner = ipv4(1, icmpEcho(8, 1, 1), Ip4{10, 0, 0, 3}, Ip4{10, 0, 0, 4});
    const Bytes middle = ipv4(47, gre(0x0800, inner), Ip4{10, 0, 0, 1}, Ip4{10, 0, 0, 2});
    run(ethernet(0x0800, ipv4(47, gre(0x0800, middle))));
    EXPECT_EQ(text("ip.proto"), "47,47,1");
    EXPECT_EQ(text("ip.src"), "198.18.0.1,10.0.0.1,10.0.0.3");
    EXPECT_EQ(text("gre.proto"), "0x0800,0x0800");
    EXPECT_EQ(text("_ws.col.Protocol"), "ICMP");
    EXPECT_EQ(m_out.summary().source, "10.0.0.3");  // the innermost IP writes the columns
}

TEST_F(DissectTest, IpTunnels)
{
    run(ethernet(0x0800, ipv4(41, ipv6(17, udp(1, 2, {})))));  // 6in4
    EXPECT_EQ(text("ip.proto"), "41");
    EXPECT_EQ(text("ipv6.nxt"), "17");
    run(ethernet(0x86dd, ipv6(4, ipv4(6, tcp(31337, 80, 1, 0, 0x002)))));  // 4in6
    EXPECT_EQ(text("ipv6.nxt"), "4");
    EXPECT_EQ(text("ip.src"), "198.18.0.1");
    run(ethernet(0x86dd, ipv6(41, ipv6(41, ipv6(17, udp(30000, 13000, {}))))));  // 6in6in6
    EXPECT_EQ(text("ipv6.nxt"), "41,41,17");
    run(ethernet(0x0800, ipv4(4, ipv4(17, udp(7, 7, {}), kIpB, kIpA))));  // IP-in-IP
    EXPECT_EQ(text("ip.src"), "198.18.0.1,198.18.0.2");
}

TEST_F(DissectTest, TeredoCarriesIpv6)
{
    run(ethernet(0x0800, ipv4(17, udp(3797, 3544, ipv6(58, Bytes{133, 0, 0, 0, 0, 0, 0, 0})))));
    EXPECT_EQ(text("udp.dstport"), "3544");
    EXPECT_EQ(text("icmpv6.type"), "133");
    EXPECT_EQ(text("_ws.col.Protocol"), "ICMPv6");
}

TEST_F(DissectTest, DnsQueryAndMdns)
{
    run(ethernet(0x0800, ipv4(17, udp(5353 + 1, 53, dnsQuery(0x1234, "example.com")))));
    EXPECT_EQ(text("dns.id"), "0x1234");
    EXPECT_EQ(text("dns.qry.name"), "example.com");
    EXPECT_EQ(text("dns.flags.response"), "0");
    EXPECT_EQ(text("_ws.col.Protocol"), "DNS");
    EXPECT_EQ(m_out.summary().info, "Standard query 0x1234 A example.com");
    run(ethernet(0x0800, ipv4(17, udp(5353, 5353, dnsQuery(0, "printer.local", 28, true)))));
    EXPECT_EQ(text("_ws.col.Protocol"), "MDNS");
    EXPECT_EQ(text("dns.flags.response"), "1");
    // mDNS questions say whether a unicast reply is asked for (tshark 4.0.17 prints the same).
    EXPECT_EQ(m_out.summary().info, "Standard query response 0x0000 AAAA printer.local, \"QM\" question");
}

TEST_F(DissectTest, NetbiosDatagramCarriesSmbMailslotBrowser)
{
    // A whole Host Announcement: the browser dissector reads all of it (server "PC1").
    const Bytes announcement{0x01, 0x00, 0x60, 0xea, 0x00, 0x00, 'P', 'C', '1', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                             0x06, 0x01, 0x03, 0x10, 0x01, 0x00, 0x0f, 0x01, 0x55, 0xaa, 'h', 'i', 0};
    run(ethernet(0x0800, ipv4(17, udp(138, 138, nbdgmMailslot("\\MAILSLOT\\BROWSE", announcement)))));
    EXPECT_EQ(text("nbdgm.type"), "17");
    EXPECT_EQ(text("nbdgm.dgram_id"), "0x891d");
    EXPECT_EQ(text("nbdgm.src.ip"), "198.18.0.1");
    EXPECT_EQ(text("nbdgm.src.port"), "138");
    EXPECT_EQ(text("nbdgm.source_name"), "HOSTA<00>");
    EXPECT_EQ(text("nbdgm.destination_name"), "WORKGROUP<1e>");
    EXPECT_EQ(text("smb.cmd"), "0x25");
    EXPECT_EQ(text("smb.trans_name"), "\\MAILSLOT\\BROWSE");
    EXPECT_EQ(text("mailslot.opcode"), "1");
    EXPECT_EQ(text("mailslot.priority"), "1");
    EXPECT_EQ(text("mailslot.class"), "2");
    EXPECT_EQ(text("mailslot.name"), "\\MAILSLOT\\BROWSE");
    EXPECT_EQ(text("browser.command"), "0x01");
    EXPECT_EQ(text("_ws.col.Protocol"), "BROWSER");
    // As in Wireshark, the mailslot layer is in the tree but not in frame.protocols.
    ASSERT_NE(layer("mailslot"), nullptr);
    EXPECT_EQ(text("frame.protocols"), "eth:ethertype:ip:udp:nbdgm:smb:browser");
    EXPECT_FALSE(m_out.malformed());

    // Another mailslot: SMB and the mailslot, no browser.
    run(ethernet(0x0800, ipv4(17, udp(138, 138, nbdgmMailslot("\\MAILSLOT\\NET\\NETLOGON", Bytes{7, 0})))));
    EXPECT_NE(layer("mailslot"), nullptr);
    EXPECT_EQ(layer("browser"), nullptr);
    // Not SMB at all: the user data is data.
    Bytes notSmb = nbdgmMailslot("\\MAILSLOT\\BROWSE", announcement);
    notSmb[10 + 4 + 2 * 34] = 0;  // the SMB signature's first byte
    run(ethernet(0x0800, ipv4(17, udp(138, 138, notSmb))));
    EXPECT_EQ(layer("smb"), nullptr);
    EXPECT_NE(layer("data"), nullptr);
    EXPECT_EQ(text("nbdgm.source_name"), "HOSTA<00>");
}

TEST_F(DissectTest, NetbiosNamesShowUnprintableBytesAndScope)
{
    Bytes dgm = nbdgmMailslot("\\MAILSLOT\\BROWSE", Bytes{0x0c});
    // Replace the destination name with "\x01\x02__MSBROWSE__\x02" suffix 0x01, scope "lan".
    Bytes name = netbiosName(std::string_view("\x01\x02__MSBROWSE__\x02", 15), 0x01);
    name.pop_back();
    append(name, Bytes{3, 'l', 'a', 'n', 0});
    const std::size_t destAt = 14 + 34;
    dgm.erase(dgm.begin() + destAt, dgm.begin() + destAt + 34);
    dgm.insert(dgm.begin() + destAt, name.begin(), name.end());
    run(ethernet(0x0800, ipv4(17, udp(138, 138, dgm))));
    EXPECT_EQ(text("nbdgm.destination_name"), "<01><02>__MSBROWSE__<02>.lan<01>");
    EXPECT_EQ(text("browser.command"), "0x0c");
    // A name that is not 32 letters is malformed at the NetBIOS layer.
    dgm[destAt] = 31;
    run(ethernet(0x0800, ipv4(17, udp(138, 138, dgm))));
    EXPECT_EQ(layer("nbdgm")->status, ParseStatus::Malformed);
    EXPECT_EQ(layer("smb"), nullptr);
}

TEST_F(DissectTest, EapolCarriesEap)
{
    run(ethernet(0x888e, Bytes{1, 0, 0, 5, 1, 7, 0, 5, 1}));  // EAP-Request/Identity
    EXPECT_EQ(text("eap.code"), "1");
    EXPECT_EQ(text("eap.id"), "7");
    EXPECT_EQ(text("eap.len"), "5");
    EXPECT_EQ(text("eap.type"), "1");
    EXPECT_EQ(text("_ws.col.Protocol"), "EAP");
    EXPECT_EQ(text("frame.protocols"), "eth:ethertype:eapol");
    ASSERT_NE(layer("eap"), nullptr);
    run(ethernet(0x888e, Bytes{1, 0, 0, 4, 3, 7, 0, 4}));  // EAP-Success: no type
    EXPECT_EQ(text("eap.code"), "3");
    EXPECT_EQ(text("eap.type"), "");
    run(ethernet(0x888e, Bytes{1, 0, 0, 4, 3, 7, 0, 2}));  // a length shorter than the header
    EXPECT_EQ(layer("eap")->status, ParseStatus::Malformed);
    run(ethernet(0x888e, Bytes{1, 1, 0, 0}));  // EAPOL-Start: no EAP
    EXPECT_EQ(layer("eap"), nullptr);
    EXPECT_EQ(text("_ws.col.Protocol"), "EAPOL");
}

TEST_F(DissectTest, LlcXidInBasicFormat)
{
    const Bytes llc{0x00, 0x01, 0xaf, 0x81, 0x01, 0x0e};
    run(ethernet(static_cast<std::uint16_t>(llc.size()), llc, Mac{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}));
    EXPECT_EQ(text("llc.control"), "0x00af");
    EXPECT_EQ(text("basicxid.llc.xid.format"), "0x81");
    EXPECT_EQ(text("basicxid.llc.xid.types"), "0x01");
    EXPECT_EQ(text("basicxid.llc.xid.wsize"), "7");
    EXPECT_EQ(text("_ws.col.Protocol"), "XID");
    EXPECT_EQ(text("frame.protocols"), "eth:llc");
    EXPECT_EQ(layer("data"), nullptr);
}

TEST_F(DissectTest, SctpDataChunkCarriesM3ua)
{
    Bytes sctp{0x0b, 0x59, 0x0b, 0x59, 0, 0, 0, 1, 0, 0, 0, 0};
    const Bytes m3ua{1, 0, 1, 1, 0, 0, 0, 8};
    append(sctp, Bytes{0, 3, 0, static_cast<std::uint8_t>(16 + m3ua.size()), 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3});
    append(sctp, m3ua);
    run(ethernet(0x0800, ipv4(132, sctp)));
    EXPECT_EQ(text("m3ua.version"), "1");
    EXPECT_EQ(text("m3ua.message_class"), "1");
    EXPECT_EQ(text("m3ua.message_type"), "1");
    EXPECT_EQ(text("m3ua.message_length"), "8");
    EXPECT_EQ(text("_ws.col.Protocol"), "M3UA (RFC 4666)");
    EXPECT_EQ(text("frame.protocols"), "eth:ethertype:ip:sctp:m3ua");
}

TEST_F(DissectTest, ShortDnsMessagesShowWhatWiresharkShows)
{
    const Bytes header{0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0};
    // Under 4 bytes: DNS names the frame, but there is no dns item (tshark's "dns" fails).
    run(ethernet(0x0800, ipv4(17, udp(40000, 53, Bytes(header.begin(), header.begin() + 3)))));
    EXPECT_EQ(text("_ws.col.Protocol"), "DNS");
    EXPECT_EQ(text("frame.protocols"), "eth:ethertype:ip:udp:dns");
    ASSERT_NE(layer("dns"), nullptr);
    EXPECT_FALSE(layer("dns")->inTree);
    EXPECT_TRUE(m_out.malformed());
    // 4 to 11 bytes: the header fields as far as they go.
    run(ethernet(0x0800, ipv4(17, udp(40000, 53, Bytes(header.begin(), header.begin() + 6)))));
    EXPECT_TRUE(layer("dns")->inTree);
    EXPECT_EQ(text("dns.id"), "0x1234");
    EXPECT_EQ(text("dns.flags"), "0x0100");
    EXPECT_EQ(text("dns.count.queries"), "1");
    EXPECT_EQ(text("dns.count.answers"), "");
    // A question whose type and class are missing adds none of its items.
    Bytes cut = header;
    cut.push_back(0);  // the root name
    run(ethernet(0x0800, ipv4(17, udp(40000, 53, cut))));
    EXPECT_EQ(text("dns.count.answers"), "0");
    EXPECT_EQ(text("dns.qry.name"), "");
    EXPECT_TRUE(m_out.malformed());
}

TEST_F(DissectTest, CutEthernetHeaderStillFillsTheAddressColumns)
{
    const Bytes frame = ethernet(0x0800, ipv4(17, udp(1, 2, Bytes(4, 0))));
    run(Bytes(frame.begin(), frame.begin() + 8));  // as Wireshark: the destination was read
    EXPECT_EQ(m_out.summary().destination, "66:77:88:99:aa:bb");
    EXPECT_EQ(m_out.summary().source, "");
    EXPECT_EQ(text("eth.dst"), "");
    run(Bytes(frame.begin(), frame.begin() + 12));  // and the source
    EXPECT_EQ(m_out.summary().source, "00:11:22:33:44:55");
    run(Bytes(frame.begin(), frame.begin() + 5));   // not even the destination
    EXPECT_EQ(m_out.summary().destination, "");
    run(frame);
    EXPECT_EQ(text("eth.dst"), "66:77:88:99:aa:bb");
}

TEST_F(DissectTest, DnsCompressionLoopEndsWithWiresharksText)
{
    Bytes msg{0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1};  // name points at itself
    run(ethernet(0x0800, ipv4(17, udp(1024, 53, msg))));
    // tshark 4.0.17 names the loop and reads the question on.
    EXPECT_FALSE(m_out.malformed());
    EXPECT_EQ(text("dns.qry.name"), "<Name contains a pointer that loops>");
    EXPECT_EQ(text("dns.qry.type"), "1");
    EXPECT_EQ(m_out.summary().info, "Standard query 0x0001 A <Name contains a pointer that loops>");
}

TEST_F(DissectTest, LinkTypes)
{
    const Bytes v4 = ipv4(17, udp(1, 2, {}));
    const Bytes v6 = ipv6(17, udp(1, 2, {}));
    for (std::uint32_t lt : {link_type::Raw, link_type::RawLegacy12, link_type::RawLegacy14, link_type::Ipv4}) {
        run(v4, lt);
        EXPECT_EQ(text("ip.src"), "198.18.0.1") << lt;
        EXPECT_EQ(text("eth.src"), "") << lt;
        // tshark names its "raw" dissector only for LINKTYPE_RAW and its BSD numbers.
        EXPECT_EQ(text("frame.protocols"), lt == link_type::Ipv4 ? "ip:udp" : "raw:ip:udp") << lt;
    }
    run(v6, link_type::Ipv6);
    EXPECT_EQ(text("ipv6.src"), "2001:db8::1");
    EXPECT_EQ(text("frame.protocols"), "ipv6:udp");
    run(sll(0x0800, v4), link_type::LinuxSll);
    EXPECT_EQ(text("udp.srcport"), "1");
    EXPECT_EQ(text("sll.src.eth"), "00:11:22:33:44:55");
    EXPECT_EQ(text("eth.src"), "");
    run(sll2(0x86dd, v6), link_type::LinuxSll2);
    EXPECT_EQ(text("ipv6.nxt"), "17");
    EXPECT_EQ(text("sll.pkttype"), "4");
    for (std::uint32_t af : {2u, 24u, 28u, 30u}) {
        Bytes null{static_cast<std::uint8_t>(af), 0, 0, 0};  // host order (little-endian writer)
        append(null, af == 2 ? v4 : v6);
        run(null, link_type::Null);
        EXPECT_EQ(text("null.family"), std::to_string(af));
        EXPECT_EQ(text("udp.dstport"), "2") << af;
    }
    Bytes loop{0, 0, 0, 2};  // network order
    append(loop, v4);
    run(loop, link_type::Loop);
    EXPECT_EQ(text("ip.dst"), "198.18.0.2");
}

TEST_F(DissectTest, UnknownLinkTypeIsKeptAsData)
{
    const Dissection& d = run(Bytes{1, 2, 3, 4, 5}, 147);
    ASSERT_EQ(d.layers().size(), 2u);
    EXPECT_EQ(d.layers()[1].filterName, "data");
    EXPECT_EQ(d.layers()[1].length, 5u);
    EXPECT_EQ(text("frame.len"), "5");
    EXPECT_EQ(text("_ws.col.Protocol"), "Data");
}

TEST_F(DissectTest, MalformedHeadersAreMarkedAtTheirLayer)
{
    Bytes badIhl = ipv4(17, udp(1, 2, {}));
    badIhl[0] = 0x43;  // IHL 12 bytes < 20
    run(ethernet(0x0800, badIhl));
    EXPECT_EQ(layer("ip")->status, ParseStatus::Malformed);
    EXPECT_EQ(text("ip.src"), "");
    EXPECT_EQ(text("_ws.col.Protocol"), "IPv4");

    Bytes badTcp = tcp(1, 2, 3, 4, 0x010);
    badTcp[12] = 0x30;  // data offset 12 bytes
    run(ethernet(0x0800, ipv4(6, badTcp)));
    EXPECT_EQ(layer("tcp")->status, ParseStatus::Malformed);
    EXPECT_EQ(text("tcp.srcport"), "1");
    EXPECT_EQ(text("tcp.flags"), "");
    EXPECT_TRUE(m_out.malformed());

    Bytes badUdp = udp(1, 2, {9, 9});
    badUdp[5] = 4;  // length 4 < 8
    run(ethernet(0x0800, ipv4(17, badUdp)));
    EXPECT_EQ(layer("udp")->status, ParseStatus::Malformed);

    // Total length shorter than the header: Wireshark's "bogus length", no addresses.
    run(ethernet(0x0800, ipv4(17, udp(1, 2, {}), kIpA, kIpB, ipOpts(0x1234, 0x4000, 64, {}, 12))));
    EXPECT_EQ(layer("ip")->status, ParseStatus::Malformed);
    EXPECT_EQ(text("ip.src"), "");
}

TEST_F(DissectTest, Ipv4WithVersionSixGoesToIpv6)
{
    Bytes bytes = ipv6(17, udp(1, 2, {}));
    run(ethernet(0x0800, bytes));
    EXPECT_EQ(text("ip.version"), "6,6");
    EXPECT_EQ(text("ipv6.nxt"), "17");
    EXPECT_EQ(text("_ws.col.Protocol"), "UDP");
}

TEST_F(DissectTest, SteadyStateReusesStorage)
{
    const Bytes frame = ethernet(0x0800, ipv4(17, udp(1024, 53, dnsQuery(7, "a.example.org"))));
    run(frame);
    run(frame);
    const auto* fields = m_out.fields().data();
    const auto* layers = m_out.layers().data();
    for (int i = 0; i < 100; ++i) run(frame);
    EXPECT_EQ(m_out.fields().data(), fields);
    EXPECT_EQ(m_out.layers().data(), layers);
    EXPECT_EQ(text("dns.qry.name"), "a.example.org");
}

TEST(QuickClassify, ClassesByHeader)
{
    EXPECT_EQ(classifyFrame(link_type::Ethernet, ethernet(0x0800, ipv4(6, tcp(1, 2, 0, 0, 2)))), ProtocolClass::Tcp);
    EXPECT_EQ(classifyFrame(link_type::Ethernet, ethernet(0x8100, vlan(5, 0x86dd, ipv6(0, ipv6Options(17, udp(1, 2, {})))))),
              ProtocolClass::Udp);
    EXPECT_EQ(classifyFrame(link_type::Ethernet, ethernet(0x0806, arp(1, kMacA, kIpA, kMacB, kIpB))), ProtocolClass::Arp);
    EXPECT_EQ(classifyFrame(link_type::Raw, ipv4(1, icmpEcho(8, 1, 1))), ProtocolClass::Icmp);
    EXPECT_EQ(classifyFrame(link_type::Raw, ipv6(58, Bytes(8, 0))), ProtocolClass::Icmpv6);
    EXPECT_EQ(classifyFrame(link_type::Raw, ipv4(17, {}, kIpA, kIpB, ipOpts(0x1234, 0x0010))), ProtocolClass::Ipv4);
    EXPECT_EQ(classifyFrame(link_type::Raw, ipv4(99, {})), ProtocolClass::Ipv4);
    EXPECT_EQ(classifyFrame(link_type::LinuxSll2, sll2(0x0800, ipv4(17, udp(1, 2, {})))), ProtocolClass::Udp);
    EXPECT_EQ(classifyFrame(link_type::Ethernet, Bytes{1, 2, 3}), ProtocolClass::Other);
    EXPECT_EQ(classifyFrame(999, Bytes(64, 0)), ProtocolClass::Other);
    EXPECT_EQ(protocolClassName(ProtocolClass::Icmpv6), "ICMPv6");
}

}  // namespace
}  // namespace rcvmon

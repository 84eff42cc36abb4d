// SPDX-License-Identifier: GPL-2.0-or-later
// Host names learned from DNS answers in the capture (Wireshark's "Use captured DNS packet
// data for address resolution"): hand-built responses, then the columns and host fields of
// later packets, with and without the switches that use them.
#include "names/dns_learned_hosts.h"
#include "names/name_resolver.h"
#include "names/resolved_fields.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

namespace rcvmon::names {
namespace {

using namespace rcvmon::test;

struct Record {
    std::string name;
    std::uint16_t type;  // 1 A, 28 AAAA, 5 CNAME
    Bytes data;
};

// A standard query response (RFC 1035 §4.1) for `question` with the given answers.
Bytes dnsResponse(std::string_view question, std::uint16_t qtype, const std::vector<Record>& answers)
{
    Bytes b;
    put16(b, 0x1234);
    put16(b, 0x8180);
    put16(b, 1);
    put16(b, unsigned(answers.size()));
    put16(b, 0);
    put16(b, 0);
    append(b, dnsName(question));
    put16(b, qtype);
    put16(b, 1);
    for (const Record& r : answers) {
        append(b, dnsName(r.name));
        put16(b, r.type);
        put16(b, 1);
        put32(b, 300);
        put16(b, unsigned(r.data.size()));
        append(b, r.data);
    }
    return b;
}

Bytes cnameData(std::string_view target)
{
    Bytes b;
    append(b, dnsName(target));
    return b;
}

constexpr Ip4 kServer{198, 18, 7, 7};
constexpr Ip4 kAliasServer{198, 18, 7, 8};
constexpr Ip6 kServer6{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x07, 0x07};

class DnsLearnedHostsTest : public ::testing::Test {
protected:
    void dissect(const Bytes& bytes)
    {
        m_bytes = bytes;
        m_dissector.dissect(frameOf(m_bytes), ++m_frame, m_out);
    }
    void dissectAnswer()
    {
        dissect(ethernet(0x0800, ipv4(17, udp(53, 40000, dnsResponse("www.example.test", 1, {
            {"www.example.test", 5, cnameData("edge.example.test")},
            {"edge.example.test", 1, Bytes(kServer.begin(), kServer.end())},
            {"alias.example.test", 1, Bytes(kAliasServer.begin(), kAliasServer.end())},
            {"edge.example.test", 28, Bytes(kServer6.begin(), kServer6.end())},
        })), kIpB, kIpA)));
    }
    // A later packet from the answered server to the client.
    void dissectFromServer() { dissect(ethernet(0x0800, ipv4(6, tcp(443, 40001, 1, 1, 0x10), kServer, kIpA))); }

    Dissector m_dissector;
    Dissection m_out;
    Bytes m_bytes;
    std::uint64_t m_frame = 0;
};

TEST_F(DnsLearnedHostsTest, LearnsEachAddressRecordUnderItsOwnerName)
{
    DnsLearnedHosts hosts;
    dissectAnswer();
    EXPECT_TRUE(hosts.learn(m_out));
    EXPECT_EQ(hosts.size(), 3u);
    EXPECT_EQ(hosts.find(*IpAddress::fromBytes(ByteSpan(kServer))), "edge.example.test");
    EXPECT_EQ(hosts.find(*IpAddress::fromBytes(ByteSpan(kAliasServer))), "alias.example.test");
    EXPECT_EQ(hosts.find(*IpAddress::fromBytes(ByteSpan(kServer6))), "edge.example.test");
    EXPECT_EQ(hosts.find(*IpAddress::fromBytes(ByteSpan(kIpA))), "");
    const std::uint64_t generation = hosts.generation();
    EXPECT_FALSE(hosts.learn(m_out));  // the same answers again change nothing
    EXPECT_EQ(hosts.generation(), generation);

    // A later answer renames the address.
    dissect(ethernet(0x0800, ipv4(17, udp(53, 40000, dnsResponse("new.example.test", 1, {
        {"new.example.test", 1, Bytes(kServer.begin(), kServer.end())}})), kIpB, kIpA)));
    EXPECT_TRUE(hosts.learn(m_out));
    EXPECT_EQ(hosts.find(*IpAddress::fromBytes(ByteSpan(kServer))), "new.example.test");
    EXPECT_GT(hosts.generation(), generation);
    const auto entries = hosts.entries();
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries.back().second, "new.example.test");

    // A query (no answers) and a non-DNS packet teach nothing.
    dissectFromServer();
    EXPECT_FALSE(hosts.learn(m_out));
}

TEST_F(DnsLearnedHostsTest, StaysBounded)
{
    DnsLearnedHosts hosts(4);
    for (std::uint8_t i = 0; i < 10; ++i)
        hosts.add(*IpAddress::fromBytes(ByteSpan(Ip4{198, 18, 9, i})), "h" + std::to_string(i) + ".test");
    EXPECT_LE(hosts.size(), 4u);
    EXPECT_EQ(hosts.find(*IpAddress::fromBytes(ByteSpan(Ip4{198, 18, 9, 9}))), "h9.test");
    EXPECT_EQ(hosts.find(*IpAddress::fromBytes(ByteSpan(Ip4{198, 18, 9, 0}))), "");
}

TEST_F(DnsLearnedHostsTest, ColumnsAndHostFieldsUseThemOnlyWithNetworkAndCapturedDns)
{
    NameResolver resolver(ResolutionFlags{.network = true, .capturedDns = true});
    dissectAnswer();
    EXPECT_TRUE(resolver.learn(m_out));
    dissectFromServer();
    PacketSummary s = m_out.summary();
    resolver.resolveColumns(m_out, s);
    EXPECT_EQ(s.source, "edge.example.test");
    EXPECT_EQ(s.destination, "198.18.0.1");
    std::string host;
    appendResolvedField(*findResolvedField("ip.host"), m_out, resolver, host);
    EXPECT_EQ(host, "edge.example.test,198.18.0.1");

    // Without n the learned names stay unused; without d nothing is learned.
    resolver.setFlags(ResolutionFlags{.capturedDns = true});
    s = m_out.summary();
    resolver.resolveColumns(m_out, s);
    EXPECT_EQ(s.source, "198.18.7.7");
    NameResolver withoutDns(ResolutionFlags{.network = true});
    dissectAnswer();
    EXPECT_FALSE(withoutDns.learn(m_out));
    dissectFromServer();
    s = m_out.summary();
    withoutDns.resolveColumns(m_out, s);
    EXPECT_EQ(s.source, "198.18.7.7");
}

TEST_F(DnsLearnedHostsTest, MacColumnsAndFieldsFollowTheMacSwitch)
{
    // ARP shows link addresses in the columns.
    Bytes arp;
    put16(arp, 1);
    put16(arp, 0x0800);
    put8(arp, 6);
    put8(arp, 4);
    put16(arp, 1);
    append(arp, kMacA);
    append(arp, kIpA);
    append(arp, Mac{});
    append(arp, kIpB);
    const Mac broadcast{0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    dissect(ethernet(0x0806, arp, broadcast, kMacA));
    NameResolver resolver(ResolutionFlags{.mac = true});
    PacketSummary s = m_out.summary();
    resolver.resolveColumns(m_out, s);
    EXPECT_EQ(s.destination, "Broadcast");
    std::string resolved;
    appendResolvedField(*findResolvedField("eth.addr_resolved"), m_out, resolver, resolved);
    EXPECT_EQ(resolved.substr(0, 10), "Broadcast,");
    resolver.setFlags({});
    s = m_out.summary();
    resolver.resolveColumns(m_out, s);
    EXPECT_EQ(s.destination, "ff:ff:ff:ff:ff:ff");
    resolved.clear();
    appendResolvedField(*findResolvedField("eth.dst_resolved"), m_out, resolver, resolved);
    EXPECT_EQ(resolved, "ff:ff:ff:ff:ff:ff");
}

}  // namespace
}  // namespace rcvmon::names

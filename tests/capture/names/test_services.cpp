// SPDX-License-Identifier: GPL-2.0-or-later
// Transport names: /etc/services and Wireshark's services format, and the Info texts that
// name ports ("55058 → https(443)") only inside a PortNamesScope.
#include "names/port_names_scope.h"
#include "names/resolution_flags.h"
#include "names/service_table.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

namespace rcvmon::names {
namespace {

using namespace rcvmon::test;

constexpr std::string_view kEtcServices =
    "# Network services, Internet style\n"
    "tcpmux\t\t1/tcp\t\t\t\t# TCP port service multiplexer\n"
    "http\t\t80/tcp\t\twww\t\t# WorldWideWeb HTTP\n"
    "domain\t\t53/tcp\n"
    "domain\t\t53/udp\n"
    "www-alt\t\t80/tcp\n"  // a second name for 80/tcp: the first stays
    "broken\t\t99999/tcp\n"
    "nonumber\t\tx/tcp\n";
constexpr std::string_view kWiresharkServices =
    "https\t\t443/tcp/udp/sctp\t# http protocol over TLS/SSL\n"
    "vcom-tunnel\t8001/tcp/udp\t# VCOM Tunnel\n";

TEST(ServiceTable, ParsesBothFormats)
{
    ServiceTable table;
    EXPECT_EQ(table.addServicesText(kEtcServices), 5u);
    EXPECT_EQ(table.addServicesText(kWiresharkServices), 5u);
    EXPECT_EQ(table.find(Transport::Tcp, 80), "http");
    EXPECT_EQ(table.find(Transport::Udp, 53), "domain");
    EXPECT_EQ(table.find(Transport::Tcp, 1), "tcpmux");
    EXPECT_EQ(table.find(Transport::Udp, 1), "");
    EXPECT_EQ(table.find(Transport::Sctp, 443), "https");
    EXPECT_EQ(table.find(Transport::Udp, 8001), "vcom-tunnel");
    EXPECT_EQ(table.find(Transport::Dccp, 443), "");
    EXPECT_EQ(table.size(), 9u);  // www-alt's 80/tcp dropped
}

TEST(ServiceTable, InfoNamesPortsOnlyInsideAScope)
{
    ServiceTable table;
    table.addServicesText(kWiresharkServices);
    table.addServicesText(kEtcServices);
    Dissector dissector;
    Dissection d;
    const Bytes bytes = ethernet(0x0800, ipv4(17, udp(8001, 8001, Bytes(4, 0))));
    dissector.dissect(frameOf(bytes), 1, d);
    EXPECT_EQ(d.summary().info, "8001 \u2192 8001 Len=4");
    std::set<std::uint32_t> used;
    {
        const PortNamesScope scope(&table, &used);
        EXPECT_EQ(d.summary().info, "vcom-tunnel(8001) \u2192 vcom-tunnel(8001) Len=4");
        const PortNamesScope inner(nullptr);
        EXPECT_EQ(d.summary().info, "8001 \u2192 8001 Len=4");
    }
    EXPECT_EQ(used, (std::set<std::uint32_t>{8001u << 8 | unsigned(Transport::Udp)}));
    EXPECT_EQ(transportPortNames(), nullptr);
    EXPECT_EQ(d.summary().info, "8001 \u2192 8001 Len=4");

    const Bytes syn = ethernet(0x0800, ipv4(6, tcp(55058, 443, 0, 0, 0x02)));
    dissector.dissect(frameOf(syn), 2, d);
    const PortNamesScope scope(&table);
    EXPECT_TRUE(d.summary().info.starts_with("55058 \u2192 https(443) [SYN] Seq=0")) << d.summary().info;
}

TEST(ResolutionFlags, ParsesTsharkLetters)
{
    std::string error;
    auto flags = parseResolutionFlags("mndt", error);
    ASSERT_TRUE(flags);
    EXPECT_TRUE(flags->mac && flags->network && flags->transport && flags->capturedDns);
    EXPECT_FALSE(flags->external);
    EXPECT_EQ(resolutionLetters(*flags), "mntd");
    flags = parseResolutionFlags("nNv", error);
    ASSERT_TRUE(flags);
    EXPECT_TRUE(flags->external && flags->network && !flags->mac);
    EXPECT_FALSE(parseResolutionFlags("mx", error));
    EXPECT_NE(error.find("'x'"), std::string::npos);
    EXPECT_FALSE(ResolutionFlags{}.any());
}

}  // namespace
}  // namespace rcvmon::names

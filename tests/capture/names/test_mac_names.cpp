// SPDX-License-Identifier: GPL-2.0-or-later
// MAC vendors: Wireshark's manuf/wka formats and ieee-data's CSV, parsed from small fixture
// files, formatted as tshark 4.0 -N m prints eth.src_resolved (checked on the corpus by
// test_cli_names_reference).
#include "names/mac_names.h"
#include "names/oui_table.h"
#include "temp_file.h"

#include <gtest/gtest.h>

#include <array>

namespace rcvmon::names {
namespace {

using rcvmon::test::TempFile;

constexpr std::string_view kManuf =
    "# a comment line\n"
    "00:00:0C\tCisco\tCisco Systems, Inc\n"
    "D4:AE:52\tDell\tDell Inc.\n"
    "00:1B:C5\tIeeeRegi\tIEEE Registration Authority\n"
    "00:1B:C5:00:00:00/36\tConverge\tConverging Systems Inc.\n"
    "00:1B:C5:00:10:00/36\tOpenrb\tOpenRB.com, Direct SA\n"
    "70:B3:D5:1F:00:00/28\tSmallCo\tSmall Company   # a trailing comment\n"
    "nonsense line\n"
    "D4:AE:52\tDuplicat\tA later duplicate is ignored\n";
constexpr std::string_view kWka =
    "FF-FF-FF-FF-FF-FF\tBroadcast\n"
    "01-00-5E/25\t\tIPv4mcast\n"
    "33-33-00-00-00-00\tIPv6-Neighbor-Discovery\n"
    "33-33-00-00-00-00/16\tIPv6mcast\n"
    "00-00-5E-00-01/40\tIETF-VRRP-VRID\n";

std::string resolve(const MacNames& names, std::array<std::uint8_t, 6> mac)
{
    return names.resolve(ByteSpan(mac));
}

TEST(OuiTable, ParsesPrefixesOfEveryLength)
{
    unsigned bits = 0;
    EXPECT_EQ(parseMacPrefix("00:1B:C5", bits), 0x001bc5000000u);
    EXPECT_EQ(bits, 24u);
    EXPECT_EQ(parseMacPrefix("00-1B-C5-00-10-00/36", bits), 0x001bc5001000u);
    EXPECT_EQ(bits, 36u);
    EXPECT_EQ(parseMacPrefix("741AE09", bits), 0x741ae0900000u);  // ieee-data MA-M
    EXPECT_EQ(bits, 28u);
    EXPECT_EQ(parseMacPrefix("0:1b:c5", bits), 0x001bc5000000u);
    EXPECT_FALSE(parseMacPrefix("zz:00", bits));
    EXPECT_FALSE(parseMacPrefix("00:00:00/49", bits));

    OuiTable table;
    EXPECT_EQ(table.addManufText(kManuf), 7u);  // the nonsense line is skipped
    table.finish();
    EXPECT_EQ(table.size(), 6u);  // the duplicate is dropped, the first definition kept
    const auto dell = table.find(0xd4ae52d37726u, 24);
    ASSERT_TRUE(dell);
    EXPECT_EQ(dell->shortName, "Dell");
    EXPECT_EQ(dell->longName, "Dell Inc.");
    const auto small = table.find(0x70b3d51f1234u, 28);
    ASSERT_TRUE(small);
    EXPECT_EQ(small->longName, "Small Company");  // comment and blanks gone
    EXPECT_FALSE(table.find(0x70b3d52f1234u, 28));
    EXPECT_LT(table.memoryBytes(), 1024u);
}

TEST(MacNames, FormatsAsWiresharkDoes)
{
    const TempFile manuf("manuf", kManuf);
    const TempFile wka("wka", kWka);
    const MacNames names(MacNameSources{{manuf.path()}, {wka.path()}, {}});
    EXPECT_EQ(resolve(names, {0xd4, 0xae, 0x52, 0xd3, 0x77, 0x26}), "Dell_d3:77:26");
    EXPECT_EQ(resolve(names, {0xff, 0xff, 0xff, 0xff, 0xff, 0xff}), "Broadcast");
    EXPECT_EQ(resolve(names, {0x01, 0x00, 0x5e, 0x7f, 0xff, 0xfa}), "IPv4mcast_7f:ff:fa");
    EXPECT_EQ(resolve(names, {0x01, 0x00, 0x5e, 0x00, 0x00, 0x07}), "IPv4mcast_07");
    EXPECT_EQ(resolve(names, {0x33, 0x33, 0x00, 0x01, 0x00, 0x02}), "IPv6mcast_01:00:02");
    EXPECT_EQ(resolve(names, {0x33, 0x33, 0x00, 0x00, 0x00, 0x00}), "IPv6-Neighbor-Discovery");
    EXPECT_EQ(resolve(names, {0x00, 0x00, 0x5e, 0x00, 0x01, 0x0a}), "IETF-VRRP-VRID_0a");
    // The longest vendor block wins: /36 before the /24 it sits in.
    EXPECT_EQ(resolve(names, {0x00, 0x1b, 0xc5, 0x00, 0x10, 0x42}), "Openrb_00:10:42");
    EXPECT_EQ(resolve(names, {0x00, 0x1b, 0xc5, 0x00, 0x20, 0x42}), "IeeeRegi_00:20:42");
    EXPECT_EQ(resolve(names, {0x70, 0xb3, 0xd5, 0x1f, 0x00, 0x01}), "SmallCo_1f:00:01");
    // Unknown vendors stay plain.
    EXPECT_EQ(resolve(names, {0x02, 0x42, 0xac, 0x11, 0x00, 0x02}), "02:42:ac:11:00:02");
    EXPECT_EQ(names.ouiName(ByteSpan(std::array<std::uint8_t, 6>{0xd4, 0xae, 0x52, 0, 0, 1})), "Dell Inc.");
    EXPECT_FALSE(names.ouiName(ByteSpan(std::array<std::uint8_t, 6>{0xff, 0xff, 0xff, 0xff, 0xff, 0xff})));
    EXPECT_EQ(names.vendorCount(), 6u);
    EXPECT_EQ(names.wellKnownCount(), 5u);
}

TEST(MacNames, FallsBackToIeeeDataWithShortNamesMadeAsMakeManuf)
{
    const TempFile oui("oui.csv",
                       "Registry,Assignment,Organization Name,Organization Address\n"
                       "MA-L,58EF68,Belkin International Inc.,12045 East Waterfront Drive Playa Vista CA US 90094\n"
                       "MA-L,54880E,Samsung Electro-Mechanics(Thailand),\"93 Moo 5T. Bangsamak, Thailand\"\n"
                       "MA-L,00000C,\"Cisco Systems, Inc\",\"80 West Tasman Drive San Jose CA US 94568\"\n"
                       "MA-L,0050C2,IEEE REGISTRATION AUTHORITY,\n");
    const TempFile mam("mam.csv", "Registry,Assignment,Organization Name,Organization Address\n"
                                  "MA-M,741AE09,\"Tiny \"\"Quoted\"\" Ltd\",\n");
    const MacNames names(MacNameSources{{"/nonexistent/manuf"}, {"/nonexistent/wka"}, {oui.path(), mam.path()}});
    EXPECT_EQ(resolve(names, {0x58, 0xef, 0x68, 0x10, 0x8f, 0x69}), "BelkinIn_10:8f:69");
    EXPECT_EQ(resolve(names, {0x54, 0x88, 0x0e, 0x70, 0xb5, 0xd1}), "SamsungE_70:b5:d1");
    EXPECT_EQ(resolve(names, {0x00, 0x00, 0x0c, 0x01, 0x02, 0x03}), "Cisco_01:02:03");
    EXPECT_EQ(resolve(names, {0x00, 0x50, 0xc2, 0x01, 0x02, 0x03}), "IeeeRegi_01:02:03");
    EXPECT_EQ(resolve(names, {0x74, 0x1a, 0xe0, 0x91, 0x02, 0x03}), "TinyQuot_91:02:03");
    EXPECT_EQ(names.ouiName(ByteSpan(std::array<std::uint8_t, 6>{0, 0, 0x0c, 0, 0, 0})), "Cisco Systems, Inc");
    // Without a wka file the common well-known addresses are still named.
    EXPECT_EQ(resolve(names, {0xff, 0xff, 0xff, 0xff, 0xff, 0xff}), "Broadcast");
    EXPECT_EQ(resolve(names, {0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb}), "IPv4mcast_fb");
}

TEST(MacNames, ShortVendorNames)
{
    EXPECT_EQ(shortVendorName("Dell Inc."), "Dell");
    EXPECT_EQ(shortVendorName("Belkin International Inc."), "BelkinIn");
    EXPECT_EQ(shortVendorName("Samsung Electro-Mechanics(Thailand)"), "SamsungE");
    EXPECT_EQ(shortVendorName("CISCO SYSTEMS, INC."), "Cisco");
    EXPECT_EQ(shortVendorName("Apple, Inc."), "Apple");
    EXPECT_EQ(shortVendorName("The Company"), "TheCompa");  // only business words: kept whole
}

TEST(MacNames, MissingFilesMeanPlainAddressesNotErrors)
{
    const MacNames names(MacNameSources{{"/nonexistent/manuf"}, {}, {"/nonexistent/oui.csv"}});
    EXPECT_EQ(resolve(names, {0xd4, 0xae, 0x52, 0xd3, 0x77, 0x26}), "d4:ae:52:d3:77:26");
    EXPECT_EQ(names.vendorCount(), 0u);
}

}  // namespace
}  // namespace rcvmon::names

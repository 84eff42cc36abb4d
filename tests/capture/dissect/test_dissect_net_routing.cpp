// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 10, network side: DVMRP and PIMv1 inside IGMP, Auto-RP, radiotap and LWAPP carrying 802.11,
// RDPUDP's two versions, IS-IS behind OSI (LLC and Cisco HDLC), and the IPv4/IPv6/UDP notes
// for impossible lengths and versions. Every frame below was written to a pcap and read by
// tshark; the Protocol, Info, frame.protocols, field and filter results are what it printed.
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "filter/display_filter.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

constexpr std::uint32_t kRadiotap = 127;

const char* const kDvmrpPrune = "66778899aabb00112233445508004500002c1234000001020185c6120001e00000041307d8cf0000ff030a000001ef01"
                                "010100001c20ffffff00";
const char* const kPimv1RpReachable = "66778899aabb00112233445508004500002c1234000001020187c6120001e000000214046df410000000ef7b7b7bffff"
                                      "ffff010101010000010e";
// Radiotap (Flags: FCS at end, 1 Mb/s, 2437 MHz CCK, -60 dBm) and a beacon for "home".
const char* const kRadiotapBeacon = "000010002e00000010028509a000c40080000000ffffffffffff020000000001020000000001a002d204000000000000"
                                    "640001040004686f6d65c172c030";
const char* const kLwappControl = "66778899aabb00112233445508004500002a123400004011dc67c6120001c61200022fbf4e890016000004c000080000"
                                  "0c960004deadbeef";
const char* const kRdpudpSyn = "66778899aabb001122334455080045000070123400004011dc21c6120001c6120002c3500d3d005c0000ffffffff0040"
                               "18010547d72b04d004d0000102030405060708090a0b0c0d0e0f00000000000000000000000000000000000101010000"
                               "000000000000000000000000000000000000000000000000000000000000";
const char* const kRdpudpSynAck = "66778899aabb001122334455080045000050123400004011dc41c6120002c61200010d3dc350003c00000547d72b0040"
                                  "10051111111104d004d0000101010000000000000000000000000000000000000000000000000000000000000000";
const char* const kRdpudpV2Dummy = "66778899aabb001122334455080045000026123400004011dc6bc6120001c6120002c3500d3d00120000aa1400640065"
                                   "0010bbcc";
const char* const kIsisLspBadChecksum = "0180c20000150011223344550022fefe03831b010014010000001f04af44444444444400000000000a1234038102cc8e";
const char* const kIsisP2pHelloChdlc = "8f00fefe00831401001101000003111111111111001e0018008101cc00000000";
const char* const kIpTotalBelowHeader = "66778899aabb0011223344550800460000160001000040110000c6120001c61200020000000000000000000000000000";
const char* const kUdpLengthZero = "66778899aabb001122334455080045000020123400004011dc71c6120001c6120002746c17c10000000061626364";
const char* const kIpv6Short = "60000000000011400000000000000000000000000000000000000000000001";
// Auto-RP mapping: one RP (10.0.0.1, PIMv2) for 224.0.0.0/4.
const char* const kAutoRpMapping = "66778899aabb001122334455080045000030123400004011c14dc6120001e000012801f001f0001c0000120100b500"
                                   "0000000a00000102010004e0000000";
const char* const kIpv4OnIpv6Link = "4500001d123400004011dc74c6120001c6120002000100020009000078";

struct Frame {
    const char* hex;
    std::uint32_t linkType = link_type::Ethernet;
};

// A dissector fed frames in order, keeping each frame's columns.
class NetRoutingTest : public ::testing::Test {
protected:
    void feed(const Frame& f)
    {
        m_frames.push_back(f);
        m_bytes.push_back(fromHex(f.hex));
        m_dissector.dissect(frameOf(m_bytes.back(), f.linkType), ++m_frame, m_out);
        m_protocols.push_back(m_out.summary().protocol);
        m_infos.push_back(m_out.summary().info);
        m_stacks.push_back(text("frame.protocols"));
    }
    std::string text(std::string_view name) const
    {
        const auto id = findField(name);
        EXPECT_TRUE(id.has_value()) << name;
        return id ? m_out.fieldText(*id) : std::string();
    }
    // The frame numbers a display filter passes, dissecting the frames afresh in order.
    std::vector<std::uint64_t> passing(std::string_view filterText)
    {
        FilterError error;
        const auto filter = DisplayFilter::compile(filterText, error);
        EXPECT_TRUE(filter.has_value()) << filterText;
        std::vector<std::uint64_t> out;
        if (!filter) return out;
        Dissector dissector;
        Dissection d;
        for (std::size_t i = 0; i < m_bytes.size(); ++i) {
            dissector.dissect(frameOf(m_bytes[i], m_frames[i].linkType), i + 1, d);
            if (filter->matches(d, m_bytes[i])) out.push_back(i + 1);
        }
        return out;
    }

    Dissector m_dissector;
    Dissection m_out;
    std::vector<Frame> m_frames;
    std::vector<Bytes> m_bytes;
    std::vector<std::string> m_protocols, m_infos, m_stacks;
    std::uint64_t m_frame = 0;
};

using Frames = std::vector<std::uint64_t>;

TEST_F(NetRoutingTest, DvmrpAndPimv1RideInIgmpWithoutAnIgmpItem)
{
    feed({kDvmrpPrune});
    EXPECT_EQ(m_protocols.back(), "DVMRP");
    EXPECT_EQ(m_infos.back(), "V3 Prune");
    EXPECT_EQ(m_stacks.back(), "eth:ethertype:ip:igmp:dvmrp");
    EXPECT_EQ(text("dvmrp.maddr"), "239.1.1.1");
    EXPECT_EQ(text("dvmrp.lifetime"), "7200");
    EXPECT_EQ(text("dvmrp.netmask"), "255.255.255.0");

    feed({kPimv1RpReachable});
    EXPECT_EQ(m_protocols.back(), "PIMv1");
    EXPECT_EQ(m_infos.back(), "RP-Reachable");
    EXPECT_EQ(m_stacks.back(), "eth:ethertype:ip:igmp:pim");
    EXPECT_EQ(text("pim.rp"), "1.1.1.1");
    EXPECT_EQ(text("pim.holdtime"), "270");

    EXPECT_EQ(passing("dvmrp.v3.code == 7"), (Frames{1}));
    EXPECT_EQ(passing("pim.code == 4"), (Frames{2}));
    // IGMP added no tree item for either, so its filter finds neither.
    EXPECT_EQ(passing("igmp"), (Frames{}));
}

TEST_F(NetRoutingTest, RadiotapBeaconWithFcs)
{
    feed({kRadiotapBeacon, kRadiotap});
    EXPECT_EQ(m_protocols.back(), "802.11");
    EXPECT_EQ(m_infos.back(), "Beacon frame, SN=42, FN=0, Flags=........C, BI=100, SSID=\"home\"");
    EXPECT_EQ(m_stacks.back(), "radiotap:wlan_radio:wlan");
    EXPECT_EQ(text("radiotap.dbm_antsignal"), "-60");
    EXPECT_EQ(text("radiotap.channel.freq"), "2437");
    EXPECT_EQ(text("radiotap.flags.fcs"), "1");
    EXPECT_EQ(text("wlan_radio.channel"), "6");
    EXPECT_EQ(text("wlan_radio.phy"), "4");
    EXPECT_EQ(text("wlan.fcs"), "0x30c072c1");
    EXPECT_EQ(passing("wlan_radio.channel == 6 && radiotap.dbm_antsignal < -50"), (Frames{1}));
}

TEST_F(NetRoutingTest, LwappControlMessage)
{
    feed({kLwappControl});
    EXPECT_EQ(m_protocols.back(), "LWAPP");
    EXPECT_EQ(m_infos.back(), "CNTL CONFIGURE_COMMAND");
    EXPECT_EQ(m_stacks.back(), "eth:ethertype:ip:udp:lwapp:data");
    EXPECT_EQ(text("lwapp.control.type"), "12");
    EXPECT_EQ(text("lwapp.flags.type"), "1");
}

TEST_F(NetRoutingTest, RdpudpSwitchesToVersion2AfterTheSynAck)
{
    feed({kRdpudpSyn});
    feed({kRdpudpSynAck});
    feed({kRdpudpV2Dummy});
    EXPECT_EQ(m_protocols, (std::vector<std::string>{"RDPUDP", "RDPUDP", "RDPUDP2"}));
    EXPECT_EQ(m_infos, (std::vector<std::string>{"SYN,CORRELATIONID,SYNEX", "SYN,SYNEX", "AOA,DUMMY"}));
    EXPECT_EQ(m_stacks[2], "eth:ethertype:ip:udp:rdpudp");
    EXPECT_EQ(passing("rdpudp.synex.version == 0x0101"), (Frames{1, 2}));
}

TEST_F(NetRoutingTest, AutoRpMapping)
{
    feed({kAutoRpMapping});
    EXPECT_EQ(m_protocols.back(), "Auto-RP");
    EXPECT_EQ(m_infos.back(), "RP mapping (v1 or 1+) for 1 RP");
    EXPECT_EQ(m_stacks.back(), "eth:ethertype:ip:udp:auto_rp");
    EXPECT_EQ(text("auto_rp.rp_addr"), "10.0.0.1");
    EXPECT_EQ(text("auto_rp.group_prefix"), "224.0.0.0");
    EXPECT_EQ(text("auto_rp.mask_len"), "4");
    EXPECT_EQ(passing("auto_rp.type == 2"), (Frames{1}));
}

TEST_F(NetRoutingTest, IsisBehindLlcAndCiscoHdlc)
{
    feed({kIsisLspBadChecksum});
    EXPECT_EQ(m_protocols.back(), "ISIS LSP");
    EXPECT_EQ(m_infos.back(),
              "L2 LSP, LSP-ID: 4444.4444.4444.00-00, Sequence: 0x0000000a, Lifetime:  1199s [ISIS CHECKSUM INCORRECT]");
    EXPECT_EQ(m_stacks.back(), "eth:llc:osi:isis:isis.lsp");
    EXPECT_EQ(text("isis.lsp.sequence_number"), "0x0000000a");
    EXPECT_EQ(text("isis.lsp.lsp_id"), "4444.4444.4444.00-00");

    feed({kIsisP2pHelloChdlc, link_type::CiscoHdlc});
    EXPECT_EQ(m_protocols.back(), "ISIS HELLO");
    EXPECT_EQ(m_infos.back(), "P2P HELLO, System-ID: 1111.1111.1111");
    EXPECT_EQ(m_stacks.back(), "chdlc:osi:isis:isis.hello");
    EXPECT_EQ(passing("isis.type == 17"), (Frames{2}));
}

TEST_F(NetRoutingTest, ImpossibleLengthsAndVersionsAreNamed)
{
    feed({kIpTotalBelowHeader});
    EXPECT_EQ(m_infos.back(), "Bogus IP length (22, less than header length 24)");
    feed({kUdpLengthZero});
    EXPECT_EQ(m_infos.back(), "29804 \xe2\x86\x92 6081 [BAD UDP LENGTH 0 < 8]");
    feed({kIpv6Short, link_type::Ipv6});
    EXPECT_EQ(m_infos.back(), "Invalid IPv6 header (31 bytes, need exactly 40)[Malformed Packet]");
    // LINKTYPE_IPV6 means IPv6 whatever the version nibble says.
    feed({kIpv4OnIpv6Link, link_type::Ipv6});
    EXPECT_EQ(m_protocols.back(), "IPv6");
    EXPECT_EQ(m_infos.back(), "Bogus IPv6 version (4, must be 6)");
    EXPECT_EQ(m_stacks.back(), "");
}

}  // namespace
}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// The long tail of protocols tshark names where RcvMon once showed bare UDP, IP or GRE:
// RADIUS, DCCP, sFlow, MIPv6, NHRP, MPLS LSP Ping, LDP, BROWSER, DTLS, L2TP, NDP, PTP,
// NetFlow, SLP, RSVP, M3UA and TFTP transfers. Hand-built packets; every Protocol, Info and
// filter result below was checked against tshark 4.0.17 reading the same bytes.
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

Bytes fromHex(std::string_view hex)
{
    Bytes out;
    const auto nibble = [](char c) { return static_cast<unsigned>(c <= '9' ? c - '0' : c - 'a' + 10); };
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        if (hex[i] == ' ') {
            --i;
            continue;
        }
        put8(out, nibble(hex[i]) << 4 | nibble(hex[i + 1]));
    }
    return out;
}

Bytes bytesOf(std::string_view text) { return Bytes(text.begin(), text.end()); }

Bytes u48(std::uint64_t v)
{
    Bytes b;
    for (int shift = 40; shift >= 0; shift -= 8) put8(b, static_cast<unsigned>(v >> shift));
    return b;
}

// A dissector fed frames in order, keeping each frame's columns and the frames a filter passes.
class TailTest : public ::testing::Test {
protected:
    void feed(const Bytes& frame, std::int64_t second = 0)
    {
        m_frames.push_back(frame);
        FrameRef ref = frameOf(m_frames.back());
        ref.ts.sec += second;
        m_dissector.dissect(ref, ++m_frame, m_out);
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
        for (std::size_t i = 0; i < m_frames.size(); ++i) {
            dissector.dissect(frameOf(m_frames[i]), i + 1, d);
            if (filter->matches(d, m_frames[i])) out.push_back(i + 1);
        }
        return out;
    }

    Dissector m_dissector;
    Dissection m_out;
    std::vector<Bytes> m_frames;
    std::vector<std::string> m_protocols, m_infos, m_stacks;
    std::uint64_t m_frame = 0;
};

using Frames = std::vector<std::uint64_t>;

Bytes radius(std::uint8_t code, const Bytes& attributes)
{
    Bytes b{code, 7};
    put16(b, static_cast<unsigned>(20 + attributes.size()));
    for (unsigned i = 0; i < 16; ++i) put8(b, i);
    append(b, attributes);
    return b;
}

TEST_F(TailTest, RadiusMatchesResponsesAndSpotsDuplicates)
{
    // User-Name "alice" and an EAP-Message holding EAP Response/Identity "bob".
    const Bytes request = radius(1, cat({fromHex("0107"), bytesOf("alice"), fromHex("4f0a 0207000801"), bytesOf("bob")}));
    feed(ethernet(0x0800, ipv4(17, udp(40000, 1812, request))));
    feed(ethernet(0x0800, ipv4(17, udp(1812, 40000, radius(2, {})), kIpB, kIpA)), 1);
    EXPECT_EQ(text("radius.reqframe"), "1");
    EXPECT_EQ(text("radius.time"), "1.000000000");
    feed(ethernet(0x0800, ipv4(17, udp(40000, 1812, request))), 2);
    EXPECT_EQ(text("radius.req.dup"), "1");

    EXPECT_EQ(m_protocols, (std::vector<std::string>{"RADIUS", "RADIUS", "RADIUS"}));
    EXPECT_EQ(m_infos[0], "Access-Request id=7");
    EXPECT_EQ(m_infos[1], "Access-Accept id=7");
    EXPECT_EQ(m_infos[2], "Access-Request id=7, Duplicate Request");
    EXPECT_EQ(m_stacks[0], "eth:ethertype:ip:udp:radius:eap");
    EXPECT_EQ(m_stacks[1], "eth:ethertype:ip:udp:radius");
    EXPECT_EQ(passing("radius.code == 1"), (Frames{1, 3}));
}

Bytes dccp(std::uint16_t sport, std::uint16_t dport, unsigned type, std::uint64_t seq, const Bytes& rest)
{
    Bytes b;
    put16(b, sport);
    put16(b, dport);
    put8(b, static_cast<unsigned>((16 + rest.size()) / 4));
    put8(b, 0);
    put16(b, 0);
    put8(b, type << 1 | 1);
    put8(b, 0);
    append(b, u48(seq));
    append(b, rest);
    return b;
}

TEST_F(TailTest, DccpNumbersRelativeToEachDirectionsFirstPacket)
{
    feed(ethernet(0x0800, ipv4(33, dccp(39420, 5001, 0, 1000, fromHex("00000000")))));
    feed(ethernet(0x0800, ipv4(33, dccp(5001, 39420, 1, 5000, cat({fromHex("0000"), u48(1000), fromHex("00000000")})),
                               kIpB, kIpA)));
    feed(ethernet(0x0800, ipv4(33, dccp(39420, 5001, 3, 1001, cat({fromHex("0000"), u48(5000)})))));
    feed(ethernet(0x0800, ipv4(33, dccp(5001, 39420, 7, 5001, cat({fromHex("0000"), u48(1001), fromHex("01000000")})),
                               kIpB, kIpA)));
    EXPECT_EQ(m_protocols[0], "DCCP");
    EXPECT_EQ(m_infos[0], "39420 \xe2\x86\x92 5001 [Request] Seq=1000 (service=not specified)");
    EXPECT_EQ(m_infos[1], "5001 \xe2\x86\x92 39420 [Response] Seq=5000 (Ack=0) (service=not specified)");
    EXPECT_EQ(m_infos[2], "39420 \xe2\x86\x92 5001 [Ack] Seq=1 (Ack=0)");
    EXPECT_EQ(m_infos[3], "5001 \xe2\x86\x92 39420 [Reset] Seq=1 (Ack=1) (code=Closed)");
    EXPECT_EQ(text("dccp.stream"), "0");
    EXPECT_EQ(text("dccp.seq_raw"), "5001");
    EXPECT_EQ(m_stacks[3], "eth:ethertype:ip:dccp");
    EXPECT_EQ(passing("dccp.ack == 1"), (Frames{4}));
    EXPECT_EQ(passing("dccp.stream == 0 && dccp.seq_raw > 1000"), (Frames{2, 3, 4}));
}

TEST_F(TailTest, SflowMipv6NhrpMplsEchoAndLdpHeaders)
{
    feed(ethernet(0x0800, ipv4(17, udp(40000, 6343,
                                       fromHex("00000005 00000001 0a000001 00000003 0000002a 00001000 00000001 "
                                               "00001001 00000004 01020304")))));
    feed(ethernet(0x86dd, ipv6(135, fromHex("3b010500 00000074 8000000a 01020000"))));
    Bytes nhrp = cat({fromHex("0001 0800 0000000000 ff 0000 0000 0000 01 04 04 00 04 04 8000 00000015"), Bytes(kIpA.begin(), kIpA.end()),
                      Bytes(kIpA.begin(), kIpA.end()), Bytes(kIpB.begin(), kIpB.end()),
                      fromHex("00 20 0000 05dc 1c20 00 00 00 00")});
    nhrp[11] = static_cast<std::uint8_t>(nhrp.size());
    feed(ethernet(0x0800, ipv4(47, gre(0x2001, nhrp))));
    feed(ethernet(0x0800, ipv4(17, udp(40000, 3503, cat({fromHex("0001 0000 01 02 00 00 00000001 00000001"), Bytes(16)})))));
    feed(ethernet(0x0800, ipv4(17, udp(646, 646, fromHex("0001 0016 c6120001 0000 0100 0012 00000000 0400 0004 000f0000 "
                                                         "0401 0004 c6120001")))));

    EXPECT_EQ(m_protocols, (std::vector<std::string>{"sFlow", "MIPv6", "NHRP", "MPLS ECHO", "LDP"}));
    EXPECT_EQ(m_infos[0], "V5, agent 10.0.0.1, sub-agent ID 3, seq 42, 1 samples");
    EXPECT_EQ(m_infos[1], "Binding Update");
    EXPECT_EQ(m_infos[2], "NHRP Registration Reply, ID=21, Code=Success");
    EXPECT_EQ(m_infos[3], "MPLS Echo Request");
    EXPECT_EQ(m_infos[4], "Hello Message ");
    EXPECT_EQ(m_stacks[1], "eth:ethertype:ipv6:mipv6");
    EXPECT_EQ(m_stacks[2], "eth:ethertype:ip:gre:nhrp");
    EXPECT_EQ(m_stacks[3], "eth:ethertype:ip:udp:mpls-echo");
    EXPECT_EQ(passing("sflow_245.agent == 10.0.0.1"), (Frames{1}));
    EXPECT_EQ(passing("mip6.mhtype == 5"), (Frames{2}));
    EXPECT_EQ(passing("nhrp.reqid == 21"), (Frames{3}));
    EXPECT_EQ(passing("mpls_echo.msg_type == 1"), (Frames{4}));
    EXPECT_EQ(passing("ldp.msg.type == 0x100"), (Frames{5}));
}

TEST_F(TailTest, BrowserAnnouncementsNameTheServerAndItsTypes)
{
    const Bytes announcement = cat({fromHex("01 00 60ea0000"), bytesOf("PC1"), Bytes(13), fromHex("0601 03100100 0f01 55aa"),
                                    bytesOf("hi"), Bytes(1)});
    feed(ethernet(0x0800, ipv4(17, udp(138, 138, nbdgmMailslot("\\MAILSLOT\\BROWSE", announcement)))));
    EXPECT_EQ(text("browser.server"), "PC1");
    EXPECT_EQ(text("browser.server_type"), "0x00011003");
    feed(ethernet(0x0800, ipv4(17, udp(138, 138, nbdgmMailslot("\\MAILSLOT\\BROWSE", cat({fromHex("0200"), bytesOf("PC2"), Bytes(1)}))))));
    EXPECT_EQ(m_protocols[0], "BROWSER");
    EXPECT_EQ(m_infos[0], "Host Announcement PC1, Workstation, Server, NT Workstation, Potential Browser");
    EXPECT_EQ(m_infos[1], "Request Announcement PC2");
    EXPECT_EQ(m_stacks[1], "eth:ethertype:ip:udp:nbdgm:smb:browser");
}

Bytes dtlsRecord(std::uint8_t type, std::uint16_t version, std::uint16_t epoch, std::uint64_t seq, const Bytes& body)
{
    Bytes b{type};
    put16(b, version);
    put16(b, epoch);
    append(b, u48(seq));
    put16(b, static_cast<unsigned>(body.size()));
    append(b, body);
    return b;
}

Bytes dtlsHandshake(std::uint8_t type, std::uint32_t length, std::uint32_t offset, const Bytes& fragment)
{
    Bytes b{type};
    put8(b, length >> 16);
    put16(b, length & 0xffff);
    put16(b, 0);
    put8(b, offset >> 16);
    put16(b, offset & 0xffff);
    put8(b, static_cast<unsigned>(fragment.size() >> 16));
    put16(b, static_cast<unsigned>(fragment.size() & 0xffff));
    append(b, fragment);
    return b;
}

TEST_F(TailTest, DtlsReassemblesFragmentsAndLearnsTheVersion)
{
    const Bytes hello = cat({fromHex("feff"), Bytes(32), fromHex("0000 0002c02b 0100")});
    const Bytes first(hello.begin(), hello.begin() + 20), second(hello.begin() + 20, hello.end());
    const auto size = static_cast<std::uint32_t>(hello.size());
    feed(ethernet(0x0800, ipv4(17, udp(50000, 4433, dtlsRecord(22, 0xfeff, 0, 0, dtlsHandshake(1, size, 0, first))))));
    feed(ethernet(0x0800, ipv4(17, udp(50000, 4433, dtlsRecord(22, 0xfeff, 0, 1, dtlsHandshake(1, size, 20, second))))));
    const Bytes serverHello = cat({fromHex("fefd"), Bytes(32), fromHex("00c02b00")});
    feed(ethernet(0x0800, ipv4(17, udp(4433, 50000,
                                       cat({dtlsRecord(22, 0xfefd, 0, 0, dtlsHandshake(2, 38, 0, serverHello)),
                                            dtlsRecord(20, 0xfefd, 0, 1, fromHex("01")),
                                            dtlsRecord(22, 0xfefd, 1, 0, Bytes(24))})),
                               kIpB, kIpA)));
    EXPECT_EQ(m_protocols, (std::vector<std::string>{"DTLS", "DTLS", "DTLSv1.2"}));
    EXPECT_EQ(m_infos[0], "Client Hello (Fragment)");
    EXPECT_EQ(m_infos[1], "Client Hello (Reassembled)");
    // The zero bytes of epoch 1 read as two Hello Requests, as tshark reads them.
    EXPECT_EQ(m_infos[2], "Server Hello, Change Cipher Spec, Hello Request, Hello Request");
    EXPECT_EQ(m_stacks[2], "eth:ethertype:ip:udp:dtls");
    EXPECT_EQ(passing("dtls.reassembled.length"), (Frames{2}));
    EXPECT_EQ(passing("dtls.record.version == 0xfefd"), (Frames{3}));
}


// Whole Ethernet frames (the builders' addresses): L2TP SCCRQ, ZLB and a PPP LCP data
// message; an NDP segment hello to 01:00:81:00:01:00; a PTP Sync; NetFlow v5 and v9 (two
// templates, then data); an SLPv2 Service Request; an RSVP PATH of an LSP tunnel; an SCTP
// packet with a SACK and an M3UA ASPUP.
constexpr std::string_view kMoreFrames[] = {
    "66778899aabb0011223344550800450000411234400040110000c6120001c612000206a506a5002d0000c80200250000"
    "000000000000800800000000000180080000000201008009000000076c6163",
    "66778899aabb0011223344550800450000281234400040110000c6120001c612000206a506a500140000c802000c0005"
    "000000010001",
    "66778899aabb00112233445508004500002e1234400040110000c6120001c612000206a506a5001a0000000200050007"
    "ff03c0210101000801040578",
    "0100810001000011223344550013aaaa0300008101a2c6120001000115830c0200",
    "66778899aabb0011223344550800450000481234400040110000c6120001c6120002013f013f003400000002002c0000"
    "0000000000000000000000000000001122334455667700010005007f00000000000000000000",
    "66778899aabb0011223344550800450000941234400040110000c6120001c61200029c40080700800000000500020000"
    "10005f000000000000000000001000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000",
    "66778899aabb00112233445508004500004c1234400040110000c6120001c61200029c40080700380000000900020000"
    "10005f000000000000070000000800000014010000010008000401010001000c0004010000080a000001",
    "66778899aabb0011223344550800450000441234400040110000c6120001c6120002c0da01ab00300000020100002800"
    "000000005bdc0002656e0000000773657276696365000744454641554c5400000000",
    "66778899aabb00112233445508004500004412344000402e0000c6120001c6120002100100004000003000100107c612"
    "000200000004c6120001000c0301c612000100000000000c0b07c612000100000001",
    "66778899aabb0011223344550800450000481234400040840000c6120001c61200020b590b5900000001000000000300"
    "001000000005000003e800000000000300180000000900000000000000030100030100000008",
};

TEST_F(TailTest, L2tpNdpPtpCflowSrvlocRsvpAndM3ua)
{
    for (const std::string_view frame : kMoreFrames) feed(fromHex(frame));
    const std::vector<std::string> protocols{"L2TP",   "L2TP",  "PPP LCP", "NDP",  "PTPv2",
                                             "CFLOW",  "CFLOW", "SRVLOC",  "RSVP", "M3UA (RFC 4666)"};
    EXPECT_EQ(m_protocols, protocols);
    EXPECT_EQ(m_infos[0], "Control Message - SCCRQ (tunnel id=0, session id=0)");
    EXPECT_EQ(m_infos[1], "Control Message - ZLB      (tunnel id=5, session id=0)");
    EXPECT_EQ(m_infos[2], "Configuration Request");
    EXPECT_EQ(m_infos[3], "Segment Hello");
    EXPECT_EQ(m_infos[4], "Sync Message");
    EXPECT_EQ(m_infos[5], "total: 2 (v5) flows");
    EXPECT_EQ(m_infos[6], "total: 2 (v9) records Obs-Domain-ID=    8 [Data-Template:256,257] [Data:256]");
    EXPECT_EQ(m_infos[7], "Service Request, V2 XID - 23516");
    EXPECT_EQ(m_infos[8], "PATH Message. SESSION: IPv4-LSP, Destination 198.18.0.2, Short Call ID 0, Tunnel ID 4, "
                          "Ext ID c6120001. SENDER TEMPLATE: IPv4-LSP, Tunnel Source: 198.18.0.1, Short Call ID: 0, "
                          "LSP ID: 1. ");
    EXPECT_EQ(m_infos[9], "SACK (Ack=5, Arwnd=1000) ASPUP ");
    EXPECT_EQ(m_stacks[2], "eth:ethertype:ip:udp:l2tp:ppp:lcp");
    EXPECT_EQ(m_stacks[3], "eth:llc:ndp");
    EXPECT_EQ(m_stacks[9], "eth:ethertype:ip:sctp:m3ua");
    EXPECT_EQ(passing("l2tp.avp.message_type == 1"), (Frames{1}));
    EXPECT_EQ(passing("l2tp.tunnel == 5"), (Frames{2, 3}));
    EXPECT_EQ(passing("ndp.segmentident == 0x115"), (Frames{4}));
    EXPECT_EQ(passing("ptp.v2.sequenceid == 5"), (Frames{5}));
    EXPECT_EQ(passing("cflow.version == 5"), (Frames{6}));
    EXPECT_EQ(passing("cflow.template_id == 257"), (Frames{7}));
    EXPECT_EQ(passing("srvloc.xid == 23516"), (Frames{8}));
    EXPECT_EQ(passing("rsvp.sender.lsp_id == 1"), (Frames{9}));
}

TEST_F(TailTest, TftpFollowsTheTransferARequestOpened)
{
    const auto tftp = [](std::string_view hex, std::size_t zeros = 0) { return cat({fromHex(hex), Bytes(zeros)}); };
    feed(ethernet(0x0800, ipv4(17, udp(40000, 69, cat({fromHex("0001"), bytesOf("boot.img"), Bytes(1), bytesOf("octet"),
                                                       Bytes(1), bytesOf("blksize"), Bytes(1), bytesOf("1024"), Bytes(1)})))));
    feed(ethernet(0x0800, ipv4(17, udp(50001, 40000, cat({fromHex("0006"), bytesOf("blksize"), Bytes(1), bytesOf("1024"),
                                                          Bytes(1)})),
                               kIpB, kIpA)));
    feed(ethernet(0x0800, ipv4(17, udp(50001, 40000, tftp("00030001", 1024)), kIpB, kIpA)));
    feed(ethernet(0x0800, ipv4(17, udp(40000, 50001, tftp("00040001")))));
    feed(ethernet(0x0800, ipv4(17, udp(50001, 40000, tftp("00030002", 600)), kIpB, kIpA)));
    feed(ethernet(0x0800, ipv4(17, udp(40001, 50001, tftp("00040001")))));  // another client port
    EXPECT_EQ(m_infos[0], "Read Request, File: boot.img, Transfer type: octet, blksize=1024");
    EXPECT_EQ(m_infos[1], "Option Acknowledgement, blksize=1024");
    EXPECT_EQ(m_infos[2], "Data Packet, Block: 1");  // a full block of the negotiated 1024
    EXPECT_EQ(m_infos[3], "Acknowledgement, Block: 1");
    EXPECT_EQ(m_infos[4], "Data Packet, Block: 2 (last)");
    EXPECT_EQ(m_protocols[5], "UDP");
    EXPECT_EQ(m_stacks[4], "eth:ethertype:ip:udp:tftp:data");
}

TEST_F(TailTest, SflowDissectsTheSampledPacketHeaderWithoutTouchingTheColumns)
{
    // A flow sample whose raw packet header record holds Ethernet, IPv4 and UDP to port 53.
    const Bytes sampled = ethernet(0x0800, ipv4(17, udp(1234, 53, {}), Ip4{10, 9, 9, 9}, Ip4{10, 8, 8, 8}));
    Bytes record = fromHex("00000001 00000040 00000004");
    put32(record, static_cast<std::uint32_t>(sampled.size()));
    append(record, sampled);
    record.resize((record.size() + 3) & ~std::size_t{3});
    Bytes sample = fromHex("00000007 00000003 00000100 000003e8 00000000 00000001 00000002 00000001 00000001");
    put32(sample, static_cast<std::uint32_t>(record.size()));
    append(sample, record);
    Bytes datagram = fromHex("00000005 00000001 0a000001 00000000 00000010 00001000 00000001 00000001");
    put32(datagram, static_cast<std::uint32_t>(sample.size()));
    append(datagram, sample);
    feed(ethernet(0x0800, ipv4(17, udp(40000, 6343, datagram))));
    EXPECT_EQ(m_stacks[0], "eth:ethertype:ip:udp:sflow:eth:ethertype:ip:udp");
    EXPECT_EQ(m_infos[0], "V5, agent 10.0.0.1, sub-agent ID 0, seq 16, 1 samples");
    EXPECT_EQ(text("udp.dstport"), "6343,53");
    EXPECT_EQ(text("ip.src"), "198.18.0.1,10.9.9.9");
    EXPECT_EQ(m_out.summary().source, "198.18.0.1");
    EXPECT_EQ(m_out.summary().destination, "198.18.0.2");
}

}  // namespace
}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// frame.protocols, Protocol and Info as tshark 4.0 prints them for the same hand-built bytes
// (each expectation was read from tshark over a pcap of these frames): IGMP's dispatcher names
// igmp twice, each MPTCP option is a protocol of the frame, SCTP DATA payloads are data, a
// keep-alive's byte is data no subdissector sees, bytes after an HTTP message are a
// Continuation (or wait for TCP when they hold no whole line), a JSON body's Info, a DNS
// message after its 2-byte length in an earlier segment, and a TLS record that starts in a
// segment keeps its (empty) item and clears Info.
#include "dissect/dissector.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <string>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

Bytes text(std::string_view s) { return Bytes(s.begin(), s.end()); }

class FrameProtocolsTest : public ::testing::Test {
protected:
    // `captured`: how much of the frame the capture kept (a snaplen cut).
    void dissect(const Bytes& frame, std::size_t captured = SIZE_MAX)
    {
        m_frames.push_back(frame);
        m_dissector.dissect(frameOf(m_frames.back(), link_type::Ethernet, captured), m_frames.size(), m_out);
    }
    std::string protocols() const { return m_out.fieldText(field::FrameProtocols); }
    std::string column() const { return m_out.fieldText(field::ColProtocol); }
    std::string info() const { return m_out.fieldText(field::ColInfo); }
    int inTree(std::string_view filter) const
    {
        int n = 0;
        for (const LayerRecord& l : m_out.layers()) n += l.filterName == filter && l.inTree;
        return n;
    }

    Dissector m_dissector;
    Dissection m_out;
    std::vector<Bytes> m_frames;
};

TEST_F(FrameProtocolsTest, IgmpTypesFromItsTableNameIgmpTwice)
{
    dissect(ethernet(0x0800, ipv4(2, Bytes{0x16, 0, 0, 0, 224, 0, 0, 251})));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:igmp:igmp");
    EXPECT_EQ(column(), "IGMPv2");
    EXPECT_EQ(info(), "Membership Report group 224.0.0.251");
    EXPECT_EQ(inTree("igmp"), 1);  // one tree item: `-Y igmp` and the hierarchy count it once

    // A type outside packet-igmp.c's table is dissected in place.
    dissect(ethernet(0x0800, ipv4(2, Bytes{0x99, 0, 0, 0, 224, 0, 0, 251})));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:igmp");
    EXPECT_EQ(info(), "Unknown Type:0x99");
}

TEST_F(FrameProtocolsTest, MptcpOptionIsAProtocolOfTheFrame)
{
    dissect(ethernet(0x0800, ipv4(6, tcp(40000, 80, 1000, 0, 0x002, {}, Bytes{30, 4, 0x01, 0x01}))));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:mptcp");
    EXPECT_EQ(column(), "MPTCP");
    EXPECT_EQ(info(), "40000 → 80 [SYN] Seq=0 Win=5840 Len=0");
    EXPECT_EQ(inTree("mptcp"), 1);
    const auto& layers = m_out.layers();
    EXPECT_TRUE(layers.back().nested);  // inside TCP's options, not a top-level item
}

Bytes sctpData(std::uint32_t tsn, std::string_view payload)
{
    Bytes b;
    put8(b, 0);
    put8(b, 3);
    put16(b, static_cast<unsigned>(16 + payload.size()));
    put32(b, tsn);
    put16(b, 0);
    put16(b, 0);
    put32(b, 0);  // PPID 0: no subdissector
    append(b, text(payload));
    while (b.size() % 4) put8(b, 0);
    return b;
}

TEST_F(FrameProtocolsTest, EachSctpDataChunkPayloadIsData)
{
    Bytes sctp;
    put16(sctp, 5000);
    put16(sctp, 5001);
    put32(sctp, 1);
    put32(sctp, 0);
    append(sctp, sctpData(1, "abcd"));
    append(sctp, sctpData(2, "efgh"));
    dissect(ethernet(0x0800, ipv4(132, sctp)));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:sctp:data:data");
    EXPECT_EQ(column(), "SCTP");
    EXPECT_EQ(info(), "DATA (TSN=0) DATA (TSN=1) ");
}

TEST_F(FrameProtocolsTest, KeepAliveByteIsDataNoSubdissectorSees)
{
    dissect(ethernet(0x0800, ipv4(6, tcp(40001, 445, 1000, 1, 0x018, text("0123456789")))));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:nbss");
    dissect(ethernet(0x0800, ipv4(6, tcp(40001, 445, 1009, 1, 0x010, Bytes{0}))));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:data");  // not NBSS, and listed
    EXPECT_EQ(column(), "TCP");
    EXPECT_EQ(info(), "[TCP Keep-Alive] 40001 → 445 [ACK] Seq=10 Ack=1 Win=5840 Len=1");
    EXPECT_EQ(inTree("data"), 1);
}

TEST_F(FrameProtocolsTest, BytesAfterAnHttpMessageAreAContinuationOnlyWithAWholeLine)
{
    dissect(ethernet(0x0800, ipv4(6, tcp(40002, 80, 1, 1, 0x018, text("GET / HTTP/1.1\r\nHost: a\r\n\r\nxyz")))));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http");  // HTTP asks TCP for the rest of the line
    EXPECT_EQ(info(), "GET / HTTP/1.1 ");

    dissect(ethernet(0x0800, ipv4(6, tcp(40005, 80, 1, 1, 0x018, text("GET / HTTP/1.1\r\nHost: a\r\n\r\nxyz\r\n")))));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http:data");
    EXPECT_EQ(column(), "HTTP");
    EXPECT_EQ(info(), "GET / HTTP/1.1 Continuation");
}

TEST_F(FrameProtocolsTest, DataThatStartsNoHttpMessageIsAContinuationWithData)
{
    const Bytes get = text("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
    dissect(ethernet(0x0800, ipv4(6, tcp(40009, 80, 1, 1, 0x018, get))));
    EXPECT_EQ(info(), "GET / HTTP/1.1 ");
    dissect(ethernet(0x0800, ipv4(6, tcp(40009, 80, 1 + static_cast<std::uint32_t>(get.size()), 1, 0x018, text("T / HTTP\n\n")))));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http:data");
    EXPECT_EQ(column(), "HTTP");
    EXPECT_EQ(info(), "Continuation");
}

// TCP desegments no segment the capture cut: HTTP reads up to the cut and stops there.
TEST_F(FrameProtocolsTest, CutHttpHeaderEndsInTheCaptureLimit)
{
    const Bytes response = text("HTTP/1.1 200 OK\r\nDate: Tue, 16 Nov 2004 08:00:00 GMT\r\nServer: x\r\n\r\n");
    dissect(ethernet(0x0800, ipv4(6, tcp(80, 40007, 1, 1, 0x018, response), kIpB, kIpA)), 54 + 30);
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http");
    EXPECT_EQ(column(), "HTTP");
    EXPECT_EQ(info(), "HTTP/1.1 200 OK [Packet size limited during capture]");

    // Cut inside the request line: the exception comes before HTTP sets a column.
    dissect(ethernet(0x0800, ipv4(6, tcp(40008, 80, 1, 1, 0x018, text("GET /images/sf.net_box.gif HTTP/1.1\r\nHost: a\r\n\r\n")))),
            54 + 30);
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http");
    EXPECT_EQ(column(), "TCP");
    EXPECT_EQ(info(), "40008 → 80 [PSH, ACK] Seq=1 Ack=1 Win=5840 Len=48[Packet size limited during capture]");
}

// A header that asked for one more segment cannot take the segment after a gap; HTTP on that
// segment finds no whole line and asks for more again; the line it then gets shows nothing.
TEST_F(FrameProtocolsTest, SegmentAfterAGapStartsAfreshAndWaitsForAWholeLine)
{
    const Bytes start = text("GET /AAAAAAAAAAAAAAAA");
    dissect(ethernet(0x0800, ipv4(6, tcp(40010, 80, 1, 1, 0x018, start))));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp");
    EXPECT_EQ(info(), "40010 → 80 [PSH, ACK] Seq=1 Ack=1 Win=5840 Len=21 [TCP segment of a reassembled PDU]");
    const std::uint32_t afterGap = 1 + static_cast<std::uint32_t>(start.size()) + 8;
    dissect(ethernet(0x0800, ipv4(6, tcp(40010, 80, afterGap, 1, 0x018, text("BBBBBBBBBBBB")))));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp");
    EXPECT_EQ(column(), "TCP");
    EXPECT_EQ(info(), "[TCP Previous segment not captured] 40010 → 80 [PSH, ACK] Seq=30 Ack=1 Win=5840 Len=12 "
                      "[TCP segment of a reassembled PDU]");
    dissect(ethernet(0x0800, ipv4(6, tcp(40010, 80, afterGap + 12, 1, 0x018, text("CC HTTP/1.1\r\n")))));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp");
    EXPECT_EQ(column(), "TCP");
    EXPECT_EQ(info(), "40010 → 80 [PSH, ACK] Seq=42 Ack=1 Win=5840 Len=13");
}

TEST_F(FrameProtocolsTest, JsonBodyInfoFollowsTheStatusLine)
{
    const std::string body = "{\"a\":1}";
    const std::string msg = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                            std::to_string(body.size()) + "\r\n\r\n" + body;
    dissect(ethernet(0x0800, ipv4(6, tcp(80, 40003, 1, 1, 0x018, text(msg)), kIpB, kIpA)));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http:json");
    EXPECT_EQ(column(), "HTTP/JSON");
    EXPECT_EQ(info(), "HTTP/1.1 200 OK , JavaScript Object Notation (application/json)");
}

TEST_F(FrameProtocolsTest, DnsOverTcpMessageAfterItsLengthIsDissectedWhole)
{
    const Bytes query = dnsQuery(0x4242, "example.com");
    Bytes length;
    put16(length, static_cast<unsigned>(query.size()));
    dissect(ethernet(0x0800, ipv4(6, tcp(40004, 53, 1, 1, 0x018, length))));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp");
    EXPECT_EQ(info(), "40004 → 53 [PSH, ACK] Seq=1 Ack=1 Win=5840 Len=2 [TCP segment of a reassembled PDU]");
    dissect(ethernet(0x0800, ipv4(6, tcp(40004, 53, 3, 1, 0x018, query))));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:dns");
    EXPECT_EQ(column(), "DNS");
    EXPECT_EQ(info(), "Standard query 0x4242 A example.com");
}

TEST_F(FrameProtocolsTest, TlsRecordStartingInASegmentKeepsItsItem)
{
    Bytes record{0x16, 3, 3, 1, 0};
    for (std::uint8_t i = 0; i < 10; ++i) record.push_back(i);
    dissect(ethernet(0x0800, ipv4(6, tcp(443, 40006, 1, 1, 0x018, record), kIpB, kIpA)));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:tls");
    EXPECT_EQ(column(), "TCP");
    EXPECT_EQ(info(), "[TCP segment of a reassembled PDU]");
    EXPECT_EQ(inTree("tls"), 1);  // `-Y tls` passes it, as tshark's does
}

}  // namespace
}  // namespace rcvmon

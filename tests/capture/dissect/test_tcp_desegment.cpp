// SPDX-License-Identifier: GPL-2.0-or-later
// TCP desegmentation as Wireshark shows it: an HTTP message spread over segments is only TCP
// until the segment that completes it, which carries http, its body's layer and the
// tcp.segments item; a message whole in one segment shows its body at once; without
// reassembly the first segment is HTTP. Layers out of the tree stay for the detail pane. A body
// that starts "<?xml" once gzip or deflate is undone is XML, as Wireshark's heuristic finds.
#include "dissect/dissector.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <string>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

Bytes text(std::string_view s) { return Bytes(s.begin(), s.end()); }

class TcpDesegmentTest : public ::testing::Test {
protected:
    std::string protocols() const { return m_out.fieldText(field::FrameProtocols); }
    std::string column() const { return m_out.fieldText(field::ColProtocol); }
    bool inTree(std::string_view filter) const
    {
        for (const LayerRecord& l : m_out.layers())
            if (l.filterName == filter && l.inTree) return true;
        return false;
    }
    void segment(std::uint32_t seq, const Bytes& payload)
    {
        m_frames.push_back(ethernet(0x0800, ipv4(6, tcp(80, 40000, seq, 1, 0x018, payload), kIpB, kIpA)));
        m_dissector.dissect(frameOf(m_frames.back()), m_frames.size(), m_out);
    }

    Dissector m_dissector;
    Dissection m_out;
    std::vector<Bytes> m_frames;
};

TEST_F(TcpDesegmentTest, MessageOverThreeSegmentsShowsOnTheLast)
{
    const Bytes head = text("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: 20\r\n\r\n");
    segment(1000, cat({head, text("0123456789")}));
    EXPECT_EQ(column(), "TCP");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp");
    EXPECT_FALSE(inTree("http"));

    segment(1000 + static_cast<std::uint32_t>(head.size()) + 10, text("01234"));
    EXPECT_EQ(column(), "TCP");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp");
    EXPECT_FALSE(inTree("data"));

    segment(1000 + static_cast<std::uint32_t>(head.size()) + 15, text("56789"));
    EXPECT_EQ(column(), "HTTP");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http:data-text-lines");
    EXPECT_TRUE(inTree("http"));
    EXPECT_TRUE(inTree("tcp.segments"));
    const LayerRecord& body = m_out.layers()[m_out.layers().size() - 2];
    EXPECT_EQ(body.filterName, "data-text-lines");
    EXPECT_TRUE(body.reassembled);
}

TEST_F(TcpDesegmentTest, WholeMessageShowsItsBodyLayer)
{
    segment(1, cat({text("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 4\r\n\r\n"), text("<a/>")}));
    EXPECT_EQ(column(), "HTTP/XML");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http:xml");
    EXPECT_FALSE(inTree("tcp.segments"));
    segment(200, cat({text("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 2\r\n\r\n"), Bytes{0x89, 0x50}}));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http:media");
    segment(400, text("HTTP/1.1 204 No Content\r\n\r\n"));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http");
}

TEST_F(TcpDesegmentTest, RetransmissionIsSegmentData)
{
    const Bytes request = text("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    segment(1, request);
    segment(1, request);  // the same bytes again
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp");
    EXPECT_FALSE(inTree("data"));
}

TEST_F(TcpDesegmentTest, PayloadOfUnknownConversationIsNotHttp)
{
    segment(5000, text("not the start of a message"));
    EXPECT_EQ(column(), "TCP");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp");
    EXPECT_FALSE(inTree("http"));
}

Bytes compressedResponse(std::string_view coding, const Bytes& body)
{
    const std::string head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: " + std::string(coding) +
                             "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    return cat({text(head), body});
}

TEST_F(TcpDesegmentTest, CompressedXmlBodyIsHttpXml)
{
    segment(1, compressedResponse("gzip", kGzipXhtml));
    EXPECT_EQ(column(), "HTTP/XML");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http:xml");
    // A bare deflate stream (the gzip member without its header and trailer).
    const Bytes raw(kGzipXhtml.begin() + 10, kGzipXhtml.end() - 8);
    segment(1000, compressedResponse("deflate", raw));
    EXPECT_EQ(column(), "HTTP/XML");
    // A coding RcvMon does not undo, or bytes that do not inflate: the declared type decides.
    segment(2000, compressedResponse("br", kGzipXhtml));
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http:data-text-lines");
    Bytes broken = kGzipXhtml;
    for (std::size_t i = 10; i < 30; ++i) broken[i] = 0xff;
    segment(3000, compressedResponse("gzip", broken));
    EXPECT_EQ(column(), "HTTP");
}

TEST_F(TcpDesegmentTest, CompressedBodyOverSegmentsIsJudgedByItsStart)
{
    const Bytes whole = compressedResponse("gzip", kGzipXhtml);
    const std::size_t cut = whole.size() - 60;  // the first segment has the header and some body
    segment(1, Bytes(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(cut)));
    EXPECT_EQ(column(), "TCP");
    segment(1 + static_cast<std::uint32_t>(cut), Bytes(whole.begin() + static_cast<std::ptrdiff_t>(cut), whole.end()));
    EXPECT_EQ(column(), "HTTP/XML");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http:xml");
}

TEST(TcpNoReassembly, FirstSegmentIsHttp)
{
    Dissector dissector(DissectorOptions{false});
    Dissection out;
    const Bytes frame = ethernet(0x0800, ipv4(6, tcp(80, 40000, 1, 1, 0x018,
                                                     text("HTTP/1.1 200 OK\r\nContent-Length: 900\r\n\r\nabc")), kIpB, kIpA));
    dissector.dissect(frameOf(frame), 1, out);
    EXPECT_EQ(out.fieldText(field::ColProtocol), "HTTP");
    EXPECT_EQ(out.fieldText(field::FrameProtocols), "eth:ethertype:ip:tcp:http");
    // Without reassembly the start of a compressed body is enough to call it XML, as tshark does.
    const Bytes whole = compressedResponse("gzip", kGzipXhtml);
    const Bytes first(whole.begin(), whole.end() - 60);
    const Bytes frame2 = ethernet(0x0800, ipv4(6, tcp(80, 40000, 1, 1, 0x018, first), kIpB, kIpA));
    dissector.dissect(frameOf(frame2), 2, out);
    EXPECT_EQ(out.fieldText(field::ColProtocol), "HTTP/XML");
}

}  // namespace
}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// TCP as tshark 4.0 analyses it: options and the scaled window in Info, tcp.stream,
// the sequence analysis with its "[TCP …]" prefixes, udp.stream (ICMP errors included), and the
// conversation table's memory bound. Every expected Info line was checked against tshark 4.0.17
// on the same packets written to a pcap.
#include "dissect/dissector.h"
#include "dissect/tcp_conversations.h"
#include "dissect/udp_conversations.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <string>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

constexpr std::uint16_t kClient = 44444, kServer = 55555;

Bytes repeat(char c, std::size_t n) { return Bytes(n, static_cast<std::uint8_t>(c)); }

class TcpAnalysisTest : public ::testing::Test {
protected:
    // One segment at `ms` milliseconds; `fromClient` picks the direction.
    void segment(double ms, bool fromClient, std::uint32_t seq, std::uint32_t ack, std::uint16_t flags,
                 std::uint16_t window, const Bytes& payload = {}, const Bytes& options = {})
    {
        const Bytes seg = fromClient ? tcp(kClient, kServer, seq, ack, flags, payload, options, window)
                                     : tcp(kServer, kClient, seq, ack, flags, payload, options, window);
        frame(fromClient ? ipv4(6, seg, kIpA, kIpB) : ipv4(6, seg, kIpB, kIpA), ms);
    }
    void frame(const Bytes& ip, double ms)
    {
        m_frames.push_back(ethernet(0x0800, ip));
        FrameRef f = frameOf(m_frames.back());
        const auto ns = static_cast<std::int64_t>(ms * 1e6);
        f.ts = Timestamp{1700000000 + ns / 1000000000, static_cast<std::uint32_t>(ns % 1000000000)};
        m_dissector.dissect(f, m_frames.size(), m_out);
    }
    std::string info() const { return m_out.summary().info; }
    std::string text(std::string_view name) const
    {
        const auto id = findField(name);
        if (!id) {
            ADD_FAILURE() << "no field " << name;
            return {};
        }
        return m_out.fieldText(*id);
    }

    Dissector m_dissector;
    Dissection m_out;
    std::vector<Bytes> m_frames;
};

const Bytes kSynOptions = cat({Bytes{2, 4, 0x05, 0xb4, 4, 2, 8, 10}, Bytes{0, 0, 0, 100, 0, 0, 0, 0}, Bytes{1, 3, 3, 7}});
const Bytes kSynAckOptions = cat({Bytes{2, 4, 0x05, 0x78, 4, 2, 8, 10}, Bytes{0, 0, 0, 200, 0, 0, 0, 100}, Bytes{1, 3, 3, 9}});

TEST_F(TcpAnalysisTest, OptionsWindowScalingAndAnalysis)
{
    segment(0, true, 1000, 0, 0x002, 64240, {}, kSynOptions);
    EXPECT_EQ(info(), "44444 \xe2\x86\x92 55555 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 SACK_PERM TSval=100 TSecr=0 WS=128");
    EXPECT_EQ(text("tcp.stream"), "0");
    EXPECT_EQ(text("tcp.options.wscale.multiplier"), "128");
    EXPECT_EQ(text("tcp.window_size_scalefactor"), "");  // never on a SYN
    segment(10, false, 5000, 1001, 0x012, 65160, {}, kSynAckOptions);
    EXPECT_EQ(info(), "55555 \xe2\x86\x92 44444 [SYN, ACK] Seq=0 Ack=1 Win=65160 Len=0 MSS=1400 SACK_PERM TSval=200 "
                      "TSecr=100 WS=512");
    segment(20, true, 1001, 5001, 0x010, 502);
    EXPECT_EQ(info(), "44444 \xe2\x86\x92 55555 [ACK] Seq=1 Ack=1 Win=64256 Len=0");
    EXPECT_EQ(text("tcp.window_size"), "64256");
    EXPECT_EQ(text("tcp.window_size_scalefactor"), "128");
    segment(30, true, 1001, 5001, 0x018, 502, repeat('x', 100));
    segment(40, false, 5001, 1101, 0x010, 509);
    EXPECT_EQ(info(), "55555 \xe2\x86\x92 44444 [ACK] Seq=1 Ack=101 Win=260608 Len=0");
    segment(50, false, 5001, 1101, 0x010, 509);
    EXPECT_EQ(info(), "[TCP Dup ACK 5#1] 55555 \xe2\x86\x92 44444 [ACK] Seq=1 Ack=101 Win=260608 Len=0");
    EXPECT_EQ(text("tcp.analysis.duplicate_ack"), "1,1");
    EXPECT_EQ(text("tcp.analysis.duplicate_ack_num"), "1");
    EXPECT_EQ(text("tcp.analysis.duplicate_ack_frame"), "5");
    segment(300, true, 1001, 5001, 0x018, 502, repeat('x', 100));
    EXPECT_EQ(info(), "[TCP Spurious Retransmission] 44444 \xe2\x86\x92 55555 [PSH, ACK] Seq=1 Ack=1 Win=64256 Len=100");
    EXPECT_EQ(text("tcp.analysis.retransmission"), "1");
    segment(400, true, 1201, 5001, 0x018, 502, repeat('y', 10));
    EXPECT_EQ(info(), "[TCP Previous segment not captured] 44444 \xe2\x86\x92 55555 [PSH, ACK] Seq=201 Ack=1 Win=64256 Len=10");
    EXPECT_EQ(text("tcp.analysis.lost_segment"), "1");
    segment(410, false, 5001, 1101, 0x010, 509, {}, cat({Bytes{1, 1, 5, 10}, Bytes{0, 0, 4, 0xb1, 0, 0, 4, 0xbb}}));
    EXPECT_EQ(info(), "[TCP Dup ACK 5#2] 55555 \xe2\x86\x92 44444 [ACK] Seq=1 Ack=101 Win=260608 Len=0 SLE=201 SRE=211");
    segment(420, false, 5001, 1101, 0x010, 600);
    EXPECT_EQ(info(), "[TCP Window Update] 55555 \xe2\x86\x92 44444 [ACK] Seq=1 Ack=101 Win=307200 Len=0");
    segment(430, false, 5001, 1101, 0x010, 0);
    EXPECT_EQ(info(), "[TCP ZeroWindow] 55555 \xe2\x86\x92 44444 [ACK] Seq=1 Ack=101 Win=0 Len=0");
    segment(1430, true, 1210, 5001, 0x010, 502);
    EXPECT_EQ(info(), "[TCP Keep-Alive] 44444 \xe2\x86\x92 55555 [ACK] Seq=210 Ack=1 Win=64256 Len=0");
    segment(2000, true, 1211, 5001, 0x011, 502);
    EXPECT_EQ(info(), "44444 \xe2\x86\x92 55555 [FIN, ACK] Seq=211 Ack=1 Win=64256 Len=0");
    EXPECT_EQ(text("tcp.analysis.flags"), "");
    segment(2010, false, 5001, 1212, 0x014, 0);
    EXPECT_EQ(info(), "[TCP ACKed unseen segment] 55555 \xe2\x86\x92 44444 [RST, ACK] Seq=1 Ack=212 Win=0 Len=0");
}

TEST_F(TcpAnalysisTest, ReorderingRetransmissionZeroWindowProbeAndPortReuse)
{
    segment(0, true, 1000, 0, 0x002, 8192);
    segment(10, false, 5000, 1001, 0x012, 8192);
    segment(20, true, 1001, 5001, 0x010, 8192);
    EXPECT_EQ(text("tcp.window_size_scalefactor"), "-2");  // neither SYN offered scaling
    segment(30, true, 1001, 5001, 0x010, 8192, repeat('a', 100));
    segment(31, true, 1201, 5001, 0x010, 8192, repeat('c', 100));
    EXPECT_EQ(info(), "[TCP Previous segment not captured] 44444 \xe2\x86\x92 55555 [ACK] Seq=201 Ack=1 Win=8192 Len=100");
    segment(32, true, 1101, 5001, 0x010, 8192, repeat('b', 100));
    EXPECT_EQ(info(), "[TCP Out-Of-Order] 44444 \xe2\x86\x92 55555 [ACK] Seq=101 Ack=1 Win=8192 Len=100");
    EXPECT_EQ(text("tcp.analysis.out_of_order"), "1");
    segment(40, false, 5001, 1101, 0x010, 8192);
    segment(41, false, 5001, 1101, 0x010, 8192);
    segment(42, false, 5001, 1101, 0x010, 8192);
    EXPECT_EQ(info(), "[TCP Dup ACK 7#2] 55555 \xe2\x86\x92 44444 [ACK] Seq=1 Ack=101 Win=8192 Len=0");
    segment(43, true, 1101, 5001, 0x010, 8192, repeat('b', 100));
    EXPECT_EQ(info(), "[TCP Fast Retransmission] 44444 \xe2\x86\x92 55555 [ACK] Seq=101 Ack=1 Win=8192 Len=100");
    EXPECT_EQ(text("tcp.analysis.fast_retransmission"), "1");
    EXPECT_EQ(text("tcp.analysis.retransmission"), "1");
    segment(50, false, 5001, 1301, 0x010, 0);
    EXPECT_EQ(info(), "[TCP ZeroWindow] 55555 \xe2\x86\x92 44444 [ACK] Seq=1 Ack=301 Win=0 Len=0");
    segment(60, true, 1301, 5001, 0x010, 8192, repeat('z', 1));
    EXPECT_EQ(info(), "[TCP ZeroWindowProbe] 44444 \xe2\x86\x92 55555 [ACK] Seq=301 Ack=1 Win=8192 Len=1");
    segment(70, false, 5001, 1301, 0x010, 0);
    EXPECT_EQ(info(), "[TCP ZeroWindowProbeAck] [TCP ZeroWindow] 55555 \xe2\x86\x92 44444 [ACK] Seq=1 Ack=301 Win=0 Len=0");
    segment(500, true, 1301, 5001, 0x011, 8192);
    segment(510, false, 5001, 1302, 0x011, 8192);
    segment(520, true, 1302, 5002, 0x010, 8192);
    EXPECT_EQ(info(), "44444 \xe2\x86\x92 55555 [ACK] Seq=302 Ack=2 Win=8192 Len=0");
    segment(600, true, 9000, 0, 0x002, 8192);
    EXPECT_EQ(info(), "[TCP Port numbers reused] 44444 \xe2\x86\x92 55555 [SYN] Seq=0 Win=8192 Len=0");
    EXPECT_EQ(text("tcp.stream"), "1");
}

TEST_F(TcpAnalysisTest, MidStreamWindowScaleIsUnknown)
{
    segment(0, true, 7000, 9000, 0x010, 1000, repeat('d', 10));
    EXPECT_EQ(info(), "44444 \xe2\x86\x92 55555 [ACK] Seq=1 Ack=1 Win=1000 Len=10");
    EXPECT_EQ(text("tcp.window_size"), "1000");
    EXPECT_EQ(text("tcp.window_size_scalefactor"), "-1");
}

TEST_F(TcpAnalysisTest, UdpStreamsNumberPairsInOrderIncludingQuotedDatagrams)
{
    const Ip4 kIpC{198, 18, 0, 3};
    frame(ipv4(17, udp(5000, 9999, repeat('q', 4)), kIpA, kIpB), 0);
    EXPECT_EQ(text("udp.stream"), "0");
    frame(ipv4(17, udp(9999, 5000, repeat('r', 4)), kIpB, kIpA), 1);
    EXPECT_EQ(text("udp.stream"), "0");
    frame(ipv4(17, udp(5001, 9999, repeat('q', 4)), kIpA, kIpC), 2);
    EXPECT_EQ(text("udp.stream"), "1");
    frame(ipv4(1, icmpError(3, 3, ipv4(17, udp(9999, 5000, repeat('r', 4)), kIpB, kIpA)), kIpA, kIpB), 3);
    EXPECT_EQ(text("udp.stream"), "0");
    frame(ipv4(1, icmpError(3, 3, ipv4(17, udp(7, 7, repeat('r', 4)), kIpB, kIpC)), kIpA, kIpB), 4);
    EXPECT_EQ(text("udp.stream"), "2");  // a quoted datagram opens its own conversation
}

TEST_F(TcpAnalysisTest, AccEcnFlagsAndOptionCounters)
{
    // RFC 9768 set-up: SYN with AE, CWR and ECE; SYN-ACK with CWR alone; then the ACE counter.
    segment(0, true, 100, 0, 0x1c2, 65535);
    EXPECT_EQ(info(), "44444 \xe2\x86\x92 55555 [SYN, ECE, CWR, AE] Seq=0 Win=65535 Len=0");
    segment(1, false, 500, 101, 0x092, 65160, {}, Bytes{1, 1, 254, 13, 0xac, 0xc0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0});
    EXPECT_EQ(info(), "55555 \xe2\x86\x92 44444 [SYN, ACK, CWR] Seq=0 Ack=1 Win=65160 Len=0 EE0B=1 ECEB=0 EE1B=0");
    segment(2, true, 101, 501, 0x090, 1027);
    EXPECT_EQ(info(), "44444 \xe2\x86\x92 55555 [ACK, ACE=2] Seq=1 Ack=1 Win=1027 Len=0");
}

// The conversation table holds 100,000 concurrent connections without starting over, and its
// memory stays within the bound it documents (no payload is buffered per stream).
TEST(TcpConversationsBound, HundredThousandConcurrentStreamsStayWithinTheBound)
{
    TcpConversations table;
    TcpConversations::Endpoint a, b;
    a.addr = {10, 0, 0, 1};
    b.addr = {10, 0, 0, 2};
    b.port = 443;
    TcpConversations::Segment syn;
    syn.flags = 0x002;
    for (std::uint32_t i = 0; i < 100000; ++i) {
        a.addr[2] = static_cast<std::uint8_t>(i >> 16);
        a.addr[3] = static_cast<std::uint8_t>(i >> 8);
        a.port = static_cast<std::uint16_t>(1024 + (i & 0xff));
        syn.seq = i * 7919u;
        const auto r = table.observe(4, a, b, syn);
        ASSERT_EQ(r.conversation->stream, i);
    }
    EXPECT_EQ(table.size(), 100000u);
    EXPECT_LE(table.memoryBytes(), TcpConversations::boundBytes());
    EXPECT_LE(TcpConversations::boundBytes(), std::size_t{128} << 20);  // the documented ceiling
    // Every stream is still known: a second segment finds its conversation, not a new one.
    a.addr[2] = 0;
    a.addr[3] = 0;
    a.port = 1024;
    TcpConversations::Segment ack;
    ack.flags = 0x010;
    ack.seq = 1;
    EXPECT_EQ(table.observe(4, a, b, ack).conversation->stream, 0u);
}

}  // namespace
}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// TcpFollower over hand-built segments: the order, retransmission, overlap and gap rules of
// tshark 4.0's follow (packet-tcp.c), and UDP datagrams through StreamFollower.
#include "follow/stream_follower.h"
#include "follow/tcp_follow.h"

#include <gtest/gtest.h>

#include <string>

namespace rcvmon {
namespace {

FollowEndpoint ep(std::uint8_t last, std::uint16_t port)
{
    const std::uint8_t a[4] = {10, 0, 0, last};
    return FollowEndpoint{StatAddress::from(StatAddress::Family::Ipv4, ByteSpan(a, 4)), port};
}

const FollowEndpoint kClient = ep(1, 40000);
const FollowEndpoint kServer = ep(2, 80);

class Conversation {
public:
    // A segment from the client (server = false) or the server; seq is relative.
    void send(bool server, std::uint32_t seq, const std::string& payload, std::uint64_t frame, bool syn = false,
              std::uint32_t ack = 0)
    {
        TcpFollowSegment s;
        s.src = server ? kServer : kClient;
        s.dst = server ? kClient : kServer;
        s.seq = seq;
        s.length = static_cast<std::uint32_t>(payload.size());
        s.syn = syn;
        s.ack = ack;
        s.data = ByteSpan(reinterpret_cast<const std::uint8_t*>(payload.data()), payload.size());
        s.frame = frame;
        s.ts = Timestamp{1000, static_cast<std::uint32_t>(frame)};
        m_follower.add(s);
    }
    // "c:text|s:text|..." with each chunk's side and bytes, and the frames in order.
    std::string chunks() const
    {
        std::string out;
        for (const FollowChunk& c : m_stream.chunks) {
            const ByteSpan d = m_stream.data(c);
            out += (c.server ? "s" : "c") + std::to_string(c.frame) + ":" + std::string(d.begin(), d.end()) + "|";
        }
        return out;
    }
    FollowStream& stream() { return m_stream; }

private:
    FollowStream m_stream;
    TcpFollower m_follower{m_stream};
};

TEST(TcpFollow, HandshakeThenDataInOrder)
{
    Conversation c;
    c.send(false, 0, "", 1, true);
    c.send(true, 0, "", 2, true, 1);
    c.send(false, 1, "GET /", 3, false, 1);
    c.send(true, 1, "200 OK", 4, false, 6);
    c.send(false, 6, " more", 5, false, 7);
    EXPECT_EQ(c.chunks(), "c3:GET /|s4:200 OK|c5: more|");
    EXPECT_EQ(c.stream().client.port, 40000);
    EXPECT_EQ(c.stream().server.port, 80);
    EXPECT_EQ(c.stream().sentBy(false), 10u);
    EXPECT_EQ(c.stream().sentBy(true), 6u);
}

TEST(TcpFollow, FirstPacketFromTheServerMakesItNodeZero)
{
    Conversation c;
    c.send(true, 1, "banner", 1);
    c.send(false, 1, "hello", 2);
    // Node 0 is whoever sent the first packet seen: here the server's address.
    EXPECT_EQ(c.stream().client.port, 80);
    EXPECT_EQ(c.chunks(), "c1:banner|s2:hello|");
}

TEST(TcpFollow, OutOfOrderSegmentWaitsForTheGap)
{
    Conversation c;
    c.send(false, 0, "", 1, true);
    c.send(false, 1, "aaaa", 2);
    c.send(false, 9, "cccc", 3);  // ahead: held back
    EXPECT_EQ(c.chunks(), "c2:aaaa|");
    c.send(false, 5, "bbbb", 4);  // fills the gap, then the held segment follows
    EXPECT_EQ(c.chunks(), "c2:aaaa|c4:bbbb|c3:cccc|");
}

TEST(TcpFollow, RetransmissionIsDroppedAndOverlapKeepsOnlyNewBytes)
{
    Conversation c;
    c.send(false, 1, "abcd", 1);
    c.send(false, 1, "abcd", 2);      // the same bytes again
    c.send(false, 3, "cdEF", 3);      // half old, half new
    c.send(false, 0, "xa", 4);        // entirely before the stream's end
    EXPECT_EQ(c.chunks(), "c1:abcd|c3:EF|");
}

TEST(TcpFollow, HeldSegmentThatOverlapsIsTrimmed)
{
    Conversation c;
    c.send(false, 1, "ab", 1);
    c.send(false, 5, "efgh", 2);      // held: 3..4 missing
    c.send(false, 3, "cdef", 3);      // fills and overlaps the held one
    EXPECT_EQ(c.chunks(), "c1:ab|c3:cdef|c2:gh|");
}

TEST(TcpFollow, AcknowledgedButUncapturedBytesBecomeAMarker)
{
    Conversation c;
    c.send(false, 1, "abc", 1);
    c.send(false, 14, "zz", 2);       // 10 bytes at 4..13 never captured
    EXPECT_EQ(c.chunks(), "c1:abc|");
    c.send(true, 1, "ok", 3, false, 16);  // the server acknowledged all of them
    const std::string marker("[10 bytes missing in capture file]\0", 35);
    EXPECT_EQ(c.chunks(), "c1:abc|c3:" + marker + "|c2:zz|s3:ok|");
    EXPECT_EQ(c.stream().chunks[1].ts, Timestamp{});
}

TEST(TcpFollow, SynWithDataStartsAfterTheSyn)
{
    Conversation c;
    c.send(false, 0, "fast", 1, true);  // TCP Fast Open: data in the SYN
    c.send(false, 5, "open", 2);
    EXPECT_EQ(c.chunks(), "c1:fast|c2:open|");
}

TEST(TcpFollow, CutPayloadAdvancesByTheSegmentLength)
{
    // A snaplen-cut segment: 2 of its 6 bytes captured; the next starts where the whole ended.
    FollowStream stream;
    TcpFollower follower(stream);
    const std::string a = "ab", b = "next";
    TcpFollowSegment s;
    s.src = kClient;
    s.dst = kServer;
    s.seq = 1;
    s.length = 6;
    s.data = ByteSpan(reinterpret_cast<const std::uint8_t*>(a.data()), a.size());
    s.frame = 1;
    follower.add(s);
    s.seq = 7;
    s.length = 4;
    s.data = ByteSpan(reinterpret_cast<const std::uint8_t*>(b.data()), b.size());
    s.frame = 2;
    follower.add(s);
    ASSERT_EQ(stream.chunks.size(), 2u);
    EXPECT_EQ(stream.chunks[1].frame, 2u);
    EXPECT_EQ(stream.chunks[1].length, 4u);
}

TEST(StreamFollower, UdpKeepsEachDatagramWithItsSide)
{
    StreamFollower follower(FollowProtocol::Udp, "udp.stream eq 0");
    FramePayloads payloads;
    const auto datagram = [&](bool fromServer, const std::string& text, std::uint64_t frame) {
        payloads.clear();
        TransportPayload p;
        p.transport = TransportPayload::Transport::Udp;
        p.family = 4;
        p.src = {10, 0, 0, static_cast<std::uint8_t>(fromServer ? 2 : 1)};
        p.dst = {10, 0, 0, static_cast<std::uint8_t>(fromServer ? 1 : 2)};
        p.srcPort = fromServer ? 53 : 5353;
        p.dstPort = fromServer ? 5353 : 53;
        p.data = ByteSpan(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
        payloads.payload(p);
        follower.addFrame(payloads, frame, Timestamp{});
    };
    datagram(false, "query", 1);
    datagram(true, "", 2);  // UDP taps none (udp.cpp); given one, it is a chunk like any
    datagram(true, "answer", 3);
    const FollowStream& s = follower.stream();
    ASSERT_EQ(s.chunks.size(), 3u);
    EXPECT_FALSE(s.chunks[0].server);
    EXPECT_TRUE(s.chunks[1].server);
    EXPECT_EQ(s.chunks[1].length, 0u);
    EXPECT_EQ(std::string(s.data(s.chunks[2]).begin(), s.data(s.chunks[2]).end()), "answer");
    EXPECT_EQ(s.client.port, 5353);
}

TEST(StreamFollower, TlsWithoutKeysHasNoData)
{
    // tshark's follow,tls shows decrypted application data only: none without keys.
    StreamFollower follower(FollowProtocol::Tls, "tcp.stream eq 0");
    FramePayloads payloads;
    TransportPayload p;
    p.family = 4;
    p.srcPort = 443;
    const std::string record = "\x17\x03\x03\x00\x01x";
    p.data = ByteSpan(reinterpret_cast<const std::uint8_t*>(record.data()), record.size());
    payloads.payload(p);
    follower.addFrame(payloads, 1, Timestamp{});
    EXPECT_TRUE(follower.stream().chunks.empty());
    EXPECT_EQ(follower.stream().client.address.family, StatAddress::Family::None);
}

}  // namespace
}  // namespace rcvmon

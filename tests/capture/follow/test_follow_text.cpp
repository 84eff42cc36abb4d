// SPDX-License-Identifier: GPL-2.0-or-later
// tshark's -z follow text for a small hand-built stream (the reference test checks the same
// code against tshark itself over the corpus), and the window's per-chunk formats.
#include "follow/follow_text.h"

#include <gtest/gtest.h>

#include <string>

namespace rcvmon {
namespace {

FollowStream sample()
{
    FollowStream s;
    s.filter = "tcp.stream eq 0";
    const std::uint8_t a[4] = {10, 0, 0, 1}, b[4] = {10, 0, 0, 2};
    s.client = FollowEndpoint{StatAddress::from(StatAddress::Family::Ipv4, ByteSpan(a, 4)), 40000};
    s.server = FollowEndpoint{StatAddress::from(StatAddress::Family::Ipv4, ByteSpan(b, 4)), 80};
    const std::string request = "GET / HTTP/1.1\r\n", reply = std::string("HTTP/1.0 2\x01", 11);
    s.append(false, 3, Timestamp{1000, 3}, ByteSpan(reinterpret_cast<const std::uint8_t*>(request.data()), request.size()));
    s.append(true, 4, Timestamp{1000, 4}, ByteSpan(reinterpret_cast<const std::uint8_t*>(reply.data()), reply.size()));
    return s;
}

const std::string kSeparator(67, '=');

std::string header(const std::string& mode)
{
    return "\n" + kSeparator + "\nFollow: tcp," + mode +
           "\nFilter: tcp.stream eq 0\nNode 0: 10.0.0.1:40000\nNode 1: 10.0.0.2:80\n";
}

TEST(FollowText, AsciiMarksTheServerWithATabAndDotsTheUnprintable)
{
    std::string out;
    appendFollowReport(out, sample(), FollowFormat::Ascii);
    EXPECT_EQ(out, header("ascii") + "16\nGET / HTTP/1.1\r\n\n\t11\nHTTP/1.0 2.\n" + kSeparator + "\n");
}

TEST(FollowText, HexDumpCountsOffsetsPerSide)
{
    std::string out;
    appendFollowReport(out, sample(), FollowFormat::HexDump);
    std::string serverLine = "00000000  48 54 54 50 2f 31 2e 30  20 32 01";
    serverLine.resize(60, ' ');
    serverLine += "HTTP/1.0  2.";
    EXPECT_EQ(out, header("hex") + "00000000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 31 0d 0a  GET / HT TP/1.1..\n\t" +
                       serverLine + "\n" + kSeparator + "\n");
}

TEST(FollowText, RawAndChunkRange)
{
    std::string out;
    appendFollowReport(out, sample(), FollowFormat::Raw, 2, 2);
    EXPECT_EQ(out, header("raw") + "\t485454502f312e30203201\n" + kSeparator + "\n");
}

TEST(FollowText, YamlHasPeersAndBase64)
{
    std::string out;
    appendFollowReport(out, sample(), FollowFormat::Yaml);
    EXPECT_EQ(out,
              "peers:\n  - peer: 0\n    host: 10.0.0.1\n    port: 40000\n  - peer: 1\n    host: 10.0.0.2\n    port: 80\n"
              "packets:\n"
              "  - packet: 3\n    peer: 0\n    timestamp: 1000.000000003\n    data: !!binary |\n"
              "      R0VUIC8gSFRUUC8xLjENCg==\n"
              "  - packet: 4\n    peer: 1\n    timestamp: 1000.000000004\n    data: !!binary |\n"
              "      SFRUUC8xLjAgMgE=\n");
}

TEST(FollowText, UnknownNodesAndIpv6)
{
    FollowStream s;
    s.protocol = FollowProtocol::Udp;
    s.filter = "udp.stream eq 9";
    std::string out;
    appendFollowReport(out, s, FollowFormat::Ascii);
    EXPECT_EQ(out, "\n" + kSeparator + "\nFollow: udp,ascii\nFilter: udp.stream eq 9\nNode 0: :0\nNode 1: :0\n" +
                       kSeparator + "\n");
    std::uint8_t v6[16] = {0x20, 0x01, 0x0d, 0xb8};
    v6[15] = 1;
    EXPECT_EQ(followEndpointText(FollowEndpoint{StatAddress::from(StatAddress::Family::Ipv6, ByteSpan(v6, 16)), 53}),
              "[2001:db8::1]:53");
}

TEST(FollowText, WindowChunks)
{
    const FollowStream s = sample();
    std::string carray;
    appendFollowChunk(carray, s, s.chunks[1], FollowFormat::CArrays, 0, 0);
    EXPECT_EQ(carray, "char peer1_0[] = { /* Packet 4 */\n0x48, 0x54, 0x54, 0x50, 0x2f, 0x31, 0x2e, 0x30,\n"
                      "0x20, 0x32, 0x01 };\n");
    std::string ascii;
    appendFollowChunk(ascii, s, s.chunks[0], FollowFormat::Ascii, 0, 0);
    EXPECT_EQ(ascii, "GET / HTTP/1.1\r\n");
    std::string hex;
    appendFollowChunk(hex, s, s.chunks[1], FollowFormat::HexDump, 32, 1);
    EXPECT_TRUE(hex.starts_with("00000020  48 54")) << hex;
}

}  // namespace
}  // namespace rcvmon

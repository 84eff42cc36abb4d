// SPDX-License-Identifier: GPL-2.0-or-later
// NCP over IP (TCP 524) and bare NCP on UDP 524: hand-built requests and replies whose Info
// text and fields were checked against tshark 4.0.17 reading the same bytes.
#include "kept_frames_test.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

// An NCP request (0x2222) on connection 1, task 1, in the NCP over IP framing.
Bytes request(std::uint8_t seq, const Bytes& body, bool overIp = true)
{
    Bytes ncp{0x22, 0x22, seq, 1, 1, 0};
    append(ncp, body);
    if (!overIp) return ncp;
    Bytes b{'D', 'm', 'd', 'T'};
    put32(b, static_cast<std::uint32_t>(16 + ncp.size()));
    put32(b, 1);
    put32(b, 0);
    append(b, ncp);
    return b;
}

Bytes reply(std::uint8_t seq, std::uint8_t completion, const Bytes& body = {}, bool overIp = true)
{
    Bytes ncp{0x33, 0x33, seq, 1, 1, 0, completion, 0};
    append(ncp, body);
    if (!overIp) return ncp;
    Bytes b{'t', 'N', 'c', 'P'};
    put32(b, static_cast<std::uint32_t>(8 + ncp.size()));
    append(b, ncp);
    return b;
}

class NcpTest : public KeptFramesTest {
protected:
    void client(const Bytes& p)
    {
        add(ethernet(0x0800, ipv4(6, tcp(3000, 524, m_c2s, m_s2c, 0x18, p))));
        m_c2s += static_cast<std::uint32_t>(p.size());
    }
    void server(const Bytes& p)
    {
        add(ethernet(0x0800, ipv4(6, tcp(524, 3000, m_s2c, m_c2s, 0x18, p), kIpB, kIpA)));
        m_s2c += static_cast<std::uint32_t>(p.size());
    }
    std::uint32_t m_c2s = 1, m_s2c = 1;
};

TEST_F(NcpTest, RequestsNameTheirFunctionAndRepliesTheirCompletion)
{
    Bytes obtainInfo{87, 6};
    obtainInfo.resize(42, 0);
    client(request(1, obtainInfo));
    server(reply(1, 0xff));
    client(request(2, Bytes{66, 0, 0, 0, 1, 2, 3, 4}));
    server(reply(2, 0xff));
    server(reply(9, 0x88));  // no request seen
    Bytes search{87, 3};
    search.resize(42, 0);
    client(request(3, search));
    server(reply(3, 0xff));
    client(request(4, Bytes{72, 0, 0, 0, 0xed, 0x8a, 0xa9, 0xc2, 0, 0, 0, 0, 16, 0}));
    server(reply(4, 0, Bytes{0, 2, 0x41, 0x42}));
    client(request(5, Bytes{135, 0, 0, 0, 0}));
    server(reply(5, 7));
    client(request(7, Bytes{66, 0, 0, 0, 1, 2, 3, 4}));
    server(reply(7, 0x01));

    EXPECT_EQ(m_outs[0].summary().protocol, "NCP");
    EXPECT_EQ(info(1), "C Obtain File or SubDirectory Information");
    EXPECT_EQ(info(2), "R No matching files or directories were found");
    EXPECT_EQ(info(3), "C Close File - 0x000001020304");
    EXPECT_EQ(info(4), "R Unlock Error");
    EXPECT_EQ(info(5), "R Original Request Packet not Found");
    EXPECT_EQ(info(6), "C Search for: ");  // its pattern is empty
    EXPECT_EQ(info(7), "R No matching files or directories were found");
    EXPECT_EQ(info(8), "C Read From File - 0x0000ed8aa9c2");
    EXPECT_EQ(info(9), "R OK");
    EXPECT_EQ(info(10), "C Unknown Function 135 (0x87)");
    EXPECT_EQ(info(11), "R Original Request Packet not Found");
    EXPECT_EQ(info(13), "R Unknown Error Code");

    EXPECT_EQ(text(1, "frame.protocols"), "eth:ethertype:ip:tcp:ncp");
    EXPECT_EQ(text(1, "ncp.type"), "0x2222");
    EXPECT_EQ(text(2, "ncp.func"), "0x57");
    EXPECT_EQ(text(2, "ncp.subfunc"), "6");
    EXPECT_EQ(text(2, "ncp.completion_code"), "0xff");
    EXPECT_EQ(text(5, "ncp.func"), "");  // Wireshark names no function it cannot match
    EXPECT_EQ(text(10, "ncp.func"), "");
    EXPECT_EQ(text(9, "ncp.seq"), "4");

    EXPECT_EQ(passing("ncp.func == 0x42"), std::vector<std::size_t>({3, 4, 12, 13}));
    EXPECT_EQ(passing("ncp.completion_code == 0xff"), std::vector<std::size_t>({2, 4, 7}));
}

TEST_F(NcpTest, SearchPointerShowsItsPath)
{
    const Bytes path{2, 3, 'D', 'I', 'R', 4, 'F', 'I', 'L', 'E'};
    Bytes setPointer{87, 2, 4, 0, 0, 2, 0, 0, 0, 0};
    append(setPointer, path);
    client(request(1, setPointer));
    EXPECT_EQ(info(1), "C Set Search Pointer to: DIR/FILE");
    EXPECT_EQ(text(1, "ncp.path"), "DIR,FILE");
}

TEST_F(NcpTest, SearchShowsItsPattern)
{
    Bytes search{87, 3, 4, 0, 0x26, 0, 0xac, 0x15, 0, 0, 0, 2, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 5, '*', '.', 'T', 'X', 'T'};
    client(request(1, search));
    EXPECT_EQ(info(1), "C Search for: *.TXT");
    EXPECT_EQ(text(1, "ncp.search_pattern"), "*.TXT");
}

TEST_F(NcpTest, UdpCarriesNcpWithoutItsIpHeader)
{
    add(ethernet(0x0800, ipv4(17, udp(3000, 524, request(1, Bytes{66, 0, 0, 0, 1, 2, 3, 4}, false)))));
    add(ethernet(0x0800, ipv4(17, udp(524, 3000, reply(1, 0xff, {}, false)), kIpB, kIpA)));
    EXPECT_EQ(info(1), "C Close File - 0x000001020304");
    EXPECT_EQ(info(2), "R Unlock Error");
    EXPECT_EQ(text(2, "frame.protocols"), "eth:ethertype:ip:udp:ncp");
}

}  // namespace
}  // namespace rcvmon

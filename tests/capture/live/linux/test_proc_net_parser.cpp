// SPDX-License-Identifier: GPL-2.0-or-later
// The /proc/net socket table parser on text samples, then on the kernel's own tables for
// sockets this test opens (no root needed).
#include "live/linux/proc_net_parser.h"
#include "require.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <fstream>
#include <sstream>
#include <string>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rcvmon {
namespace {

// Real lines (little-endian x86_64, Linux 6.x), trimmed of trailing spaces.
constexpr const char* kTcp =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
    "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 48213 1 "
    "000000005a3dd1c0 100 0 0 10 0\n"
    "   1: 010012C6:A3F2 020012C6:0016 01 00000000:00000000 02:0000A1B2 00000000  1000        0 48999 4 "
    "00000000c9a1f2d3 20 4 29 10 -1\n"
    "   2: 010012C6:0050 030012C6:D431 06 00000000:00000000 03:00001770 00000000     0        0 0 3 "
    "0000000000000000\n";

constexpr const char* kTcp6 =
    "  sl  local_address                         remote_address                        st tx_queue rx_queue tr "
    "tm->when retrnsmt   uid  timeout inode\n"
    "   0: 00000000000000000000000001000000:0277 00000000000000000000000000000000:0000 0A 00000000:00000000 "
    "00:00000000 00000000     0        0 51234 1 0000000012345678 100 0 0 10 0\n"
    "   1: B80D0120000000000000000001000000:01BB 0000000000000000FFFF00000100007F:C350 01 00000000:00000000 "
    "00:00000000 00000000    33        0 51240 1 0000000012345679 20 4 30 10 -1\n";

constexpr const char* kUdp =
    "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref "
    "pointer drops\n"
    "  100: 00000000:14E9 00000000:0000 07 00000000:00000000 00:00000000 00000000   104        0 20311 2 "
    "00000000aa55aa55 0\n"
    "  200: 010012C6:C000 020012C6:0035 01 00000000:00000000 00:00000000 00000000     0        0 20400 2 "
    "00000000aa55aa56 3\n";

constexpr const char* kUdp6 =
    "  sl  local_address                         remote_address                        st tx_queue rx_queue tr "
    "tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
    "  101: 00000000000000000000000000000000:14E9 00000000000000000000000000000000:0000 07 00000000:00000000 "
    "00:00000000 00000000   104        0 20312 2 00000000aa55aa57 0\n";

FlowEndpoint endpoint(const char* text, std::uint16_t port)
{
    FlowEndpoint out;
    out.port = port;
    const bool v6 = std::string(text).find(':') != std::string::npos;
    EXPECT_EQ(inet_pton(v6 ? AF_INET6 : AF_INET, text, out.address.data()), 1) << text;
    return out;
}

class ProcNetSamples : public ::testing::Test {
protected:
    void SetUp() override
    {
        // The samples were printed by a little-endian kernel; a big-endian one prints other digits.
        RCVMON_REQUIRE(std::endian::native == std::endian::little, "a little-endian machine (the /proc samples were printed by one)");
    }
};

TEST_F(ProcNetSamples, Ipv4TcpAddressesPortsStatesAndInodes)
{
    std::size_t malformed = 99;
    const auto rows = parseProcNetTable(kTcp, FlowTransport::Tcp, FlowFamily::Ipv4, &malformed);
    EXPECT_EQ(malformed, 0u);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].local, endpoint("127.0.0.1", 8080));
    EXPECT_EQ(rows[0].remote, endpoint("0.0.0.0", 0));
    EXPECT_EQ(rows[0].state, SocketState::Listen);
    EXPECT_EQ(rows[0].holder, 48213u);
    EXPECT_EQ(rows[1].local, endpoint("198.18.0.1", 41970));
    EXPECT_EQ(rows[1].remote, endpoint("198.18.0.2", 22));
    EXPECT_EQ(rows[1].state, SocketState::Established);
    EXPECT_EQ(rows[1].holder, 48999u);
    EXPECT_EQ(rows[2].state, SocketState::TimeWait);
    EXPECT_EQ(rows[2].holder, 0u);
    for (const auto& row : rows) {
        EXPECT_EQ(row.transport, FlowTransport::Tcp);
        EXPECT_EQ(row.family, FlowFamily::Ipv4);
    }
}

TEST_F(ProcNetSamples, Ipv6WordsAreInHostOrder)
{
    const auto rows = parseProcNetTable(kTcp6, FlowTransport::Tcp, FlowFamily::Ipv6);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].local, endpoint("::1", 631));
    EXPECT_EQ(rows[0].state, SocketState::Listen);
    EXPECT_EQ(rows[0].holder, 51234u);
    EXPECT_EQ(rows[1].local, endpoint("2001:db8::1", 443));
    EXPECT_EQ(rows[1].remote, endpoint("::ffff:127.0.0.1", 50000));
    EXPECT_EQ(rows[1].state, SocketState::Established);
    EXPECT_EQ(rows[1].family, FlowFamily::Ipv6);
}

TEST_F(ProcNetSamples, UdpConnectedAndUnconnected)
{
    const auto rows = parseProcNetTable(kUdp, FlowTransport::Udp, FlowFamily::Ipv4);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].local, endpoint("0.0.0.0", 5353));
    EXPECT_EQ(rows[0].state, SocketState::Unconnected);
    EXPECT_EQ(rows[0].holder, 20311u);
    EXPECT_EQ(rows[1].local, endpoint("198.18.0.1", 49152));
    EXPECT_EQ(rows[1].remote, endpoint("198.18.0.2", 53));
    EXPECT_EQ(rows[1].state, SocketState::Connected);
    const auto rows6 = parseProcNetTable(kUdp6, FlowTransport::Udp, FlowFamily::Ipv6);
    ASSERT_EQ(rows6.size(), 1u);
    EXPECT_EQ(rows6[0].local, endpoint("::", 5353));
    EXPECT_EQ(rows6[0].state, SocketState::Unconnected);
}

TEST(ProcNetParser, EveryKernelTcpStateHasItsMeaning)
{
    EXPECT_EQ(socketStateFromProc(FlowTransport::Tcp, 0x01), SocketState::Established);
    EXPECT_EQ(socketStateFromProc(FlowTransport::Tcp, 0x02), SocketState::SynSent);
    EXPECT_EQ(socketStateFromProc(FlowTransport::Tcp, 0x03), SocketState::SynReceived);
    for (unsigned closing : {0x04u, 0x05u, 0x08u, 0x09u, 0x0Bu})
        EXPECT_EQ(socketStateFromProc(FlowTransport::Tcp, closing), SocketState::Closing) << closing;
    EXPECT_EQ(socketStateFromProc(FlowTransport::Tcp, 0x06), SocketState::TimeWait);
    EXPECT_EQ(socketStateFromProc(FlowTransport::Tcp, 0x07), SocketState::Closed);
    EXPECT_EQ(socketStateFromProc(FlowTransport::Tcp, 0x0A), SocketState::Listen);
    EXPECT_EQ(socketStateFromProc(FlowTransport::Tcp, 0x0C), SocketState::SynReceived);
    EXPECT_EQ(socketStateFromProc(FlowTransport::Udp, 0x01), SocketState::Connected);
    EXPECT_EQ(socketStateFromProc(FlowTransport::Udp, 0x07), SocketState::Unconnected);
}

TEST(ProcNetParser, MalformedLinesAreSkippedAndCounted)
{
    const std::string text = std::string(kTcp) +
                             "   3: 0100007F:1F9 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1\n"
                             "   4: 0100007G:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1\n"
                             "   5: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000\n"
                             "   6: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 -1\n"
                             "garbage\n\n";
    std::size_t malformed = 0;
    EXPECT_EQ(parseProcNetTable(text, FlowTransport::Tcp, FlowFamily::Ipv4, &malformed).size(), 3u);
    EXPECT_EQ(malformed, 5u);
    // An IPv6 line handed to the IPv4 parser (and the reverse) is refused, not misread.
    EXPECT_TRUE(parseProcNetTable(kTcp6, FlowTransport::Tcp, FlowFamily::Ipv4).empty());
    EXPECT_TRUE(parseProcNetTable(kTcp, FlowTransport::Tcp, FlowFamily::Ipv6).empty());
}

TEST(ProcNetParser, SocketLinks)
{
    EXPECT_EQ(parseSocketLink("socket:[48213]"), 48213u);
    EXPECT_EQ(parseSocketLink("socket:[18446744073709551615]"), 18446744073709551615ull);
    EXPECT_FALSE(parseSocketLink("socket:[]"));
    EXPECT_FALSE(parseSocketLink("socket:[12x]"));
    EXPECT_FALSE(parseSocketLink("pipe:[48213]"));
    EXPECT_FALSE(parseSocketLink("/dev/null"));
    EXPECT_FALSE(parseSocketLink("anon_inode:[eventfd]"));
}

std::string readFile(const std::string& path)
{
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// The kernel's table lists a socket this process opens, with its inode and its state.
TEST(ProcNetParser, FindsOurOwnSocketsInTheKernelsTables)
{
    const int listener = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int datagram = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    ASSERT_GE(datagram, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(datagram, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    socklen_t length = sizeof address;
    ASSERT_EQ(getsockname(datagram, reinterpret_cast<sockaddr*>(&address), &length), 0);
    struct stat info{};
    ASSERT_EQ(fstat(datagram, &info), 0);

    const auto udp = parseProcNetTable(readFile("/proc/thread-self/net/udp"), FlowTransport::Udp, FlowFamily::Ipv4);
    const auto found = std::find_if(udp.begin(), udp.end(), [&](const OwnedSocket& row) { return row.holder == info.st_ino; });
    ASSERT_NE(found, udp.end()) << "inode " << info.st_ino << " not in /proc/thread-self/net/udp";
    EXPECT_EQ(found->local, endpoint("127.0.0.1", ntohs(address.sin_port)));
    EXPECT_EQ(found->state, SocketState::Unconnected);

    char link[64] = {};
    ASSERT_GT(readlink(("/proc/self/fd/" + std::to_string(datagram)).c_str(), link, sizeof link - 1), 0);
    EXPECT_EQ(parseSocketLink(link), static_cast<std::uint64_t>(info.st_ino));

    if (listener >= 0) {  // IPv6 may be off
        sockaddr_in6 address6{};
        address6.sin6_family = AF_INET6;
        address6.sin6_addr = in6addr_loopback;
        if (bind(listener, reinterpret_cast<sockaddr*>(&address6), sizeof address6) == 0 && listen(listener, 1) == 0) {
            length = sizeof address6;
            ASSERT_EQ(getsockname(listener, reinterpret_cast<sockaddr*>(&address6), &length), 0);
            ASSERT_EQ(fstat(listener, &info), 0);
            const auto tcp6 =
                parseProcNetTable(readFile("/proc/thread-self/net/tcp6"), FlowTransport::Tcp, FlowFamily::Ipv6);
            const auto row =
                std::find_if(tcp6.begin(), tcp6.end(), [&](const OwnedSocket& r) { return r.holder == info.st_ino; });
            ASSERT_NE(row, tcp6.end());
            EXPECT_EQ(row->local, endpoint("::1", ntohs(address6.sin6_port)));
            EXPECT_EQ(row->state, SocketState::Listen);
        }
        close(listener);
    }
    close(datagram);
}

}  // namespace
}  // namespace rcvmon

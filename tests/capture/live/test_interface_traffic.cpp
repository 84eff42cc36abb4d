// SPDX-License-Identifier: GPL-2.0-or-later
// Interface traffic counters: the /proc/net/dev parser on a fixed text, and on Linux the real
// kernel's totals for lo moving when loopback traffic is sent.
#include "live/interface_traffic.h"

#include <gtest/gtest.h>

#ifdef __linux__
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

#include <algorithm>

namespace rcvmon {
namespace {

TEST(InterfaceTraffic, ParsesProcNetDev)
{
    const std::string text =
        "Inter-|   Receive                                                |  Transmit\n"
        " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
        "    lo: 1234567      89    0    0    0     0          0         0  1234567      89    0    0    0     0       0          0\n"
        "  eth0:42 7 0 0 0 0 0 3 99 11 0 0 0 0 0 0\n"
        "broken: 1 2 3\n";
    const std::vector<InterfaceTraffic> list = parseProcNetDev(text);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].name, "lo");
    EXPECT_EQ(list[0].rxBytes, 1234567u);
    EXPECT_EQ(list[0].rxPackets, 89u);
    EXPECT_EQ(list[0].txBytes, 1234567u);
    EXPECT_EQ(list[1].name, "eth0");
    EXPECT_EQ(list[1].rxBytes, 42u);
    EXPECT_EQ(list[1].rxPackets, 7u);
    EXPECT_EQ(list[1].txBytes, 99u);
    EXPECT_EQ(list[1].txPackets, 11u);
}

#ifdef __linux__
std::uint64_t loopbackTxBytes()
{
    std::string error;
    const std::vector<InterfaceTraffic> list = readInterfaceTraffic(error);
    EXPECT_TRUE(error.empty()) << error;
    const auto lo = std::find_if(list.begin(), list.end(), [](const InterfaceTraffic& t) { return t.name == "lo"; });
    EXPECT_NE(lo, list.end());
    return lo == list.end() ? 0 : lo->txBytes;
}

TEST(InterfaceTraffic, LoopbackCountersMoveWithTraffic)
{
    const std::uint64_t before = loopbackTxBytes();
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(9);  // discard: nobody needs to listen, the datagram still crosses lo
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const char payload[1000] = {};
    for (int i = 0; i < 20; ++i)
        ::sendto(fd, payload, sizeof payload, 0, reinterpret_cast<const sockaddr*>(&to), sizeof to);
    ::close(fd);
    EXPECT_GE(loopbackTxBytes(), before + 20 * sizeof payload);
}
#endif

}  // namespace
}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/rcvall_pump.h"

#include "core/link_type.h"
#include "live/windows/winsock_session.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

namespace rcvmon {
namespace {

using Clock = std::chrono::steady_clock;

// Stands in for a SIO_RCVALL socket where raw sockets are not allowed (wine): a UDP socket on
// loopback whose datagrams carry what a raw socket would hand over (an IPv4 datagram, or the
// part of an IPv6 one after its header).
struct LoopbackPair {
    explicit LoopbackPair(int family)
    {
        receiver = WSASocketW(family, SOCK_DGRAM, IPPROTO_UDP, nullptr, 0, WSA_FLAG_OVERLAPPED);
        sender = socket(family, SOCK_DGRAM, IPPROTO_UDP);
        sockaddr_storage local{};
        if (family == AF_INET) {
            auto* sin = reinterpret_cast<sockaddr_in*>(&local);
            sin->sin_family = AF_INET;
            sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            length = sizeof(sockaddr_in);
        } else {
            auto* sin6 = reinterpret_cast<sockaddr_in6*>(&local);
            sin6->sin6_family = AF_INET6;
            sin6->sin6_addr = in6addr_loopback;
            length = sizeof(sockaddr_in6);
            const DWORD on = 1;  // as RcvallSource asks of its IPv6 socket
            setsockopt(receiver, IPPROTO_IPV6, IPV6_PKTINFO, reinterpret_cast<const char*>(&on), sizeof(on));
            setsockopt(receiver, IPPROTO_IPV6, IPV6_HOPLIMIT, reinterpret_cast<const char*>(&on), sizeof(on));
        }
        bind(receiver, reinterpret_cast<sockaddr*>(&local), length);
        getsockname(receiver, reinterpret_cast<sockaddr*>(&address), &length);
    }
    ~LoopbackPair()
    {
        closesocket(receiver);
        closesocket(sender);
    }
    bool send(const std::vector<std::uint8_t>& bytes) const
    {
        return sendto(sender, reinterpret_cast<const char*>(bytes.data()), static_cast<int>(bytes.size()), 0,
                      reinterpret_cast<const sockaddr*>(&address), length) == static_cast<int>(bytes.size());
    }
    SOCKET receiver = INVALID_SOCKET;
    SOCKET sender = INVALID_SOCKET;
    sockaddr_storage address{};
    int length = 0;
};

struct KeptFrame {
    FrameRef frame;
    std::vector<std::uint8_t> bytes;
};

class KeepingSink : public FrameSink {
public:
    void onFrame(const FrameRef& frame) override
    {
        frames.push_back({frame, std::vector<std::uint8_t>(frame.data.begin(), frame.data.end())});
    }
    std::vector<KeptFrame> frames;
};

// RFC 1071 checksum of a UDP datagram over ::1 -> ::1, written by hand here so the pump's
// own checksum code is not what the test relies on.
void fillLoopbackUdpChecksum(std::vector<std::uint8_t>& udp)
{
    std::uint32_t sum = 2 * 1;  // ::1 source and destination: one word of 1 each
    sum += static_cast<std::uint32_t>(udp.size()) + 17;
    for (std::size_t i = 0; i < udp.size(); i += 2) {
        sum += static_cast<std::uint32_t>(udp[i] << 8 | (i + 1 < udp.size() ? udp[i + 1] : 0));
    }
    while (sum >> 16) sum = (sum & 0xFFFF) + (sum >> 16);
    const auto checksum = static_cast<std::uint16_t>(~sum);
    udp[6] = static_cast<std::uint8_t>(checksum >> 8);
    udp[7] = static_cast<std::uint8_t>(checksum);
}

OwnAddresses loopbackOwn()
{
    WindowsNetworkInterface iface;
    iface.addresses = {"127.0.0.1/8", "::1/128"};
    return ownAddressesOf(iface);
}

class RcvallPumpTest : public ::testing::Test {
protected:
    WinsockSession m_winsock;
};

TEST_F(RcvallPumpTest, Ipv6PayloadComesOutWithARebuiltHeader)
{
    LoopbackPair pair(AF_INET6);
    ASSERT_NE(pair.receiver, INVALID_SOCKET);
    RcvallPump pump(loopbackOwn(), 256 * 1024);
    ASSERT_EQ(pump.add(pair.receiver, AF_INET6), 0);

    // UDP 40000 -> 53 with 4 data bytes; the first with a correct checksum, the second with
    // the zero an offloading sender leaves.
    std::vector<std::uint8_t> udp = {0x9c, 0x40, 0x00, 0x35, 0x00, 0x0c, 0, 0, 'r', 'c', 'v', '6'};
    std::vector<std::uint8_t> checked = udp;
    fillLoopbackUdpChecksum(checked);
    ASSERT_TRUE(pair.send(checked));
    ASSERT_TRUE(pair.send(udp));

    KeepingSink sink;
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (sink.frames.size() < 2 && Clock::now() < deadline) {
        ASSERT_EQ(pump.pump(sink, 1000, 16).result, PollResult::Frames);
    }
    ASSERT_EQ(sink.frames.size(), 2u);
    EXPECT_EQ(pump.received(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        SCOPED_TRACE(i);
        const KeptFrame& kept = sink.frames[i];
        ASSERT_EQ(kept.bytes.size(), 40u + udp.size());
        EXPECT_EQ(kept.frame.linkType, link_type::Raw);
        EXPECT_EQ(kept.frame.capturedLength, 52u);
        EXPECT_EQ(kept.frame.direction, Direction::Outgoing);  // from ::1, one of own
        EXPECT_EQ(kept.bytes[0], 0x60);
        EXPECT_EQ(kept.bytes[4], 0x00);
        EXPECT_EQ(kept.bytes[5], 12);  // payload length
        EXPECT_EQ(kept.bytes[6], 17);  // UDP
        EXPECT_GT(kept.bytes[7], 0);   // hop limit from IPV6_HOPLIMIT
        EXPECT_EQ(std::memcmp(kept.bytes.data() + 8, &in6addr_loopback, 16), 0);
        EXPECT_EQ(std::memcmp(kept.bytes.data() + 24, &in6addr_loopback, 16), 0);
        EXPECT_TRUE(kept.frame.flags & FrameFlag::Ipv6HeaderReconstructed);
        EXPECT_GT(kept.frame.ts.sec, 1'600'000'000);
    }
    EXPECT_TRUE(std::equal(checked.begin(), checked.end(), sink.frames[0].bytes.begin() + 40));
    EXPECT_FALSE(sink.frames[0].frame.flags & FrameFlag::Ipv6NextHeaderGuessed);  // checksum proved it
    EXPECT_TRUE(sink.frames[1].frame.flags & FrameFlag::Ipv6NextHeaderGuessed);   // only its shape
}

TEST_F(RcvallPumpTest, Ipv4DatagramComesOutAsIs)
{
    LoopbackPair pair(AF_INET);
    RcvallPump pump(loopbackOwn(), 256 * 1024);
    ASSERT_EQ(pump.add(pair.receiver, AF_INET), 0);
    // An IPv4/UDP datagram 198.18.0.9 -> 127.0.0.1, as a raw socket hands it over.
    const std::vector<std::uint8_t> ip = {0x45, 0, 0, 32, 0, 1, 0, 0, 64, 17, 0, 0, 198, 18, 0, 9, 127, 0, 0, 1,
                                          0x9c, 0x40, 0x00, 0x35, 0, 12, 0, 0, 'r', 'c', 'v', '4'};
    ASSERT_TRUE(pair.send(ip));
    KeepingSink sink;
    ASSERT_EQ(pump.pump(sink, 5000, 16).result, PollResult::Frames);
    ASSERT_EQ(sink.frames.size(), 1u);
    EXPECT_EQ(sink.frames[0].bytes, ip);
    EXPECT_EQ(sink.frames[0].frame.direction, Direction::Incoming);
    EXPECT_EQ(sink.frames[0].frame.flags, 0);
    EXPECT_EQ(sink.frames[0].frame.originalLength, ip.size());
}

TEST_F(RcvallPumpTest, DeliversAtMostMaxFramesPerCall)
{
    LoopbackPair pair(AF_INET);
    RcvallPump pump(loopbackOwn(), 4096);
    ASSERT_EQ(pump.add(pair.receiver, AF_INET), 0);
    const std::vector<std::uint8_t> ip = {0x45, 0, 0, 20, 0, 1, 0, 0, 64, 253, 0, 0, 127, 0, 0, 1, 127, 0, 0, 1};
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(pair.send(ip));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let all ten arrive
    KeepingSink sink;
    pump.pump(sink, 1000, 4);
    EXPECT_EQ(sink.frames.size(), 4u);
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (sink.frames.size() < 10 && Clock::now() < deadline) pump.pump(sink, 1000, 4);
    EXPECT_EQ(sink.frames.size(), 10u);
    EXPECT_EQ(pump.received(), 10u);
}

TEST_F(RcvallPumpTest, WakeupEndsAWaitingPumpAtOnce)
{
    LoopbackPair pair(AF_INET);
    RcvallPump pump(loopbackOwn(), 4096);
    ASSERT_EQ(pump.add(pair.receiver, AF_INET), 0);
    KeepingSink sink;
    Clock::time_point wokenAt;
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        wokenAt = Clock::now();
        pump.wakeup();
    });
    EXPECT_EQ(pump.pump(sink, 30000, 16).result, PollResult::Frames);
    const auto returnedAt = Clock::now();
    stopper.join();
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(returnedAt - wokenAt).count(), 100);
    EXPECT_TRUE(sink.frames.empty());
    pump.clear();
}

}  // namespace
}  // namespace rcvmon

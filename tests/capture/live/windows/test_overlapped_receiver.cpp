// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/overlapped_receiver.h"

#include "live/windows/winsock_session.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <string>
#include <thread>

namespace rcvmon {
namespace {

using Clock = std::chrono::steady_clock;

long long msSince(Clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

// A UDP socket on a loopback address (127.0.0.1 or ::1) and a port Windows picks: the same
// overlapped receive path as the raw capture sockets, with traffic that stays on this host.
class LoopbackUdp {
public:
    explicit LoopbackUdp(int family) : m_family(family)
    {
        m_socket = WSASocketW(family, SOCK_DGRAM, IPPROTO_UDP, nullptr, 0, WSA_FLAG_OVERLAPPED);
        if (m_socket == INVALID_SOCKET) return;
        sockaddr_storage local{};
        int length = 0;
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
        }
        bind(m_socket, reinterpret_cast<sockaddr*>(&local), length);
        m_addressLength = sizeof(m_address);
        getsockname(m_socket, reinterpret_cast<sockaddr*>(&m_address), &m_addressLength);
        const DWORD on = 1;
        setsockopt(m_socket, family == AF_INET ? IPPROTO_IP : IPPROTO_IPV6,
                   family == AF_INET ? IP_PKTINFO : IPV6_PKTINFO, reinterpret_cast<const char*>(&on), sizeof(on));
        if (family == AF_INET6) {
            setsockopt(m_socket, IPPROTO_IPV6, IPV6_HOPLIMIT, reinterpret_cast<const char*>(&on), sizeof(on));
        }
    }
    ~LoopbackUdp()
    {
        if (m_socket != INVALID_SOCKET) closesocket(m_socket);
    }
    LoopbackUdp(const LoopbackUdp&) = delete;
    LoopbackUdp& operator=(const LoopbackUdp&) = delete;

    SOCKET socket() const { return m_socket; }
    int family() const { return m_family; }
    bool sendTo(const LoopbackUdp& to, const std::string& text) const
    {
        return sendto(m_socket, text.data(), static_cast<int>(text.size()), 0,
                      reinterpret_cast<const sockaddr*>(&to.m_address), to.m_addressLength) ==
               static_cast<int>(text.size());
    }
    std::uint16_t port() const
    {
        return ntohs(m_family == AF_INET ? reinterpret_cast<const sockaddr_in*>(&m_address)->sin_port
                                         : reinterpret_cast<const sockaddr_in6*>(&m_address)->sin6_port);
    }

private:
    int m_family;
    SOCKET m_socket = INVALID_SOCKET;
    sockaddr_storage m_address{};
    int m_addressLength = 0;
};

std::uint16_t fromPort(const ReceivedDatagram& datagram)
{
    return ntohs(datagram.from.ss_family == AF_INET
                     ? reinterpret_cast<const sockaddr_in*>(&datagram.from)->sin_port
                     : reinterpret_cast<const sockaddr_in6*>(&datagram.from)->sin6_port);
}

class OverlappedReceiverTest : public ::testing::Test {
protected:
    WinsockSession m_winsock;
};

TEST_F(OverlappedReceiverTest, ReceivesAnIpv4DatagramWithItsAddresses)
{
    LoopbackUdp receiverSocket(AF_INET), sender(AF_INET);
    ASSERT_NE(receiverSocket.socket(), INVALID_SOCKET);
    OverlappedReceiver receiver(2048, 40);
    ASSERT_EQ(receiver.initError(), 0);
    ASSERT_EQ(receiver.add(receiverSocket.socket()), 0);
    ASSERT_TRUE(sender.sendTo(receiverSocket, "hello over loopback"));

    ReceivedDatagram datagram;
    int error = 0;
    std::size_t failed = 0;
    ASSERT_EQ(receiver.next(5000, datagram, error, failed), OverlappedReceiver::Result::Datagram) << error;
    EXPECT_EQ(std::string(reinterpret_cast<char*>(datagram.data), datagram.length), "hello over loopback");
    EXPECT_FALSE(datagram.truncated);
    EXPECT_EQ(datagram.socketIndex, 0u);
    EXPECT_EQ(datagram.from.ss_family, AF_INET);
    EXPECT_EQ(fromPort(datagram), sender.port());
    ASSERT_TRUE(datagram.hasDestination);
    EXPECT_EQ(datagram.destination[0], 127);
    EXPECT_EQ(datagram.destination[3], 1);
}

TEST_F(OverlappedReceiverTest, ReceivesAnIpv6DatagramWithPacketInfo)
{
    LoopbackUdp receiverSocket(AF_INET6), sender(AF_INET6);
    ASSERT_NE(receiverSocket.socket(), INVALID_SOCKET);
    OverlappedReceiver receiver(2048, 40);
    ASSERT_EQ(receiver.add(receiverSocket.socket()), 0);
    ASSERT_TRUE(sender.sendTo(receiverSocket, "six"));
    ReceivedDatagram datagram;
    int error = 0;
    std::size_t failed = 0;
    ASSERT_EQ(receiver.next(5000, datagram, error, failed), OverlappedReceiver::Result::Datagram) << error;
    EXPECT_EQ(std::string(reinterpret_cast<char*>(datagram.data), datagram.length), "six");
    EXPECT_EQ(datagram.from.ss_family, AF_INET6);
    ASSERT_TRUE(datagram.hasDestination);
    EXPECT_EQ(std::memcmp(datagram.destination.data(), &in6addr_loopback, 16), 0);
    EXPECT_GT(datagram.hopLimit, 0);
    std::cout << "IPv6 hop limit reported: " << datagram.hopLimit << "\n";
}

TEST_F(OverlappedReceiverTest, ServesTwoSocketsAndManyDatagramsInOrder)
{
    LoopbackUdp first(AF_INET), second(AF_INET6), sender4(AF_INET), sender6(AF_INET6);
    OverlappedReceiver receiver(2048, 40);
    ASSERT_EQ(receiver.add(first.socket()), 0);
    ASSERT_EQ(receiver.add(second.socket()), 0);
    constexpr int kCount = 40;  // bounded, loopback only
    for (int i = 0; i < kCount; ++i) {
        ASSERT_TRUE(sender4.sendTo(first, "v4-" + std::to_string(i)));
        ASSERT_TRUE(sender6.sendTo(second, "v6-" + std::to_string(i)));
    }
    int next4 = 0, next6 = 0;
    ReceivedDatagram datagram;
    int error = 0;
    std::size_t failed = 0;
    const auto start = Clock::now();
    while ((next4 < kCount || next6 < kCount) && msSince(start) < 10000) {
        const auto result = receiver.next(1000, datagram, error, failed);
        ASSERT_NE(result, OverlappedReceiver::Result::Error) << error;
        if (result != OverlappedReceiver::Result::Datagram) continue;
        const std::string text(reinterpret_cast<char*>(datagram.data), datagram.length);
        if (datagram.socketIndex == 0) {
            EXPECT_EQ(text, "v4-" + std::to_string(next4++));
        } else {
            EXPECT_EQ(text, "v6-" + std::to_string(next6++));
        }
    }
    EXPECT_EQ(next4, kCount);
    EXPECT_EQ(next6, kCount);
}

TEST_F(OverlappedReceiverTest, TooLongDatagramIsReportedTruncated)
{
    LoopbackUdp receiverSocket(AF_INET), sender(AF_INET);
    OverlappedReceiver receiver(16, 40);
    ASSERT_EQ(receiver.add(receiverSocket.socket()), 0);
    ASSERT_TRUE(sender.sendTo(receiverSocket, std::string(100, 'x')));
    ReceivedDatagram datagram;
    int error = 0;
    std::size_t failed = 0;
    ASSERT_EQ(receiver.next(5000, datagram, error, failed), OverlappedReceiver::Result::Datagram) << error;
    EXPECT_TRUE(datagram.truncated);
    EXPECT_EQ(datagram.length, 16u);
}

TEST_F(OverlappedReceiverTest, TimesOutWhenNothingArrives)
{
    LoopbackUdp receiverSocket(AF_INET);
    OverlappedReceiver receiver(2048, 40);
    ASSERT_EQ(receiver.add(receiverSocket.socket()), 0);
    ReceivedDatagram datagram;
    int error = 0;
    std::size_t failed = 0;
    const auto start = Clock::now();
    EXPECT_EQ(receiver.next(200, datagram, error, failed), OverlappedReceiver::Result::Timeout);
    const long long elapsed = msSince(start);
    EXPECT_GE(elapsed, 150);
    EXPECT_LT(elapsed, 2000);
}

TEST_F(OverlappedReceiverTest, WakeupEndsAWaitAtOnce)
{
    LoopbackUdp receiverSocket(AF_INET);
    OverlappedReceiver receiver(2048, 40);
    ASSERT_EQ(receiver.add(receiverSocket.socket()), 0);
    ReceivedDatagram datagram;
    int error = 0;
    std::size_t failed = 0;
    Clock::time_point wokenAt;
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        wokenAt = Clock::now();
        receiver.wakeup();
    });
    const auto start = Clock::now();
    const auto result = receiver.next(30000, datagram, error, failed);
    const auto returnedAt = Clock::now();
    stopper.join();
    EXPECT_EQ(result, OverlappedReceiver::Result::Woken);
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(returnedAt - wokenAt).count(), 100);
    EXPECT_LT(msSince(start), 2000);
    // The stop event was consumed: the next wait times out instead of returning at once.
    EXPECT_EQ(receiver.next(50, datagram, error, failed), OverlappedReceiver::Result::Timeout);
}

TEST_F(OverlappedReceiverTest, WakeupBeforeTheWaitIsNotLost)
{
    OverlappedReceiver receiver(2048, 40);  // no socket at all: only the stop event
    receiver.wakeup();
    ReceivedDatagram datagram;
    int error = 0;
    std::size_t failed = 0;
    const auto start = Clock::now();
    EXPECT_EQ(receiver.next(30000, datagram, error, failed), OverlappedReceiver::Result::Woken);
    EXPECT_LT(msSince(start), 1000);
}

TEST_F(OverlappedReceiverTest, ClearCancelsPendingReceivesSoSocketsCanClose)
{
    for (int round = 0; round < 20; ++round) {
        LoopbackUdp receiverSocket(AF_INET), sender(AF_INET);
        OverlappedReceiver receiver(2048, 40);
        ASSERT_EQ(receiver.add(receiverSocket.socket()), 0);
        ReceivedDatagram datagram;
        int error = 0;
        std::size_t failed = 0;
        ASSERT_EQ(receiver.next(0, datagram, error, failed), OverlappedReceiver::Result::Timeout);
        receiver.clear();  // a receive was pending
        EXPECT_EQ(receiver.socketCount(), 0u);
        // The socket still works for a receiver added afterwards.
        ASSERT_EQ(receiver.add(receiverSocket.socket()), 0);
        ASSERT_TRUE(sender.sendTo(receiverSocket, "again"));
        ASSERT_EQ(receiver.next(5000, datagram, error, failed), OverlappedReceiver::Result::Datagram) << error;
        EXPECT_EQ(std::string(reinterpret_cast<char*>(datagram.data), datagram.length), "again");
    }
}

}  // namespace
}  // namespace rcvmon

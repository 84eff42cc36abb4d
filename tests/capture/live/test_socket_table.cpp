// SPDX-License-Identifier: GPL-2.0-or-later
// The rules that choose which sockets can own a flow, over hand-built tables.
#include "live/socket_table.h"

#include <gtest/gtest.h>

#include <vector>

namespace rcvmon {
namespace {

FlowEndpoint v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d, std::uint16_t port)
{
    const std::uint8_t bytes[4] = {a, b, c, d};
    return makeFlowEndpoint(bytes, 4, port);
}

FlowEndpoint v6Any(std::uint16_t port)
{
    FlowEndpoint endpoint;
    endpoint.port = port;
    return endpoint;
}

const FlowEndpoint kLocal = v4(198, 18, 0, 1, 5000);
const FlowEndpoint kRemote = v4(198, 18, 0, 2, 9);

OwnedSocket tcp(FlowEndpoint local, FlowEndpoint remote, SocketState state, std::uint64_t holder)
{
    return {FlowTransport::Tcp, FlowFamily::Ipv4, local, remote, state, holder};
}

OwnedSocket udp(FlowEndpoint local, FlowEndpoint remote, std::uint64_t holder, FlowFamily family = FlowFamily::Ipv4)
{
    const bool connected = remote.port != 0;
    return {FlowTransport::Udp, family, local, remote, connected ? SocketState::Connected : SocketState::Unconnected,
            holder};
}

FlowKey key(FlowTransport transport, FlowEndpoint local = kLocal, FlowEndpoint remote = kRemote)
{
    return {transport, FlowFamily::Ipv4, local, remote};
}

// The holders of the candidates, in table order.
std::vector<std::uint64_t> holders(const SocketTable& table, const FlowKey& flow)
{
    std::vector<std::uint64_t> out;
    for (const OwnedSocket* socket : table.candidatesFor(flow)) out.push_back(socket->holder);
    return out;
}

using Holders = std::vector<std::uint64_t>;

TEST(SocketTable, TcpConnectionBeatsTheListenerOnItsPort)
{
    const SocketTable table({
        tcp(v4(0, 0, 0, 0, 5000), {}, SocketState::Listen, 10),
        tcp(kLocal, kRemote, SocketState::Established, 11),
        tcp(kLocal, v4(198, 18, 0, 3, 9), SocketState::Established, 12),
    });
    EXPECT_EQ(holders(table, key(FlowTransport::Tcp)), Holders{11});
    EXPECT_EQ(holders(table, key(FlowTransport::Tcp, kLocal, v4(198, 18, 0, 3, 9))), Holders{12});
    // A peer with no connection yet (its SYN): the listener's process will accept it.
    EXPECT_EQ(holders(table, key(FlowTransport::Tcp, kLocal, v4(198, 18, 0, 4, 9))), Holders{10});
    // Another port, another transport: nothing.
    EXPECT_TRUE(holders(table, key(FlowTransport::Tcp, v4(198, 18, 0, 1, 5001))).empty());
    EXPECT_TRUE(holders(table, key(FlowTransport::Udp)).empty());
}

TEST(SocketTable, UnheldConnectionsGoToTheListenerOnlyWhileWaitingForAccept)
{
    const SocketTable queued({
        tcp(v4(198, 18, 0, 1, 5000), {}, SocketState::Listen, 10),
        tcp(kLocal, kRemote, SocketState::Established, 0),
    });
    EXPECT_EQ(holders(queued, key(FlowTransport::Tcp)), Holders{10});
    const SocketTable requested({
        tcp(v4(198, 18, 0, 1, 5000), {}, SocketState::Listen, 10),
        tcp(kLocal, kRemote, SocketState::SynReceived, 0),
    });
    EXPECT_EQ(holders(requested, key(FlowTransport::Tcp)), Holders{10});
    // TIME_WAIT: the process closed it; the listener did not send these packets.
    const SocketTable closed({
        tcp(v4(198, 18, 0, 1, 5000), {}, SocketState::Listen, 10),
        tcp(kLocal, kRemote, SocketState::TimeWait, 0),
    });
    EXPECT_TRUE(holders(closed, key(FlowTransport::Tcp)).empty());
    // A new connection reusing the 4-tuple of one in TIME_WAIT is the one that counts.
    const SocketTable reused({
        tcp(kLocal, kRemote, SocketState::TimeWait, 0),
        tcp(kLocal, kRemote, SocketState::SynSent, 13),
    });
    EXPECT_EQ(holders(reused, key(FlowTransport::Tcp)), Holders{13});
}

TEST(SocketTable, ListenerOnTheExactAddressBeatsTheWildcard)
{
    const SocketTable table({
        tcp(v4(0, 0, 0, 0, 5000), {}, SocketState::Listen, 10),
        tcp(v4(198, 18, 0, 1, 5000), {}, SocketState::Listen, 11),
        tcp(v4(127, 0, 0, 1, 5000), {}, SocketState::Listen, 12),
    });
    EXPECT_EQ(holders(table, key(FlowTransport::Tcp)), Holders{11});
    EXPECT_EQ(holders(table, key(FlowTransport::Tcp, v4(10, 1, 1, 1, 5000))), Holders{10});
}

TEST(SocketTable, UdpConnectedThenBoundAddressThenWildcard)
{
    const SocketTable table({
        udp(v4(0, 0, 0, 0, 5000), {}, 20),
        udp(v4(198, 18, 0, 1, 5000), {}, 21),
        udp(kLocal, kRemote, 22),
    });
    EXPECT_EQ(holders(table, key(FlowTransport::Udp)), Holders{22});
    EXPECT_EQ(holders(table, key(FlowTransport::Udp, kLocal, v4(198, 18, 0, 7, 53))), Holders{21});
    EXPECT_EQ(holders(table, key(FlowTransport::Udp, v4(10, 0, 0, 1, 5000), kRemote)), Holders{20});
    // A socket connected elsewhere never receives from this peer.
    const SocketTable onlyConnected({udp(kLocal, v4(198, 18, 0, 9, 9), 23)});
    EXPECT_TRUE(holders(onlyConnected, key(FlowTransport::Udp)).empty());
}

TEST(SocketTable, Ipv4FlowsReachDualStackSocketsAfterIpv4Ones)
{
    const OwnedSocket dualStack = udp(v6Any(5000), {}, 30, FlowFamily::Ipv6);
    EXPECT_EQ(holders(SocketTable({dualStack}), key(FlowTransport::Udp)), Holders{30});
    // An IPv4 socket on the wildcard beats an IPv6 one on the wildcard (the kernel's score)...
    EXPECT_EQ(holders(SocketTable({dualStack, udp(v4(0, 0, 0, 0, 5000), {}, 31)}), key(FlowTransport::Udp)),
              Holders{31});
    // ...but an IPv6 socket bound to the IPv4-mapped address is more specific than any wildcard.
    const OwnedSocket mapped = udp(mappedToIpv6(v4(198, 18, 0, 1, 5000)), {}, 32, FlowFamily::Ipv6);
    EXPECT_EQ(holders(SocketTable({udp(v4(0, 0, 0, 0, 5000), {}, 31), mapped}), key(FlowTransport::Udp)),
              Holders{32});
    // A connected IPv6 TCP socket with mapped ends owns the IPv4 connection.
    OwnedSocket connection = tcp(mappedToIpv6(kLocal), mappedToIpv6(kRemote), SocketState::Established, 33);
    connection.family = FlowFamily::Ipv6;
    EXPECT_EQ(holders(SocketTable({connection}), key(FlowTransport::Tcp)), Holders{33});
    // An IPv6 flow never matches IPv4 sockets.
    FlowKey v6Flow = key(FlowTransport::Udp, v6Any(5000), v6Any(9));
    v6Flow.family = FlowFamily::Ipv6;
    v6Flow.local.address[15] = 1;
    EXPECT_TRUE(holders(SocketTable({udp(v4(0, 0, 0, 0, 5000), {}, 31)}), v6Flow).empty());
}

TEST(SocketTable, TiesAreAllReturnedSoTheCallerCanRefuseToGuess)
{
    // SO_REUSEPORT: two sockets on the same address and port.
    const SocketTable table({
        udp(v4(0, 0, 0, 0, 5000), {}, 40),
        udp(v4(0, 0, 0, 0, 5000), {}, 41),
    });
    EXPECT_EQ(holders(table, key(FlowTransport::Udp)), (Holders{40, 41}));
}

TEST(SocketTable, WildcardAndMappedHelpers)
{
    EXPECT_TRUE(isWildcard(v4(0, 0, 0, 0, 80)));
    EXPECT_TRUE(isWildcard(v6Any(0)));
    EXPECT_FALSE(isWildcard(kLocal));
    const FlowEndpoint mapped = mappedToIpv6(kLocal);
    const std::array<std::uint8_t, 16> expected = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 198, 18, 0, 1};
    EXPECT_EQ(mapped.address, expected);
    EXPECT_EQ(mapped.port, 5000);
}

}  // namespace
}  // namespace rcvmon

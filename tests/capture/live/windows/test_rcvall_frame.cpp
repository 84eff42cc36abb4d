// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/rcvall_frame.h"

#include "core/link_type.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <vector>

namespace rcvmon {
namespace {

WindowsNetworkInterface testInterface()
{
    WindowsNetworkInterface iface;
    iface.name = "test";
    iface.addresses = {"198.18.0.1/15", "2001:db8::1/64", "fe80::1/64"};
    return iface;
}

// A 28-byte IPv4/UDP datagram from src to dst (198.18.0.x), total length as given.
std::vector<std::uint8_t> ipv4Datagram(std::uint8_t src, std::uint8_t dst, std::uint16_t totalLength)
{
    // Sized once and filled in place: growing a 20-byte vector trips a false -Warray-bounds in mingw's GCC 12.
    std::vector<std::uint8_t> ip(28, 0);
    const std::uint8_t header[20] = {0x45, 0, static_cast<std::uint8_t>(totalLength >> 8),
                                     static_cast<std::uint8_t>(totalLength), 0, 1, 0, 0, 64, 17, 0, 0,
                                     198, 18, 0, src, 198, 18, 0, dst};
    std::copy(std::begin(header), std::end(header), ip.begin());
    return ip;
}

TEST(RcvallFrame, OwnAddressesComeFromTheInterfaceStrings)
{
    const OwnAddresses own = ownAddressesOf(testInterface());
    ASSERT_EQ(own.ipv4.size(), 1u);
    EXPECT_EQ(own.ipv4[0], (std::array<std::uint8_t, 4>{198, 18, 0, 1}));
    ASSERT_EQ(own.ipv6.size(), 2u);
    EXPECT_EQ(own.ipv6[0][0], 0x20);
    EXPECT_EQ(own.ipv6[0][15], 0x01);
    EXPECT_EQ(own.ipv6[1][0], 0xfe);
}

TEST(RcvallFrame, Ipv4ArrivesWholeWithDirectionFromOwnAddresses)
{
    const OwnAddresses own = ownAddressesOf(testInterface());
    const Timestamp ts{1700000000, 123};
    struct Case {
        std::uint8_t src, dst;
        Direction direction;
    };
    for (const Case& c : {Case{1, 2, Direction::Outgoing}, Case{2, 1, Direction::Incoming},
                          Case{2, 3, Direction::Unknown}}) {
        std::vector<std::uint8_t> ip = ipv4Datagram(c.src, c.dst, 28);
        ReceivedDatagram datagram;
        datagram.data = ip.data();
        datagram.length = ip.size();
        const FrameRef frame = makeRcvallFrame(datagram, AF_INET, own, ts);
        EXPECT_EQ(frame.direction, c.direction);
        EXPECT_EQ(frame.data.data(), ip.data());
        EXPECT_EQ(frame.capturedLength, 28u);
        EXPECT_EQ(frame.originalLength, 28u);
        EXPECT_EQ(frame.linkType, link_type::Raw);
        EXPECT_EQ(frame.flags, 0);
        EXPECT_EQ(frame.ts, ts);
    }
}

TEST(RcvallFrame, TruncatedIpv4KeepsItsWireLength)
{
    std::vector<std::uint8_t> ip = ipv4Datagram(2, 3, 28);
    ip[2] = 0x05;  // total length 1500, only 28 bytes fitted
    ip[3] = 0xdc;
    ReceivedDatagram datagram;
    datagram.data = ip.data();
    datagram.length = ip.size();
    datagram.truncated = true;
    const FrameRef frame = makeRcvallFrame(datagram, AF_INET, {}, {});
    EXPECT_EQ(frame.capturedLength, 28u);
    EXPECT_EQ(frame.originalLength, 1500u);
}

TEST(RcvallFrame, Ipv6HeaderIsRebuiltInTheHeadroomAndFlagged)
{
    const OwnAddresses own = ownAddressesOf(testInterface());
    // UDP 5353 -> 5353, length 12, unfinished checksum (as an offloading sender leaves it).
    const std::vector<std::uint8_t> udp = {0x14, 0xe9, 0x14, 0xe9, 0x00, 0x0c, 0x00, 0x00, 'p', 'i', 'n', 'g'};
    std::vector<std::uint8_t> buffer(kRcvallHeadroom + udp.size(), 0xEE);
    std::memcpy(buffer.data() + kRcvallHeadroom, udp.data(), udp.size());

    ReceivedDatagram datagram;
    datagram.data = buffer.data() + kRcvallHeadroom;
    datagram.length = udp.size();
    auto* from = reinterpret_cast<sockaddr_in6*>(&datagram.from);
    from->sin6_family = AF_INET6;
    ASSERT_EQ(inet_pton(AF_INET6, "2001:db8::7", &from->sin6_addr), 1);
    datagram.hasDestination = true;
    ASSERT_EQ(inet_pton(AF_INET6, "2001:db8::1", datagram.destination.data()), 1);
    datagram.hopLimit = 255;
    datagram.trafficClass = 0x20;

    const FrameRef frame = makeRcvallFrame(datagram, AF_INET6, own, {});
    ASSERT_EQ(frame.data.data(), buffer.data());
    ASSERT_EQ(frame.capturedLength, 52u);
    EXPECT_EQ(frame.originalLength, 52u);
    EXPECT_EQ(frame.flags, FrameFlag::Ipv6HeaderReconstructed | FrameFlag::Ipv6NextHeaderGuessed);
    EXPECT_EQ(frame.direction, Direction::Incoming);
    EXPECT_EQ(frame.linkType, link_type::Raw);
    const std::vector<std::uint8_t> header(buffer.begin(), buffer.begin() + 8);
    EXPECT_EQ(header, (std::vector<std::uint8_t>{0x62, 0x00, 0x00, 0x00, 0x00, 0x0c, 17, 255}));
    EXPECT_EQ(buffer[8], 0x20);
    EXPECT_EQ(buffer[23], 0x07);  // source ends in ::7
    EXPECT_EQ(buffer[24], 0x20);
    EXPECT_EQ(buffer[39], 0x01);  // destination ends in ::1
    EXPECT_EQ(buffer[40], 0x14);  // payload untouched
}

TEST(RcvallFrame, Ipv6HeaderThatArrivedIsKept)
{
    const OwnAddresses own = ownAddressesOf(testInterface());
    Ipv6HeaderFields fields;
    ASSERT_EQ(inet_pton(AF_INET6, "2001:db8::1", fields.source.data()), 1);
    fields.payloadLength = 4;
    fields.nextHeader = 59;
    std::vector<std::uint8_t> buffer(kRcvallHeadroom + kIpv6HeaderLength + 4, 0);
    std::uint8_t* ip = buffer.data() + kRcvallHeadroom;
    writeIpv6Header(fields, std::span<std::uint8_t, kIpv6HeaderLength>(ip, kIpv6HeaderLength));

    ReceivedDatagram datagram;
    datagram.data = ip;
    datagram.length = kIpv6HeaderLength + 4;
    auto* from = reinterpret_cast<sockaddr_in6*>(&datagram.from);
    from->sin6_family = AF_INET6;
    std::memcpy(&from->sin6_addr, fields.source.data(), 16);
    const FrameRef frame = makeRcvallFrame(datagram, AF_INET6, own, {});
    EXPECT_EQ(frame.data.data(), ip);
    EXPECT_EQ(frame.capturedLength, 44u);
    EXPECT_EQ(frame.flags, 0);
    EXPECT_EQ(frame.direction, Direction::Outgoing);
}

}  // namespace
}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/rcvall_frame.h"

#include "core/link_type.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace rcvmon {
namespace {

template <std::size_t N>
bool contains(const std::vector<std::array<std::uint8_t, N>>& list, const std::uint8_t* address)
{
    return std::any_of(list.begin(), list.end(), [address](const std::array<std::uint8_t, N>& own) {
        return std::equal(own.begin(), own.end(), address);
    });
}

template <std::size_t N>
Direction directionOf(const std::vector<std::array<std::uint8_t, N>>& own, const std::uint8_t* source,
                      const std::uint8_t* destination)
{
    if (contains(own, source)) return Direction::Outgoing;
    if (contains(own, destination)) return Direction::Incoming;
    return Direction::Unknown;
}

FrameRef ipv4Frame(const ReceivedDatagram& datagram, const OwnAddresses& own)
{
    FrameRef frame;
    frame.data = ByteSpan(datagram.data, datagram.length);
    frame.capturedLength = static_cast<std::uint32_t>(datagram.length);
    frame.originalLength = frame.capturedLength;
    if (datagram.length >= 20) {
        const std::uint8_t* ip = datagram.data;
        const std::uint32_t totalLength = std::uint32_t{ip[2]} << 8 | ip[3];
        if (datagram.truncated) frame.originalLength = std::max(frame.originalLength, totalLength);
        frame.direction = directionOf(own.ipv4, ip + 12, ip + 16);
    }
    return frame;
}

FrameRef ipv6Frame(const ReceivedDatagram& datagram, const OwnAddresses& own)
{
    Ipv6Address source{};
    if (datagram.from.ss_family == AF_INET6) {
        const auto* from = reinterpret_cast<const sockaddr_in6*>(&datagram.from);
        std::memcpy(source.data(), &from->sin6_addr, 16);
    }
    const ByteSpan received(datagram.data, datagram.length);
    FrameRef frame;
    if (startsWithIpv6Header(received, source)) {
        frame.data = received;
    } else {
        Ipv6HeaderFields fields;
        fields.source = source;
        if (datagram.hasDestination) fields.destination = datagram.destination;
        fields.payloadLength = datagram.length;
        const NextHeaderGuess guess = guessIpv6NextHeader(source, fields.destination, received);
        fields.nextHeader = guess.nextHeader;
        fields.hopLimit = static_cast<std::uint8_t>(std::max(datagram.hopLimit, 0));
        fields.trafficClass = static_cast<std::uint8_t>(std::max(datagram.trafficClass, 0));
        std::uint8_t* header = datagram.data - kIpv6HeaderLength;
        writeIpv6Header(fields, std::span<std::uint8_t, kIpv6HeaderLength>(header, kIpv6HeaderLength));
        frame.data = ByteSpan(header, kIpv6HeaderLength + datagram.length);
        frame.flags = FrameFlag::Ipv6HeaderReconstructed;
        if (!guess.proven) frame.flags |= FrameFlag::Ipv6NextHeaderGuessed;
    }
    frame.capturedLength = static_cast<std::uint32_t>(frame.data.size());
    frame.originalLength = frame.capturedLength;
    frame.direction = directionOf(own.ipv6, frame.data.data() + 8, frame.data.data() + 24);
    return frame;
}

}  // namespace

OwnAddresses ownAddressesOf(const WindowsNetworkInterface& iface)
{
    OwnAddresses own;
    for (const std::string& text : iface.addresses) {
        const std::string address = text.substr(0, text.find('/'));
        std::array<std::uint8_t, 4> v4{};
        Ipv6Address v6{};
        if (inet_pton(AF_INET, address.c_str(), v4.data()) == 1) {
            own.ipv4.push_back(v4);
        } else if (inet_pton(AF_INET6, address.c_str(), v6.data()) == 1) {
            own.ipv6.push_back(v6);
        }
    }
    return own;
}

FrameRef makeRcvallFrame(const ReceivedDatagram& datagram, int family, const OwnAddresses& own,
                         Timestamp ts)
{
    FrameRef frame = family == AF_INET6 ? ipv6Frame(datagram, own) : ipv4Frame(datagram, own);
    frame.ts = ts;
    frame.linkType = link_type::Raw;
    return frame;
}

}  // namespace rcvmon

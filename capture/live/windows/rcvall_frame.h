// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"
#include "live/windows/ipv6_header.h"
#include "live/windows/overlapped_receiver.h"
#include "live/windows/windows_interfaces.h"

#include <array>
#include <vector>

namespace rcvmon {

// The capturing interface's own unicast addresses: the only way to tell which way a packet went,
// since SIO_RCVALL says nothing about direction.
struct OwnAddresses {
    std::vector<std::array<std::uint8_t, 4>> ipv4;
    std::vector<Ipv6Address> ipv6;
};
OwnAddresses ownAddressesOf(const WindowsNetworkInterface& iface);

// Room a receive buffer keeps in front of each datagram for a rebuilt IPv6 header.
inline constexpr std::size_t kRcvallHeadroom = kIpv6HeaderLength;

// Turns one datagram from a SIO_RCVALL socket of family AF_INET or AF_INET6 into a LINKTYPE_RAW
// frame. IPv4 arrives whole. IPv6 usually arrives without its header: it is rebuilt in the
// headroom in front of datagram.data (source from the receive call's address, destination from
// IPV6_PKTINFO, hop limit and traffic class when reported, next header guessed from the
// payload) and the frame is flagged FrameFlag::Ipv6HeaderReconstructed.
// Direction: Outgoing when the source is one of own, Incoming when the destination is, else
// Unknown (Windows does not tell).
FrameRef makeRcvallFrame(const ReceivedDatagram& datagram, int family, const OwnAddresses& own,
                         Timestamp ts);

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"

#include <cstdint>
#include <string_view>

namespace rcvmon {

// The coarse class of a frame, for the packet index and bandwidth bins: the transport when
// one is reachable, else the network protocol.
enum class ProtocolClass : std::uint8_t { Other, Arp, Ipv4, Ipv6, Tcp, Udp, Icmp, Icmpv6, Igmp, Gre, Sctp };

std::string_view protocolClassName(ProtocolClass c);

// A tight header pass: no allocation, no field records; reads at most the link, VLAN,
// IP (with IPv6 extension headers) headers. Later fragments classify as their IP version.
ProtocolClass classifyFrame(std::uint32_t linkType, ByteSpan data);

}  // namespace rcvmon

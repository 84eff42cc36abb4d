// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace rcvmon {

// Windows raw IPv6 sockets, SIO_RCVALL ones included, hand over "everything after the last IPv6
// header": the IPv6 header itself is gone. These pure functions rebuild it (RFC 8200 section 3)
// from what the receive call still reports, so the frame reads as LINKTYPE_RAW like an IPv4 one.

using Ipv6Address = std::array<std::uint8_t, 16>;
inline constexpr std::size_t kIpv6HeaderLength = 40;
inline constexpr std::uint8_t kIpv6NoNextHeader = 59;

struct Ipv6HeaderFields {
    Ipv6Address source{};
    Ipv6Address destination{};
    std::size_t payloadLength = 0;  // written as 65535 when larger (an offloaded super-frame)
    std::uint8_t nextHeader = kIpv6NoNextHeader;
    std::uint8_t hopLimit = 0;
    std::uint8_t trafficClass = 0;
    std::uint32_t flowLabel = 0;  // low 20 bits; Windows never reports it, so 0
};

// Writes the 40-byte fixed header in network byte order.
void writeIpv6Header(const Ipv6HeaderFields& fields, std::span<std::uint8_t, kIpv6HeaderLength> out);

struct NextHeaderGuess {
    std::uint8_t nextHeader = kIpv6NoNextHeader;
    bool proven = false;  // the payload's checksum verified with this protocol number
};

// The upper-layer protocol of a payload that lost its IPv6 header. Windows reports no protocol
// number, but TCP, UDP and ICMPv6 checksums cover a pseudo-header holding it (RFC 8200 section
// 8.1), so the number that makes the checksum verify is the right one. Outgoing packets may carry
// unfinished checksums (offloaded to the NIC): then the payload's shape decides (a UDP length
// equal to the payload length, a plausible TCP data offset), else 59 "no next header".
NextHeaderGuess guessIpv6NextHeader(const Ipv6Address& source, const Ipv6Address& destination,
                                    ByteSpan payload);

// True when the datagram already starts with an IPv6 header from source whose payload length
// matches: some Windows versions keep the header, and then nothing must be rebuilt.
bool startsWithIpv6Header(ByteSpan datagram, const Ipv6Address& source);

}  // namespace rcvmon

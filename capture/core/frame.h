// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"
#include "core/timestamp.h"

#include <cstdint>

namespace rcvmon {

// Which way a captured frame went, as far as the capture knows.
enum class Direction : std::uint8_t {
    Unknown,    // read from a file that does not say
    Incoming,   // addressed to this host (or broadcast / multicast it accepted)
    Outgoing,   // sent by this host
    OtherHost,  // another host's unicast, seen only in promiscuous mode
};

// Facts about how a live frame was captured that its bytes cannot tell; bits of FrameRef::flags.
struct FrameFlag {
    // SIO_RCVALL IPv6 sockets deliver no IPv6 header: the 40 bytes in front were rebuilt from
    // the addresses the receive call reported (flow label 0, extension headers not recovered).
    static constexpr std::uint8_t Ipv6HeaderReconstructed = 0x01;
    // ...and its next header was guessed from the payload's shape, not proven by a checksum.
    static constexpr std::uint8_t Ipv6NextHeaderGuessed = 0x02;
};

// One captured frame as it is handed around: metadata plus a view on its bytes.
// The bytes belong to whoever produced the FrameRef (a mapped file, a ring slot).
struct FrameRef {
    Timestamp ts;
    std::uint32_t capturedLength = 0;  // bytes present in data
    std::uint32_t originalLength = 0;  // bytes on the wire
    std::uint32_t linkType = 0;        // a link_type:: value
    std::uint32_t interfaceId = 0;     // pcapng interface index; 0 for pcap and live
    Direction direction = Direction::Unknown;
    ByteSpan data;
    std::uint8_t flags = 0;            // FrameFlag bits
};

}  // namespace rcvmon

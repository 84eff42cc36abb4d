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
};

}  // namespace rcvmon

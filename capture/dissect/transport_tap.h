// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"

#include <array>
#include <cstdint>

namespace rcvmon {

// One TCP or UDP payload as Wireshark's follow taps see it (packet-tcp.c's tcp_follow_tap,
// packet-udp.c's udp_follow_tap): the innermost addresses, the ports, and the captured
// payload bytes, which for a reassembled IP datagram exist only while the frame is dissected.
struct TransportPayload {
    enum class Transport : std::uint8_t { Tcp, Udp };
    Transport transport = Transport::Tcp;
    std::uint16_t layer = 0;  // the TCP or UDP layer in the dissection
    std::uint8_t family = 0;  // 4 or 6
    std::array<std::uint8_t, 16> src{}, dst{};
    std::uint16_t srcPort = 0, dstPort = 0;
    std::uint32_t stream = 0;      // tcp.stream / udp.stream
    // TCP: relative sequence number, the segment's length (tcp.len) and flags.
    std::uint32_t seq = 0, segmentLength = 0;
    std::uint16_t flags = 0;
    std::uint32_t ack = 0;         // relative, when flags has ACK
    ByteSpan data;                 // captured payload
};

// Receives the payloads of the frame being dissected; set on a Dissection by whoever wants
// them (Follow Stream). Called during dissect(): copy what must outlive the call.
class TransportTap {
public:
    virtual ~TransportTap() = default;
    virtual void payload(const TransportPayload& p) = 0;
};

}  // namespace rcvmon

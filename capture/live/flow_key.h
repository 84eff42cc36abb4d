// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace rcvmon {

enum class FlowTransport : std::uint8_t { Tcp, Udp };
enum class FlowFamily : std::uint8_t { Ipv4, Ipv6 };

// One end of a flow. The address is in network byte order; IPv4 uses the first 4 bytes and
// leaves the rest zero, so keys compare and hash as plain bytes.
struct FlowEndpoint {
    std::array<std::uint8_t, 16> address{};
    std::uint16_t port = 0;  // host byte order

    friend bool operator==(const FlowEndpoint&, const FlowEndpoint&) = default;
};

// A TCP or UDP flow seen from this host: `local` is the end on this machine, whose owning
// process we look for; `remote` is the peer (all zero for "any", as unconnected UDP sockets say).
struct FlowKey {
    FlowTransport transport = FlowTransport::Tcp;
    FlowFamily family = FlowFamily::Ipv4;
    FlowEndpoint local;
    FlowEndpoint remote;

    friend bool operator==(const FlowKey&, const FlowKey&) = default;
};

struct FlowKeyHash {
    std::size_t operator()(const FlowKey& key) const noexcept;
};

// The key of a captured packet from its source and destination: an outgoing packet's source is
// the local end, any other packet's destination is (a packet between two local sockets, as on
// loopback, is attributed to the sender for Outgoing and to the receiver otherwise). Packets
// between two other hosts (OtherHost, promiscuous mode) have no local owner: don't submit them.
FlowKey flowKeyForPacket(FlowTransport transport, FlowFamily family, const FlowEndpoint& source,
                         const FlowEndpoint& destination, Direction direction);

// An endpoint from an address of 4 (IPv4) or 16 (IPv6) bytes in network order.
FlowEndpoint makeFlowEndpoint(const std::uint8_t* address, std::size_t length, std::uint16_t port);

// "udp 198.18.0.1:5000 -> 198.18.0.2:9", "tcp [::1]:80 -> [::1]:41000" (IPv6 uncompressed
// hex groups without leading zeros), for logs and test messages.
std::string toString(const FlowKey& key);

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/flow_key.h"

#include <cstdio>
#include <cstring>

namespace rcvmon {
namespace {

std::string formatIpv4(const std::array<std::uint8_t, 16>& address)
{
    char text[16];
    std::snprintf(text, sizeof text, "%u.%u.%u.%u", address[0], address[1], address[2], address[3]);
    return text;
}

// RFC 5952 style: lower-case hex groups, the longest run of two or more zero groups as "::".
std::string formatIpv6(const std::array<std::uint8_t, 16>& address)
{
    unsigned groups[8];
    for (int i = 0; i < 8; ++i) groups[i] = static_cast<unsigned>(address[2 * i] << 8 | address[2 * i + 1]);
    int bestStart = -1, bestLength = 1;
    for (int i = 0; i < 8;) {
        int end = i;
        while (end < 8 && groups[end] == 0) ++end;
        if (end - i > bestLength) {
            bestStart = i;
            bestLength = end - i;
        }
        i = end == i ? i + 1 : end;
    }
    std::string text;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            text += "::";
            i += bestLength - 1;
            continue;
        }
        if (!text.empty() && text.back() != ':') text += ':';
        char group[8];
        std::snprintf(group, sizeof group, "%x", groups[i]);
        text += group;
    }
    return text;
}

// Appended piece by piece: GCC 12 misreports `"[" + std::string` as an overlapping copy (-Wrestrict).
void appendEndpoint(std::string& text, FlowFamily family, const FlowEndpoint& endpoint)
{
    if (family == FlowFamily::Ipv4) {
        text += formatIpv4(endpoint.address);
    } else {
        text += '[';
        text += formatIpv6(endpoint.address);
        text += ']';
    }
    text += ':';
    text += std::to_string(endpoint.port);
}

}  // namespace

std::size_t FlowKeyHash::operator()(const FlowKey& key) const noexcept
{
    // FNV-1a over the fields (not the struct bytes: padding is unspecified).
    std::uint64_t hash = 14695981039346656037ull;
    const auto mix = [&hash](std::uint8_t byte) {
        hash ^= byte;
        hash *= 1099511628211ull;
    };
    mix(static_cast<std::uint8_t>(key.transport));
    mix(static_cast<std::uint8_t>(key.family));
    for (const FlowEndpoint* end : {&key.local, &key.remote}) {
        for (std::uint8_t byte : end->address) mix(byte);
        mix(static_cast<std::uint8_t>(end->port >> 8));
        mix(static_cast<std::uint8_t>(end->port));
    }
    return static_cast<std::size_t>(hash);
}

FlowKey flowKeyForPacket(FlowTransport transport, FlowFamily family, const FlowEndpoint& source,
                         const FlowEndpoint& destination, Direction direction)
{
    FlowKey key;
    key.transport = transport;
    key.family = family;
    const bool sent = direction == Direction::Outgoing;
    key.local = sent ? source : destination;
    key.remote = sent ? destination : source;
    return key;
}

FlowEndpoint makeFlowEndpoint(const std::uint8_t* address, std::size_t length, std::uint16_t port)
{
    FlowEndpoint endpoint;
    if (length == 4 || length == 16) std::memcpy(endpoint.address.data(), address, length);
    endpoint.port = port;
    return endpoint;
}

std::string toString(const FlowKey& key)
{
    std::string text = key.transport == FlowTransport::Tcp ? "tcp " : "udp ";
    appendEndpoint(text, key.family, key.local);
    text += " -> ";
    appendEndpoint(text, key.family, key.remote);
    return text;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "frame_flow_key.h"

#include "core/link_type.h"

namespace rcvmon {
namespace {

// Out of range reads as zero; every caller checks the sizes it needs first.
unsigned u8At(ByteSpan d, std::size_t i) { return i < d.size() ? d[i] : 0u; }
unsigned u16At(ByteSpan d, std::size_t i) { return (u8At(d, i) << 8) | u8At(d, i + 1); }

struct IpHeader {
    FlowFamily family = FlowFamily::Ipv4;
    ByteSpan source, destination;
    unsigned protocol = 0;
    ByteSpan payload;
};

// RFC 791. Later fragments (offset > 0) have no transport header.
std::optional<IpHeader> readIpv4(ByteSpan d)
{
    if (d.size() < 20 || (d[0] >> 4) != 4) return std::nullopt;
    const std::size_t headerLength = std::size_t{d[0] & 0x0fu} * 4;
    if (headerLength < 20 || headerLength > d.size() || (u16At(d, 6) & 0x1fff) != 0) return std::nullopt;
    return IpHeader{FlowFamily::Ipv4, d.subspan(12, 4), d.subspan(16, 4), d[9], d.subspan(headerLength)};
}

// RFC 8200: hop-by-hop, routing and destination options are skipped; a fragment header
// with an offset ends the search.
std::optional<IpHeader> readIpv6(ByteSpan d)
{
    if (d.size() < 40 || (d[0] >> 4) != 6) return std::nullopt;
    unsigned next = d[6];
    std::size_t pos = 40;
    for (int i = 0; i < 8; ++i) {
        if (next == 0 || next == 43 || next == 60) {
            if (pos + 2 > d.size()) return std::nullopt;
            const unsigned following = d[pos];
            pos += (std::size_t{d[pos + 1]} + 1) * 8;
            next = following;
        } else if (next == 44) {
            if (pos + 8 > d.size() || (u16At(d, pos + 2) & 0xfff8) != 0) return std::nullopt;
            next = d[pos];
            pos += 8;
        } else {
            break;
        }
    }
    if (pos > d.size()) return std::nullopt;
    return IpHeader{FlowFamily::Ipv6, d.subspan(8, 16), d.subspan(24, 16), next, d.subspan(pos)};
}

std::optional<IpHeader> readIp(ByteSpan d)
{
    if (d.empty()) return std::nullopt;
    return (d[0] >> 4) == 4 ? readIpv4(d) : readIpv6(d);
}

std::optional<IpHeader> byEtherType(unsigned type, ByteSpan payload)
{
    if (type == 0x0800) return readIpv4(payload);
    if (type == 0x86dd) return readIpv6(payload);
    return std::nullopt;
}

std::optional<IpHeader> networkHeader(std::uint32_t linkType, ByteSpan d)
{
    switch (linkType) {
    case link_type::Ethernet: {
        std::size_t pos = 12;
        unsigned type = u16At(d, pos);
        for (int i = 0; i < 3 && (type == 0x8100 || type == 0x88a8 || type == 0x9100); ++i) {
            pos += 4;
            type = u16At(d, pos);
        }
        if (d.size() < pos + 2) return std::nullopt;
        return byEtherType(type, d.subspan(pos + 2));
    }
    case link_type::Raw:
    case link_type::RawLegacy12:
    case link_type::RawLegacy14:
    case link_type::Ipv4:
    case link_type::Ipv6: return readIp(d);
    case link_type::LinuxSll: return d.size() < 16 ? std::nullopt : byEtherType(u16At(d, 14), d.subspan(16));
    case link_type::LinuxSll2: return d.size() < 20 ? std::nullopt : byEtherType(u16At(d, 0), d.subspan(20));
    case link_type::Null:
    case link_type::Loop: return d.size() < 4 ? std::nullopt : readIp(d.subspan(4));
    default: return std::nullopt;
    }
}

}  // namespace

std::optional<FlowKey> localFlowKey(std::uint32_t linkType, ByteSpan data, Direction direction)
{
    if (direction != Direction::Incoming && direction != Direction::Outgoing) return std::nullopt;
    const std::optional<IpHeader> ip = networkHeader(linkType, data);
    if (!ip || (ip->protocol != 6 && ip->protocol != 17) || ip->payload.size() < 4) return std::nullopt;
    const FlowTransport transport = ip->protocol == 6 ? FlowTransport::Tcp : FlowTransport::Udp;
    const FlowEndpoint source = makeFlowEndpoint(ip->source.data(), ip->source.size(),
                                                 static_cast<std::uint16_t>(u16At(ip->payload, 0)));
    const FlowEndpoint destination = makeFlowEndpoint(ip->destination.data(), ip->destination.size(),
                                                      static_cast<std::uint16_t>(u16At(ip->payload, 2)));
    return flowKeyForPacket(transport, ip->family, source, destination, direction);
}

}  // namespace rcvmon

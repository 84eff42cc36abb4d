// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Stand-in for dissect/quick_classify.h while it does not exist yet: the same enum and
// function, inline, used only through store/protocol_class.h.

#include "core/byte_reader.h"
#include "core/bytes.h"
#include "core/link_type.h"

#include <cstdint>

namespace rcvmon {

enum class ProtocolClass : std::uint8_t { Other, Arp, Ipv4, Ipv6, Tcp, Udp, Icmp, Icmpv6 };

namespace fallback_classify {

inline ProtocolClass fromIpProtocol(std::uint8_t proto, ProtocolClass ipClass)
{
    switch (proto) {
    case 1: return ProtocolClass::Icmp;
    case 6: return ProtocolClass::Tcp;
    case 17: return ProtocolClass::Udp;
    case 58: return ProtocolClass::Icmpv6;
    default: return ipClass;
    }
}

inline ProtocolClass ipv4(ByteReader r)
{
    const std::uint8_t versionIhl = r.u8();
    if (!r.ok() || (versionIhl >> 4) != 4) return ProtocolClass::Other;
    r.skip(8);
    const std::uint8_t proto = r.u8();
    return r.ok() ? fromIpProtocol(proto, ProtocolClass::Ipv4) : ProtocolClass::Ipv4;
}

inline ProtocolClass ipv6(ByteReader r)
{
    if (!r.has(1) || (r.peek() >> 4) != 6) return ProtocolClass::Other;
    if (!r.has(40)) return ProtocolClass::Ipv6;
    r.skip(6);
    std::uint8_t next = r.u8();
    r.skip(33);
    // Walk the extension headers that commonly sit in front of the transport (RFC 8200 4.1).
    for (int hops = 0; hops < 8 && r.ok(); ++hops) {
        if (next == 0 || next == 43 || next == 60) {
            const std::uint8_t following = r.u8();
            const std::uint8_t length = r.u8();
            if (!r.skip(6 + 8 * std::size_t{length})) break;
            next = following;
        } else if (next == 44) {
            const std::uint8_t following = r.u8();
            if (!r.skip(7)) break;
            next = following;
        } else {
            return fromIpProtocol(next, ProtocolClass::Ipv6);
        }
    }
    return ProtocolClass::Ipv6;
}

inline ProtocolClass byEtherType(std::uint16_t type, ByteReader r)
{
    // 802.1Q / 802.1ad tags: skip up to two.
    for (int tags = 0; tags < 2 && (type == 0x8100 || type == 0x88a8); ++tags) {
        r.skip(2);
        type = r.be16();
    }
    if (!r.ok()) return ProtocolClass::Other;
    switch (type) {
    case 0x0800: return ipv4(ByteReader(r.rest()));
    case 0x86dd: return ipv6(ByteReader(r.rest()));
    case 0x0806: return ProtocolClass::Arp;
    default: return ProtocolClass::Other;
    }
}

inline ProtocolClass byVersion(ByteSpan data)
{
    if (data.empty()) return ProtocolClass::Other;
    switch (data[0] >> 4) {
    case 4: return ipv4(ByteReader(data));
    case 6: return ipv6(ByteReader(data));
    default: return ProtocolClass::Other;
    }
}

}  // namespace fallback_classify

inline ProtocolClass classifyFrame(std::uint32_t linkType, ByteSpan data)
{
    using namespace fallback_classify;
    ByteReader r(data);
    switch (linkType) {
    case link_type::Ethernet: {
        r.skip(12);
        const std::uint16_t type = r.be16();
        return r.ok() ? byEtherType(type, ByteReader(r.rest())) : ProtocolClass::Other;
    }
    case link_type::LinuxSll: {
        r.skip(14);
        const std::uint16_t type = r.be16();
        return r.ok() ? byEtherType(type, ByteReader(r.rest())) : ProtocolClass::Other;
    }
    case link_type::LinuxSll2: {
        const std::uint16_t type = r.be16();
        r.skip(18);
        return r.ok() ? byEtherType(type, ByteReader(r.rest())) : ProtocolClass::Other;
    }
    case link_type::Raw:
    case link_type::RawLegacy12:
    case link_type::RawLegacy14:
    case link_type::Ipv4:
    case link_type::Ipv6:
        return byVersion(data);
    case link_type::Null:
    case link_type::Loop:
        return data.size() > 4 ? byVersion(data.subspan(4)) : ProtocolClass::Other;
    default:
        return ProtocolClass::Other;
    }
}

}  // namespace rcvmon

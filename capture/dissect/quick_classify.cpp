// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/quick_classify.h"

#include "core/link_type.h"

namespace rcvmon {
namespace {

// Checked big-endian reads on a span: out of range reads as zero and the callers check sizes.
inline unsigned u8At(ByteSpan d, std::size_t i) { return i < d.size() ? d[i] : 0u; }
inline unsigned u16At(ByteSpan d, std::size_t i) { return (u8At(d, i) << 8) | u8At(d, i + 1); }

ProtocolClass byIpProtocol(unsigned proto, ProtocolClass ipClass)
{
    switch (proto) {
    case 6: return ProtocolClass::Tcp;
    case 17: return ProtocolClass::Udp;
    case 1: return ProtocolClass::Icmp;
    case 58: return ProtocolClass::Icmpv6;
    case 2: return ProtocolClass::Igmp;
    case 47: return ProtocolClass::Gre;
    case 132: return ProtocolClass::Sctp;
    default: return ipClass;
    }
}

ProtocolClass classifyIpv4(ByteSpan d)
{
    if (d.size() < 20) return d.empty() ? ProtocolClass::Other : ProtocolClass::Ipv4;
    if ((d[0] >> 4) != 4) return (d[0] >> 4) == 6 ? ProtocolClass::Ipv6 : ProtocolClass::Other;
    if ((u16At(d, 6) & 0x1fff) != 0) return ProtocolClass::Ipv4;  // later fragment
    return byIpProtocol(d[9], ProtocolClass::Ipv4);
}

ProtocolClass classifyIpv6(ByteSpan d)
{
    if (d.size() < 40) return d.empty() ? ProtocolClass::Other : ProtocolClass::Ipv6;
    unsigned next = d[6];
    std::size_t pos = 40;
    for (int i = 0; i < 8; ++i) {
        if (next == 0 || next == 43 || next == 60) {
            if (pos + 2 > d.size()) return ProtocolClass::Ipv6;
            const unsigned nh = d[pos];
            pos += (std::size_t{d[pos + 1]} + 1) * 8;
            next = nh;
        } else if (next == 44) {
            if (pos + 8 > d.size()) return ProtocolClass::Ipv6;
            if ((u16At(d, pos + 2) & 0xfff8) != 0) return ProtocolClass::Ipv6;
            next = d[pos];
            pos += 8;
        } else {
            break;
        }
    }
    return byIpProtocol(next, ProtocolClass::Ipv6);
}

ProtocolClass byEtherType(unsigned type, ByteSpan payload)
{
    switch (type) {
    case 0x0800: return classifyIpv4(payload);
    case 0x86dd: return classifyIpv6(payload);
    case 0x0806:
    case 0x8035: return ProtocolClass::Arp;
    default: return ProtocolClass::Other;
    }
}

ProtocolClass classifyEthernet(ByteSpan d)
{
    std::size_t pos = 12;
    unsigned type = u16At(d, pos);
    // Up to three stacked VLAN tags.
    for (int i = 0; i < 3 && (type == 0x8100 || type == 0x88a8 || type == 0x9100); ++i) {
        pos += 4;
        type = u16At(d, pos);
    }
    if (d.size() < pos + 2) return ProtocolClass::Other;
    return byEtherType(type, d.subspan(pos + 2));
}

ProtocolClass classifyRaw(ByteSpan d)
{
    if (d.empty()) return ProtocolClass::Other;
    const unsigned v = d[0] >> 4;
    return v == 4 ? classifyIpv4(d) : v == 6 ? classifyIpv6(d) : ProtocolClass::Other;
}

}  // namespace

std::string_view protocolClassName(ProtocolClass c)
{
    switch (c) {
    case ProtocolClass::Arp: return "ARP";
    case ProtocolClass::Ipv4: return "IPv4";
    case ProtocolClass::Ipv6: return "IPv6";
    case ProtocolClass::Tcp: return "TCP";
    case ProtocolClass::Udp: return "UDP";
    case ProtocolClass::Icmp: return "ICMP";
    case ProtocolClass::Icmpv6: return "ICMPv6";
    case ProtocolClass::Igmp: return "IGMP";
    case ProtocolClass::Gre: return "GRE";
    case ProtocolClass::Sctp: return "SCTP";
    case ProtocolClass::Other: break;
    }
    return "Other";
}

ProtocolClass classifyFrame(std::uint32_t linkType, ByteSpan d)
{
    switch (linkType) {
    case link_type::Ethernet: return classifyEthernet(d);
    case link_type::Raw:
    case link_type::RawLegacy12:
    case link_type::RawLegacy14:
    case link_type::Ipv4:
    case link_type::Ipv6: return classifyRaw(d);
    case link_type::LinuxSll: return d.size() < 16 ? ProtocolClass::Other : byEtherType(u16At(d, 14), d.subspan(16));
    case link_type::LinuxSll2: return d.size() < 20 ? ProtocolClass::Other : byEtherType(u16At(d, 0), d.subspan(20));
    case link_type::Null:
    case link_type::Loop: return d.size() < 4 ? ProtocolClass::Other : classifyRaw(d.subspan(4));
    default: return ProtocolClass::Other;
    }
}

}  // namespace rcvmon

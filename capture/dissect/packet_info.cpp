// SPDX-License-Identifier: GPL-2.0-or-later
// The Info column: a short Wireshark-like text built on demand from the fields of the layer
// that owns the column, so dissection itself never formats strings.
#include "dissect/dissection.h"

#include "dissect/field_format.h"

#include <string_view>

namespace rcvmon {
namespace {

constexpr std::string_view kArrow = " \xe2\x86\x92 ";  // " → " as Wireshark writes it

std::string_view icmpTypeName(std::uint64_t type, std::uint64_t code)
{
    switch (type) {
    case 0: return "Echo (ping) reply";
    case 3:
        switch (code) {
        case 0: return "Destination unreachable (Network unreachable)";
        case 1: return "Destination unreachable (Host unreachable)";
        case 2: return "Destination unreachable (Protocol unreachable)";
        case 3: return "Destination unreachable (Port unreachable)";
        case 4: return "Destination unreachable (Fragmentation needed)";
        case 13: return "Destination unreachable (Communication administratively filtered)";
        default: return "Destination unreachable";
        }
    case 4: return "Source quench (flow control)";
    case 5: return "Redirect";
    case 8: return "Echo (ping) request";
    case 9: return "Router advertisement";
    case 10: return "Router solicitation";
    case 11: return code == 1 ? "Time-to-live exceeded (Fragment reassembly time exceeded)"
                              : "Time-to-live exceeded (Time to live exceeded in transit)";
    case 12: return "Parameter problem";
    case 13: return "Timestamp request";
    case 14: return "Timestamp reply";
    default: return "Unknown ICMP";
    }
}

std::string_view icmpv6TypeName(std::uint64_t type)
{
    switch (type) {
    case 1: return "Destination Unreachable";
    case 2: return "Packet Too Big";
    case 3: return "Time Exceeded";
    case 4: return "Parameter Problem";
    case 128: return "Echo (ping) request";
    case 129: return "Echo (ping) reply";
    case 130: return "Multicast Listener Query";
    case 131: return "Multicast Listener Report";
    case 132: return "Multicast Listener Done";
    case 133: return "Router Solicitation";
    case 134: return "Router Advertisement";
    case 135: return "Neighbor Solicitation";
    case 136: return "Neighbor Advertisement";
    case 137: return "Redirect";
    case 138: return "Router Renumbering";
    case 143: return "Multicast Listener Report Message v2";
    default: return "Unknown ICMPv6";
    }
}

}  // namespace

void Dissection::appendCoreInfo(InfoKind kind, std::uint16_t layer, std::string& out) const
{
    const auto in = [&](FieldId id) -> const FieldRecord* {
        for (const FieldRecord& f : m_fields)
            if (f.id == id && f.layer == layer) return &f;
        return nullptr;
    };
    const auto num = [&](FieldId id) -> std::uint64_t {
        const FieldRecord* f = in(id);
        return f ? f->number : 0;
    };
    const auto value = [&](FieldId id) {
        if (const FieldRecord* f = in(id)) appendValue(*f, out);
    };
    const auto lastBefore = [&](FieldId id) -> const FieldRecord* {
        const FieldRecord* found = nullptr;
        for (const FieldRecord& f : m_fields)
            if (f.id == id && f.layer < layer) found = &f;
        return found;
    };

    switch (kind) {
    case InfoKind::Udp: {
        appendDecimal(out, num(field::UdpSrcPort));
        out += kArrow;
        appendDecimal(out, num(field::UdpDstPort));
        const std::uint64_t len = num(field::UdpLength);
        out += " Len=";
        appendDecimal(out, len >= 8 ? len - 8 : 0);
        return;
    }
    case InfoKind::Icmp: {
        const std::uint64_t type = num(field::IcmpType);
        out += icmpTypeName(type, num(field::IcmpCode));
        if (type == 0 || type == 8) {
            out += type == 8 ? "  id=" : "    id=";
            appendHex(out, num(field::IcmpIdent), 4);
            out += ", seq=";
            const std::uint64_t seq = num(field::IcmpSeq);
            appendDecimal(out, seq);
            out += '/';
            appendDecimal(out, ((seq & 0xff) << 8) | (seq >> 8));
            if (const FieldRecord* ttl = lastBefore(field::IpTtl)) {
                out += ", ttl=";
                appendDecimal(out, ttl->number);
            }
        }
        return;
    }
    case InfoKind::Icmpv6: {
        const std::uint64_t type = num(field::Icmpv6Type);
        out += icmpv6TypeName(type);
        if (type == 128 || type == 129) {
            out += " id=";
            appendHex(out, num(field::Icmpv6EchoId), 4);
            out += ", seq=";
            appendDecimal(out, num(field::Icmpv6EchoSeq));
        }
        return;
    }
    case InfoKind::Arp: {
        const std::uint64_t op = num(field::ArpOpcode);
        if (op == 1) {
            out += "Who has ";
            value(field::ArpDstProtoIpv4);
            out += "? Tell ";
            value(field::ArpSrcProtoIpv4);
        } else if (op == 2) {
            value(field::ArpSrcProtoIpv4);
            out += " is at ";
            value(field::ArpSrcHwMac);
        } else if (op == 3) {
            out += "Who is ";
            value(field::ArpDstHwMac);
            out += "? Tell ";
            value(field::ArpSrcHwMac);
        } else if (op == 4) {
            value(field::ArpDstHwMac);
            out += " is at ";
            value(field::ArpDstProtoIpv4);
        } else {
            out += "Unknown ARP opcode ";
            appendDecimal(out, op);
        }
        return;
    }
    case InfoKind::Igmp: {
        const std::uint64_t type = num(field::IgmpType);
        if (type == 0x11) {
            out += "Membership Query";
            if (const FieldRecord* g = in(field::IgmpMaddr)) {
                const ByteSpan b = valueBytes(*g);
                if (b.size() == 4 && (b[0] | b[1] | b[2] | b[3]) == 0) {
                    out += ", general";
                } else {
                    out += ", specific for group ";
                    appendValue(*g, out);
                }
            }
        } else if (type == 0x12 || type == 0x16) {
            out += "Membership Report group ";
            value(field::IgmpMaddr);
        } else if (type == 0x17) {
            out += "Leave Group ";
            value(field::IgmpMaddr);
        } else if (type == 0x22) {
            out += "Membership Report";
        } else {
            out += "Unknown IGMP type ";
            appendHex(out, type, 2);
        }
        return;
    }
    case InfoKind::Ipv4Fragment: {
        out += "Fragmented IP protocol (proto=";
        appendDecimal(out, num(field::IpProto));
        out += ", off=";
        appendDecimal(out, num(field::IpFragOffset) * 8);
        out += ", ID=";
        std::string id;
        appendHex(id, num(field::IpId), 4);
        out += id.substr(2);
        out += ')';
        return;
    }
    case InfoKind::Ipv6Fragment: {
        out += "IPv6 fragment (off=";
        const FieldRecord* off = nullptr;
        for (const FieldRecord& f : m_fields)
            if (f.id == field::Ipv6FragmentOffset && f.layer > layer) { off = &f; break; }
        appendDecimal(out, off ? off->number * 8 : 0);
        out += ')';
        return;
    }
    case InfoKind::Gre:
        out += "Encapsulated ";
        appendHex(out, num(field::GreProto), 4);
        return;
    case InfoKind::Ipv4:
    case InfoKind::Ipv6:
        out += m_protocol;
        return;
    case InfoKind::Ethernet: out += "Ethernet II"; return;
    case InfoKind::Llc: out += "Logical-Link Control"; return;
    case InfoKind::Eapol: out += "EAPOL"; return;
    case InfoKind::Sctp: out += "SCTP"; return;
    case InfoKind::Raw: out += "Raw packet data"; return;
    case InfoKind::App:
    case InfoKind::Protocol:  // written by the protocol's InfoWriter
    case InfoKind::None: return;
    }
}

}  // namespace rcvmon

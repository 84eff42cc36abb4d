// SPDX-License-Identifier: GPL-2.0-or-later
// The Info column: a short Wireshark-like text built on demand from the fields of the layer
// that owns the column, so dissection itself never formats strings.
#include "dissect/dissection.h"

#include "dissect/field_format.h"
#include "names/port_names_scope.h"

#include <string_view>

namespace rcvmon {
namespace {

constexpr std::string_view kArrow = " \xe2\x86\x92 ";  // " → " as Wireshark writes it

}  // namespace

void Dissection::appendCoreInfo(InfoKind kind, std::uint16_t layer, std::string& out) const
{
    const LayerView view(*this, layer);
    const auto in = [&](FieldId id) { return view.field(id); };  // from the layer's first field
    const auto num = [&](FieldId id) -> std::uint64_t {
        const FieldRecord* f = in(id);
        return f ? f->number : 0;
    };

    switch (kind) {
    case InfoKind::Udp: {
        names::appendPort(out, names::Transport::Udp, num(field::UdpSrcPort));
        out += kArrow;
        names::appendPort(out, names::Transport::Udp, num(field::UdpDstPort));
        const std::uint64_t len = num(field::UdpLength);
        out += " Len=";
        appendDecimal(out, len >= 8 ? len - 8 : 0);
        return;
    }
    case InfoKind::Ethernet: out += "Ethernet II"; return;
    case InfoKind::Llc: out += "Logical-Link Control"; return;
    case InfoKind::Eapol: out += "EAPOL"; return;
    case InfoKind::Raw: out += "Raw packet data"; return;
    case InfoKind::Arp:
    case InfoKind::Icmp:
    case InfoKind::Icmpv6:
    case InfoKind::Igmp:
    case InfoKind::Sctp:
    case InfoKind::Gre:
    case InfoKind::Ipv4:
    case InfoKind::Ipv6:
    case InfoKind::Ipv4Fragment:
    case InfoKind::Ipv6Fragment:
    case InfoKind::App:
    case InfoKind::Protocol:  // written by the protocol's InfoWriter
    case InfoKind::None: return;
    }
}

}  // namespace rcvmon

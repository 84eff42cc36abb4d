// SPDX-License-Identifier: GPL-2.0-or-later
#include "stats/layer_fields.h"

#include "dissect/dissection.h"

#include <algorithm>

namespace rcvmon {

void LayerFields::collect(const Dissection& d)
{
    m_count = std::min(d.layers().size(), kMaxLayers);
    std::fill_n(m_layers.begin(), m_count, LayerAddresses{});
    using Family = StatAddress::Family;
    for (const FieldRecord& f : d.fields()) {
        if (f.layer >= m_count) continue;
        LayerAddresses& l = m_layers[f.layer];
        ++l.fieldCount;
        switch (f.id) {
        case field::EthSrc: l.src = StatAddress::from(Family::Mac, d.valueBytes(f)); break;
        case field::EthDst: l.dst = StatAddress::from(Family::Mac, d.valueBytes(f)); break;
        case field::IpSrc: l.src = StatAddress::from(Family::Ipv4, d.valueBytes(f)); break;
        case field::IpDst: l.dst = StatAddress::from(Family::Ipv4, d.valueBytes(f)); break;
        case field::Ipv6Src: l.src = StatAddress::from(Family::Ipv6, d.valueBytes(f)); break;
        case field::Ipv6Dst: l.dst = StatAddress::from(Family::Ipv6, d.valueBytes(f)); break;
        case field::Ipv6HomeAddress: l.homeAddress = StatAddress::from(Family::Ipv6, d.valueBytes(f)); break;
        case field::Ipv6RoutingSrcAddr: l.routingLast = StatAddress::from(Family::Ipv6, d.valueBytes(f)); break;
        case field::TcpSrcPort:
        case field::UdpSrcPort:
            l.srcPort = static_cast<std::uint16_t>(f.number);
            l.hasSrcPort = true;
            break;
        case field::TcpDstPort:
        case field::UdpDstPort:
            l.dstPort = static_cast<std::uint16_t>(f.number);
            l.hasDstPort = true;
            break;
        case field::TcpSeqRaw: l.tcpSeqRaw = static_cast<std::uint32_t>(f.number); break;
        case field::TcpAckRaw: l.tcpAckRaw = static_cast<std::uint32_t>(f.number); break;
        case field::TcpFlags:
            l.tcpFlags = static_cast<std::uint16_t>(f.number);
            l.hasTcpFlags = true;
            break;
        case field::IpFlagsMf:
        case field::Ipv6FragmentMore:
        case field::IpFragOffset:
        case field::Ipv6FragmentOffset:
            if (f.number != 0) l.fragment = true;
            break;
        case field::MplsLabel: ++l.mplsLabels; break;
        default: break;
        }
    }
}

}  // namespace rcvmon

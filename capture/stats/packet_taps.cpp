// SPDX-License-Identifier: GPL-2.0-or-later
#include "stats/packet_taps.h"

#include "dissect/dissection.h"
#include "stats/layer_fields.h"

namespace rcvmon {
namespace {

AddressTap addressPair(StatKind kind, const StatAddress& src, const StatAddress& dst)
{
    AddressTap tap;
    tap.kind = kind;
    tap.src = src;
    tap.dst = dst;
    return tap;
}

// An IPv6 fragment whose datagram is not complete yet: Wireshark queues the IPv6 tap only
// after the extension headers, so such a frame counts in no IPv6 table (IPv4 taps first).
bool incompleteIpv6Fragment(std::span<const LayerRecord> layers, const LayerFields& fields, std::size_t ipv6)
{
    bool fragment = false;
    std::size_t i = ipv6 + 1;
    for (; i < fields.layerCount() && layers[i].filterName.starts_with("ipv6."); ++i)
        fragment = fragment || fields[i].fragment;
    // What follows is the fragment's own bytes as data, never a reassembled datagram's.
    if (i + 1 == fields.layerCount() && layers[i].filterName == "data" && !layers[i].reassembled) ++i;
    return fragment && i == fields.layerCount();
}

}  // namespace

void PacketTaps::collect(const Dissection& d, const LayerFields& fields)
{
    m_count = 0;
    const auto layers = d.layers();
    // The packet's network addresses as Wireshark's pinfo->src/dst: set by each IP header.
    StatAddress netSrc, netDst;
    for (std::size_t i = 0; i < fields.layerCount(); ++i) {
        const LayerRecord& layer = layers[i];
        const LayerAddresses& a = fields[i];
        const std::string_view name = layer.filterName;
        const bool whole = layer.status == ParseStatus::Ok;
        // Everything after an ICMP header is the quoted packet of an error: Wireshark's
        // tables ignore it (and ICMP informational messages carry no headers).
        if (name == "icmp" || name == "icmpv6") break;

        if (name == "eth") {
            if (whole && a.src.length && a.dst.length) push(addressPair(StatKind::Ethernet, a.src, a.dst));
        } else if (name == "ip" || name == "ipv6") {
            if (!a.src.length || !a.dst.length) continue;
            netSrc = a.src;
            netDst = a.dst;
            if (!whole) continue;
            if (name == "ip") push(addressPair(StatKind::Ipv4, a.src, a.dst));
            else if (!incompleteIpv6Fragment(layers, fields, i)) push(addressPair(StatKind::Ipv6, a.src, a.dst));
        } else if (name.starts_with("ipv6.")) {
            if (a.homeAddress.length) netSrc = a.homeAddress;
            if (a.routingLast.length) netDst = a.routingLast;
        } else if (name == "tcp" || name == "udp") {
            if (!whole || !a.hasSrcPort || !a.hasDstPort || !netSrc.length) continue;
            AddressTap tap = addressPair(name == "tcp" ? StatKind::Tcp : StatKind::Udp, netSrc, netDst);
            tap.srcPort = a.srcPort;
            tap.dstPort = a.dstPort;
            if (name == "tcp") {
                tap.tcpSeq = a.tcpSeqRaw;
                tap.tcpSyn = (a.tcpFlags & 0x02) != 0;
                tap.tcpAck = a.tcpAckRaw;
                tap.tcpHasAck = (a.tcpFlags & 0x10) != 0;
            }
            push(tap);
        }
    }
}

}  // namespace rcvmon

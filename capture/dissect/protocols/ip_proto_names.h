// SPDX-License-Identifier: GPL-2.0-or-later
// IP protocol numbers as Wireshark 4.0 names them (its ipproto_val, from the IANA registry):
// the Info text of fragments and of payloads no dissector takes.
#pragma once

#include <string_view>

namespace rcvmon {

inline std::string_view ipProtocolName(unsigned protocol)
{
    static constexpr std::string_view kNames[256] = {
        // indexed by protocol number; empty: not in the table
        "IPv6 Hop-by-Hop Option", "ICMP", "IGMP", "GGP", "IPIP", "Stream", "TCP", "CBT", "EGP", "IGRP", "BBN RCC",
        "Network Voice", "PUP", "ARGUS", "EMCON", "XNET", "CHAOS", "UDP", "Multiplex", "DCN Measurement",
        "Host Monitoring", "Packet radio", "IDP", "Trunk-1", "Trunk-2", "Leaf-1", "Leaf-2", "Reliable Data", "IRT",
        "ISO TP4", "Bulk Data", "MFE NSP", "Merit Internodal", "Datagram Congestion Control Protocol",
        "3rd Party Connect", "Inter-Domain Policy Routing Protocol", "XTP", "Datagram delivery", "Control Message",
        "TP++", "IL", "IPv6", "Source demand routing", "Routing Header for IPv6", "Fragment Header for IPv6",
        "Inter-Domain Routing Protocol", "Reservation Protocol", "Generic Routing Encapsulation",
        "Dynamic source routing", "BNA", "Encap Security Payload", "Authentication Header", "INSLP", "SWIPE",
        "NBMA ARP", "IP Mobility", "TLSP Kryptonet", "SKIP", "ICMPv6", "No Next Header for IPv6",
        "Destination Options for IPv6", "any host internal protocol", "Mobile IPv6 (old)", "any local network",
        "SATNET EXPAK", "Kryptolan", "Remote Virtual Disk", "IPPC", "any distributed file system",
        "SATNET Monitoring", "VISA", "IPCV", "CPNX", "CPHB", "Wang Span", "Packet Video", "Backroom SATNET Mon",
        "Sun ND Protocol", "Wideband Mon", "Wideband Expak", "ISO Internet Protocol", "VMTP", "Secure VMTP",
        "VINES", "TTP", "NSFNET IGP", "Dissimilar Gateway", "TCF", "EIGRP", "OSPF IGP", "Sprite RPC", "Locus ARP",
        "Multicast Transport", "AX.25 Frames", "IP in IP", "MICP", "Semaphore", "Ether in IP", "ENCAP",
        "any private encryption scheme", "GMTP", "Ipsilon Flow", "PNNI over IP", "PIM", "ARIS", "SCPS", "QNX",
        "Active Networks", "IPComp", "Sitara Networks", "Compaq Peer", "IPX IN IP", "VRRP", "PGM",
        "any 0-hop protocol", "Layer 2 Tunneling", "DDX", "IATP", "STP", "SpectraLink", "UTI", "SMP", "SM", "PTP",
        "ISIS over IP", "FIRE", "CRTP", "CRUDP", "SSCOPMCE", "IPLT", "Secure Packet", "PIPE", "SCTP",
        "Fibre Channel", "RSVP E2EI", "Mobile IPv6", "UDPLite", "MPLS in IP", "MANET", "HIP", "Shim6 header",
        "WESP", "ROHC", "Ethernet", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned",
        "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned",
        "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned",
        "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned",
        "Unassigned", "Unassigned", "Unassigned", "AX/4000 Testframe", "Unassigned", "Unassigned", "Unassigned",
        "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned",
        "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned",
        "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned",
        "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned",
        "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned",
        "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned",
        "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Unassigned", "Novell NCS Heartbeat", "", "", "",
        "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
        "",
    };
    const std::string_view name = protocol < 256 ? kNames[protocol] : std::string_view();
    return name.empty() ? std::string_view("Unknown") : name;
}

}  // namespace rcvmon

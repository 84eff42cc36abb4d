// SPDX-License-Identifier: GPL-2.0-or-later
// Small hand-built captures for the statistics tests: the unit tests check their tables
// against numbers worked out by hand, the tshark agreement test writes them to pcap files
// and compares RcvMon's text with tshark's.
#pragma once

#include "../dissect/packet_builder.h"

#include "core/frame.h"
#include "core/link_type.h"
#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "stats/traffic_statistics.h"

#include <cstdint>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

namespace rcvmon::test {

struct TimedPacket {
    Bytes bytes;
    Timestamp ts;
    std::uint32_t originalLength = 0;  // on the wire; 0: as captured

    std::uint32_t wireLength() const
    {
        return originalLength ? originalLength : static_cast<std::uint32_t>(bytes.size());
    }
};

struct Scenario {
    std::string name;
    std::uint32_t linkType = link_type::Ethernet;
    std::vector<TimedPacket> packets;
};

inline constexpr Ip4 kIpC{198, 18, 0, 3};
inline constexpr Ip4 kIpD{198, 18, 0, 4};
inline constexpr Mac kMacC{0x02, 0x00, 0x00, 0x00, 0x00, 0x0c};
inline constexpr Ip6 kIp6C{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3};
inline constexpr Ip6 kIp6D{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4};

inline Timestamp at(std::int64_t sec, std::uint32_t nsec = 0) { return Timestamp{sec, nsec}; }

// Ethernet + IPv4 + UDP, A→B by default.
inline Bytes udp4(std::uint16_t sport, std::uint16_t dport, const Bytes& payload, Ip4 src = kIpA, Ip4 dst = kIpB,
                  Mac macSrc = kMacA, Mac macDst = kMacB)
{
    return ethernet(0x0800, ipv4(17, udp(sport, dport, payload), src, dst), macDst, macSrc);
}

inline Bytes tcp4(std::uint16_t sport, std::uint16_t dport, std::uint32_t seq, std::uint32_t ack, std::uint16_t flags,
                  Ip4 src = kIpA, Ip4 dst = kIpB, const Bytes& payload = {}, Mac macSrc = kMacA, Mac macDst = kMacB)
{
    return ethernet(0x0800, ipv4(6, tcp(sport, dport, seq, ack, flags, payload), src, dst), macDst, macSrc);
}

// Dissects every packet in order, as tshark's single pass does, and counts it.
inline void feed(const Scenario& s, TrafficStatistics& stats, bool reassemble = true)
{
    Dissector dissector(Dissector::Options{.reassemble = reassemble});
    Dissection dissection;
    std::uint64_t number = 0;
    for (const TimedPacket& p : s.packets) {
        FrameRef f = frameOf(p.bytes, s.linkType, SIZE_MAX, p.wireLength());
        f.ts = p.ts;
        dissector.dissect(f, ++number, dissection);
        stats.add(f, dissection);
    }
}

// A classic little-endian pcap with nanosecond timestamps (magic a1b23c4d).
inline bool writePcap(const std::string& path, const Scenario& s)
{
    Bytes out;
    auto le32 = [&out](std::uint32_t v) {
        for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    };
    auto le16 = [&out](std::uint16_t v) {
        out.push_back(static_cast<std::uint8_t>(v));
        out.push_back(static_cast<std::uint8_t>(v >> 8));
    };
    le32(0xa1b23c4d);
    le16(2);
    le16(4);
    le32(0);
    le32(0);
    le32(262144);
    le32(s.linkType);
    for (const TimedPacket& p : s.packets) {
        le32(static_cast<std::uint32_t>(p.ts.sec));
        le32(p.ts.nsec);
        le32(static_cast<std::uint32_t>(p.bytes.size()));
        le32(p.wireLength());
        out.insert(out.end(), p.bytes.begin(), p.bytes.end());
    }
    std::ofstream file(path, std::ios::binary);
    file.write(reinterpret_cast<const char*>(out.data()), static_cast<std::streamsize>(out.size()));
    return static_cast<bool>(file);
}

// gtest names a failing scenario by its name.
inline void PrintTo(const Scenario& s, std::ostream* os) { *os << s.name; }

// ---- The scenarios ----

// A DNS exchange A↔B, a later query, then A→C over TCP; frame times 100.0, 100.25, 101.5, 102.0.
inline Scenario dnsAndTcpScenario()
{
    Scenario s{"dns_and_tcp", link_type::Ethernet, {}};
    s.packets.push_back({udp4(40000, 53, dnsQuery(1, "example.com")), at(100, 0)});
    s.packets.push_back({udp4(53, 40000, dnsQuery(1, "example.com", 1, true), kIpB, kIpA, kMacB, kMacA), at(100, 250000000)});
    s.packets.push_back({udp4(40000, 53, dnsQuery(2, "example.org")), at(101, 500000000)});
    s.packets.push_back({tcp4(50000, 80, 1000, 0, 0x002, kIpA, kIpC, {}, kMacA, kMacC), at(102, 0)});
    return s;
}

// Conversations with 1, 2 and 2 frames, first seen in that order.
inline Scenario tiedTotalsScenario()
{
    Scenario s{"tied_totals", link_type::Ethernet, {}};
    // Ports no Wireshark dissector claims, so every payload stays data.
    s.packets.push_back({udp4(60001, 61001, {1}, kIpA, kIpB), at(10)});
    s.packets.push_back({udp4(60002, 61002, {1, 2}, kIpA, kIpC), at(11)});
    s.packets.push_back({udp4(60003, 61003, {1, 2, 3}, kIpA, kIpD), at(12)});
    s.packets.push_back({udp4(61002, 60002, {1}, kIpC, kIpA), at(13)});
    s.packets.push_back({udp4(61003, 60003, {1}, kIpD, kIpA), at(14)});
    return s;
}

// A query, then an ICMP port unreachable quoting it: the quote counts for nothing.
inline Scenario icmpErrorScenario()
{
    Scenario s{"icmp_error", link_type::Ethernet, {}};
    const Bytes query = ipv4(17, udp(40000, 53, dnsQuery(7, "example.net")), kIpA, kIpB);
    s.packets.push_back({ethernet(0x0800, query, kMacB, kMacA), at(5)});
    s.packets.push_back({ethernet(0x0800, ipv4(1, icmpError(3, 3, query), kIpB, kIpA), kMacA, kMacB), at(5, 1000)});
    s.packets.push_back({ethernet(0x0800, ipv4(1, icmpEcho(8, 1, 1, {1, 2, 3, 4}), kIpA, kIpB), kMacB, kMacA), at(6)});
    return s;
}

// IPv6 in IPv6 and IPv4 in GRE in IPv4: every IP header is a conversation of its own.
inline Scenario tunnelScenario()
{
    Scenario s{"tunnels", link_type::Ethernet, {}};
    s.packets.push_back({ethernet(0x86dd, ipv6(41, ipv6(17, udp(3000, 4000, {9, 9}), kIp6C, kIp6D), kIp6A, kIp6B)), at(1)});
    s.packets.push_back({ethernet(0x0800, ipv4(47, gre(0x0800, ipv4(17, udp(5000, 6000, {7}), kIpC, kIpD)), kIpA, kIpB)), at(2)});
    return s;
}

// One TCP connection closed, then the same ports reused with a new initial sequence number.
inline Scenario portReuseScenario()
{
    Scenario s{"port_reuse", link_type::Ethernet, {}};
    const auto fromB = [](std::uint32_t seq, std::uint32_t ack, std::uint16_t flags) {
        return tcp4(80, 50000, seq, ack, flags, kIpB, kIpA, {}, kMacB, kMacA);
    };
    s.packets.push_back({tcp4(50000, 80, 1000, 0, 0x002), at(1)});
    s.packets.push_back({fromB(5000, 1001, 0x012), at(1, 100)});
    s.packets.push_back({tcp4(50000, 80, 1001, 5001, 0x010), at(1, 200)});
    s.packets.push_back({tcp4(50000, 80, 1001, 5001, 0x011), at(2)});
    s.packets.push_back({fromB(5001, 1002, 0x011), at(2, 100)});
    s.packets.push_back({tcp4(50000, 80, 1002, 5002, 0x010), at(2, 200)});
    s.packets.push_back({tcp4(50000, 80, 90000, 0, 0x002), at(3)});
    s.packets.push_back({fromB(7000, 90001, 0x012), at(3, 100)});
    return s;
}

// Frames out of time order: a later frame stamped before the first gives a negative start.
inline Scenario timeOrderScenario()
{
    Scenario s{"time_order", link_type::Ethernet, {}};
    s.packets.push_back({udp4(1, 2, {1}), at(50, 500000000)});
    s.packets.push_back({udp4(3, 4, {1}), at(49, 750000000)});
    s.packets.push_back({udp4(1, 2, {1}), at(52, 123456789)});
    s.packets.push_back({udp4(3, 4, {1}), at(50, 250000000)});
    return s;
}

// A mix for the protocol hierarchy: ARP, IPv4/TCP, IPv4/UDP/DNS, IPv6/ICMPv6, and a frame
// cut (snaplen) inside its IPv4 header.
inline Scenario hierarchyScenario()
{
    Scenario s{"hierarchy", link_type::Ethernet, {}};
    s.packets.push_back({ethernet(0x0806, arp(1, kMacA, kIpA, Mac{}, kIpB), Mac{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}), at(1)});
    s.packets.push_back({tcp4(50000, 80, 1, 0, 0x002), at(2)});
    s.packets.push_back({udp4(40000, 53, dnsQuery(3, "example.com")), at(3)});
    s.packets.push_back({ethernet(0x86dd, ipv6(58, icmpEcho(128, 1, 1))), at(4)});
    s.packets.push_back({udp4(40001, 53, dnsQuery(4, "example.com")), at(5)});
    Bytes cut = tcp4(50001, 80, 1, 0, 0x002);
    const auto wire = static_cast<std::uint32_t>(cut.size());
    cut.resize(14 + 12);
    s.packets.push_back({cut, at(6), wire});
    return s;
}

// Bare IPv4 (LINKTYPE_RAW): the hierarchy starts at Wireshark's "raw".
inline Scenario rawIpScenario()
{
    Scenario s{"raw_ip", link_type::Raw, {}};
    s.packets.push_back({ipv4(17, udp(40000, 53, dnsQuery(5, "example.com"))), at(1)});
    s.packets.push_back({ipv4(6, tcp(50000, 443, 1, 0, 0x002), kIpB, kIpA), at(2)});
    return s;
}

inline std::vector<Scenario> allScenarios()
{
    return {dnsAndTcpScenario(), tiedTotalsScenario(), icmpErrorScenario(), tunnelScenario(),
            portReuseScenario(), timeOrderScenario(), hierarchyScenario(), rawIpScenario()};
}

}  // namespace rcvmon::test

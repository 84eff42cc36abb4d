// SPDX-License-Identifier: GPL-2.0-or-later
// Nine hand-built frames and the filters tested on them, with the frames each should
// pass. The expectations follow Wireshark 4.0's rules; test_filter_tshark checks every one
// of them against the real tshark, so they are tshark's answers, not RcvMon's.
#pragma once

#include "../dissect/packet_builder.h"

#include <string>
#include <vector>

namespace rcvmon::test {

inline std::vector<Bytes> filterTestFrames()
{
    const Ip4 a{198, 18, 0, 1}, b{198, 18, 0, 2};
    const Mac broadcast{0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    return {
        // 1: IPv4 TCP SYN to port 80
        ethernet(0x0800, ipv4(6, tcp(40000, 80, 1000, 0, 0x002), a, b)),
        // 2: the SYN-ACK back
        ethernet(0x0800, ipv4(6, tcp(80, 40000, 5000, 1001, 0x012), b, a), kMacA, kMacB),
        // 3: IPv4 UDP DNS query
        ethernet(0x0800, ipv4(17, udp(33000, 53, dnsQuery(0x1234, "www.example.com")), Ip4{10, 1, 2, 3}, Ip4{8, 8, 8, 8})),
        // 4: IPv6 UDP
        ethernet(0x86dd, ipv6(17, udp(5000, 8001, Bytes{1, 2, 3, 4}))),
        // 5: IPv6 TCP PSH-ACK carrying "hello"
        ethernet(0x86dd, ipv6(6, tcp(1234, 443, 1, 1, 0x018, Bytes{'h', 'e', 'l', 'l', 'o'}))),
        // 6: ARP request, broadcast
        ethernet(0x0806, arp(1, kMacA, a, Mac{}, b), broadcast),
        // 7: IP in IP: two occurrences of every ip.* field
        ethernet(0x0800, ipv4(4, ipv4(1, icmpEcho(8, 1, 1), Ip4{10, 0, 0, 1}, Ip4{10, 0, 0, 2}), Ip4{172, 16, 0, 1},
                              Ip4{172, 16, 0, 2})),
        // 8: ICMP echo with TTL 128
        ethernet(0x0800, ipv4(1, icmpEcho(8, 7, 1), a, b, ipOpts(0x1234, 0x4000, 128))),
        // 9: DHCP-like broadcast in VLAN 100
        ethernet(0x8100, vlan(100, 0x0800, ipv4(17, udp(68, 67, Bytes(8, 0)), Ip4{192, 168, 1, 10},
                                                  Ip4{255, 255, 255, 255})), broadcast),
    };
}

struct FilterCase {
    std::string filter;
    std::vector<int> frames;  // 1-based
};

inline std::vector<FilterCase> filterTestCases()
{
    const std::vector<int> all{1, 2, 3, 4, 5, 6, 7, 8, 9};
    const std::vector<int> ipv4{1, 2, 3, 7, 8, 9};
    return {
        {"", all},
        {"frame", all},
        // protocol presence
        {"tcp", {1, 2, 5}},
        {"udp", {3, 4, 9}},
        {"ip", ipv4},
        {"ipv6", {4, 5}},
        {"arp", {6}},
        {"dns", {3}},
        {"icmp", {7, 8}},
        {"vlan", {9}},
        // field presence
        {"tcp.flags.syn", {1, 2, 5}},
        {"dns.qry.name", {3}},
        {"ip.flags.df", ipv4},
        // comparisons on numbers, both spellings
        {"tcp.port == 80", {1, 2}},
        {"tcp.port eq 80", {1, 2}},
        {"tcp.dstport == 80", {1}},
        {"tcp.srcport != 80", {1, 5}},
        {"tcp.port > 1000", {1, 2, 5}},
        {"tcp.port < 80", {}},
        {"tcp.port <= 80", {1, 2}},
        {"tcp.srcport >= 1234", {1, 5}},
        {"tcp.dstport lt 100", {1}},
        {"tcp.dstport gt 100", {2, 5}},
        {"tcp.dstport le 80", {1}},
        {"tcp.dstport ge 443", {2, 5}},
        {"tcp.srcport ne 80", {1, 5}},
        {"ip.ttl > 64", {8}},
        {"ip.ttl >= 64", ipv4},
        {"ip.ttl < 100", {1, 2, 3, 7, 9}},
        {"tcp.port == 0x50", {1, 2}},
        {"tcp.port == 0120", {1, 2}},
        // several occurrences: == any, != all differ, ~= any differs, === all equal
        {"tcp.port != 80", {5}},
        {"tcp.port ~= 80", {1, 2, 5}},
        {"tcp.port any_ne 80", {1, 2, 5}},
        {"tcp.port !== 80", {1, 2, 5}},
        {"tcp.port === 80", {}},
        {"ip.version === 4", ipv4},
        {"ip.src != 10.0.0.1", {1, 2, 3, 8, 9}},
        {"ip.src ~= 10.0.0.1", ipv4},
        {"ip.src == 10.0.0.1", {7}},
        {"ip.addr == 172.16.0.0/12 and ip.addr == 10.0.0.2", {7}},
        // addresses with CIDR, orderings, MACs
        {"ip.addr == 198.18.0.0/15", {1, 2, 8}},
        {"ip.addr == 198.18.0.1", {1, 2, 8}},
        {"ip.src == 10.0.0.0/8", {3, 7}},
        {"ip.dst > 200.0.0.0", {9}},
        {"ip.addr == 0.0.0.0/0", ipv4},
        {"ipv6.addr == 2001:db8::/32", {4, 5}},
        {"ipv6.src == 2001:db8::1", {4, 5}},
        {"ipv6.dst == 2001:db8:0:0:0:0:0:2", {4, 5}},
        {"ipv6.dst == 2001:db8::1/128", {}},
        {"ipv6.addr == ::/0", {4, 5}},
        {"eth.addr == 00:11:22:33:44:55", all},
        {"eth.dst == ff:ff:ff:ff:ff:ff", {6, 9}},
        {"eth.src == 66-77-88-99-aa-bb", {2}},
        {"eth.src == 6677.8899.aabb", {2}},
        {"eth.dst contains ff:ff", {6, 9}},
        // sets and ranges
        {"tcp.port in {80, 443}", {1, 2, 5}},
        {"tcp.port in {1000..50000}", {1, 2, 5}},
        {"udp.port in {53, 8000..8080}", {3, 4}},
        {"udp.port in {53,8000 .. 8080}", {3, 4}},
        {"udp.port not in {53}", {1, 2, 4, 5, 6, 7, 8, 9}},
        {"ip.addr in {10.0.0.0/8, 198.18.0.2}", {1, 2, 3, 7, 8}},
        {"frame.number in {1, 3..4}", {1, 3, 4}},
        {"tcp.port in {100..1}", {}},
        // bitwise and
        {"tcp.flags & 0x02", {1, 2}},
        {"tcp.flags & 0x12 == 0x12", {2}},
        {"tcp.flags bitwise_and 0x10", {2, 5}},
        // booleans
        {"tcp.flags.syn == 1", {1, 2}},
        {"tcp.flags.syn == True", {1, 2}},
        {"tcp.flags.syn == 0", {5}},
        // strings, contains
        {"dns.qry.name == \"www.example.com\"", {3}},
        {"dns.qry.name contains \"example\"", {3}},
        {"dns.qry.name contains example", {3}},
        {"frame contains \"hello\"", {5}},
        {"tcp contains 68:65:6c:6c:6f", {5}},
        {"udp contains 01:02:03:04", {4}},
        // not, and, or, precedence, parentheses
        {"!tcp.flags.ack", {3, 4, 6, 7, 8, 9}},
        {"tcp.flags.syn == 1 and not tcp.flags.ack == 1", {1}},
        {"udp or tcp and ipv6", {3, 4, 5, 9}},
        {"(udp or tcp) and ipv6", {4, 5}},
        {"not tcp and ip", {3, 7, 8, 9}},
        {"not (tcp and ip)", {3, 4, 5, 6, 7, 8, 9}},
        {"tcp || udp && !ip", {1, 2, 4, 5}},
        {"not not arp", {6}},
        {"((tcp))", {1, 2, 5}},
        // metadata and other layers
        {"frame.number > 8", {9}},
        {"vlan.id == 100", {9}},
        {"icmp.type == 8", {7, 8}},
        {"ip.proto == 4", {7}},
        {"frame.time_epoch >= 1700000000.123456789", all},
        {"frame.time_epoch > 1700000000.2", {}},
        // Wireshark 4.0's grammar: field against field, slices, functions, matches
        {"ip.src == ip.dst", {}},
        {"tcp.srcport > tcp.dstport", {1, 5}},
        {"eth.dst[0:3] == ff:ff:ff", {6, 9}},
        {"ip.src[0:2] == c6:12", {1, 2, 8}},
        {"ip.dst[-1:] == 02", {1, 7, 8}},
        {"frame[12:2] == 86:dd", {4, 5}},
        {"udp[2:2] == 00:35", {3}},
        {"len(dns.qry.name) == 15", {3}},
        {"count(ip.src) == 2", {7}},
        {"len(tcp.srcport) == 2", {1, 2, 5}},
        {"dns.qry.name matches \"EXAMPLE\"", {3}},
        {"dns.qry.name matches \"(?-i)EXAMPLE\"", {}},
        {"upper(dns.qry.name) == \"WWW.EXAMPLE.COM\"", {3}},
        {"string(udp.dstport) == \"53\"", {3}},
        // bytes & mask (non-zero after a pairwise AND), a lone hex digit as one byte, string()
        // of a hex-displayed field in decimal, matches on a protocol's bytes
        {"eth.dst[0] & 1", {6, 9}},
        {"eth.src[0] & 0x02", {2}},
        {"ip.src[3] == 1", {1, 7, 8}},
        {"string(dns.id) == \"4660\"", {3}},
        {"frame matches \"h.llo\"", {5}},
    };
}

// Filters that do not compile, the column tshark points at too, and a word of our message.
struct FilterErrorCase {
    std::string filter;
    unsigned column;
    std::string messagePart;
};

inline std::vector<FilterErrorCase> filterErrorCases()
{
    return {
        {"tcp.prot == 80", 1, "unknown field \"tcp.prot\""},
        {"tcp.port[0] == 1", 1, "cannot be sliced"},
        {"dns.qry.name matches \"(\"", 22, "invalid regular expression"},
        {"len(frame.protocols) == 2 == 3", 27, "was unexpected"},
        {"foo", 1, "unknown field"},
        {"tcp.port == ", 13, "ends too early"},
        {"tcp.port == 80 and", 19, "ends too early"},
        {"(tcp.port == 80", 16, "ends too early"},
        {"tcp.port == 80)", 15, "\")\" was unexpected"},
        {"tcp.port = 80", 10, "\"=\" was unexpected"},
        {"tcp.port == abc", 13, "not a valid number"},
        {"tcp.port == 80.0", 13, "not a valid number"},
        {"ip.addr == 1.2.3", 12, "not a valid IPv4 address"},
        {"ip.addr == 1.2.3.4/33", 12, "netmask bits"},
        {"ipv6.addr == 1:::2", 14, "not a valid IPv6 address"},
        {"tcp.port in {80 443}", 17, "commas"},
        {"tcp.port in {}", 14, "\"}\" was unexpected"},
        {"tcp.port in {80,}", 17, "\"}\" was unexpected"},
        {"tcp.port contains 80", 1, "cannot be used with \"contains\""},
        {"ip.ttl == 300", 11, "too big"},
        {"tcp.port > 65536", 12, "too big"},
        {"tcp.port == \"80", 13, "closing quote"},
        {"tcp.srcport == \"80\"", 16, "is a string"},
        {"eth.src == 00:0b:db:63:58", 12, "six bytes"},
        {"tcp.port == 80 80", 16, "\"80\" was unexpected"},
        {"tcp.port == 80 and or udp", 20, "\"or\" was unexpected"},
        {"tcp AND ip", 5, "\"AND\" was unexpected"},
        {"tcp ^^ udp", 5, "\"^\" was unexpected"},
        {"()", 2, "\")\" was unexpected"},
    };
}

}  // namespace rcvmon::test

// SPDX-License-Identifier: GPL-2.0-or-later
// Writes the fuzzer's seed inputs (tests/fuzz/seeds/) from hand-built packets: one input per
// protocol path, several frames each where state matters (fragments, TCP conversations).
// Run: make_seeds <dir>
#include "dissector_fuzz_input.h"
#include "packet_builder.h"

#include <cstdio>
#include <fstream>
#include <string>

using namespace rcvmon::test;

namespace {

void write(const std::string& dir, const std::string& name, std::uint8_t link, bool reasm, const std::vector<Bytes>& frames)
{
    const auto bytes = rcvmon::fuzz::encodeInput(link, reasm, frames);
    std::ofstream(dir + "/" + name, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                                            static_cast<std::streamsize>(bytes.size()));
}

std::vector<Bytes> ipv4Fragments(const Bytes& datagram, std::uint16_t id, std::size_t chunk)
{
    std::vector<Bytes> out;
    for (std::size_t off = 0; off < datagram.size(); off += chunk) {
        const std::size_t n = std::min(chunk, datagram.size() - off);
        const bool more = off + n < datagram.size();
        const Bytes part(datagram.begin() + static_cast<std::ptrdiff_t>(off),
                         datagram.begin() + static_cast<std::ptrdiff_t>(off + n));
        out.push_back(ethernet(0x0800, ipv4(17, part, kIpA, kIpB,
                                            ipOpts(id, static_cast<std::uint16_t>((more ? 0x2000 : 0) | (off / 8))))));
    }
    return out;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seeds DIR\n");
        return 2;
    }
    const std::string d = argv[1];
    const std::string http = "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 30\r\n\r\n0123";
    write(d, "eth-tcp-conversation", 0, true,
          {ethernet(0x0800, ipv4(6, tcp(1000, 80, 5, 0, 0x002, {}, {2, 4, 5, 0xb4, 3, 3, 7, 1, 30, 4, 0, 0}))),
           ethernet(0x0800, ipv4(6, tcp(80, 1000, 9, 6, 0x012), kIpB, kIpA)),
           ethernet(0x0800, ipv4(6, tcp(1000, 80, 6, 10, 0x018, Bytes(http.begin(), http.end())))),
           ethernet(0x0800, ipv4(6, tcp(1000, 80, 6, 10, 0x018, Bytes(http.begin(), http.end()))))});
    // TCP options (MSS, SACK-permitted, timestamps, window scale, SACK blocks, AccECN) and the
    // sequence analysis: duplicate ACKs, a hole, a zero window and its probe.
    const Bytes synOpts{2, 4, 5, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7};
    const Bytes sackOpts{1, 1, 5, 10, 0, 0, 0, 20, 0, 0, 0, 30};
    const Bytes accEcn{1, 1, 254, 13, 0xac, 0xc0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0};
    write(d, "eth-tcp-analysis", 0, true,
          {ethernet(0x0800, ipv4(6, tcp(2000, 3000, 1, 0, 0x1c2, {}, synOpts))),
           ethernet(0x0800, ipv4(6, tcp(3000, 2000, 100, 2, 0x092, {}, accEcn), kIpB, kIpA)),
           ethernet(0x0800, ipv4(6, tcp(2000, 3000, 2, 101, 0x018, Bytes(10, 7)))),
           ethernet(0x0800, ipv4(6, tcp(3000, 2000, 101, 12, 0x010), kIpB, kIpA)),
           ethernet(0x0800, ipv4(6, tcp(3000, 2000, 101, 12, 0x010, {}, sackOpts), kIpB, kIpA)),
           ethernet(0x0800, ipv4(6, tcp(2000, 3000, 40, 101, 0x018, Bytes(5, 7)))),
           ethernet(0x0800, ipv4(6, tcp(3000, 2000, 101, 45, 0x010, {}, {}, 0), kIpB, kIpA)),
           ethernet(0x0800, ipv4(6, tcp(2000, 3000, 45, 101, 0x010, Bytes(1, 7))))});
    write(d, "eth-udp-dns", 0, true, {ethernet(0x0800, ipv4(17, udp(1024, 53, dnsQuery(0x1234, "www.example.com"))))});
    write(d, "eth-ipv6-ext-mdns", 0, false,
          {ethernet(0x86dd, ipv6(0, ipv6Options(60, ipv6Options(17, udp(5353, 5353, dnsQuery(0, "x.local", 28))))))});
    write(d, "eth-qinq-mpls-icmp", 0, true,
          {ethernet(0x88a8, vlan(1, 0x8100, vlan(2, 0x8847, mpls(16, true, 3, ipv4(1, icmpEcho(8, 1, 1))))))});
    Bytes quoted = ipv4(17, udp(53, 999, Bytes(40, 1)), kIpB, kIpA);
    quoted.resize(28);
    write(d, "eth-icmp-error", 0, true, {ethernet(0x0800, ipv4(1, icmpError(3, 3, quoted)))});
    write(d, "eth-gre-gre", 0, true,
          {ethernet(0x0800, ipv4(47, gre(0x0800, ipv4(47, gre(0x0800, ipv4(1, icmpEcho(0, 2, 3)))))))});
    write(d, "eth-arp-rarp", 0, true,
          {ethernet(0x0806, arp(1, kMacA, kIpA, Mac{}, kIpB)), ethernet(0x8035, arp(3, kMacA, Ip4{}, kMacA, Ip4{}))});
    Bytes llc{0xaa, 0xaa, 0x03, 0, 0, 0, 0x08, 0x06};
    append(llc, arp(2, kMacA, kIpA, kMacB, kIpB));
    write(d, "eth-llc-snap", 0, true, {ethernet(static_cast<std::uint16_t>(llc.size()), llc)});
    write(d, "eth-ipv4-fragments", 0, true, ipv4Fragments(udp(4000, 9, Bytes(100, 7)), 0x77, 48));
    write(d, "eth-ipv4-fragments-noreasm", 0, false, ipv4Fragments(udp(4000, 53, dnsQuery(1, "frag.example")), 0x78, 16));
    const Bytes frag = udp(5353, 5353, dnsQuery(1, "host.local"));
    write(d, "eth-ipv6-fragments", 0, true,
          {ethernet(0x86dd, ipv6(44, ipv6Fragment(17, 0, true, 5, Bytes(frag.begin(), frag.begin() + 16)))),
           ethernet(0x86dd, ipv6(44, ipv6Fragment(17, 16, false, 5, Bytes(frag.begin() + 16, frag.end()))))});
    write(d, "raw-ipv4-teredo", 1, true, {ipv4(17, udp(3797, 3544, ipv6(58, icmpEcho(128, 1, 1))))});
    write(d, "sll-ipv4-igmp", 2, true, {sll(0x0800, ipv4(2, Bytes{0x16, 0, 0, 0, 224, 0, 0, 251}))});
    write(d, "sll2-ipv6-tcp-tls", 3, true,
          {sll2(0x86dd, ipv6(6, tcp(50000, 443, 1, 1, 0x018, Bytes{22, 3, 3, 0, 4, 2, 0, 0, 0})))});
    Bytes null{30, 0, 0, 0};
    append(null, ipv6(17, udp(65165, 443, Bytes(20, 0xc3))));
    write(d, "null-ipv6-quic", 4, true, {null});
    Bytes loop{0, 0, 0, 2};
    append(loop, ipv4(132, Bytes{0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 20, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3}));
    write(d, "loop-ipv4-sctp", 5, true, {loop});
    write(d, "ipv4-link-ah-ldap", 6, true,
          {ipv4(51, Bytes{6, 4, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})});
    write(d, "eth-nbdgm-smb-browser", 0, true,
          {ethernet(0x0800, ipv4(17, udp(138, 138, nbdgmMailslot("\\MAILSLOT\\BROWSE", Bytes{1, 0, 0x80, 0xfc}))))});
    write(d, "eth-eapol-eap-xid", 0, true,
          {ethernet(0x888e, Bytes{1, 0, 0, 5, 2, 7, 0, 5, 1}), ethernet(6, Bytes{0, 1, 0xaf, 0x81, 1, 0})});
    const std::string gzipHead = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                                 "Content-Length: " + std::to_string(kGzipXhtml.size()) + "\r\n\r\n";
    Bytes gzipResponse(gzipHead.begin(), gzipHead.end());
    append(gzipResponse, kGzipXhtml);
    write(d, "eth-http-gzip", 0, true, {ethernet(0x0800, ipv4(6, tcp(80, 40000, 1, 1, 0x018, gzipResponse)))});
    write(d, "unknown-link", 10, true, {Bytes{1, 2, 3, 4, 5, 6, 7, 8}});
    return 0;
}

// SPDX-License-Identifier: GPL-2.0-or-later
// Writes the fuzzer's seed inputs (tests/fuzz/seeds/) from hand-built packets: one input per
// protocol path, several frames each where state matters (fragments, TCP conversations).
// Run: make_seeds <dir>
#include "dissector_fuzz_input.h"
#include "packet_builder.h"
#include "tls_packets.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

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

// UDP service payloads (DNS, mDNS, DHCP, NTP, NBNS, DHCPv6, SSDP, VXLAN, WireGuard, Syslog,
// TFTP, DNS by heuristic, GTP, PFCP, Babel, RIP, STUN) as hex, each sent between its ports.
std::vector<Bytes> udpServiceFrames()
{
    struct Item {
        std::uint16_t sport, dport;
        std::string_view hex;
    };
    static constexpr Item kItems[] = {
        {53, 5453, "4fe88180000100020000000103777777056170706c6503636f6d0000010001c00c000500010000012c000b0178076578616d706c6500c00c000100010000003c00040102030400002904d0000000000000"},
        {5353, 5353, "000084000001000100000000077072696e746572056c6f63616c00000c8001c00c000180010000007800040a000007"},
        {68, 67, "0101060000003d1d000000000000000000000000000000000000000000112233445500000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000638253633501013204c0a801640c04686f7374ff"},
        {123, 123, "230206ea0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
        {137, 137, "8001011000010000000000002046484641454245454341434143414341434143414341434143414341434141410000200001"},
        {546, 547, "011234560001000a00030001000102030405000800020000"},
        {50000, 1900, "4d2d534541524348202a20485454502f312e310d0a484f53543a203233392e3235352e3235352e3235303a313930300d0a4d414e3a2022737364703a646973636f766572220d0a4d583a20310d0a53543a20737364703a616c6c0d0a0d0a"},
        {40000, 4789, "0800000000007b0066778899aabb00112233445508004500004c0001400040110000c6120001c6120002007b007b00380000230206ea0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
        {40000, 51820, "010000008f1c0b7a0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
        {51820, 40000, "030000008f1c0b7a0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
        {51820, 40000, "040000008f1c0b7a05000000000000000000000000000000000000000000000000000000000000000000000000000000"},
        {40000, 514, "3c31333e5365702031322031393a31363a313220686f737420746573743a2068656c6c6f00"},
        {40000, 69, "000275702e62696e006e6574617363696900626c6b73697a650031343238007473697a65003000"},
        {40000, 8053, "014301000001000000000000037777770774637064756d70036f72670000010001"},
        {2152, 2152, "30ff0039000012344500003900014000401100000a0000010a0000029c40003500250000123401000001000000000000076578616d706c6503636f6d0000010001"},
        {2123, 2123, "320100040000000000070000"},
        {8805, 8805, "2001000c000001000060000412345678"},
        {6696, 6696, "2a020010040600001234019005060000006004b0"},
        {520, 520, "02020000000200000a000000ff0000000000000000000001"},
        {3478, 40000, "0101000c2112a4420102030405060708090a0b0c002000080001bd52e112a643"},
        {41000, 42000, "000100102112a4420102030405060708090a0b0c00060009616263643a65666768000000"},
    };
    std::vector<Bytes> frames;
    for (const Item& item : kItems) {
        Bytes payload;
        for (std::size_t i = 0; i + 1 < item.hex.size(); i += 2) {
            const auto nibble = [](char c) { return static_cast<unsigned>(c <= '9' ? c - '0' : c - 'a' + 10); };
            put8(payload, nibble(item.hex[i]) << 4 | nibble(item.hex[i + 1]));
        }
        frames.push_back(ethernet(0x0800, ipv4(17, udp(item.sport, item.dport, payload))));
    }
    return frames;
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
    // TLS: a ClientHello, then a ServerHello whose Certificate record spans two segments.
    const Bytes hello = tlsRecord(22, 0x0301, clientHello("seed.example"));
    const Bytes server = cat({tlsRecord(22, 0x0303, serverHello(true)), tlsRecord(22, 0x0303, tlsHandshake(11, Bytes(200, 7))),
                              tlsRecord(21, 0x0303, Bytes{2, 40})});
    const Bytes part1(server.begin(), server.begin() + 120), part2(server.begin() + 120, server.end());
    write(d, "eth-tls-records", 0, true,
          {ethernet(0x0800, ipv4(6, tcp(40000, 443, 1, 1, 0x018, hello))),
           ethernet(0x0800, ipv4(6, tcp(443, 40000, 1, 1 + static_cast<std::uint32_t>(hello.size()), 0x018, part1), kIpB, kIpA)),
           ethernet(0x0800, ipv4(6, tcp(443, 40000, 121, 1 + static_cast<std::uint32_t>(hello.size()), 0x018, part2), kIpB, kIpA))});
    // QUIC: an Initial (not decryptable: random payload), a Handshake coalesced with a short header.
    Bytes initial{0xc3, 0, 0, 0, 1, 8, 1, 2, 3, 4, 5, 6, 7, 8, 3, 9, 9, 9, 0, 0x44, 0x40};
    initial.insert(initial.end(), 0x40, 0x5a);
    Bytes handshake{0xe1, 0, 0, 0, 1, 3, 9, 9, 9, 4, 6, 6, 6, 6, 20};
    handshake.insert(handshake.end(), 20, 0x42);
    Bytes shortHeader{0x40, 6, 6, 6, 6};
    shortHeader.insert(shortHeader.end(), 24, 0x33);
    write(d, "eth-quic-packets", 0, true,
          {ethernet(0x0800, ipv4(17, udp(50000, 443, initial))),
           ethernet(0x0800, ipv4(17, udp(443, 50000, cat({handshake, shortHeader})), kIpB, kIpA)),
           ethernet(0x0800, ipv4(17, udp(50000, 443, shortHeader)))});
    write(d, "unknown-link", 10, true, {Bytes{1, 2, 3, 4, 5, 6, 7, 8}});
    write(d, "eth-udp-services", 0, true, udpServiceFrames());
    return 0;
}

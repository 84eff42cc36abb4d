// SPDX-License-Identifier: GPL-2.0-or-later
// Writes the fuzzers' seed inputs (tests/fuzz/seeds/) from hand-built packets: one input per
// protocol path, several frames each where state matters (fragments, TCP conversations).
// Every TCP conversation among them is also written as a tcp_stream seed, and seeds/
// pcap_reader, pcapng_reader and display_filter get hand-built files and filters that reach
// what the corpus rarely has (both byte orders, every packet block, several sections).
// Run: make_seeds <dir>
#include "dissector_fuzz_input.h"
#include "packet_builder.h"
#include "tcp_stream_fuzz_input.h"
#include "tls_packets.h"

#include "file/file_bytes.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

using namespace rcvmon::test;

namespace {

void writeFile(const std::string& path, const Bytes& bytes)
{
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                                static_cast<std::streamsize>(bytes.size()));
}

std::uint32_t get32(const Bytes& b, std::size_t at)
{
    return std::uint32_t{b[at]} << 24 | std::uint32_t{b[at + 1]} << 16 | std::uint32_t{b[at + 2]} << 8 | b[at + 3];
}

// The TCP segments of frames (Ethernet, IPv4 or IPv6 without extension headers) that belong to
// the first frame's connection, as a tcp_stream input; empty when there are none.
Bytes tcpStreamOf(const std::vector<Bytes>& frames)
{
    std::vector<rcvmon::fuzz::TcpSegment> segments;
    std::uint16_t client = 0, server = 0;
    bool ipv6 = false;
    // Each direction's next sequence number in the frames, once it has sent.
    std::uint32_t next[2] = {};
    bool sent[2] = {};
    for (const Bytes& f : frames) {
        if (f.size() < 14) continue;
        const unsigned type = f[12] << 8 | f[13];
        std::size_t ip = 14, tcp = 0, end = 0;
        if (type == 0x0800 && f.size() >= ip + 20 && f[ip + 9] == 6) {
            tcp = ip + (f[ip] & 15u) * 4;
            end = std::min(f.size(), ip + (f[ip + 2] << 8 | f[ip + 3]));
        } else if (type == 0x86dd && f.size() >= ip + 40 && f[ip + 6] == 6) {
            tcp = ip + 40;
            end = std::min(f.size(), tcp + (f[ip + 4] << 8 | f[ip + 5]));
        } else {
            continue;
        }
        if (end < tcp + 20) continue;
        const std::uint16_t sport = static_cast<std::uint16_t>(f[tcp] << 8 | f[tcp + 1]);
        const std::uint16_t dport = static_cast<std::uint16_t>(f[tcp + 2] << 8 | f[tcp + 3]);
        if (segments.empty()) {
            client = sport;
            server = dport;
            ipv6 = type == 0x86dd;
        }
        const bool fromServer = sport == server && dport == client;
        if (!fromServer && !(sport == client && dport == server)) continue;
        const std::size_t payload = tcp + (f[tcp + 12] >> 4) * 4u;
        rcvmon::fuzz::TcpSegment s;
        s.fromServer = fromServer;
        s.flags = f[tcp + 13];
        if (payload < end) s.payload.assign(f.begin() + static_cast<std::ptrdiff_t>(payload), f.begin() + static_cast<std::ptrdiff_t>(end));
        // The same retransmissions, overlaps and gaps as the frames, relative to the harness's numbers.
        const int d = fromServer ? 1 : 0;
        const std::uint32_t seq = get32(f, tcp + 4);
        const auto change = sent[d] ? static_cast<std::int32_t>(seq - next[d]) : 0;
        s.seqChange = static_cast<std::int8_t>(std::clamp(change, -128, 127));
        next[d] = seq + static_cast<std::uint32_t>(s.payload.size()) + ((s.flags & 0x02) ? 1 : 0) + (s.flags & 0x01);
        sent[d] = true;
        segments.push_back(std::move(s));
    }
    if (segments.empty()) return {};
    return rcvmon::fuzz::encodeTcpStream(server, ipv6, segments);
}

void write(const std::string& dir, const std::string& name, std::uint8_t link, bool reasm, const std::vector<Bytes>& frames)
{
    writeFile(dir + "/" + name, rcvmon::fuzz::encodeInput(link, reasm, frames));
}

// Every Ethernet dissector seed in d (those written here and any added by hand) that holds
// a TCP connection becomes a tcp_stream seed of the same name.
void writeTcpStreamSeeds(const std::string& d)
{
    for (const auto& entry : std::filesystem::directory_iterator(d)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        const Bytes bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        rcvmon::fuzz::FuzzFrames input;
        if (!rcvmon::fuzz::decodeInput(bytes.data(), bytes.size(), input) || input.linkType != 1) continue;
        const Bytes stream = tcpStreamOf(input.frames);
        if (!stream.empty()) writeFile(d + "/tcp_stream/" + entry.path().filename().string(), stream);
    }
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

// Capture-file integers in either byte order.
void putOrdered(Bytes& b, std::uint64_t v, int bytes, bool bigEndian)
{
    for (int i = 0; i < bytes; ++i) {
        const int shift = bigEndian ? (bytes - 1 - i) * 8 : i * 8;
        b.push_back(static_cast<std::uint8_t>(v >> shift));
    }
}

// A pcap file: header with magic, then (seconds, fraction, frame, wire length) records;
// Kuznetsov's magic adds ifindex, protocol, pkt_type (outgoing) and padding.
Bytes pcapFile(std::uint32_t magic, bool be, std::uint32_t link, const std::vector<Bytes>& frames)
{
    Bytes b;
    putOrdered(b, magic, 4, be);
    putOrdered(b, 2, 2, be);
    putOrdered(b, 4, 2, be);
    putOrdered(b, 0, 8, be);
    putOrdered(b, 65535, 4, be);
    putOrdered(b, link, 4, be);
    std::uint32_t sec = 1700000000;
    for (const Bytes& f : frames) {
        putOrdered(b, sec++, 4, be);
        putOrdered(b, 999999, 4, be);
        putOrdered(b, f.size(), 4, be);
        putOrdered(b, f.size() + 4, 4, be);
        if (magic == 0xa1b2cd34) {
            putOrdered(b, 2, 4, be);
            putOrdered(b, 0x0800, 2, be);
            b.push_back(4);
            b.push_back(0);
        }
        append(b, f);
    }
    return b;
}

Bytes pcapngBlock(std::uint32_t type, const Bytes& body, bool be)
{
    Bytes b;
    const std::size_t padded = (body.size() + 3) & ~std::size_t{3};
    putOrdered(b, type, 4, be);
    putOrdered(b, 12 + padded, 4, be);
    append(b, body);
    b.resize(8 + padded, 0);
    putOrdered(b, 12 + padded, 4, be);
    return b;
}

Bytes pcapngOption(std::uint16_t code, const Bytes& value, bool be)
{
    Bytes b;
    putOrdered(b, code, 2, be);
    putOrdered(b, value.size(), 2, be);
    append(b, value);
    b.resize((b.size() + 3) & ~std::size_t{3}, 0);
    return b;
}

Bytes pcapngSection(bool be, const Bytes& options = {})
{
    Bytes body;
    putOrdered(body, 0x1a2b3c4d, 4, be);
    putOrdered(body, 1, 2, be);
    putOrdered(body, 0, 2, be);
    putOrdered(body, ~std::uint64_t{0}, 8, be);
    append(body, options);
    return pcapngBlock(0x0a0d0d0a, body, be);
}

Bytes pcapngInterface(std::uint16_t link, std::uint32_t snap, const Bytes& options, bool be)
{
    Bytes body;
    putOrdered(body, link, 2, be);
    putOrdered(body, 0, 2, be);
    putOrdered(body, snap, 4, be);
    append(body, options);
    return pcapngBlock(1, body, be);
}

// EPB (type 6) or the obsolete PB (type 2, 16-bit interface and a drop count).
Bytes pcapngPacket(std::uint32_t type, std::uint32_t iface, std::uint64_t ts, const Bytes& frame, const Bytes& options, bool be)
{
    Bytes body;
    if (type == 2) {
        putOrdered(body, iface, 2, be);
        putOrdered(body, 0, 2, be);
    } else {
        putOrdered(body, iface, 4, be);
    }
    putOrdered(body, ts >> 32, 4, be);
    putOrdered(body, ts & 0xffffffffu, 4, be);
    putOrdered(body, frame.size(), 4, be);
    putOrdered(body, frame.size() + 10, 4, be);
    append(body, frame);
    body.resize((body.size() + 3) & ~std::size_t{3}, 0);
    append(body, options);
    return pcapngBlock(type, body, be);
}

void writeFileSeeds(const std::string& d)
{
    const Bytes tcpFrame = ethernet(0x0800, ipv4(6, tcp(40000, 80, 1, 1, 0x018, Bytes{'G', 'E', 'T', ' ', '/'})));
    const Bytes dnsFrame = ethernet(0x0800, ipv4(17, udp(1024, 53, dnsQuery(7, "seed.example"))));
    const Bytes rawIp = ipv4(1, icmpEcho(8, 1, 1));
    writeFile(d + "/pcap_reader/le-micro", pcapFile(0xa1b2c3d4, false, 1, {tcpFrame, dnsFrame}));
    writeFile(d + "/pcap_reader/be-nano", pcapFile(0xa1b23c4d, true, 1, {dnsFrame}));
    writeFile(d + "/pcap_reader/kuznetsov-raw", pcapFile(0xa1b2cd34, false, 101, {rawIp, rawIp}));
    Bytes torn = pcapFile(0xa1b2c3d4, true, 1, {tcpFrame, dnsFrame});
    torn.resize(torn.size() - 9);
    writeFile(d + "/pcap_reader/be-torn-tail", torn);

    // Two sections, little- then big-endian, every packet block, options, skipped blocks.
    for (const bool firstBe : {false, true}) {
        const bool be = firstBe;
        const Bytes nsResolution = pcapngOption(9, Bytes{9}, be);
        Bytes ifOptions = cat({pcapngOption(2, Bytes{'e', 't', 'h', '0'}, be), pcapngOption(3, Bytes{'l', 'a', 'n'}, be),
                               nsResolution});
        Bytes offset;
        putOrdered(offset, 100, 8, be);
        append(ifOptions, pcapngOption(14, offset, be));
        append(ifOptions, pcapngOption(0, {}, be));
        Bytes inbound, outbound;
        putOrdered(inbound, 1, 4, be);
        putOrdered(outbound, 2, 4, be);
        Bytes spb;
        putOrdered(spb, dnsFrame.size(), 4, be);
        append(spb, dnsFrame);
        Bytes file = cat({
            pcapngSection(be, pcapngOption(4, Bytes{'s', 'e', 'e', 'd'}, be)),
            pcapngInterface(1, 65535, ifOptions, be),
            pcapngInterface(101, 0, pcapngOption(9, Bytes{0x86}, be), be),  // 2^-6 s
            pcapngPacket(6, 0, 1700000000123456789ull, tcpFrame, pcapngOption(2, inbound, be), be),
            pcapngBlock(3, spb, be),
            pcapngPacket(2, 1, 1700000000ull << 6, rawIp, {}, be),
            pcapngBlock(4, Bytes(8, 0), be),  // name resolution: skipped
            pcapngBlock(5, Bytes(12, 0), be), // interface statistics: skipped
            pcapngSection(!be),
            pcapngInterface(1, 128, {}, !be),
            pcapngPacket(6, 0, 1700000001000000ull, dnsFrame, pcapngOption(2, outbound, !be), !be),
        });
        writeFile(d + (firstBe ? "/pcapng_reader/be-le-sections" : "/pcapng_reader/le-be-sections"), file);
        file.resize(file.size() - 20);
        writeFile(d + (firstBe ? "/pcapng_reader/be-le-torn-tail" : "/pcapng_reader/le-be-torn-tail"), file);
    }

    // Packet comments (opt_comment): two on one packet around epb_flags, one kept before an
    // option length that runs past its block, one in a block without opt_endofopt.
    for (const bool be : {false, true}) {
        const Bytes frame = {0x02, 0, 0, 0, 0, 2, 0x02, 0, 0, 0, 0, 1, 0x88, 0xb5, 'c', 'm', 't'};
        Bytes flags;
        putOrdered(flags, 1, 4, be);
        Bytes damaged = pcapngOption(1, Bytes{'k', 'e', 'p', 't'}, be);
        putOrdered(damaged, 1, 2, be);
        putOrdered(damaged, 0xfff0, 2, be);
        append(damaged, Bytes{'x', 'x', 'x', 'x'});
        const Bytes file = cat({
            pcapngSection(be),
            pcapngInterface(1, 65535, {}, be),
            pcapngPacket(6, 0, 1700000000000000ull, frame,
                         cat({pcapngOption(1, Bytes{'h', 'e', 'l', 'l', 'o'}, be), pcapngOption(2, flags, be),
                              pcapngOption(1, Bytes{'t', 'w', 'o'}, be), pcapngOption(0, {}, be)}),
                         be),
            pcapngPacket(6, 0, 1700000000000001ull, frame, damaged, be),
            pcapngPacket(6, 0, 1700000000000002ull, frame, pcapngOption(1, Bytes{'e', 'n', 'd'}, be), be),
        });
        writeFile(d + (be ? "/pcapng_reader/be-comments" : "/pcapng_reader/le-comments"), file);
    }
}

// Filters over the grammar's corners, one with frames after its NUL (filter_fuzz_input.h).
void writeFilterSeeds(const std::string& d)
{
    const std::string_view filters[] = {
        "tcp.port == 80 && ip.src == 198.18.0.1",
        "dns.qry.name matches \"^www\\.ex.*\" or dns.qry.name contains \"example\"",
        "ip.addr in {198.18.0.1 10.0.0.0/8} and not arp",
        "tcp.flags & 0x12 == 0x12",
        "eth.src[0:3] == 00:11:22 || eth.dst[-1] == bb",
        "len(dns.qry.name) > 3 and frame.len >= 60",
        "ipv6.addr == 2001:db8::1 and udp.port in {5000..8001}",
        "!(tcp.srcport != 80) || vlan.id == 100 && ip.ttl > 64",
        "frame contains \"hello\" and frame.time_epoch > 0",
        "upper(http.request.method) == \"GET\" or tcp.len > 0 and tcp.seq == 1",
    };
    int n = 0;
    for (const std::string_view f : filters) writeFile(d + "/display_filter/" + std::to_string(++n), Bytes(f.begin(), f.end()));
    Bytes withFrames{'t', 'c', 'p', '.', 'p', 'o', 'r', 't', ' ', '=', '=', ' ', '8', '0', 0};
    append(withFrames, rcvmon::fuzz::encodeInput(0, false, {ethernet(0x0800, ipv4(6, tcp(80, 443, 1, 1, 0x010)))}));
    writeFile(d + "/display_filter/with-frames", withFrames);
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seeds DIR\n");
        return 2;
    }
    const std::string d = argv[1];
    writeFileSeeds(d);
    writeFilterSeeds(d);
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
    // Line-based application protocols: an FTP control connection announcing a passive data
    // connection, SMTP into DATA, an SSH banner and key exchange packet, IRC and SIP.
    const auto line = [](std::uint16_t sport, std::uint16_t dport, std::uint32_t seq, std::string_view t, bool fromA) {
        const Bytes seg = tcp(sport, dport, seq, 1, 0x018, Bytes(t.begin(), t.end()));
        return ethernet(0x0800, fromA ? ipv4(6, seg, kIpA, kIpB) : ipv4(6, seg, kIpB, kIpA));
    };
    write(d, "eth-ftp-pasv-data", 0, true,
          {line(21, 40000, 1, "220 ready\r\n", false), line(40000, 21, 1, "PASV\r\n", true),
           line(21, 40000, 12, "227 Entering Passive Mode (198,18,0,2,195,80).\r\n", false),
           line(40000, 21, 7, "RETR f\r\n", true), line(50000, 40001, 1, "file bytes\n", false)});
    write(d, "eth-smtp-data", 0, true,
          {line(40000, 25, 1, "EHLO a\r\n", true), line(25, 40000, 1, "250-a\r\n250 OK\r\n", false),
           line(40000, 25, 9, "DATA\r\n", true), line(40000, 25, 15, "Subject: x\r\n\r\nhi\r\n.\r\n", true)});
    Bytes sshKex{0, 0, 0, 12, 4, 20};
    sshKex.insert(sshKex.end(), 10, 0);
    write(d, "eth-ssh-banner-kex", 0, true,
          {line(40000, 22, 1, "SSH-2.0-x\r\n", true), line(22, 40000, 1, "SSH-2.0-y\r\n", false),
           ethernet(0x0800, ipv4(6, tcp(40000, 22, 12, 1, 0x018, sshKex)))});
    write(d, "eth-irc-sip", 0, true,
          {line(40000, 6667, 1, ":p NICK a\r\nUSER a 0 * :A\r\n", true),
           ethernet(0x0800, ipv4(17, udp(5060, 5060, Bytes{'S', 'I', 'P', '/', '2', '.', '0', ' ', '2', '0', '0', ' ', 'O', 'K',
                                                          '\r', '\n', '\r', '\n'})))});
    // SIP/SDP announcing RTP and RTCP, then a voice packet, a DTMF event and a compound RTCP
    // report on the announced ports (test_dissect_rtp).
    {
        const std::string_view invite =
            "INVITE sip:b@198.18.0.2 SIP/2.0\r\nCall-ID: f@a\r\nCSeq: 1 INVITE\r\nContent-Type: application/sdp\r\n\r\n"
            "v=0\r\nc=IN IP4 198.18.0.1\r\nm=audio 40000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
        const Bytes voice{0x90, 0x80, 0, 1, 0, 0, 0, 160, 0x11, 0x22, 0x33, 0x44, 0xbe, 0xde, 0, 1, 0x10, 0xaa, 0, 0, 0xd5, 0xd5};
        const Bytes event{0x80, 101, 0, 2, 0, 0, 0, 160, 0x11, 0x22, 0x33, 0x44, 5, 0x8a, 0, 160};
        const Bytes report{0x81, 201, 0, 7, 0, 0, 0, 1, 0x11, 0x22, 0x33, 0x44, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0,
                           0, 0, 0, 0, 0, 0, 0, 0, 0x81, 203, 0, 1, 0, 0, 0, 1};
        write(d, "eth-sip-rtp", 0, true,
              {ethernet(0x0800, ipv4(17, udp(5060, 5060, Bytes(invite.begin(), invite.end())))),
               ethernet(0x0800, ipv4(17, udp(50000, 40000, voice))), ethernet(0x0800, ipv4(17, udp(40000, 50000, event))),
               ethernet(0x0800, ipv4(17, udp(50001, 40001, report)))});
    }
    // Database and stream protocols whose state spans the connection (test_dissect_db).
    write(d, "eth-resp", 0, true,
          {line(40000, 6379, 1, "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n", true), line(6379, 40000, 1, "$10\r\nhello", false),
           line(6379, 40000, 12, "world\r\n*2\r\n:1\r\n-ERR x\r\n", false)});
    write(d, "eth-pgsql", 0, true,
          {line(40000, 5432, 1, std::string_view("\0\0\0\x08\x04\xd2\x16\x2f", 8), true),
           line(5432, 40000, 1, "N", false),
           line(40000, 5432, 9, std::string_view("\0\0\0\x11\0\3\0\0user\0bob\0\0", 17), true),
           line(5432, 40000, 2, std::string_view("R\0\0\0\x08\0\0\0\0Z\0\0\0\x05I", 15), false),
           line(40000, 5432, 26, std::string_view("Q\0\0\0\x0dselect 1\0", 14), true)});
    write(d, "eth-mysql", 0, true,
          {line(3306, 40000, 1, std::string_view("\x0e\0\0\0\x0a" "8.0\0\1\0\0\0abc\0\0\0", 18), false),
           line(40000, 3306, 1, std::string_view("\x0a\0\0\1\x85\xa2\x0a\0u\0\0\0\0", 14), true),
           line(3306, 40000, 19, std::string_view("\x07\0\0\2\0\0\0\2\0\0\0", 11), false),
           line(40000, 3306, 15, std::string_view("\x09\0\0\0\x03select 1", 13), true),
           line(3306, 40000, 30, std::string_view("\1\0\0\1\1\5\0\0\2\xfe\0\0\2\0", 14), false)});
    write(d, "eth-websocket", 0, true,
          {line(40000, 80, 1, "GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\n", true),
           line(80, 40000, 1, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\x89\x00", false),
           line(40000, 80, 40, std::string_view("\x81\x82\1\2\3\4\x69\x6b", 8), true)});
    write(d, "eth-vnc", 0, true,
          {line(5900, 40000, 1, "RFB 003.008\n", false), line(40000, 5900, 1, "RFB 003.008\n", true),
           line(5900, 40000, 13, std::string_view("\1\1", 2), false), line(40000, 5900, 13, std::string_view("\1", 1), true),
           line(5900, 40000, 15, std::string_view("\0\0\0\0", 4), false), line(40000, 5900, 14, std::string_view("\1", 1), true),
           line(40000, 5900, 15, std::string_view("\5\0\0\x10\0\x20", 6), true),
           line(5900, 40000, 19, std::string_view("\0\0\0\1\0\0\0\0\0\x10\0\x10\0\0\0\0", 16), false)});
    write(d, "eth-mqtt", 0, true,
          {line(40000, 1883, 1, std::string_view("\x10\x0f\0\4MQTT\4\2\0\x3c\0\3cli", 17), true),
           line(1883, 40000, 1, std::string_view("\x20\2\0\0", 4), false),
           line(40000, 1883, 18, std::string_view("\x32\x09\0\3a/b\0\7hi\x82\x06\0\2\0\1x\1\xc0\0", 21), true)});
    write(d, "eth-socks", 0, true,
          {line(40000, 1080, 1, std::string_view("\5\1\0", 3), true), line(1080, 40000, 1, std::string_view("\5\0", 2), false),
           line(40000, 1080, 4, std::string_view("\5\1\0\3\3abc\0\x50", 10), true),
           line(1080, 40000, 3, std::string_view("\5\0\0\1\1\2\3\4\0\x50", 10), false),
           line(40000, 1080, 14, "GET / HTTP/1.1\r\n\r\n", true)});
    write(d, "unknown-link", 10, true, {Bytes{1, 2, 3, 4, 5, 6, 7, 8}});
    write(d, "eth-udp-services", 0, true, udpServiceFrames());
    // The network-layer and routing protocols of test_dissect_network, in order (state spans them).
    write(d, "eth-network-routing", 0, true, {
        fromHex("66778899aabb0011223344550800450000241234400040019c7dc6120001c612000208006668000100016162636465666768"),  // icmp echo request
        fromHex("00112233445566778899aabb0800450000241234400040019c7dc6120002c612000100006e68000100016162636465666768"),  // icmp echo reply
        fromHex("66778899aabb00112233445586dd6000000000203afffe800000000000000211223344556677ff020000000000000000000000000016870016a50000000020010db80000000000000000000000020101001122334455"),  // icmpv6 ns
        fromHex("66778899aabb00112233445586dd6000000000203aff20010db800000000000000000000000120010db8000000000000000000000002880072a6e000000020010db8000000000000000000000002020166778899aabb"),  // icmpv6 na
        fromHex("66778899aabb00112233445586dd60000000001c3a01fe800000000000000211223344556677ff0200000000000000000000000000168f009fff0000000104000000ff0200000000000000000000000000fb"),  // icmpv6 mldv2
        fromHex("ffffffffffff00112233445508060001080006040002001122334455c6120001ffffffffffffc6120001"),  // arp gratuitous reply
        fromHex("00112233445566778899aabb0806000108000604000266778899aabbc6120001001122334455c6120002"),  // arp duplicate
        fromHex("66778899aabb001122334455080045000038123440000102c166c6120001e0000016220001e70000000304000000e00000fb03000000ef01020301000001ef0909090a000001"),  // igmpv3 report
        fromHex("66778899aabb00112233445508004500002c1234400040329c44c6120001c61200021234abcd0000000700000000000000000000000000000000"),  // esp
        fromHex("66778899aabb001122334455080045000040123440000159c118c6120001e00000050201002cc612000100000000000000000000000000000000ffffff00000a0201000000280000000000000000"),  // ospf hello
        fromHex("66778899aabb00112233445508004500001e123440000167c124c6120001e000000d20000000000100020069"),  // pim hello
        fromHex("66778899aabb0011223344550800450000341234400040849beac6120001c612000203e807d000000000000000000100001411111111000100000001000100000064"),  // sctp init
        fromHex("00112233445566778899aabb0800450000441234400040849bdac6120002c612000107d003e81111111100000000030000100000006400010000000000000003001200001388000000000000000068690000"),  // sctp sack+data
        fromHex("66778899aabb00112233445508004500004e12344000402f9c25c6120001c6120002100088be00000001100500010000000766778899aabb00112233445508004500001c12344000400114ab0a0000010a0000020800f7ed00090009"),  // erspan ii
        fromHex("66778899aabb001122334455080045000030123440000111c173c6120001e000000207c107c1001c0000000010030a640100636973636f000000c61200fe"),  // hsrp
        fromHex("66778899aabb00112233445508004500003412344000ff11dd5cc6120001c6120002c0000ec80020000020c003180000000100000002000f4240000f424000000000"),  // bfd
        fromHex("66778899aabb0011223344550800450000381234400040119c59c6120001c612000201f401f4002400000102030405060708000000000000000021202208000000000000001c"),  // isakmp v2
        fromHex("0180c2000000001122334455002642420300000000008000001969dfdc01000000008000001969dfdc0180150000140002000f000000000000000000"),  // stp
        fromHex("0180c200000e00112233445588cc02070400112233445504050565746830060200780a037377310c0a4c696e75780d0a626f780000"),  // lldp
        fromHex("01000ccccccc0011223344550021aaaa0300000c200002b400000001000652310003000f45746865726e6574302f31"),  // cdp
    });
    // The industrial, routing and remote-access protocols of test_dissect_industrial, in order.
    write(d, "eth-industrial", 0, true, {
        fromHex("66778899aabb0011223344550800450000301234400040069c6cc6120001c61200029c4119fd0000000100000001501816d0000000000100000800000001"),  // openflow hello
        fromHex("66778899aabb0011223344550800450000381234400040069c64c6120002c612000119fd9c410000000100000001501816d00000000001050008000000020112000800000003"),  // openflow two messages
        fromHex("66778899aabb0011223344550800450000701234400040069c2cc6120001c61200029c4119fd0000000900000001501816d000000000010e00480000000400000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),  // openflow flow_mod without actions
        fromHex("66778899aabb0011223344550800450000301234400040069c6cc6120002c612000119e99c420000000100000001501816d0000000000100000800000001"),  // openflow legacy port from the controller
        fromHex("66778899aabb0011223344550800450000301234400040069c6cc6120001c61200029c4219e90000000100000001501816d0000000000100000800000001"),  // openflow legacy port to the controller
        fromHex("66778899aabb0011223344550800450000451234400040069c57c6120001c61200029c4300b30000000100000001501816d000000000ffffffffffffffffffffffffffffffff001d0104fde900b4c612000100"),  // bgp open
        fromHex("66778899aabb0011223344550800450000521234400040069c4ac6120002c612000100b39c430000000100000001501816d000000000ffffffffffffffffffffffffffffffff001304ffffffffffffffffffffffffffffffff00170200000000"),  // bgp keepalive and update
        fromHex("66778899aabb00112233445508004500003d1234400040069c5fc6120001c61200029c4300b30000001e00000001501816d000000000ffffffffffffffffffffffffffffffff0015030602"),  // bgp notification
        fromHex("66778899aabb00112233445508004500003b1234400040069c61c6120002c612000100b39c430000002b00000001501816d000000000ffffffffffffffffffffffffffffffff00132d"),  // bgp unknown type
        fromHex("66778899aabb0011223344550800450000341234400040069c68c6120001c61200029c4401f60000000100000001501816d0000000000001000000060a0300000002"),  // modbus query
        fromHex("66778899aabb0011223344550800450000351234400040069c67c6120002c612000101f69c440000000100000001501816d0000000000001000000070a030400010002"),  // modbus response
        fromHex("66778899aabb0011223344550800450000311234400040069c6bc6120002c612000101f69c440000000e00000001501816d0000000000002000000030a8302"),  // modbus exception
        fromHex("66778899aabb0011223344550800450000331234400040069c69c6120001c61200029c4401f60000000d00000001501816d000000000000300000005012b0e0100"),  // modbus mei
        fromHex("66778899aabb0011223344550800450000241234400040119c6dc6120001c61200029c45345800100000ff00000100000000"),  // doip vehicle identification
        fromHex("66778899aabb0011223344550800450000371234400040069c65c6120001c61200029c4634580000000100000001501816d00000000002fd0005000000070e800000000000"),  // doip routing activation
        fromHex("66778899aabb0011223344550800450000361234400040069c66c6120001c61200029c4634580000001000000001501816d00000000002fd8001000000060e8040101003"),  // uds session control request
        fromHex("66778899aabb00112233445508004500003a1234400040069c62c6120002c612000134589c460000000100000001501816d00000000002fd80010000000a40100e805003003201f4"),  // uds session control reply
        fromHex("66778899aabb0011223344550800450000371234400040069c65c6120002c612000134589c460000001300000001501816d00000000002fd80010000000740100e807f1078"),  // uds negative response
        fromHex("66778899aabb0011223344550800450000361234400040069c66c6120001c61200029c4634580000001e00000001501816d00000000002fd8001000000060e8040103e00"),  // uds tester present
        fromHex("66778899aabb0011223344550800450000541234400040069c48c6120001c61200029c470d3d0000000100000001501816d0000000000300002c27e00000000000436f6f6b69653a206d737473686173683d5445535445520d0a0100080003000000"),  // rdp connection request
        fromHex("66778899aabb00112233445508004500003b1234400040069c61c6120002c61200010d3d9c470000000100000001501816d000000000030000130ed000001234000201080002000000"),  // rdp connection confirm
        fromHex("66778899aabb0011223344550800450000331234400040069c69c6120001c61200029c470d3d0000002d00000001501816d0000000001603010005010000010000"),  // tpkt continuation
        fromHex("66778899aabb00112233445508004500003e1234400040069c5ec6120001c61200029c4800660000000100000001501816d0000000000300001611e00000b00100c1020100c2020102c00109"),  // cotp connection request
        fromHex("66778899aabb00112233445508004500003b1234400040069c61c6120001c61200029c4a0d3d0000000100000001501816d000000000030000130ee000000000000100080000000000"),  // rdp second connection request
        fromHex("66778899aabb0011223344550800450000341234400040069c68c6120001c61200029c4a0d3d0000001400000001501816d0000000000300000c02f08038000703eb"),  // t125 channel join request
        fromHex("66778899aabb0011223344550800450000371234400040069c65c6120002c61200010d3d9c4a0000000100000001501816d0000000000300000f02f0803e00000703eb03eb"),  // t125 channel join confirm
        fromHex("66778899aabb0011223344550800450000461234400040069c56c6120001c61200029c4a0d3d0000002000000001501816d0000000000300001e02f08064000703eb701048000000000000000000000000000000"),  // rdp send data request encrypted
        fromHex("66778899aabb0011223344550800450000421234400040069c5ac6120002c61200010d3d9c4a0000001000000001501816d0000000000300001a02f08068000103ecf00c080800000000000000000000"),  // rdp send data indication on a virtual channel
        fromHex("66778899aabb00112233445508004500003a1234400040069c62c6120001c61200029c4a0d3d0000004400000001501816d000000000c812e8274d6529cde21e46223c97a49640f3"),  // rdp fast-path input
        fromHex("66778899aabb0011223344550800450000381234400040069c64c6120002c61200010d3d9c4a0000003000000001501816d000000000c01027acb7336709b2cb1cb53acf54da"),  // rdp fast-path output
        fromHex("66778899aabb0011223344550800450000261234400040119c6bc6120001c61200029c494e2000120000056405c9640001000a3e"),  // dnp3 link status
        fromHex("66778899aabb0011223344550800450000371234400040119c5ac6120001c61200029c494e2000230000056414c4640001007b09c0c1013c02063c03063c04063c01067a6f"),  // dnp3 read class 0123
        fromHex("66778899aabb00112233445508004500002d1234400040119c64c6120002c61200014e209c490019000005640a4401006400d73ec0c1810000742a"),  // dnp3 response
        fromHex("66778899aabb0011223344550800450000351234400040119c5cc6120001c61200029c494e2000210000056412c464000100a262c0c202320107010000000000008855"),  // dnp3 write time
        fromHex("66778899aabb0011223344550800450000311234400040119c60c6120001c61200029c494e20001d000005640ec464000100d1cd45c0013c02063c03067c7b"),  // dnp3 first fragment
        fromHex("66778899aabb00112233445508004500002c1234400040119c65c6120001c61200029c494e2000180000056409c464000100ef13860a0006d5ac"),  // dnp3 last fragment
        fromHex("66778899aabb00112233445508004500002c1234400040119c65c6120001c61200029c494e2000180000056409c464000100ef13893c01063c47"),  // dnp3 fragment out of sequence
    });
    // The long-tail protocols of test_dissect_tail, in order (RADIUS, DCCP and DTLS keep state).
    write(d, "eth-tail-protocols", 0, true, {
        fromHex("66778899aabb0011223344550800450000411234400040110000c6120001c61200029c400714002d000001070025000102030405060708090a0b0c0d0e0f0107616c6963654f0a0207000801626f62"),  // radius
        fromHex("66778899aabb0011223344550800450000301234400040110000c6120002c612000107149c40001c000002070014000102030405060708090a0b0c0d0e0f"),  // radius
        fromHex("66778899aabb0011223344550800450000411234400040110000c6120001c61200029c400714002d000001070025000102030405060708090a0b0c0d0e0f0107616c6963654f0a0207000801626f62"),  // radius
        fromHex("66778899aabb0011223344550800450000281234400040210000c6120001c612000299fc13890500000001000000000003e800000000"),  // dccp/sflow/mipv6/nhrp/mpls-echo/ldp/dtls
        fromHex("66778899aabb0011223344550800450000301234400040210000c6120002c6120001138999fc07000000030000000000138800000000000003e800000000"),  // dccp/sflow/mipv6/nhrp/mpls-echo/ldp/dtls
        fromHex("66778899aabb00112233445508004500002c1234400040210000c6120001c612000299fc13890600000007000000000003e90000000000001388"),  // dccp/sflow/mipv6/nhrp/mpls-echo/ldp/dtls
        fromHex("66778899aabb0011223344550800450000301234400040210000c6120002c6120001138999fc070000000f0000000000138900000000000003e901000000"),  // dccp/sflow/mipv6/nhrp/mpls-echo/ldp/dtls
        fromHex("66778899aabb0011223344550800450000441234400040110000c6120001c61200029c4018c70030000000000005000000010a000001000000030000002a0000100000000001000010010000000401020304"),  // dccp/sflow/mipv6/nhrp/mpls-echo/ldp/dtls
        fromHex("66778899aabb00112233445586dd600000000010874020010db800000000000000000000000120010db80000000000000000000000023b010500000000748000000a01020000"),  // dccp/sflow/mipv6/nhrp/mpls-echo/ldp/dtls
        fromHex("66778899aabb00112233445508004500004c12344000402f0000c6120001c612000200002001000108000000000000ff003400000000010404000404800000000015c6120001c6120001c61200020020000005dc1c2000000000"),  // dccp/sflow/mipv6/nhrp/mpls-echo/ldp/dtls
        fromHex("66778899aabb00112233445508004500003c1234400040110000c6120001c61200029c400daf002800000001000001020000000000010000000100000000000000000000000000000000"),  // dccp/sflow/mipv6/nhrp/mpls-echo/ldp/dtls
        fromHex("66778899aabb00112233445508004500003e1234400040110000c6120001c612000202860286002a000000010016c61200010000010000120000000004000004000f000004010004c6120001"),  // dccp/sflow/mipv6/nhrp/mpls-echo/ldp/dtls
        fromHex("66778899aabb0011223344550800450000491234400040110000c6120001c6120002c35011510035000016feff000000000000000000200100002a0000000000000014feff000000000000000000000000000000000000"),  // dccp/sflow/mipv6/nhrp/mpls-echo/ldp/dtls
        fromHex("66778899aabb00112233445508004500004b1234400040110000c6120001c6120002c35011510037000016feff000000000000000100220100002a0000000014000016000000000000000000000000000000000002c02b0100"),  // dccp/sflow/mipv6/nhrp/mpls-echo/ldp/dtls
        fromHex("66778899aabb00112233445508004500008e1234400040110000c6120002c61200011151c350007a000016fefd00000000000000000032020000260000000000000026fefd000000000000000000000000000000000000000000000000000000000000000000c02b0014fefd000000000000000100010116fefd00010000000000000018000000000000000000000000000000000000000000000000"),  // dccp/sflow/mipv6/nhrp/mpls-echo/ldp/dtls
        fromHex("66778899aabb0011223344550800450000e71234400040110000c6120001c6120002008a008a00d300001102891dc6120001008a00bd00002045494550464446454542434143414341434143414341434143414341434141410020464845504643454c45484643455046464641434143414341434143414341424f00ff534d4225000000000000000000000000000000000000000000000000000000110000230000000000000000000000000000000000560023005600030001000100020034005c4d41494c534c4f545c42524f57534500010060ea0000504331000000000000000000000000000601031001000f0155aa686900"),  // browser
        fromHex("66778899aabb0011223344550800450000ca1234400040110000c6120001c6120002008a008a00b600001102891dc6120001008a00a000002045494550464446454542434143414341434143414341434143414341434141410020464845504643454c45484643455046464641434143414341434143414341424f00ff534d4225000000000000000000000000000000000000000000000000000000110000060000000000000000000000000000000000560006005600030001000100020017005c4d41494c534c4f545c42524f57534500020050433200"),  // browser
        fromHex("66778899aabb0011223344550800450000411234400040110000c6120001c612000206a506a5002d0000c80200250000000000000000800800000000000180080000000201008009000000076c6163"),  // l2tp/ndp/ptp/cflow/srvloc/rsvp/m3ua
        fromHex("66778899aabb0011223344550800450000281234400040110000c6120001c612000206a506a500140000c802000c0005000000010001"),  // l2tp/ndp/ptp/cflow/srvloc/rsvp/m3ua
        fromHex("66778899aabb00112233445508004500002e1234400040110000c6120001c612000206a506a5001a0000000200050007ff03c0210101000801040578"),  // l2tp/ndp/ptp/cflow/srvloc/rsvp/m3ua
        fromHex("0100810001000011223344550013aaaa0300008101a2c6120001000115830c0200"),  // l2tp/ndp/ptp/cflow/srvloc/rsvp/m3ua
        fromHex("66778899aabb0011223344550800450000481234400040110000c6120001c6120002013f013f003400000002002c00000000000000000000000000000000001122334455667700010005007f00000000000000000000"),  // l2tp/ndp/ptp/cflow/srvloc/rsvp/m3ua
        fromHex("66778899aabb0011223344550800450000941234400040110000c6120001c61200029c4008070080000000050002000010005f000000000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),  // l2tp/ndp/ptp/cflow/srvloc/rsvp/m3ua
        fromHex("66778899aabb00112233445508004500004c1234400040110000c6120001c61200029c4008070038000000090002000010005f000000000000070000000800000014010000010008000401010001000c0004010000080a000001"),  // l2tp/ndp/ptp/cflow/srvloc/rsvp/m3ua
        fromHex("66778899aabb0011223344550800450000441234400040110000c6120001c6120002c0da01ab00300000020100002800000000005bdc0002656e0000000773657276696365000744454641554c5400000000"),  // l2tp/ndp/ptp/cflow/srvloc/rsvp/m3ua
        fromHex("66778899aabb00112233445508004500004412344000402e0000c6120001c6120002100100004000003000100107c612000200000004c6120001000c0301c612000100000000000c0b07c612000100000001"),  // l2tp/ndp/ptp/cflow/srvloc/rsvp/m3ua
        fromHex("66778899aabb0011223344550800450000481234400040840000c6120001c61200020b590b5900000001000000000300001000000005000003e800000000000300180000000900000000000000030100030100000008"),  // l2tp/ndp/ptp/cflow/srvloc/rsvp/m3ua
        fromHex("66778899aabb00112233445508004500003a1234400040110000c6120001c61200029c400045002600000001626f6f742e696d67006f6374657400626c6b73697a65003130323400"),  // tftp transfer
        fromHex("66778899aabb00112233445508004500002b1234400040110000c6120002c6120001c3519c40001700000006626c6b73697a65003130323400"),  // tftp transfer
        fromHex("66778899aabb0011223344550800450000201234400040110000c6120001c61200029c40c351000c000000040000"),  // tftp transfer
        fromHex("66778899aabb0011223344550800450000201234400040110000c6120001c61200029c40c351000c000000040001"),  // tftp transfer
        fromHex("66778899aabb0011223344550800450000201234400040110000c6120001c61200029c41c351000c000000040001"),  // tftp transfer
    });
    writeTcpStreamSeeds(d);
    return 0;
}

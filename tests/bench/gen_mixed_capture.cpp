// SPDX-License-Identifier: GPL-2.0-or-later
// Writes a pcap of N synthetic Ethernet frames for the benchmarks: a deterministic mix of
// IPv4/IPv6 carrying TCP, UDP (some DNS) and ICMP/ICMPv6, frame sizes 60 to 1514 bytes.
// Usage: gen_mixed_capture OUT.pcap [N=1000000]
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

struct Rng {  // xorshift: reproducible without <random>'s per-platform differences
    std::uint64_t s = 0x9e3779b97f4a7c15ull;
    std::uint32_t next()
    {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return static_cast<std::uint32_t>(s);
    }
};

void put16(std::uint8_t* p, unsigned v) { p[0] = std::uint8_t(v >> 8); p[1] = std::uint8_t(v); }
void put32(std::uint8_t* p, std::uint32_t v) { put16(p, v >> 16); put16(p + 2, v & 0xffff); }

// Builds one frame into buf and returns its length.
std::size_t buildFrame(std::uint8_t* buf, Rng& rng, std::uint32_t seq)
{
    static constexpr std::size_t kSizes[] = {60, 64, 74, 90, 128, 256, 576, 1024, 1280, 1514};
    const std::size_t length = kSizes[rng.next() % std::size(kSizes)];
    std::memset(buf, 0, length);
    const std::uint8_t dst[6] = {0x02, 0x00, 0x5e, 0x10, 0x00, std::uint8_t(seq % 7)};
    const std::uint8_t src[6] = {0x02, 0x00, 0x5e, 0x20, 0x00, std::uint8_t(seq % 5)};
    std::memcpy(buf, dst, 6);
    std::memcpy(buf + 6, src, 6);
    const unsigned kind = rng.next() % 10;  // 0-5 IPv4, 6-9 IPv6
    const unsigned transport = rng.next() % 10;  // 0-5 TCP, 6-8 UDP, 9 ICMP
    const std::uint8_t proto = transport < 6 ? 6 : transport < 9 ? 17 : 0;
    std::uint8_t* l4;
    std::size_t l4len;
    if (kind < 6) {
        put16(buf + 12, 0x0800);
        std::uint8_t* ip = buf + 14;
        ip[0] = 0x45;
        put16(ip + 2, unsigned(length - 14));
        put16(ip + 4, seq & 0xffff);
        ip[8] = 64;
        ip[9] = proto ? proto : 1;
        put32(ip + 12, 0xc6120001u + (seq % 50));  // 198.18.0.x
        put32(ip + 16, 0xc6130001u + (seq % 30));  // 198.19.0.x
        l4 = ip + 20;
        l4len = length - 34;
    } else {
        put16(buf + 12, 0x86dd);
        std::uint8_t* ip = buf + 14;
        ip[0] = 0x60;
        put16(ip + 4, unsigned(length - 54));
        ip[6] = proto ? proto : 58;
        ip[7] = 64;
        ip[8] = 0x20; ip[9] = 0x01; ip[10] = 0x0d; ip[11] = 0xb8;  // 2001:db8::/32 documentation
        ip[23] = std::uint8_t(seq % 50);
        ip[24] = 0x20; ip[25] = 0x01; ip[26] = 0x0d; ip[27] = 0xb8;
        ip[39] = std::uint8_t(seq % 30 + 1);
        l4 = ip + 40;
        l4len = length - 54;
    }
    const unsigned port = 1024 + seq % 20000;
    if (proto == 6 && l4len >= 20) {
        put16(l4, unsigned(port));
        put16(l4 + 2, (seq & 1) ? 443 : 80);
        put32(l4 + 4, seq * 1460);
        l4[12] = 0x50;
        l4[13] = 0x18;  // PSH ACK
        put16(l4 + 14, 64240);
    } else if (proto == 17 && l4len >= 8) {
        put16(l4, unsigned(port));
        put16(l4 + 2, (seq % 3 == 0) ? 53 : 5001);
        put16(l4 + 4, unsigned(l4len));
    } else if (l4len >= 8) {
        l4[0] = kind < 6 ? 8 : 128;  // echo request
        put16(l4 + 4, 1);
        put16(l4 + 6, seq & 0xffff);
    }
    return length;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s OUT.pcap [N]\n", argv[0]);
        return 2;
    }
    const unsigned long count = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 1000000ul;
    std::FILE* out = std::fopen(argv[1], "wb");
    if (!out) {
        std::perror(argv[1]);
        return 1;
    }
    std::vector<char> buffer(1 << 20);
    std::setvbuf(out, buffer.data(), _IOFBF, buffer.size());
    const std::uint32_t header[6] = {0xa1b2c3d4, 0x00040002, 0, 0, 65535, 1};  // host-order, µs
    std::fwrite(header, sizeof header, 1, out);
    Rng rng;
    std::array<std::uint8_t, 1514> frame{};
    std::uint32_t sec = 1700000000, usec = 0;
    for (unsigned long i = 0; i < count; ++i) {
        const std::size_t length = buildFrame(frame.data(), rng, std::uint32_t(i));
        usec += 3 + rng.next() % 40;
        if (usec >= 1000000) { ++sec; usec -= 1000000; }
        const std::uint32_t record[4] = {sec, usec, std::uint32_t(length), std::uint32_t(length)};
        std::fwrite(record, sizeof record, 1, out);
        std::fwrite(frame.data(), 1, length, out);
    }
    if (std::fclose(out) != 0) {
        std::perror(argv[1]);
        return 1;
    }
    return 0;
}

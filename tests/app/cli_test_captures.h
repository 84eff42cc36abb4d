// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Small captures the CLI tests write themselves, so they need nothing outside the tree:
// pcap in either byte order and time resolution, and pcapng with several interfaces.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <vector>

namespace rcvmon::test::cli {

using Bytes = std::vector<std::uint8_t>;

struct Frame {
    std::uint32_t sec = 0;
    std::uint32_t usec = 0;
    Bytes data;
    std::uint32_t interface = 0;  // pcapng only
};

inline void be16(Bytes& b, std::uint32_t v)
{
    b.push_back(static_cast<std::uint8_t>(v >> 8));
    b.push_back(static_cast<std::uint8_t>(v));
}

inline void put16(Bytes& b, std::uint32_t v, bool bigEndian)
{
    if (bigEndian) return be16(b, v);
    b.push_back(static_cast<std::uint8_t>(v));
    b.push_back(static_cast<std::uint8_t>(v >> 8));
}

inline void put32(Bytes& b, std::uint32_t v, bool bigEndian)
{
    for (int i = 0; i < 4; ++i) b.push_back(static_cast<std::uint8_t>(v >> (bigEndian ? 24 - 8 * i : 8 * i)));
}

inline std::uint16_t internetChecksum(const Bytes& b, std::size_t from, std::size_t to, std::uint32_t sum = 0)
{
    for (std::size_t i = from; i < to; i += 2)
        sum += static_cast<std::uint32_t>(b[i] << 8) | (i + 1 < to ? b[i + 1] : 0u);
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint16_t>(~sum);
}

// IPv4 192.168.1.102 -> 193.1.193.64 carrying a TCP segment 50000 -> 80 (PSH|ACK) with
// `payload` bytes; with `ethernet`, inside an Ethernet II frame (14 + 20 + 20 + payload bytes).
inline Bytes tcpPacket(std::uint32_t n, std::size_t payload, bool ethernet = true)
{
    Bytes b;
    if (ethernet) {
        for (std::uint8_t x : {0x00, 0x1d, 0x60, 0xb3, 0x01, 0x84, 0x00, 0x13, 0x10, 0xb3, 0xc1, 0x02}) b.push_back(x);
        be16(b, 0x0800);
    }
    const std::size_t ip = b.size();
    b.push_back(0x45);
    b.push_back(0);
    be16(b, static_cast<std::uint32_t>(20 + 20 + payload));
    be16(b, 0x1000 + n);  // identification
    be16(b, 0x4000);      // don't fragment
    b.push_back(64);
    b.push_back(6);
    be16(b, 0);
    for (std::uint8_t x : {192, 168, 1, 102, 193, 1, 193, 64}) b.push_back(x);
    const std::uint16_t ipSum = internetChecksum(b, ip, ip + 20);
    b[ip + 10] = static_cast<std::uint8_t>(ipSum >> 8);
    b[ip + 11] = static_cast<std::uint8_t>(ipSum);
    const std::size_t tcp = b.size();
    be16(b, 50000);
    be16(b, 80);
    put32(b, 1000 + 100 * n, true);  // sequence
    put32(b, 7000, true);            // acknowledgment
    b.push_back(0x50);               // 20-byte header
    b.push_back(0x18);               // PSH, ACK
    be16(b, 65535);
    be16(b, 0);
    be16(b, 0);
    for (std::size_t i = 0; i < payload; ++i) b.push_back(static_cast<std::uint8_t>('a' + (n + i) % 26));
    // Checksum over the pseudo-header (addresses, protocol, TCP length) and the segment.
    std::uint32_t pseudo = 0xc0a8 + 0x0166 + 0xc101 + 0xc140 + 6 + static_cast<std::uint32_t>(b.size() - tcp);
    const std::uint16_t tcpSum = internetChecksum(b, tcp, b.size(), pseudo);
    b[tcp + 16] = static_cast<std::uint8_t>(tcpSum >> 8);
    b[tcp + 17] = static_cast<std::uint8_t>(tcpSum);
    return b;
}

// `count` frames of 78 bytes on Ethernet, a quarter of a second apart from t = 1.5e9 s.
inline std::vector<Frame> tcpFrames(std::uint32_t count)
{
    std::vector<Frame> frames;
    for (std::uint32_t i = 0; i < count; ++i) frames.push_back({1'500'000'000 + i / 4, 250'000 * (i % 4), tcpPacket(i, 24)});
    return frames;
}

// A classic pcap (link type `linkType`), big-endian or little, µs or ns timestamps.
inline Bytes pcapFile(const std::vector<Frame>& frames, bool bigEndian = false, bool nanoseconds = false,
                      std::uint32_t linkType = 1)
{
    Bytes b;
    put32(b, nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4, bigEndian);
    put16(b, 2, bigEndian);
    put16(b, 4, bigEndian);
    put32(b, 0, bigEndian);
    put32(b, 0, bigEndian);
    put32(b, 262144, bigEndian);
    put32(b, linkType, bigEndian);
    for (const Frame& f : frames) {
        put32(b, f.sec, bigEndian);
        put32(b, nanoseconds ? f.usec * 1000 : f.usec, bigEndian);
        put32(b, static_cast<std::uint32_t>(f.data.size()), bigEndian);
        put32(b, static_cast<std::uint32_t>(f.data.size()), bigEndian);
        b.insert(b.end(), f.data.begin(), f.data.end());
    }
    return b;
}

// A little-endian pcapng section with one interface per entry of `linkTypes` (µs resolution)
// and each frame on its interface.
inline Bytes pcapngFile(const std::vector<Frame>& frames, const std::vector<std::uint16_t>& linkTypes)
{
    Bytes b;
    auto block = [&b](std::uint32_t type, const Bytes& body) {
        const auto length = static_cast<std::uint32_t>(12 + (body.size() + 3) / 4 * 4);
        put32(b, type, false);
        put32(b, length, false);
        b.insert(b.end(), body.begin(), body.end());
        b.resize(b.size() + (4 - body.size() % 4) % 4, 0);
        put32(b, length, false);
    };
    Bytes shb;
    put32(shb, 0x1a2b3c4d, false);
    put16(shb, 1, false);
    put16(shb, 0, false);
    put32(shb, 0xffffffff, false);
    put32(shb, 0xffffffff, false);  // section length unknown
    block(0x0a0d0d0a, shb);
    for (std::uint16_t linkType : linkTypes) {
        Bytes idb;
        put16(idb, linkType, false);
        put16(idb, 0, false);
        put32(idb, 262144, false);
        block(1, idb);
    }
    for (const Frame& f : frames) {
        const std::uint64_t ts = std::uint64_t{f.sec} * 1'000'000 + f.usec;
        Bytes epb;
        put32(epb, f.interface, false);
        put32(epb, static_cast<std::uint32_t>(ts >> 32), false);
        put32(epb, static_cast<std::uint32_t>(ts), false);
        put32(epb, static_cast<std::uint32_t>(f.data.size()), false);
        put32(epb, static_cast<std::uint32_t>(f.data.size()), false);
        epb.insert(epb.end(), f.data.begin(), f.data.end());
        block(6, epb);
    }
    return b;
}

inline void writeFile(const std::filesystem::path& path, const Bytes& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace rcvmon::test::cli

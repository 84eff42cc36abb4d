// SPDX-License-Identifier: GPL-2.0-or-later
// Captures the I/O graph tests build: frames at known times and sizes in a pcap file
// (microsecond stamps, Ethernet), so every expected count can be worked out by hand.
#pragma once

#include "../capture/dissect/packet_builder.h"

#include <QFile>
#include <QString>

#include <cstdint>
#include <string_view>
#include <vector>

namespace rcvmon::test {

struct TimedFrame {
    std::int64_t usec;  // since the capture's first second
    Bytes bytes;
};

inline Bytes payloadOf(std::size_t n) { return Bytes(n, 0x61); }

// Ethernet + IPv4 + UDP (8) + payload: 42 + payload bytes.
inline Bytes udpFrame(std::size_t payload, std::uint16_t dport = 9999)
{
    return ethernet(0x0800, ipv4(17, udp(40000, dport, payloadOf(payload))));
}
// Ethernet + IPv4 + TCP (20) + payload: 54 + payload bytes.
inline Bytes tcpFrame(std::size_t payload)
{
    return ethernet(0x0800, ipv4(6, tcp(40001, 80, 1000, 0, 0x18, payloadOf(payload))));
}
inline Bytes dnsFrame(std::string_view name)
{
    return ethernet(0x0800, ipv4(17, udp(40002, 53, dnsQuery(0x1234, name))));
}

inline bool writeTimedPcap(const QString& path, const std::vector<TimedFrame>& frames)
{
    Bytes f;
    f.reserve(frames.size() * 100 + 24);
    put32(f, 0xa1b2c3d4);
    put16(f, 2);
    put16(f, 4);
    put32(f, 0);
    put32(f, 0);
    put32(f, 65535);
    put32(f, 1);
    constexpr std::int64_t base = 1700000000;
    for (const TimedFrame& t : frames) {
        put32(f, static_cast<std::uint32_t>(base + t.usec / 1'000'000));
        put32(f, static_cast<std::uint32_t>(t.usec % 1'000'000));
        put32(f, static_cast<std::uint32_t>(t.bytes.size()));
        put32(f, static_cast<std::uint32_t>(t.bytes.size()));
        append(f, t.bytes);
    }
    QFile file(path);
    return file.open(QIODevice::WriteOnly) &&
           file.write(reinterpret_cast<const char*>(f.data()), static_cast<qint64>(f.size())) == static_cast<qint64>(f.size());
}

// The test capture: six frames over three seconds.
//  #  time (s)  frame        length
//  1  0.000     UDP          52  (10 payload)
//  2  0.0005    TCP          64  (10 payload)
//  3  0.200     UDP          142 (100 payload)
//  4  1.500     TCP          154 (100 payload)
//  5  1.700     DNS (UDP)    ethernet+ip+udp+query "example.com"
//  6  3.000     TCP          74  (20 payload)
inline std::vector<TimedFrame> sixFrames()
{
    return {{0, udpFrame(10)}, {500, tcpFrame(10)}, {200'000, udpFrame(100)},
            {1'500'000, tcpFrame(100)}, {1'700'000, dnsFrame("example.com")}, {3'000'000, tcpFrame(20)}};
}

}  // namespace rcvmon::test

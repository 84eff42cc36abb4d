// SPDX-License-Identifier: GPL-2.0-or-later
// The TCP-stream fuzz input: one TCP connection whose segments the harness builds, so every
// frame belongs to the same conversation and the fuzzer spends its effort on reassembly, the
// sequence analysis and the application protocols' state, not on finding matching headers.
//   bytes 0-1  the server port, big-endian (chooses the application protocol)
//   byte 2     bit 0: IPv6 (else IPv4); bit 1: IP reassembly on
//   then up to kMaxSegments segments, each:
//     byte 0   bit 0: direction (0 client to server, 1 back); bits 1-3: window choice;
//              bit 4: captured cut to half the frame (snap length)
//     byte 1   TCP flags (FIN SYN RST PSH ACK URG ECE CWR)
//     byte 2   signed change to the sequence number the direction would send next
//              (0 in order, below 0 a retransmission or overlap, above 0 a gap)
//     bytes 3-4 payload length, big-endian (cut to what is left), then the payload
// Each frame is a fresh allocation freed after it is dissected: state kept across frames
// must not point into it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rcvmon::fuzz {

inline constexpr std::size_t kMaxSegments = 64;

void runTcpStreamInput(const std::uint8_t* data, std::size_t size);

// One segment for seeds: the inverse of the format above.
struct TcpSegment {
    bool fromServer = false;
    std::uint8_t flags = 0x18;
    std::int8_t seqChange = 0;
    std::vector<std::uint8_t> payload;
};
std::vector<std::uint8_t> encodeTcpStream(std::uint16_t serverPort, bool ipv6, const std::vector<TcpSegment>& segments);

}  // namespace rcvmon::fuzz

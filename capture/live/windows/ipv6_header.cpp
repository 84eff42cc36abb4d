// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/ipv6_header.h"

#include <algorithm>

namespace rcvmon {
namespace {

constexpr std::uint8_t kTcp = 6;
constexpr std::uint8_t kUdp = 17;
constexpr std::uint8_t kIcmpv6 = 58;

std::uint32_t sumWords(ByteSpan bytes, std::uint32_t sum)
{
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) sum += static_cast<std::uint32_t>(bytes[i] << 8 | bytes[i + 1]);
    if (i < bytes.size()) sum += static_cast<std::uint32_t>(bytes[i] << 8);  // odd byte, zero-padded
    return sum;
}

std::uint16_t fold(std::uint64_t sum)
{
    while (sum >> 16) sum = (sum & 0xFFFF) + (sum >> 16);
    return static_cast<std::uint16_t>(sum);
}

// One's-complement sum of payload plus the pseudo-header for nextHeader: 0xFFFF when it verifies.
bool checksumVerifies(const Ipv6Address& source, const Ipv6Address& destination, ByteSpan payload,
                      std::uint8_t nextHeader)
{
    std::uint64_t sum = sumWords(source, 0);
    sum += sumWords(destination, 0);
    const std::uint64_t length = payload.size();
    sum += (length >> 16) + (length & 0xFFFF);
    sum += nextHeader;
    // Summing in 32-bit chunks of 64 KiB keeps a super-frame from overflowing.
    for (std::size_t at = 0; at < payload.size(); at += 65536) {
        sum += sumWords(payload.subspan(at, std::min<std::size_t>(65536, payload.size() - at)), 0);
    }
    return fold(sum) == 0xFFFF;
}

std::uint16_t be16(ByteSpan bytes, std::size_t at)
{
    return static_cast<std::uint16_t>(bytes[at] << 8 | bytes[at + 1]);
}

}  // namespace

void writeIpv6Header(const Ipv6HeaderFields& fields, std::span<std::uint8_t, kIpv6HeaderLength> out)
{
    const std::uint32_t flow = fields.flowLabel & 0xFFFFF;
    const std::uint32_t first = 6u << 28 | std::uint32_t{fields.trafficClass} << 20 | flow;
    out[0] = static_cast<std::uint8_t>(first >> 24);
    out[1] = static_cast<std::uint8_t>(first >> 16);
    out[2] = static_cast<std::uint8_t>(first >> 8);
    out[3] = static_cast<std::uint8_t>(first);
    const auto length = static_cast<std::uint16_t>(std::min<std::size_t>(fields.payloadLength, 0xFFFF));
    out[4] = static_cast<std::uint8_t>(length >> 8);
    out[5] = static_cast<std::uint8_t>(length);
    out[6] = fields.nextHeader;
    out[7] = fields.hopLimit;
    std::copy(fields.source.begin(), fields.source.end(), out.begin() + 8);
    std::copy(fields.destination.begin(), fields.destination.end(), out.begin() + 24);
}

NextHeaderGuess guessIpv6NextHeader(const Ipv6Address& source, const Ipv6Address& destination,
                                    ByteSpan payload)
{
    // The smallest header of each protocol: a shorter payload cannot be one of them.
    if (payload.size() >= 20 && checksumVerifies(source, destination, payload, kTcp)) return {kTcp, true};
    if (payload.size() >= 8 && checksumVerifies(source, destination, payload, kUdp)) return {kUdp, true};
    if (payload.size() >= 4 && checksumVerifies(source, destination, payload, kIcmpv6)) return {kIcmpv6, true};
    if (payload.size() >= 8 && be16(payload, 4) == payload.size()) return {kUdp, false};
    if (payload.size() >= 20) {
        const std::size_t dataOffset = static_cast<std::size_t>(payload[12] >> 4) * 4;
        const bool reservedClear = (payload[12] & 0x0E) == 0;
        if (dataOffset >= 20 && dataOffset <= payload.size() && reservedClear) return {kTcp, false};
    }
    return {kIpv6NoNextHeader, false};
}

bool startsWithIpv6Header(ByteSpan datagram, const Ipv6Address& source)
{
    if (datagram.size() < kIpv6HeaderLength || (datagram[0] >> 4) != 6) return false;
    if (std::size_t{be16(datagram, 4)} + kIpv6HeaderLength != datagram.size()) return false;
    return std::equal(source.begin(), source.end(), datagram.begin() + 8);
}

}  // namespace rcvmon

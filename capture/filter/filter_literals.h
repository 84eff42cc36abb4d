// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon {

// Parsers for the unquoted values of a display filter. Each takes the whole text of one
// value and fails on anything left over; `why` says what was wrong in words.

// Decimal, 0x hexadecimal or 0-prefixed octal, as Wireshark reads integers.
bool parseUnsignedLiteral(std::string_view text, std::uint64_t& out);
// Dotted quad with an optional /bits (CIDR); addr in host order.
bool parseIpv4Literal(std::string_view text, std::uint32_t& addr, std::uint32_t& prefix, std::string& why);
// RFC 4291 text (with :: and an embedded dotted quad) and an optional /bits.
bool parseIpv6Literal(std::string_view text, std::array<std::uint8_t, 16>& addr, std::uint32_t& prefix,
                      std::string& why);
// Bytes as aa:bb:cc, aa-bb-cc, aabb.ccdd.eeff or aabbcc; single-digit bytes allowed between separators.
bool parseBytesLiteral(std::string_view text, std::vector<std::uint8_t>& out);
// Seconds since the epoch with an optional fraction: 1258589770.049012
bool parseTimeLiteral(std::string_view text, std::int64_t& sec, std::uint32_t& nsec);

}  // namespace rcvmon

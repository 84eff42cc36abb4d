// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>

namespace rcvmon {

// A MAC, IPv4 or IPv6 address held in place (no allocation), so table keys stay compact.
struct StatAddress {
    enum class Family : std::uint8_t { None, Mac, Ipv4, Ipv6 };

    Family family = Family::None;
    std::uint8_t length = 0;
    std::array<std::uint8_t, 16> bytes{};

    // Bytes of the given family; None when their count does not fit it.
    static StatAddress from(Family family, ByteSpan value);

    ByteSpan view() const { return ByteSpan(bytes).first(length); }
    // tshark's text: aa:bb:cc:dd:ee:ff, dotted quad, RFC 5952.
    void appendText(std::string& out) const;
    std::string text() const;
    std::size_t hash() const;

    friend bool operator==(const StatAddress&, const StatAddress&) = default;
    friend auto operator<=>(const StatAddress&, const StatAddress&) = default;
};

// FNV-1a over the bytes that matter; good enough for hash maps of addresses.
inline std::size_t mixHash(std::size_t seed, std::uint64_t value)
{
    std::uint64_t h = seed;
    for (int i = 0; i < 8; ++i) {
        h = (h ^ (value & 0xffu)) * 1099511628211ull;
        value >>= 8;
    }
    return static_cast<std::size_t>(h);
}

}  // namespace rcvmon

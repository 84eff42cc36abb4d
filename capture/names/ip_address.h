// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace rcvmon::names {

// An IPv4 or IPv6 address as a key (host tables, the reverse-DNS queue).
struct IpAddress {
    std::uint8_t family = 4;             // 4 or 6
    std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first 4

    // From a field's 4 or 16 bytes; nothing for any other length.
    static std::optional<IpAddress> fromBytes(ByteSpan bytes);
    ByteSpan span() const { return ByteSpan(bytes.data(), family == 4 ? 4 : 16); }
    // Dotted quad or RFC 5952 text, as tshark prints the address.
    std::string text() const;
    bool operator==(const IpAddress&) const = default;
};

struct IpAddressHash {
    std::size_t operator()(const IpAddress& a) const noexcept;
};

}  // namespace rcvmon::names

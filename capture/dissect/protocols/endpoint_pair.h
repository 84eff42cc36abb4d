// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Two transport endpoints (addresses up to IPv6's 16 bytes, and ports) as a hash-map key: the
// conversation tables that protocols over UDP keep themselves (DCCP, DTLS, RDPUDP).
#include <array>
#include <cstddef>
#include <cstdint>

namespace rcvmon {

struct EndpointPair {
    std::array<std::uint8_t, 16> a{}, b{};
    std::uint16_t portA = 0, portB = 0;
    bool operator==(const EndpointPair&) const = default;
};

// FNV-1a over both addresses, the ports folded in.
struct EndpointPairHash {
    std::size_t operator()(const EndpointPair& k) const
    {
        std::uint64_t h = 1469598103934665603ull;
        for (std::uint8_t v : k.a) h = (h ^ v) * 1099511628211ull;
        for (std::uint8_t v : k.b) h = (h ^ v) * 1099511628211ull;
        return static_cast<std::size_t>(h ^ (std::uint64_t{k.portA} << 16 | k.portB));
    }
};

}  // namespace rcvmon

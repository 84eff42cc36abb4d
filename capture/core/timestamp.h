// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>

namespace rcvmon {

// Seconds and nanoseconds since the Unix epoch, kept as the file stored them: nsec may be
// >= 1e9 for a file with an out-of-range fraction (tshark prints such values as they are).
struct Timestamp {
    std::int64_t sec = 0;
    std::uint32_t nsec = 0;

    friend bool operator==(const Timestamp&, const Timestamp&) = default;
    // Wraps (modulo 2^64) for the times past the year 2262 a damaged pcapng can claim, where
    // signed arithmetic would overflow (undefined behaviour).
    std::int64_t totalNanoseconds() const
    {
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(sec) * 1'000'000'000u + nsec);
    }
};

}  // namespace rcvmon

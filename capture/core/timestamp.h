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
    std::int64_t totalNanoseconds() const { return sec * 1'000'000'000 + nsec; }
};

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/timestamp.h"

#include <cstdint>
#include <limits>

namespace rcvmon {

// Exact arithmetic on timestamps. A damaged file can claim any 64-bit seconds value, and two
// times centuries apart differ by more nanoseconds than an int64 holds (±292 years), so
// differences are taken in 128 bits and saturated where a 64-bit result is needed.
__extension__ using WideNanoseconds = __int128;
__extension__ using UnsignedWideNanoseconds = unsigned __int128;

inline WideNanoseconds wideNanoseconds(const Timestamp& t)
{
    return static_cast<WideNanoseconds>(t.sec) * 1'000'000'000 + t.nsec;
}

// to - from, exactly.
inline WideNanoseconds nanosecondsBetween(const Timestamp& from, const Timestamp& to)
{
    return wideNanoseconds(to) - wideNanoseconds(from);
}

inline std::int64_t saturateToInt64(WideNanoseconds value)
{
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
    if (value > kMax) return kMax;
    if (value < kMin) return kMin;
    return static_cast<std::int64_t>(value);
}

// to - from in seconds, as a double (rates over a capture's span).
inline double secondsBetween(const Timestamp& from, const Timestamp& to)
{
    return static_cast<double>(nanosecondsBetween(from, to)) / 1e9;
}

// Strict order of the instants (a fraction >= 1 s counts as the seconds it carries).
inline bool earlierThan(const Timestamp& a, const Timestamp& b)
{
    return wideNanoseconds(a) < wideNanoseconds(b);
}

// `ts` is before `reference` by less than `window` nanoseconds.
inline bool justBefore(const Timestamp& ts, const Timestamp& reference, std::int64_t window)
{
    const WideNanoseconds ahead = nanosecondsBetween(ts, reference);
    return ahead > 0 && ahead < window;
}

}  // namespace rcvmon

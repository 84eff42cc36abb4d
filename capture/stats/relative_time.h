// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/time_span.h"
#include "core/timestamp.h"

#include <cstdint>

namespace rcvmon {

// A time since the first frame, kept as Wireshark's nstime_t is: seconds and nanoseconds
// with the same sign. Conversation start and duration are computed from it exactly as
// tshark does (including its double rounding), so the printed digits agree.
struct RelativeTime {
    std::int64_t secs = 0;
    std::int64_t nsecs = 0;

    // frame - first, as Wireshark's nstime_delta (also for files whose fractions are >= 1 s).
    static RelativeTime between(const Timestamp& first, const Timestamp& frame);
    // nstime_to_sec
    double seconds() const { return static_cast<double>(secs) + static_cast<double>(nsecs) / 1e9; }

    friend bool operator==(const RelativeTime&, const RelativeTime&) = default;
    // nstime_cmp: seconds first, then nanoseconds.
    friend bool operator<(const RelativeTime& a, const RelativeTime& b)
    {
        return a.secs != b.secs ? a.secs < b.secs : a.nsecs < b.nsecs;
    }
};

inline RelativeTime RelativeTime::between(const Timestamp& first, const Timestamp& frame)
{
    constexpr std::int64_t kNsPerSec = 1'000'000'000;
    RelativeTime d;
    // Seconds of a damaged file can lie far enough apart to overflow int64: saturate.
    const WideNanoseconds secs = static_cast<WideNanoseconds>(frame.sec) - first.sec;
    if (secs > INT64_MAX - 1 || secs < INT64_MIN + 1) return {secs > 0 ? INT64_MAX : INT64_MIN, 0};
    d.secs = static_cast<std::int64_t>(secs);
    d.nsecs = static_cast<std::int64_t>(frame.nsec) - static_cast<std::int64_t>(first.nsec);
    if (frame.sec == first.sec) {
        d.secs = 0;  // a negative nanosecond part is fine here
    } else if (frame.sec < first.sec) {
        if (d.nsecs > 0) {
            d.nsecs -= kNsPerSec;
            ++d.secs;
        }
    } else if (d.nsecs < 0) {
        d.nsecs += kNsPerSec;
        --d.secs;
    }
    return d;
}

}  // namespace rcvmon

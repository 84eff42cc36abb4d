// SPDX-License-Identifier: GPL-2.0-or-later
// Timestamp differences across centuries (a damaged file claims any 64-bit seconds value):
// exact in 128 bits, saturated where 64 bits are needed, never signed overflow.
#include "core/time_span.h"
#include "stats/relative_time.h"

#include <gtest/gtest.h>

#include <cstdint>

using namespace rcvmon;

namespace {
constexpr std::int64_t kYear = 31'556'952;  // seconds in a mean Gregorian year
constexpr Timestamp kEpoch{0, 0};
constexpr Timestamp kYear2500{530 * kYear, 250};
}  // namespace

TEST(TimeSpan, DifferenceCenturiesApartIsExact)
{
    // 530 years is 1.67e19 ns: past int64 (9.2e18), where totalNanoseconds() wraps.
    EXPECT_LT(kYear2500.totalNanoseconds() - kEpoch.totalNanoseconds(), 0);
    const WideNanoseconds d = nanosecondsBetween(kEpoch, kYear2500);
    EXPECT_TRUE(d == static_cast<WideNanoseconds>(530 * kYear) * 1'000'000'000 + 250);
    EXPECT_TRUE(nanosecondsBetween(kYear2500, kEpoch) == -d);
    EXPECT_NEAR(secondsBetween(kEpoch, kYear2500), 530.0 * kYear, 1.0);
    EXPECT_EQ(saturateToInt64(d), INT64_MAX);
    EXPECT_EQ(saturateToInt64(-d), INT64_MIN);
}

TEST(TimeSpan, OrderHoldsAtTheExtremes)
{
    const Timestamp lowest{INT64_MIN, 0};
    const Timestamp highest{INT64_MAX, 999'999'999};
    EXPECT_TRUE(earlierThan(lowest, highest));
    EXPECT_FALSE(earlierThan(highest, lowest));
    EXPECT_TRUE(earlierThan(kEpoch, kYear2500));
    // A fraction of 1 s or more carries into the seconds.
    EXPECT_FALSE(earlierThan(Timestamp{10, 1'000'000'000}, Timestamp{11, 0}));
    EXPECT_TRUE(earlierThan(Timestamp{10, 999'999'999}, Timestamp{11, 0}));
    EXPECT_GT(secondsBetween(lowest, highest), 1.8e19);
}

// The window CaptureSession::modeAt() uses for frames caught just before a mode switch.
TEST(TimeSpan, JustBeforeASwitchAcrossCenturies)
{
    const Timestamp now{1'700'000'000, 500};
    EXPECT_TRUE(justBefore(Timestamp{1'699'999'999, 0}, now, 2'000'000'000));
    EXPECT_FALSE(justBefore(now, now, 2'000'000'000));
    EXPECT_FALSE(justBefore(Timestamp{1'699'999'997, 0}, now, 2'000'000'000));
    // A source clock centuries off (or a wrapped int64 nanosecond count) is never "just before".
    EXPECT_FALSE(justBefore(Timestamp{now.sec - 600 * kYear, 0}, now, 2'000'000'000));
    EXPECT_FALSE(justBefore(Timestamp{now.sec + 600 * kYear, 0}, now, 2'000'000'000));
    EXPECT_FALSE(justBefore(Timestamp{INT64_MIN, 0}, Timestamp{INT64_MAX, 0}, 2'000'000'000));
}

TEST(RelativeTimeOverflow, CenturiesApartKeepSignAndSize)
{
    const RelativeTime forward = RelativeTime::between(kEpoch, kYear2500);
    EXPECT_EQ(forward.secs, 530 * kYear);
    EXPECT_EQ(forward.nsecs, 250);
    const RelativeTime back = RelativeTime::between(kYear2500, kEpoch);
    EXPECT_EQ(back.secs, -530 * kYear);
    EXPECT_EQ(back.nsecs, -250);
    EXPECT_LT(back, forward);
}

TEST(RelativeTimeOverflow, SecondsBeyondInt64Saturate)
{
    const RelativeTime up = RelativeTime::between(Timestamp{INT64_MIN, 5}, Timestamp{INT64_MAX, 0});
    EXPECT_EQ(up.secs, INT64_MAX);
    EXPECT_GT(up.seconds(), 9e18);
    const RelativeTime down = RelativeTime::between(Timestamp{INT64_MAX, 0}, Timestamp{INT64_MIN, 5});
    EXPECT_EQ(down.secs, INT64_MIN);
    EXPECT_LT(down.seconds(), -9e18);
    EXPECT_LT(down, up);
}

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stats/stat_address.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <unordered_map>
#include <vector>

namespace rcvmon {

// The bytes one talker sent or received in one capture second (Unix second of frame.ts).
struct TalkerBin {
    std::int64_t second = 0;
    std::uint64_t bytes = 0;

    friend bool operator==(const TalkerBin&, const TalkerBin&) = default;
};

// An IPv4 or IPv6 address and its traffic per second, oldest second first, only seconds
// with traffic (sparse).
struct Talker {
    StatAddress address;
    std::vector<TalkerBin> bins;
};

// A talker's share of a window of seconds, for ranking.
struct TalkerShare {
    std::size_t talker = 0;  // index into TalkerTimeline::talkers()
    std::uint64_t bytes = 0;

    friend bool operator==(const TalkerShare&, const TalkerShare&) = default;
};

// Top talkers over time: bytes per address per capture second, kept for the last
// `horizon` seconds behind the newest one (the longest chart window), so memory follows
// the number of recent talkers, not the length of the capture. Seconds older than that are
// dropped in sweeps every horizon/10 seconds of capture time, together with talkers left
// without traffic; queries never see them. Adding to a known talker in a known second
// allocates nothing. Not synchronised, like TrafficStatistics.
class TalkerTimeline {
public:
    static constexpr std::int64_t kDefaultHorizon = 300;
    static constexpr std::int64_t kKeepAll = std::numeric_limits<std::int64_t>::max();

    explicit TalkerTimeline(std::int64_t horizonSeconds = kDefaultHorizon);

    // Capture time reached `second` (any frame, so the newest second is the same as the
    // bandwidth chart's even when the latest frames carry no IP).
    void advanceTo(std::int64_t second);
    // `bytes` for `address` in `second`; a second at or before newestSecond() - horizon is
    // too old and ignored.
    void add(const StatAddress& address, std::int64_t second, std::uint64_t bytes);
    void clear();

    std::int64_t horizon() const { return m_horizon; }
    bool empty() const { return !m_started; }
    std::int64_t newestSecond() const { return m_newest; }
    // The earliest second reached since the start (or clear()), evicted or not: a chart
    // starts its window there while the capture is shorter than the window.
    std::int64_t firstSecond() const { return m_first; }
    // The oldest second still answered for: newestSecond() - horizon + 1.
    std::int64_t oldestSecond() const;
    // Talkers in the order first seen (after a sweep, the survivors in that order).
    std::span<const Talker> talkers() const { return m_talkers; }

    // The `count` talkers with most bytes in [fromSecond, toSecond], most first, ties in the
    // order first seen; talkers without bytes there are left out.
    std::vector<TalkerShare> top(std::int64_t fromSecond, std::int64_t toSecond, std::size_t count) const;
    // One talker's bytes in each second of [fromSecond, toSecond] (zeros included).
    std::vector<std::uint64_t> bytesPerSecond(std::size_t talker, std::int64_t fromSecond,
                                              std::int64_t toSecond) const;
    std::uint64_t bytesIn(std::size_t talker, std::int64_t fromSecond, std::int64_t toSecond) const;

private:
    struct AddressHash {
        std::size_t operator()(const StatAddress& a) const { return a.hash(); }
    };

    void sweep();

    std::int64_t m_horizon;
    std::int64_t m_sweepStep;
    std::int64_t m_newest = 0;
    std::int64_t m_first = 0;
    std::int64_t m_lastSweep = 0;
    bool m_started = false;
    std::vector<Talker> m_talkers;
    std::unordered_map<StatAddress, std::uint32_t, AddressHash> m_index;
};

}  // namespace rcvmon

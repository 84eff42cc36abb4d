// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace rcvmon {

// What one graph counted in one interval: only intervals with at least one matching frame
// are kept, so memory follows the packets, not the span (an hour at 1 ms is 3.6 M intervals).
struct IoBin {
    std::uint64_t index = 0;       // interval number from the capture's first frame
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;       // frame.len, as Wireshark's I/O graph counts
    std::uint64_t firstFrame = 0;  // the interval's first matching frame (by number)
    // A graph with a Y field: its occurrences in the interval (Wireshark's io_graph_item_t
    // "fields"), their sum, smallest and largest (integers, or nanoseconds for a time), and
    // for LOAD the microseconds of the interval the field's durations cover.
    std::uint64_t fields = 0;
    std::int64_t sum = 0;
    std::int64_t min = 0;
    std::int64_t max = 0;
    std::uint64_t loadUs = 0;
};
using IoBins = std::vector<IoBin>;

// A LOAD graph's durations: each a field value (µs) ending at its frame's time (µs from the
// first frame), spread back over the intervals it covers once the interval is known.
struct IoSpan {
    std::uint64_t endUs = 0;
    std::uint64_t lengthUs = 0;
};

// What a scan of the whole capture found, at 1 ms (the smallest interval, which every other
// interval is a multiple of, so changing the interval never reads the file again).
struct IoGraphScanResult {
    std::uint64_t frames = 0;
    std::uint64_t lastMs = 0;          // the last frame's millisecond: the span of the x axis
    std::uint64_t lastUs = 0;          // the same in microseconds (LOAD's last, partial interval)
    std::vector<IoBins> graphs;        // per graph, sorted by index, in milliseconds
    std::vector<std::vector<IoSpan>> spans;  // per graph: LOAD's durations (empty otherwise)
    std::vector<bool> failed;          // per graph: its filter did not compile (no bins)
};

// Wireshark 4.0's Y axis units (its io_graph_item_unit_t), plus RcvMon's Bits/s. The numbers
// are kept in the settings: new units are added at the end.
enum class IoGraphUnit : std::uint8_t {
    Packets, Bytes, BitsPerSecond, Bits, Sum, CountFrames, CountFields, Max, Min, Average, Load
};
constexpr int IoGraphUnitCount = 11;
// The units computed on a Y field; the others count frames.
constexpr bool ioUnitUsesField(IoGraphUnit unit) { return unit >= IoGraphUnit::Sum; }
// The units whose empty intervals are not drawn (Wireshark's hasItemToShow: no field, no value).
constexpr bool ioUnitNeedsFields(IoGraphUnit unit)
{
    return unit == IoGraphUnit::Sum || unit == IoGraphUnit::Max || unit == IoGraphUnit::Min ||
           unit == IoGraphUnit::Average || unit == IoGraphUnit::Load;
}

// Adds one frame to bins kept in index order and returns its bin; a frame earlier than the
// last bin (a file not in time order) is appended out of order and sorted by finishBins().
IoBin& addToBins(IoBins& bins, bool& sorted, std::uint64_t index, std::uint32_t length, std::uint64_t frame);
// One occurrence of the Y field in the frame just added to `bin`.
void addFieldValue(IoBin& bin, std::int64_t value);
void finishBins(IoBins& bins, bool sorted);
// 1 ms bins regrouped into intervals of intervalMs.
IoBins regroupBins(const IoBins& ms, std::uint64_t intervalMs);
// Spreads LOAD's durations over intervals of intervalMs, as Wireshark's update_io_graph_item
// does: each covers the end of its frame's interval and whole intervals before it.
void addLoadSpans(IoBins& bins, const std::vector<IoSpan>& spans, std::uint64_t intervalMs);
// The bin's value in `unit`; field values are divided by `divisor` (1, or 1e9 for nanoseconds
// → seconds, as nstime_to_sec); `loadUs` the interval's width for LOAD (shorter for the last).
double ioValue(const IoBin& bin, IoGraphUnit unit, std::uint64_t intervalMs, double divisor = 1.0,
               std::uint64_t loadUs = 0);

}  // namespace rcvmon

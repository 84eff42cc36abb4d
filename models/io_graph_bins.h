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
};
using IoBins = std::vector<IoBin>;

// What a scan of the whole capture found, at 1 ms (the smallest interval, which every other
// interval is a multiple of, so changing the interval never reads the file again).
struct IoGraphScanResult {
    std::uint64_t frames = 0;
    std::uint64_t lastMs = 0;          // the last frame's millisecond: the span of the x axis
    std::vector<IoBins> graphs;        // per graph, sorted by index, in milliseconds
    std::vector<bool> failed;          // per graph: its filter did not compile (no bins)
};

enum class IoGraphUnit : std::uint8_t { Packets, Bytes, BitsPerSecond };

// Adds one frame to bins kept in index order; a frame earlier than the last bin (a file not
// in time order) is appended out of order and sorted by finishBins().
void addToBins(IoBins& bins, bool& sorted, std::uint64_t index, std::uint32_t length, std::uint64_t frame);
void finishBins(IoBins& bins, bool sorted);
// 1 ms bins regrouped into intervals of intervalMs.
IoBins regroupBins(const IoBins& ms, std::uint64_t intervalMs);
double ioValue(const IoBin& bin, IoGraphUnit unit, std::uint64_t intervalMs);

}  // namespace rcvmon

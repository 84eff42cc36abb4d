// SPDX-License-Identifier: GPL-2.0-or-later
#include "io_graph_bins.h"

#include <algorithm>

namespace rcvmon {

void addToBins(IoBins& bins, bool& sorted, std::uint64_t index, std::uint32_t length, std::uint64_t frame)
{
    if (!bins.empty() && bins.back().index == index) {
        ++bins.back().packets;
        bins.back().bytes += length;
        return;
    }
    if (!bins.empty() && bins.back().index > index) sorted = false;
    bins.push_back({index, 1, length, frame});
}

void finishBins(IoBins& bins, bool sorted)
{
    if (sorted) return;
    std::stable_sort(bins.begin(), bins.end(), [](const IoBin& a, const IoBin& b) { return a.index < b.index; });
    IoBins merged;
    merged.reserve(bins.size());
    for (const IoBin& bin : bins) {
        if (!merged.empty() && merged.back().index == bin.index) {
            merged.back().packets += bin.packets;
            merged.back().bytes += bin.bytes;
            merged.back().firstFrame = std::min(merged.back().firstFrame, bin.firstFrame);
        } else {
            merged.push_back(bin);
        }
    }
    bins = std::move(merged);
}

IoBins regroupBins(const IoBins& ms, std::uint64_t intervalMs)
{
    if (intervalMs <= 1) return ms;
    IoBins out;
    for (const IoBin& bin : ms) {
        const std::uint64_t index = bin.index / intervalMs;
        if (!out.empty() && out.back().index == index) {
            out.back().packets += bin.packets;
            out.back().bytes += bin.bytes;
            out.back().firstFrame = std::min(out.back().firstFrame, bin.firstFrame);
        } else {
            out.push_back({index, bin.packets, bin.bytes, bin.firstFrame});
        }
    }
    return out;
}

double ioValue(const IoBin& bin, IoGraphUnit unit, std::uint64_t intervalMs)
{
    switch (unit) {
    case IoGraphUnit::Packets: return double(bin.packets);
    case IoGraphUnit::Bytes: return double(bin.bytes);
    case IoGraphUnit::BitsPerSecond: return double(bin.bytes) * 8.0 * 1000.0 / double(intervalMs);
    }
    return 0.0;
}

}  // namespace rcvmon

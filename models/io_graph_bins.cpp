// SPDX-License-Identifier: GPL-2.0-or-later
#include "io_graph_bins.h"

#include <algorithm>
#include <map>

namespace rcvmon {

namespace {

void merge(IoBin& into, const IoBin& bin)
{
    into.packets += bin.packets;
    into.bytes += bin.bytes;
    into.firstFrame = std::min(into.firstFrame, bin.firstFrame);
    if (bin.fields > 0) {
        into.min = into.fields == 0 ? bin.min : std::min(into.min, bin.min);
        into.max = into.fields == 0 ? bin.max : std::max(into.max, bin.max);
        into.sum += bin.sum;
        into.fields += bin.fields;
    }
    into.loadUs += bin.loadUs;
}

}  // namespace

IoBin& addToBins(IoBins& bins, bool& sorted, std::uint64_t index, std::uint32_t length, std::uint64_t frame)
{
    if (!bins.empty() && bins.back().index == index) {
        ++bins.back().packets;
        bins.back().bytes += length;
        return bins.back();
    }
    if (!bins.empty() && bins.back().index > index) sorted = false;
    IoBin& bin = bins.emplace_back();
    bin.index = index;
    bin.packets = 1;
    bin.bytes = length;
    bin.firstFrame = frame;
    return bin;
}

void addFieldValue(IoBin& bin, std::int64_t value)
{
    // Wireshark's update_io_graph_item: the first value sets both extremes.
    bin.min = bin.fields == 0 ? value : std::min(bin.min, value);
    bin.max = bin.fields == 0 ? value : std::max(bin.max, value);
    bin.sum += value;
    ++bin.fields;
}

void finishBins(IoBins& bins, bool sorted)
{
    if (sorted) return;
    std::stable_sort(bins.begin(), bins.end(), [](const IoBin& a, const IoBin& b) { return a.index < b.index; });
    IoBins merged;
    merged.reserve(bins.size());
    for (const IoBin& bin : bins) {
        if (!merged.empty() && merged.back().index == bin.index) merge(merged.back(), bin);
        else merged.push_back(bin);
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
            merge(out.back(), bin);
        } else {
            out.push_back(bin);
            out.back().index = index;
        }
    }
    return out;
}

void addLoadSpans(IoBins& bins, const std::vector<IoSpan>& spans, std::uint64_t intervalMs)
{
    if (spans.empty()) return;
    const std::uint64_t intervalUs = std::max<std::uint64_t>(intervalMs, 1) * 1000;
    std::map<std::uint64_t, std::uint64_t> load;  // interval → µs covered
    for (const IoSpan& span : spans) {
        std::uint64_t index = span.endUs / intervalUs;
        std::uint64_t left = span.lengthUs;
        // The part of the frame's own interval before it, then whole intervals back to the start.
        std::uint64_t part = std::min(left, span.endUs % intervalUs);
        while (left > 0) {
            load[index] += part;
            if (index == 0) break;
            --index;
            left -= part;
            part = std::min(left, intervalUs);
        }
    }
    IoBins merged;
    merged.reserve(bins.size() + load.size());
    auto it = bins.begin();
    for (const auto& [index, us] : load) {
        for (; it != bins.end() && it->index < index; ++it) merged.push_back(*it);
        if (it != bins.end() && it->index == index) {
            merged.push_back(*it++);
        } else {
            IoBin& bin = merged.emplace_back();
            bin.index = index;
        }
        merged.back().loadUs = us;
        ++merged.back().fields;  // Wireshark counts each interval a duration touches as a value
    }
    merged.insert(merged.end(), it, bins.end());
    bins = std::move(merged);
}

double ioValue(const IoBin& bin, IoGraphUnit unit, std::uint64_t intervalMs, double divisor, std::uint64_t loadUs)
{
    switch (unit) {
    case IoGraphUnit::Packets:
    case IoGraphUnit::CountFrames: return double(bin.packets);
    case IoGraphUnit::Bytes: return double(bin.bytes);
    case IoGraphUnit::BitsPerSecond: return double(bin.bytes) * 8.0 * 1000.0 / double(intervalMs);
    case IoGraphUnit::Bits: return double(bin.bytes) * 8.0;
    case IoGraphUnit::CountFields: return double(bin.fields);
    case IoGraphUnit::Sum: return double(bin.sum) / divisor;
    case IoGraphUnit::Max: return double(bin.max) / divisor;
    case IoGraphUnit::Min: return double(bin.min) / divisor;
    case IoGraphUnit::Average: return bin.fields ? double(bin.sum) / divisor / double(bin.fields) : 0.0;
    case IoGraphUnit::Load: {
        const std::uint64_t width = loadUs ? loadUs : intervalMs * 1000;
        return double(bin.loadUs) / double(width);
    }
    }
    return 0.0;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "store/bandwidth_bins.h"

#include <algorithm>

namespace rcvmon {

TrafficCount BandwidthSample::total() const
{
    TrafficCount sum;
    for (const TrafficCount& c : byDirection) {
        sum.packets += c.packets;
        sum.bytes += c.bytes;
    }
    return sum;
}

BandwidthBins::BandwidthBins(std::size_t binCount)
    : m_binCount(std::max<std::size_t>(binCount, 1)), m_bins(new Bin[m_binCount])
{
}

BandwidthBins::~BandwidthBins() = default;

BandwidthBins::Bin& BandwidthBins::binFor(std::int64_t second) const
{
    const auto n = static_cast<std::int64_t>(m_binCount);
    return m_bins[static_cast<std::size_t>(((second % n) + n) % n)];
}

// Seqlock-style recycle: stamp invalid, clear, then publish the new second.
void BandwidthBins::recycle(Bin& bin, std::int64_t second)
{
    bin.second.store(kInvalid, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    for (auto& counter : bin.counters) counter.store(0, std::memory_order_relaxed);
    bin.second.store(second, std::memory_order_release);
}

// Only one thread writes, so a load and a store replace a locked read-modify-write.
void BandwidthBins::bump(std::atomic<std::uint64_t>& counter, std::uint64_t by)
{
    counter.store(counter.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
}

void BandwidthBins::add(const Timestamp& ts, Direction direction, ProtocolClass protocol, std::uint32_t wireBytes)
{
    const std::int64_t second = ts.sec;
    if (second == m_lastSecond) {
        count(*m_lastBin, direction, protocol, wireBytes);
        return;
    }
    const std::int64_t newest = m_newest.load(std::memory_order_relaxed);
    const auto window = static_cast<std::int64_t>(m_binCount);
    if (newest == kInvalid || second > newest) {
        // Empty the bins of the seconds skipped over (at most the whole ring once).
        const std::int64_t from =
            newest == kInvalid ? second : std::max(newest + 1, second - window + 1);
        for (std::int64_t s = from; s <= second; ++s) recycle(binFor(s), s);
        m_newest.store(second, std::memory_order_release);
    } else if (second <= newest - window) {
        m_late.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    Bin& bin = binFor(second);
    if (bin.second.load(std::memory_order_relaxed) != second) recycle(bin, second);
    m_lastSecond = second;
    m_lastBin = &bin;
    count(bin, direction, protocol, wireBytes);
}

void BandwidthBins::count(Bin& bin, Direction direction, ProtocolClass protocol, std::uint32_t wireBytes)
{
    const auto d = static_cast<std::size_t>(direction) % kDirectionSlots;
    const std::size_t p = kDirectionSlots + protocolSlot(protocol);
    bump(bin.counters[2 * d], 1);
    bump(bin.counters[2 * d + 1], wireBytes);
    bump(bin.counters[2 * p], 1);
    bump(bin.counters[2 * p + 1], wireBytes);
}

bool BandwidthBins::newestSecond(std::int64_t& out) const
{
    out = m_newest.load(std::memory_order_acquire);
    return out != kInvalid;
}

std::vector<BandwidthSample> BandwidthBins::snapshot(std::size_t seconds) const
{
    std::vector<BandwidthSample> out;
    std::int64_t newest = 0;
    if (!newestSecond(newest)) return out;
    const auto count = static_cast<std::int64_t>(std::min(seconds, m_binCount));
    out.resize(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i) {
        BandwidthSample& sample = out[static_cast<std::size_t>(i)];
        sample.second = newest - count + 1 + i;
        const Bin& bin = binFor(sample.second);
        std::array<std::uint64_t, kCounters> values;
        const std::int64_t before = bin.second.load(std::memory_order_acquire);
        for (std::size_t c = 0; c < kCounters; ++c) values[c] = bin.counters[c].load(std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_acquire);
        const std::int64_t after = bin.second.load(std::memory_order_relaxed);
        if (before != sample.second || after != sample.second) continue;  // empty or being reused
        for (std::size_t d = 0; d < kDirectionSlots; ++d) sample.byDirection[d] = {values[2 * d], values[2 * d + 1]};
        for (std::size_t p = 0; p < kProtocolSlots; ++p) {
            const std::size_t c = kDirectionSlots + p;
            sample.byProtocol[p] = {values[2 * c], values[2 * c + 1]};
        }
    }
    return out;
}

}  // namespace rcvmon

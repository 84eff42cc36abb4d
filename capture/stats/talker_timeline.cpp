// SPDX-License-Identifier: GPL-2.0-or-later
#include "stats/talker_timeline.h"

#include <algorithm>

namespace rcvmon {

namespace {
template <typename Bins>
auto firstBinFrom(Bins& bins, std::int64_t second)
{
    return std::lower_bound(bins.begin(), bins.end(), second,
                            [](const TalkerBin& bin, std::int64_t s) { return bin.second < s; });
}
}  // namespace

TalkerTimeline::TalkerTimeline(std::int64_t horizonSeconds)
    : m_horizon(std::max<std::int64_t>(1, horizonSeconds)), m_sweepStep(std::max<std::int64_t>(1, m_horizon / 10))
{
}

std::int64_t TalkerTimeline::oldestSecond() const
{
    if (m_horizon == kKeepAll) return std::numeric_limits<std::int64_t>::min();
    return m_newest - m_horizon + 1;
}

void TalkerTimeline::advanceTo(std::int64_t second)
{
    if (!m_started) {
        m_started = true;
        m_newest = m_lastSweep = m_first = second;
        return;
    }
    m_first = std::min(m_first, second);
    if (second <= m_newest) return;
    m_newest = second;
    // Sweeping every talker once per new second would cost too much when a file is read
    // at full speed; every tenth of the horizon bounds memory just as well.
    if (m_horizon != kKeepAll && m_newest - m_lastSweep >= m_sweepStep) sweep();
}

void TalkerTimeline::add(const StatAddress& address, std::int64_t second, std::uint64_t bytes)
{
    advanceTo(second);
    if (second < oldestSecond()) return;  // a late frame beyond the horizon
    auto [it, inserted] = m_index.try_emplace(address, static_cast<std::uint32_t>(m_talkers.size()));
    if (inserted) m_talkers.push_back(Talker{address, {}});
    std::vector<TalkerBin>& bins = m_talkers[it->second].bins;
    if (bins.empty() || bins.back().second < second) {
        bins.push_back(TalkerBin{second, bytes});
    } else if (bins.back().second == second) {
        bins.back().bytes += bytes;
    } else {
        // Frames out of time order: rare, so a search (and an insert) is fine here.
        auto at = firstBinFrom(bins, second);
        if (at->second == second) at->bytes += bytes;
        else bins.insert(at, TalkerBin{second, bytes});
    }
}

void TalkerTimeline::sweep()
{
    m_lastSweep = m_newest;
    const std::int64_t oldest = oldestSecond();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < m_talkers.size(); ++i) {
        Talker& t = m_talkers[i];
        t.bins.erase(t.bins.begin(), firstBinFrom(t.bins, oldest));
        if (t.bins.empty()) {
            m_index.erase(t.address);
            continue;
        }
        if (kept != i) {
            m_talkers[kept] = std::move(t);
            m_index.find(m_talkers[kept].address)->second = static_cast<std::uint32_t>(kept);
        }
        ++kept;
    }
    m_talkers.resize(kept);
}

void TalkerTimeline::clear()
{
    m_talkers.clear();
    m_index.clear();
    m_started = false;
    m_newest = m_lastSweep = m_first = 0;
}

std::uint64_t TalkerTimeline::bytesIn(std::size_t talker, std::int64_t fromSecond, std::int64_t toSecond) const
{
    const std::vector<TalkerBin>& bins = m_talkers[talker].bins;
    std::uint64_t sum = 0;
    for (auto it = firstBinFrom(bins, std::max(fromSecond, oldestSecond())); it != bins.end() && it->second <= toSecond;
         ++it)
        sum += it->bytes;
    return sum;
}

std::vector<std::uint64_t> TalkerTimeline::bytesPerSecond(std::size_t talker, std::int64_t fromSecond,
                                                          std::int64_t toSecond) const
{
    std::vector<std::uint64_t> out(toSecond >= fromSecond ? static_cast<std::size_t>(toSecond - fromSecond + 1) : 0);
    const std::vector<TalkerBin>& bins = m_talkers[talker].bins;
    for (auto it = firstBinFrom(bins, std::max(fromSecond, oldestSecond())); it != bins.end() && it->second <= toSecond;
         ++it)
        out[static_cast<std::size_t>(it->second - fromSecond)] = it->bytes;
    return out;
}

std::vector<TalkerShare> TalkerTimeline::top(std::int64_t fromSecond, std::int64_t toSecond, std::size_t count) const
{
    std::vector<TalkerShare> shares;
    for (std::size_t i = 0; i < m_talkers.size(); ++i)
        if (const std::uint64_t bytes = bytesIn(i, fromSecond, toSecond)) shares.push_back({i, bytes});
    std::stable_sort(shares.begin(), shares.end(),
                     [](const TalkerShare& a, const TalkerShare& b) { return a.bytes > b.bytes; });
    if (shares.size() > count) shares.resize(count);
    return shares;
}

}  // namespace rcvmon

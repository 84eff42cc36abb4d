// SPDX-License-Identifier: GPL-2.0-or-later
#include "frame_selection.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace rcvmon::cli {
namespace {

bool parseNumber(std::string_view text, std::uint64_t& out)
{
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && ptr == text.data() + text.size() && !text.empty() && out > 0;
}

}  // namespace

std::optional<FrameSelection> FrameSelection::parse(std::string_view text, std::string& error)
{
    FrameSelection selection;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view item = text.substr(start, comma - start);
        const std::size_t dash = item.find('-');
        Range range{};
        const bool ok = dash == std::string_view::npos
            ? parseNumber(item, range.first) && (range.last = range.first, true)
            : parseNumber(item.substr(0, dash), range.first)
                && (dash + 1 == item.size() ? (range.last = std::numeric_limits<std::uint64_t>::max(), true)
                                            : parseNumber(item.substr(dash + 1), range.last))
                && range.first <= range.last;
        if (!ok) {
            error = "bad frame selection '" + std::string(item) + "' in '" + std::string(text)
                + "': use frame numbers from 1 and ranges like 1-10,15,20-";
            return std::nullopt;
        }
        selection.m_ranges.push_back(range);
        start = comma + 1;
    }
    auto& r = selection.m_ranges;
    std::sort(r.begin(), r.end(), [](const Range& a, const Range& b) { return a.first < b.first; });
    std::vector<Range> merged;
    for (const Range& range : r) {
        if (!merged.empty() && range.first <= merged.back().last + 1 && merged.back().last != std::numeric_limits<std::uint64_t>::max())
            merged.back().last = std::max(merged.back().last, range.last);
        else if (!merged.empty() && merged.back().last == std::numeric_limits<std::uint64_t>::max())
            continue;  // an open range already covers everything after it
        else
            merged.push_back(range);
    }
    r = std::move(merged);
    return selection;
}

bool FrameSelection::contains(std::uint64_t frameNumber) const
{
    auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), frameNumber,
                               [](std::uint64_t n, const Range& range) { return n < range.first; });
    return it != m_ranges.begin() && frameNumber <= std::prev(it)->last;
}

bool FrameSelection::exhaustedAfter(std::uint64_t frameNumber) const
{
    return m_ranges.empty() || m_ranges.back().last <= frameNumber;
}

}  // namespace rcvmon::cli

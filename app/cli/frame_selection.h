// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon::cli {

// A set of 1-based frame numbers written as "1-10,15,20-" (an open range runs to the end).
class FrameSelection {
public:
    // nullopt and error set when the text is not a list of numbers and ranges.
    static std::optional<FrameSelection> parse(std::string_view text, std::string& error);
    bool contains(std::uint64_t frameNumber) const;
    // True when no frame above `frameNumber` can be selected (lets readers stop early).
    bool exhaustedAfter(std::uint64_t frameNumber) const;

private:
    struct Range {
        std::uint64_t first;
        std::uint64_t last;  // inclusive; UINT64_MAX for an open range
    };
    std::vector<Range> m_ranges;  // sorted, merged
};

}  // namespace rcvmon::cli

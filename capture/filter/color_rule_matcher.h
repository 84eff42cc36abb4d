// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "filter/color_filters.h"
#include "filter/display_filter.h"
#include "filter/quick_packet.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rcvmon {

// Finds the colouring rule of a frame as Wireshark does: the first enabled rule whose filter
// matches. A rule whose filter does not compile is kept (its error is available) and never
// matches. Frames are taken alone, in any order, as the packet list shows them: the quick
// header pass decides what it can, and the frame is dissected at most once, only when a rule
// needs more than the headers. Not thread-safe (it reuses one dissection).
class ColorRuleMatcher {
public:
    explicit ColorRuleMatcher(const std::vector<ColorFilter>& rules);

    std::size_t size() const { return m_rules.size(); }
    // Empty when rule i compiled; else the error as the filter bar shows it.
    const std::string& error(std::size_t i) const { return m_rules.at(i).error; }

    // The index of the first enabled, compiled rule that matches, or -1.
    int match(const FrameRef& frame, std::uint64_t number);
    // The same for a frame someone else dissected (the window's rows, as in file order, so
    // rules on tcp.analysis.* and reassembled PDUs see what the CLI sees).
    int matchDissected(const Dissection& dissection, const FrameRef& frame) const;
    std::uint64_t dissectedCount() const { return m_dissectedCount; }

private:
    struct Rule {
        std::optional<DisplayFilter> filter;
        std::string error;
        bool enabled = false;
    };
    std::vector<Rule> m_rules;
    Dissector m_dissector{DissectorOptions{false}};
    Dissection m_dissection;
    QuickPacket m_quick;
    std::uint64_t m_dissectedCount = 0;
};

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "expert_item.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace rcvmon {

// The expert items of a whole capture, as tshark's expert tap keeps them: one entry per
// distinct (severity, group, protocol, summary), in order of first appearance, with the
// frames it occurred in (8 bytes per event: no per-frame structure is kept).
class ExpertTally {
public:
    struct Entry {
        ExpertSeverity severity;
        ExpertGroup group;
        std::string protocol;
        std::string summary;
        bool wireshark = true;
        std::vector<std::uint64_t> frames;  // ascending when fed in order; a frame may repeat
    };

    void add(const ExpertItem& item, std::uint64_t frame);
    void clear();
    const std::vector<Entry>& entries() const { return m_entries; }
    std::uint64_t events() const { return m_events; }
    // The highest severity seen; nullopt-like: `found` false when there is none.
    bool highest(ExpertSeverity& severity) const;
    std::uint64_t count(ExpertSeverity severity) const;

private:
    std::vector<Entry> m_entries;
    std::unordered_map<std::string, std::size_t> m_index;  // key: severity, group, protocol, summary
    std::uint64_t m_events = 0;
};

// tshark -z expert[,LEVEL]: the entries at or above `minimum` that tshark reports, grouped by
// severity, most severe first, "%12u %10s %18s  %s" per entry (ui/cli/tap-expert.c).
void appendExpertText(std::string& out, const ExpertTally& tally, ExpertSeverity minimum);

}  // namespace rcvmon

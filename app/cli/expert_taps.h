// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/dissection.h"
#include "expert/expert_collector.h"
#include "expert/expert_tally.h"
#include "filter/display_filter.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rcvmon::cli {

// -z expert[,error|warn|note|chat|comment][,FILTER] as tshark 4.0 takes it.
struct ExpertRequest {
    ExpertSeverity minimum = ExpertSeverity::Comment;
    std::string filter;
};
// nullopt and `error` set when spec is expert,… with an unknown level.
std::optional<ExpertRequest> parseExpertRequest(const std::string& spec, std::string& error);

// The -z expert requests of one run, fed in the single pass: every frame's expert items are
// found once (the FIN items need every frame in order), and each request tallies those of
// the frames its filter matches.
class ExpertTaps {
public:
    bool add(std::size_t requestIndex, const ExpertRequest& request, std::string& error);
    bool empty() const { return m_taps.empty(); }
    void endFrame(const Dissection& dissection, ByteSpan frameBytes, std::uint64_t number);
    void appendReport(std::size_t requestIndex, std::string& out) const;

private:
    struct Tap {
        std::size_t requestIndex = 0;
        ExpertRequest request;
        std::optional<DisplayFilter> filter;
        ExpertTally tally;
    };
    ExpertCollector m_collector;
    std::vector<ExpertItem> m_items;
    std::vector<Tap> m_taps;
};

}  // namespace rcvmon::cli

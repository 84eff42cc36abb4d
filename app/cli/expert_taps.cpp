// SPDX-License-Identifier: GPL-2.0-or-later
#include "expert_taps.h"

#include <string_view>

namespace rcvmon::cli {

std::optional<ExpertRequest> parseExpertRequest(const std::string& spec, std::string& error)
{
    std::string_view rest = std::string_view(spec).substr(6);  // after "expert"
    ExpertRequest r;
    if (rest.empty()) return r;
    rest.remove_prefix(1);  // the comma
    const std::size_t comma = rest.find(',');
    const std::string_view level = rest.substr(0, comma);
    static constexpr std::pair<std::string_view, ExpertSeverity> levels[] = {
        {"error", ExpertSeverity::Error}, {"warn", ExpertSeverity::Warning}, {"note", ExpertSeverity::Note},
        {"chat", ExpertSeverity::Chat},   {"comment", ExpertSeverity::Comment},
    };
    bool known = false;
    for (const auto& [name, severity] : levels)
        if (level == name) {
            r.minimum = severity;
            known = true;
        }
    // tshark takes anything else after "expert," as the filter.
    if (!known) {
        r.filter = std::string(rest);
        return r;
    }
    if (comma != std::string_view::npos) r.filter = std::string(rest.substr(comma + 1));
    (void)error;
    return r;
}

bool ExpertTaps::add(std::size_t requestIndex, const ExpertRequest& request, std::string& error)
{
    Tap tap{requestIndex, request, std::nullopt, {}};
    if (!request.filter.empty()) {
        FilterError filterError;
        tap.filter = DisplayFilter::compile(request.filter, filterError);
        if (!tap.filter) {
            error = "-z expert: cannot use the filter " + filterError.describe(request.filter);
            return false;
        }
    }
    m_taps.push_back(std::move(tap));
    return true;
}

void ExpertTaps::endFrame(const Dissection& dissection, ByteSpan frameBytes, std::uint64_t number)
{
    if (m_taps.empty()) return;
    m_items.clear();
    m_collector.collect(dissection, m_items);
    if (m_items.empty()) return;
    for (Tap& tap : m_taps) {
        if (tap.filter && !tap.filter->matches(dissection, frameBytes)) continue;
        for (const ExpertItem& item : m_items)
            if (item.severity >= tap.request.minimum) tap.tally.add(item, number);
    }
}

void ExpertTaps::appendReport(std::size_t requestIndex, std::string& out) const
{
    for (const Tap& tap : m_taps)
        if (tap.requestIndex == requestIndex) appendExpertText(out, tap.tally, tap.request.minimum);
}

}  // namespace rcvmon::cli

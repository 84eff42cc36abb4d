// SPDX-License-Identifier: GPL-2.0-or-later
#include "filter/color_rule_matcher.h"

namespace rcvmon {

ColorRuleMatcher::ColorRuleMatcher(const std::vector<ColorFilter>& rules)
{
    m_rules.reserve(rules.size());
    for (const ColorFilter& r : rules) {
        Rule rule;
        FilterError error;
        rule.filter = DisplayFilter::compile(r.filter, error);
        if (!rule.filter) rule.error = error.describe(r.filter);
        rule.enabled = !r.disabled && rule.filter;
        m_rules.push_back(std::move(rule));
    }
}

int ColorRuleMatcher::match(const FrameRef& frame, std::uint64_t number)
{
    parseQuickPacket(frame, number, m_quick);
    bool dissected = false;
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
        const Rule& rule = m_rules[i];
        if (!rule.enabled) continue;
        if (!dissected) {
            const FilterVerdict v = rule.filter->matchesQuick(m_quick);
            if (v == FilterVerdict::Pass) return static_cast<int>(i);
            if (v == FilterVerdict::Fail) continue;
            // Rows are dissected alone, as the table's text is: no state from other frames.
            m_dissector.reset();
            m_dissector.dissect(frame, number, m_dissection);
            ++m_dissectedCount;
            dissected = true;
        }
        if (rule.filter->matches(m_dissection, frame.data)) return static_cast<int>(i);
    }
    return -1;
}

int ColorRuleMatcher::matchDissected(const Dissection& dissection, const FrameRef& frame) const
{
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
        const Rule& rule = m_rules[i];
        if (rule.enabled && rule.filter->matches(dissection, frame.data)) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace rcvmon

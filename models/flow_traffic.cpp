// SPDX-License-Identifier: GPL-2.0-or-later
#include "flow_traffic.h"

#include "core/time_span.h"
#include "frame_flow_key.h"

#include <optional>

namespace rcvmon {

namespace {
bool before(const Timestamp& a, const Timestamp& b)
{
    return earlierThan(a, b);
}
}  // namespace

FlowTraffic::FlowTraffic(QObject* parent) : OnDemandPass(parent) {}

void FlowTraffic::clearResults()
{
    m_flows.clear();
    m_framesCounted = 0;
    m_earliest = m_latest = Timestamp{};
    m_haveMark = false;
    m_mark = Timestamp{};
}

void FlowTraffic::visit(const FrameRef& frame, std::uint64_t)
{
    const std::optional<FlowKey> key = localFlowKey(frame.linkType, frame.data, frame.direction);
    if (!key) return;
    const auto [found, added] = m_flows.try_emplace(*key);
    Flow& flow = found->second;
    if (added || before(frame.ts, flow.first)) flow.first = frame.ts;
    if (before(flow.last, frame.ts)) flow.last = frame.ts;
    // localFlowKey answers only for frames that went in or out.
    if (frame.direction == Direction::Outgoing) {
        ++flow.packetsOut;
        flow.bytesOut += frame.originalLength;
    } else {
        ++flow.packetsIn;
        flow.bytesIn += frame.originalLength;
    }
    if (m_framesCounted++ == 0 || before(frame.ts, m_earliest)) m_earliest = frame.ts;
    if (before(m_latest, frame.ts)) m_latest = frame.ts;
}

void FlowTraffic::markRates()
{
    if (m_framesCounted == 0) return;
    // Exact even for frames centuries apart (a damaged file), where int64 nanoseconds overflow.
    const double seconds = secondsBetween(m_haveMark ? m_mark : m_earliest, m_latest);
    for (auto& [key, flow] : m_flows) {
        flow.bitsPerSecondIn = bitsPerSecond(flow.bytesIn - flow.bytesInAtMark, seconds);
        flow.bitsPerSecondOut = bitsPerSecond(flow.bytesOut - flow.bytesOutAtMark, seconds);
        flow.bytesInAtMark = flow.bytesIn;
        flow.bytesOutAtMark = flow.bytesOut;
    }
    m_haveMark = true;
    m_mark = m_latest;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "stats/traffic_statistics.h"

#include "dissect/dissection.h"

namespace rcvmon {

void TrafficStatistics::add(const FrameRef& frame, const Dissection& dissection)
{
    if (m_frames++ == 0) m_first = frame.ts;
    const RelativeTime when = RelativeTime::between(m_first, frame.ts);
    const std::uint64_t bytes = frame.originalLength;
    m_talkers.advanceTo(frame.ts.sec);  // the bandwidth charts' second

    m_fields.collect(dissection);
    m_taps.collect(dissection, m_fields);
    for (const AddressTap& tap : m_taps.taps()) {
        const std::size_t k = statKindIndex(tap.kind);
        const std::uint32_t stream = tap.kind == StatKind::Tcp ? m_tcpStreams.streamOf(tap) : 0;
        m_conversations[k].add(tap.src, tap.dst, tap.srcPort, tap.dstPort, stream, bytes, when);
        m_endpoints[k].add(tap.src, tap.srcPort, true, bytes, when);
        m_endpoints[k].add(tap.dst, tap.dstPort, false, bytes, when);
        if (tap.kind == StatKind::Ipv4 || tap.kind == StatKind::Ipv6) {
            m_talkers.add(tap.src, frame.ts.sec, bytes);
            m_talkers.add(tap.dst, frame.ts.sec, bytes);
        }
    }

    m_path.collect(frame, dissection, m_fields);
    if (!m_path.names().empty()) m_hierarchy.add(m_path.names(), bytes);
}

void TrafficStatistics::clear()
{
    for (ConversationTable& t : m_conversations) t.clear();
    for (EndpointTable& t : m_endpoints) t.clear();
    m_hierarchy.clear();
    m_talkers.clear();
    m_tcpStreams.clear();
    m_first = {};
    m_frames = 0;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "filter/packet_matcher.h"

namespace rcvmon {

SequentialMatcher::SequentialMatcher(const DisplayFilter& filter, Dissector& dissector, Dissection& dissection,
                                     bool dissectEveryFrame)
    : m_filter(filter), m_dissector(dissector), m_dissection(dissection),
      m_dissectEveryFrame(dissectEveryFrame || filter.needsDissection())
{
}

bool SequentialMatcher::matches(const FrameRef& frame, std::uint64_t number)
{
    m_dissected = false;
    if (!m_dissectEveryFrame) {
        if (m_filter.needsBytes()) parseQuickPacket(frame, number, m_quick);
        else quickPacketMetadata(frame, number, m_quick);
        const FilterVerdict v = m_filter.matchesQuick(m_quick);
        if (v != FilterVerdict::Unknown) return v == FilterVerdict::Pass;
    }
    m_dissector.dissect(frame, number, m_dissection);
    m_dissected = true;
    ++m_dissectedCount;
    return m_filter.matches(m_dissection, frame.data);
}

StoredPacketMatcher::StoredPacketMatcher(const DisplayFilter& filter, DissectorOptions options)
    : m_filter(filter), m_dissector(options)
{
}

bool StoredPacketMatcher::matches(const FrameRef& frame, std::uint64_t number)
{
    if (m_filter.needsBytes()) parseQuickPacket(frame, number, m_quick);
    else quickPacketMetadata(frame, number, m_quick);
    const FilterVerdict v = m_filter.matchesQuick(m_quick);
    if (v != FilterVerdict::Unknown) return v == FilterVerdict::Pass;
    m_dissector.reset();
    m_dissector.dissect(frame, number, m_dissection);
    ++m_dissectedCount;
    return m_filter.matches(m_dissection, frame.data);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "process_traffic.h"

namespace rcvmon {

void ProcessTraffic::count(std::uint64_t number, const FlowOwner& owner, Direction direction, std::uint32_t bytes)
{
    if (owner.status == FlowOwner::Status::Pending || !m_counted.insert(number).second) return;
    std::size_t row = 0;
    if (owner.status == FlowOwner::Status::Unknown) {
        if (m_unknownRow == SIZE_MAX) {
            m_unknownRow = m_rows.size();
            m_rows.push_back(Row{owner});
        }
        row = m_unknownRow;
    } else {
        const auto [found, added] = m_rowOfProcess.try_emplace({owner.process.pid, owner.process.name}, m_rows.size());
        if (added) m_rows.push_back(Row{owner});
        row = found->second;
    }
    Row& counts = m_rows[row];
    // Only live frames have an owner, and those are incoming or outgoing.
    if (direction == Direction::Outgoing) {
        ++counts.packetsOut;
        counts.bytesOut += bytes;
    } else {
        ++counts.packetsIn;
        counts.bytesIn += bytes;
    }
}

void ProcessTraffic::clear()
{
    m_rows.clear();
    m_rowOfProcess.clear();
    m_unknownRow = SIZE_MAX;
    m_counted.clear();
    ++m_generation;
}

}  // namespace rcvmon

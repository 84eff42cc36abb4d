// SPDX-License-Identifier: GPL-2.0-or-later
#include "packet_filter_scan.h"

#include "packet_table_model.h"

namespace rcvmon {

namespace {
constexpr qint64 FlushIntervalMs = 33;
}

PacketFilterScan::PacketFilterScan(PacketTableModel* table, QObject* parent) : StorePass(parent), m_table(table)
{
    m_sinceFlush.start();
}

void PacketFilterScan::setFilter(std::optional<DisplayFilter> filter)
{
    if (filter && filter->matchesEverything()) filter.reset();
    m_matcher.reset();
    m_filter = std::move(filter);
    m_table->setFiltered(m_filter.has_value());
    restart();
}

void PacketFilterScan::begin()
{
    m_pending.clear();
    m_dissector.reset();
    m_matcher.reset();
    // Frames go through in capture order, so the matcher keeps tshark's cross-frame state.
    if (m_filter) m_matcher = std::make_unique<SequentialMatcher>(*m_filter, m_dissector, m_dissection, false);
}

void PacketFilterScan::visit(const FrameRef& frame, std::uint64_t number)
{
    if (m_matcher->matches(frame, number)) m_pending.push_back(number);
}

void PacketFilterScan::endSlice()
{
    if (caughtUp() || m_sinceFlush.elapsed() >= FlushIntervalMs) flush();
}

void PacketFilterScan::flush()
{
    m_sinceFlush.restart();
    if (m_pending.empty()) return;
    m_table->appendFilteredRows(m_pending);
    m_pending.clear();
}

}  // namespace rcvmon

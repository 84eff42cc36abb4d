// SPDX-License-Identifier: GPL-2.0-or-later
#include "statistics_feed.h"

namespace rcvmon {

StatisticsFeed::StatisticsFeed(QObject* parent) : StorePass(parent) {}

void StatisticsFeed::setEnabled(bool enabled)
{
    if (enabled == m_enabled) return;
    m_enabled = enabled;
    restart();
}

void StatisticsFeed::begin()
{
    ++m_generation;
    m_dissector.reset();
    m_statistics.clear();
    emit cleared();
}

void StatisticsFeed::visit(const FrameRef& frame, std::uint64_t number)
{
    m_dissector.dissect(frame, number, m_dissection);
    m_statistics.add(frame, m_dissection);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "statistics_feed.h"

namespace rcvmon {

StatisticsFeed::StatisticsFeed(QObject* parent) : OnDemandPass(parent) {}

void StatisticsFeed::clearResults()
{
    m_dissector.reset();
    m_statistics.clear();
}

void StatisticsFeed::visit(const FrameRef& frame, std::uint64_t number)
{
    m_dissector.dissect(frame, number, m_dissection);
    m_statistics.add(frame, m_dissection);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "on_demand_pass.h"
#include "stats/traffic_statistics.h"

namespace rcvmon {

// Keeps the Statistics menu's numbers (conversations, endpoints, protocol hierarchy) up to
// date: once enabled it dissects every retained frame in capture order, in slices, and
// then each frame as it arrives. Off until first asked for, so opening a file or capturing
// costs nothing extra for users who never look at the statistics.
class StatisticsFeed : public OnDemandPass {
    Q_OBJECT
public:
    explicit StatisticsFeed(QObject* parent = nullptr);

    const TrafficStatistics& statistics() const { return m_statistics; }

protected:
    void clearResults() override;
    void visit(const FrameRef& frame, std::uint64_t number) override;

private:
    Dissector m_dissector;
    Dissection m_dissection;
    TrafficStatistics m_statistics;
};

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "stats/traffic_statistics.h"
#include "store_pass.h"

namespace rcvmon {

// Keeps the Statistics menu's numbers (conversations, endpoints, protocol hierarchy) up to
// date: once enabled it dissects every retained frame in capture order, in slices, and
// then each frame as it arrives. Off until first asked for, so opening a file or capturing
// costs nothing extra for users who never look at the statistics.
class StatisticsFeed : public StorePass {
    Q_OBJECT
public:
    explicit StatisticsFeed(QObject* parent = nullptr);

    void setEnabled(bool enabled);
    bool enabled() const { return m_enabled; }
    const TrafficStatistics& statistics() const { return m_statistics; }
    // Changes each time the statistics are cleared, so views know to start over.
    std::uint64_t generation() const { return m_generation; }

signals:
    // The statistics were emptied (a new store, or enabled again): models start over.
    void cleared();

protected:
    bool active() const override { return m_enabled; }
    void begin() override;
    void visit(const FrameRef& frame, std::uint64_t number) override;

private:
    bool m_enabled = false;
    std::uint64_t m_generation = 0;
    Dissector m_dissector;
    Dissection m_dissection;
    TrafficStatistics m_statistics;
};

}  // namespace rcvmon

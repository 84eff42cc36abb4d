// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stats/relative_time.h"
#include "stats/stat_kind.h"

#include <QAbstractTableModel>

#include <cstddef>
#include <cstdint>

namespace rcvmon {

class StatisticsFeed;

// What the conversation and endpoint tables share: one StatKind of a StatisticsFeed, rows
// in the order first seen. refresh() inserts the rows that appeared since the last call and
// announces that the others changed; only a restart of the statistics resets the model.
// Sorting is left to a proxy over SortRole.
class StatTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1,  // raw number or address text
        FilterRole,                   // QString: the display filter selecting this row's traffic
    };

    StatTableModel(const StatisticsFeed* feed, StatKind kind, QObject* parent = nullptr);

    StatKind kind() const { return m_kind; }
    void refresh();

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

protected:
    virtual std::size_t sourceRows() const = 0;
    virtual QVariant cell(std::size_t row, int column, int role) const = 0;
    virtual QString filterText(std::size_t row) const = 0;
    virtual bool rightAligned(int column) const = 0;
    // The Rel Start and Duration cells of a row spanning [start, stop], as tshark prints them
    // (6 and 4 decimals), sorting by number.
    static QVariant relStartCell(const RelativeTime& start, int role);
    static QVariant durationCell(const RelativeTime& start, const RelativeTime& stop, int role);

    const StatisticsFeed* m_feed;

private:
    StatKind m_kind;
    int m_rows = 0;
    std::uint64_t m_generation = 0;
    std::uint64_t m_frames = 0;  // frames counted at the last refresh
};

// Wireshark's filter names for a table's addresses and ports.
QString addressFilterName(StatKind kind, bool ipv6);
QString portFilterName(StatKind kind);

}  // namespace rcvmon

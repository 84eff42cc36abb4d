// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "process_traffic.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <vector>

namespace rcvmon {

// Statistics ▸ Processes: one row per process of a ProcessTraffic, plus "unknown" and
// "pending" while they have flows. It keeps its own copy of the rows, so what views read always
// matches the signals sent: refresh() regroups the traffic, removes the rows that went (the
// pending row once every answer is in), updates the rest in place and appends new processes;
// only new flows (a new capture) or a new map reset it. Sorting is left to a proxy over SortRole.
class ProcessTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Process, Pid, BitsPerSecondIn, BitsPerSecondOut, Packets, Bytes, PacketsIn, BytesIn, PacketsOut, BytesOut,
        AverageBitsPerSecondIn, AverageBitsPerSecondOut, Flows, ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ProcessTableModel(ProcessTraffic* traffic, QObject* parent = nullptr);

    // Regroups the traffic; newRateInterval starts a new interval for the current rates (the
    // dialog's 1 s tick), without it only counts and owners change.
    void refresh(bool newRateInterval = true);
    // Regroups only when the process map published new answers (cheap otherwise).
    void refreshIfAnswered();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void mergeRows(const std::vector<ProcessTraffic::Row>& rows);

    ProcessTraffic* m_traffic;
    std::vector<ProcessTraffic::Row> m_rows;
    std::uint64_t m_generation = 0;
};

}  // namespace rcvmon

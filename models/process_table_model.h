// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QAbstractTableModel>

#include <cstdint>

namespace rcvmon {

class ProcessTraffic;

// Statistics ▸ Processes: one row per process of a ProcessTraffic, in the order first seen.
// refresh() inserts the rows that appeared since the last call and announces that the others
// changed; only a cleared ProcessTraffic (a new capture) resets it. Sorting is left to a
// proxy over SortRole.
class ProcessTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Process, Pid, Packets, Bytes, PacketsIn, BytesIn, PacketsOut, BytesOut, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ProcessTableModel(const ProcessTraffic* traffic, QObject* parent = nullptr);

    void refresh();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const ProcessTraffic* m_traffic;
    int m_rows = 0;
    std::uint64_t m_generation = 0;
    std::uint64_t m_frames = 0;  // frames counted at the last refresh
};

}  // namespace rcvmon

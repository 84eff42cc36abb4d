// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stat_table_model.h"

namespace rcvmon {

// Statistics ▸ Endpoints, one table per StatKind: each address (with its port for TCP and
// UDP), the packets and bytes it sent and received, and when it was first seen and for how
// long (shown and sorted as the conversation table's times).
class EndpointModel final : public StatTableModel {
    Q_OBJECT
public:
    enum Column {
        Address, Port, Packets, Bytes, TxPackets, TxBytes, RxPackets, RxBytes, RelStart, Duration, ColumnCount
    };

    using StatTableModel::StatTableModel;

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    std::size_t sourceRows() const override;
    QVariant cell(std::size_t row, int column, int role) const override;
    QString filterText(std::size_t row) const override;
    bool rightAligned(int column) const override { return column != Address; }
};

}  // namespace rcvmon

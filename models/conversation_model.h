// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stat_table_model.h"

namespace rcvmon {

// Statistics ▸ Conversations, one table per StatKind: both ends, packets and bytes each
// way, start, duration and bits per second, as Wireshark's dialog shows them.
class ConversationModel final : public StatTableModel {
    Q_OBJECT
public:
    enum Column {
        AddressA, PortA, AddressB, PortB, Packets, Bytes, PacketsAToB, BytesAToB, PacketsBToA, BytesBToA,
        RelStart, Duration, BitsAToB, BitsBToA, ColumnCount
    };

    using StatTableModel::StatTableModel;

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    std::size_t sourceRows() const override;
    QVariant cell(std::size_t row, int column, int role) const override;
    QString filterText(std::size_t row) const override;
    bool rightAligned(int column) const override { return column != AddressA && column != AddressB; }
};

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "process_table_model.h"

#include "process_traffic.h"

#include <algorithm>
#include <climits>

namespace rcvmon {

ProcessTableModel::ProcessTableModel(const ProcessTraffic* traffic, QObject* parent)
    : QAbstractTableModel(parent), m_traffic(traffic)
{
}

void ProcessTableModel::refresh()
{
    if (m_traffic->generation() != m_generation) {
        beginResetModel();
        m_generation = m_traffic->generation();
        m_rows = 0;
        m_frames = 0;
        endResetModel();
    }
    const std::uint64_t frames = m_traffic->framesCounted();
    if (frames == m_frames) return;  // nothing new: the view need not repaint
    m_frames = frames;
    if (m_rows > 0) emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
    const int rows = static_cast<int>(std::min<std::size_t>(m_traffic->rows().size(), INT_MAX));
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    }
}

int ProcessTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ProcessTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProcessTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const auto row = static_cast<std::size_t>(index.row());
    if (row >= m_traffic->rows().size()) return {};
    const ProcessTraffic::Row& r = m_traffic->rows()[row];
    const bool known = r.owner.status == FlowOwner::Status::Known;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Process ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole && role != SortRole) return {};
    const auto number = [role](std::uint64_t value) -> QVariant {
        return role == SortRole ? QVariant::fromValue<quint64>(value) : QVariant(QString::number(value));
    };
    switch (index.column()) {
    case Process:
        if (!known || r.owner.process.name.empty()) return QStringLiteral("unknown");
        return QString::fromStdString(r.owner.process.name);
    case Pid:
        if (!known) return role == SortRole ? QVariant::fromValue<quint64>(0) : QVariant(QString());
        return number(r.owner.process.pid);
    case Packets: return number(r.packets());
    case Bytes: return number(r.bytes());
    case PacketsIn: return number(r.packetsIn);
    case BytesIn: return number(r.bytesIn);
    case PacketsOut: return number(r.packetsOut);
    case BytesOut: return number(r.bytesOut);
    default: return {};
    }
}

QVariant ProcessTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    static const char* const names[ColumnCount] = {"Process", "PID",      "Packets",    "Bytes",
                                                   "Packets In", "Bytes In", "Packets Out", "Bytes Out"};
    return section >= 0 && section < ColumnCount ? QVariant(QString::fromUtf8(names[section])) : QVariant();
}

}  // namespace rcvmon

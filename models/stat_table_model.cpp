// SPDX-License-Identifier: GPL-2.0-or-later
#include "stat_table_model.h"

#include "statistics_feed.h"

#include <algorithm>
#include <climits>

namespace rcvmon {

StatTableModel::StatTableModel(const StatisticsFeed* feed, StatKind kind, QObject* parent)
    : QAbstractTableModel(parent), m_feed(feed), m_kind(kind)
{
    // Cleared statistics must not leave the view holding rows that no longer exist.
    connect(feed, &StatisticsFeed::cleared, this, &StatTableModel::refresh);
}

void StatTableModel::refresh()
{
    if (m_feed->generation() != m_generation) {
        beginResetModel();
        m_generation = m_feed->generation();
        m_rows = 0;
        m_frames = 0;
        endResetModel();
    }
    const std::uint64_t frames = m_feed->statistics().frames();
    if (frames == m_frames) return;  // nothing new: the view need not repaint
    m_frames = frames;
    if (m_rows > 0) emit dataChanged(index(0, 0), index(m_rows - 1, columnCount() - 1));
    const int rows = static_cast<int>(std::min<std::size_t>(sourceRows(), INT_MAX));
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    }
}

int StatTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QVariant StatTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const auto row = static_cast<std::size_t>(index.row());
    if (row >= sourceRows()) return {};
    switch (role) {
    case FilterRole: return filterText(row);
    case Qt::TextAlignmentRole:
        return rightAligned(index.column()) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::DisplayRole:
    case SortRole: return cell(row, index.column(), role);
    default: return {};
    }
}

QString addressFilterName(StatKind kind, bool ipv6)
{
    switch (kind) {
    case StatKind::Ethernet: return QStringLiteral("eth.addr");
    case StatKind::Ipv6: return QStringLiteral("ipv6.addr");
    case StatKind::Ipv4: return QStringLiteral("ip.addr");
    case StatKind::Tcp:
    case StatKind::Udp: break;
    }
    return ipv6 ? QStringLiteral("ipv6.addr") : QStringLiteral("ip.addr");
}

QString portFilterName(StatKind kind)
{
    return kind == StatKind::Tcp ? QStringLiteral("tcp.port") : QStringLiteral("udp.port");
}

QVariant StatTableModel::relStartCell(const RelativeTime& start, int role)
{
    return role == SortRole ? QVariant(start.seconds()) : QVariant(QString::number(start.seconds(), 'f', 6));
}

QVariant StatTableModel::durationCell(const RelativeTime& start, const RelativeTime& stop, int role)
{
    const double duration = stop.seconds() - start.seconds();
    return role == SortRole ? QVariant(duration) : QVariant(QString::number(duration, 'f', 4));
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "bandwidth_model.h"

#include <algorithm>

namespace rcvmon {

BandwidthModel::BandwidthModel(QObject* parent) : QAbstractTableModel(parent) {}

void BandwidthModel::setClassNames(const QStringList& names)
{
    beginResetModel();
    m_classNames = names;
    endResetModel();
}

void BandwidthModel::setCapacity(int seconds)
{
    m_capacity = std::max(1, seconds);
    trim();
}

void BandwidthModel::clear()
{
    if (m_rows.empty()) return;
    beginRemoveRows({}, 0, static_cast<int>(m_rows.size()) - 1);
    m_rows.clear();
    endRemoveRows();
}

void BandwidthModel::addSecond(const BandwidthSecond& second)
{
    if (!m_rows.empty()) {
        const std::int64_t last = m_rows.back().second;
        if (second.second < last) return;
        if (second.second == last) {
            m_rows.back() = second;
            const int row = static_cast<int>(m_rows.size()) - 1;
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
            return;
        }
    }
    std::vector<BandwidthSecond> rows;
    if (!m_rows.empty()) {
        // Quiet seconds are zero rows, but never more than the window can show.
        const std::int64_t gap = std::min<std::int64_t>(second.second - m_rows.back().second - 1, m_capacity);
        for (std::int64_t s = second.second - gap; s < second.second; ++s) {
            BandwidthSecond zero;
            zero.second = s;
            rows.push_back(zero);
        }
    }
    rows.push_back(second);
    append(rows);
}

void BandwidthModel::append(const std::vector<BandwidthSecond>& rows)
{
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
    m_rows.insert(m_rows.end(), rows.begin(), rows.end());
    endInsertRows();
    trim();
}

void BandwidthModel::trim()
{
    const int excess = static_cast<int>(m_rows.size()) - m_capacity;
    if (excess <= 0) return;
    beginRemoveRows({}, 0, excess - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
    endRemoveRows();
}

double BandwidthModel::value(int row, int column) const
{
    const BandwidthSecond& s = m_rows[static_cast<std::size_t>(row)];
    switch (column) {
    case Second: return static_cast<double>(s.second);
    case BitsIn: return static_cast<double>(s.bytesIn) * 8.0;
    case BitsOut: return static_cast<double>(s.bytesOut) * 8.0;
    case PacketsIn: return static_cast<double>(s.packetsIn);
    case PacketsOut: return static_cast<double>(s.packetsOut);
    default: break;
    }
    const auto cls = static_cast<std::size_t>(column - FirstClass);
    return cls < s.bytesPerClass.size() ? static_cast<double>(s.bytesPerClass[cls]) * 8.0 : 0.0;
}

int BandwidthModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int BandwidthModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FirstClass + static_cast<int>(m_classNames.size());
}

QVariant BandwidthModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    if (role == ValueRole) return value(index.row(), index.column());
    if (role == Qt::DisplayRole) return QString::number(value(index.row(), index.column()), 'f', 0);
    return {};
}

QVariant BandwidthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Second: return QStringLiteral("Second");
    case BitsIn: return QStringLiteral("bits/s in");
    case BitsOut: return QStringLiteral("bits/s out");
    case PacketsIn: return QStringLiteral("packets/s in");
    case PacketsOut: return QStringLiteral("packets/s out");
    default: break;
    }
    const int cls = section - FirstClass;
    if (cls >= 0 && cls < m_classNames.size()) return m_classNames[cls];
    return {};
}

}  // namespace rcvmon

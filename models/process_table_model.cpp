// SPDX-License-Identifier: GPL-2.0-or-later
#include "process_table_model.h"

#include <map>
#include <string>
#include <tuple>

namespace rcvmon {

namespace {
using Identity = std::tuple<ProcessTraffic::Kind, std::uint32_t, std::string>;

Identity identity(const ProcessTraffic::Row& row)
{
    return {row.kind, row.process.pid, row.process.name};
}

bool sameCounts(const ProcessTraffic::Row& a, const ProcessTraffic::Row& b)
{
    return a.flows == b.flows && a.packetsIn == b.packetsIn && a.bytesIn == b.bytesIn &&
           a.packetsOut == b.packetsOut && a.bytesOut == b.bytesOut && a.bitsPerSecondIn == b.bitsPerSecondIn &&
           a.bitsPerSecondOut == b.bitsPerSecondOut && a.first == b.first && a.last == b.last;
}
}  // namespace

ProcessTableModel::ProcessTableModel(ProcessTraffic* traffic, QObject* parent)
    : QAbstractTableModel(parent), m_traffic(traffic)
{
}

void ProcessTableModel::refresh(bool newRateInterval)
{
    m_traffic->update(newRateInterval);
    if (m_traffic->generation() != m_generation) {
        beginResetModel();
        m_generation = m_traffic->generation();
        m_rows.clear();
        endResetModel();
    }
    mergeRows(m_traffic->rows());
}

void ProcessTableModel::refreshIfAnswered()
{
    if (m_traffic->answersChanged()) refresh(false);
}

void ProcessTableModel::mergeRows(const std::vector<ProcessTraffic::Row>& rows)
{
    std::map<Identity, const ProcessTraffic::Row*> now;
    for (const ProcessTraffic::Row& row : rows) now.emplace(identity(row), &row);
    // Rows that went, from the back so the indexes still to visit stay valid.
    for (int r = static_cast<int>(m_rows.size()) - 1; r >= 0; --r) {
        if (now.count(identity(m_rows[static_cast<std::size_t>(r)]))) continue;
        beginRemoveRows({}, r, r);
        m_rows.erase(m_rows.begin() + r);
        endRemoveRows();
    }
    // The rest in place; one dataChanged over the span that moved.
    int firstChanged = -1, lastChanged = -1;
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const auto found = now.find(identity(m_rows[r]));
        if (!sameCounts(m_rows[r], *found->second)) {
            m_rows[r] = *found->second;
            if (firstChanged < 0) firstChanged = static_cast<int>(r);
            lastChanged = static_cast<int>(r);
        }
        now.erase(found);
    }
    if (firstChanged >= 0) emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    // New ones at the end, in the traffic's order.
    if (now.empty()) return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(now.size()) - 1);
    for (const ProcessTraffic::Row& row : rows)
        if (now.count(identity(row))) m_rows.push_back(row);
    endInsertRows();
}

int ProcessTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProcessTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProcessTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const ProcessTraffic::Row& r = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() == Process ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole && role != SortRole) return {};
    const auto number = [role](std::uint64_t value) -> QVariant {
        return role == SortRole ? QVariant::fromValue<quint64>(value) : QVariant(QString::number(value));
    };
    // Whole bits per second, as the Conversations dialog shows them.
    const auto rate = [role](double value) -> QVariant {
        return role == SortRole ? QVariant(value) : QVariant(QString::number(value, 'f', 0));
    };
    const bool known = r.kind == ProcessTraffic::Kind::Process;
    switch (index.column()) {
    case Process:
        if (r.kind == ProcessTraffic::Kind::Pending) return QStringLiteral("pending");
        if (!known || r.process.name.empty()) return QStringLiteral("unknown");
        return QString::fromStdString(r.process.name);
    case Pid:
        if (!known) return role == SortRole ? QVariant::fromValue<quint64>(0) : QVariant(QString());
        return number(r.process.pid);
    case Flows: return number(r.flows);
    case Packets: return number(r.packets());
    case Bytes: return number(r.bytes());
    case PacketsIn: return number(r.packetsIn);
    case BytesIn: return number(r.bytesIn);
    case PacketsOut: return number(r.packetsOut);
    case BytesOut: return number(r.bytesOut);
    case BitsPerSecondIn: return rate(r.bitsPerSecondIn);
    case BitsPerSecondOut: return rate(r.bitsPerSecondOut);
    case AverageBitsPerSecondIn: return rate(r.averageBitsPerSecondIn());
    case AverageBitsPerSecondOut: return rate(r.averageBitsPerSecondOut());
    default: return {};
    }
}

QVariant ProcessTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    static const char* const names[ColumnCount] = {
        "Process",  "PID",         "Bits/s In (now)", "Bits/s Out (now)", "Packets",        "Bytes",          "Packets In",
        "Bytes In", "Packets Out", "Bytes Out",       "Avg Bits/s In",    "Avg Bits/s Out", "Flows"};
    return section >= 0 && section < ColumnCount ? QVariant(QString::fromUtf8(names[section])) : QVariant();
}

}  // namespace rcvmon

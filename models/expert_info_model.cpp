// SPDX-License-Identifier: GPL-2.0-or-later
#include "expert_info_model.h"

#include <QBrush>
#include <QColor>

#include <algorithm>
#include <limits>

namespace rcvmon {
namespace {

int clampInt(std::size_t n) { return int(std::min<std::size_t>(n, std::size_t(std::numeric_limits<int>::max()))); }

}  // namespace

ExpertInfoModel::ExpertInfoModel(QObject* parent) : QAbstractItemModel(parent) {}

QColor ExpertInfoModel::severityColor(ExpertSeverity severity)
{
    switch (severity) {
    case ExpertSeverity::Error: return QColor(0xff, 0x5c, 0x5c);
    case ExpertSeverity::Warning: return QColor(0xee, 0xee, 0x00);
    case ExpertSeverity::Note: return QColor(0xa0, 0xff, 0xff);
    case ExpertSeverity::Chat: return QColor(0x80, 0xb7, 0xff);
    case ExpertSeverity::Comment: return QColor(0xb7, 0xff, 0x80);
    }
    return {};
}

QString ExpertInfoModel::severityText(ExpertSeverity severity)
{
    const std::string_view name = expertSeverityName(severity);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

void ExpertInfoModel::setTally(std::shared_ptr<const ExpertTally> tally)
{
    beginResetModel();
    m_tally = std::move(tally);
    m_order.clear();
    if (m_tally) {
        m_order.resize(m_tally->entries().size());
        for (std::size_t i = 0; i < m_order.size(); ++i) m_order[i] = i;
        std::stable_sort(m_order.begin(), m_order.end(), [this](std::size_t a, std::size_t b) {
            return m_tally->entries()[a].severity > m_tally->entries()[b].severity;
        });
    }
    endResetModel();
}

QModelIndex ExpertInfoModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent)) return {};
    if (!parent.isValid()) return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex ExpertInfoModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0) return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ExpertInfoModel::rowCount(const QModelIndex& parent) const
{
    if (!m_tally) return 0;
    if (!parent.isValid()) return int(m_order.size());
    if (parent.internalId() != 0 || parent.column() != 0) return 0;
    return clampInt(entry(parent.row()).frames.size());
}

int ExpertInfoModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant ExpertInfoModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (index.internalId() == 0) return groupData(index.row(), index.column(), role);
    return packetData(int(index.internalId() - 1), index.row(), index.column(), role);
}

QVariant ExpertInfoModel::groupData(int group, int column, int role) const
{
    const ExpertTally::Entry& e = entry(group);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Severity: return severityText(e.severity);
        case Summary: return QString::fromStdString(e.summary);
        case Group: {
            const std::string_view g = expertGroupName(e.group);
            return QString::fromLatin1(g.data(), qsizetype(g.size()));
        }
        case Protocol: return QString::fromStdString(e.protocol);
        case Count: return qulonglong(e.frames.size());
        }
        return {};
    case Qt::BackgroundRole:
        return column == Severity ? QVariant(QBrush(severityColor(e.severity))) : QVariant();
    case Qt::ForegroundRole:
        return column == Severity ? QVariant(QBrush(Qt::black)) : QVariant();
    case Qt::ToolTipRole:
        return e.wireshark ? QVariant() : QVariant(tr("Reported by RcvMon; Wireshark has no expert item for this."));
    case FrameRole: return e.frames.empty() ? QVariant() : QVariant(quint64(e.frames.front()));
    case SeverityRole: return int(e.severity);
    case SortRole:
        if (column == Severity) return int(e.severity);
        if (column == Count) return qulonglong(e.frames.size());
        return groupData(group, column, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        return column == Count ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    }
    return {};
}

QVariant ExpertInfoModel::packetData(int group, int row, int column, int role) const
{
    const ExpertTally::Entry& e = entry(group);
    const std::uint64_t frame = e.frames[std::size_t(row)];
    switch (role) {
    case Qt::DisplayRole:
        if (column == Severity) return qulonglong(frame);
        if (column == Summary) return QString::fromStdString(e.summary);
        if (column == Protocol) return QString::fromStdString(e.protocol);
        return {};
    case FrameRole: return quint64(frame);
    case SeverityRole: return int(e.severity);
    case SortRole: return column == Severity ? QVariant(qulonglong(frame)) : packetData(group, row, column, Qt::DisplayRole);
    }
    return {};
}

QVariant ExpertInfoModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Severity: return tr("Severity");
    case Summary: return tr("Summary");
    case Group: return tr("Group");
    case Protocol: return tr("Protocol");
    case Count: return tr("Count");
    }
    return {};
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "protocol_hierarchy_model.h"

#include "statistics_feed.h"

namespace rcvmon {

ProtocolHierarchyModel::ProtocolHierarchyModel(const StatisticsFeed* feed, QObject* parent)
    : QAbstractItemModel(parent), m_feed(feed)
{
    // Cleared statistics must not leave the view holding nodes that no longer exist.
    connect(feed, &StatisticsFeed::cleared, this, &ProtocolHierarchyModel::refresh);
}

void ProtocolHierarchyModel::refresh()
{
    if (m_feed->generation() != m_generation) {
        beginResetModel();
        m_generation = m_feed->generation();
        m_known = 0;
        m_children.assign(1, {});
        m_row.clear();
        m_parent.clear();
        m_frames = 0;
        endResetModel();
    }
    const std::uint64_t frames = m_feed->statistics().frames();
    if (frames == m_frames) return;  // nothing new: the view need not repaint
    m_frames = frames;
    announceChanges(kRoot);
    const auto nodes = m_feed->statistics().hierarchy().nodes();
    // A node's parent always comes before it, so each new node's parent is already shown.
    for (; m_known < nodes.size(); ++m_known) {
        const std::uint32_t parent = nodes[m_known].parent == ProtocolNode::kNone ? kRoot : nodes[m_known].parent;
        std::vector<std::uint32_t>& siblings = childrenOf(parent);
        const int row = static_cast<int>(siblings.size());
        beginInsertRows(parent == kRoot ? QModelIndex() : indexOfNode(parent), row, row);
        siblings.push_back(m_known);
        m_row.push_back(row);
        m_parent.push_back(parent);
        m_children.emplace_back();
        endInsertRows();
    }
}

void ProtocolHierarchyModel::announceChanges(std::uint32_t node)
{
    const std::vector<std::uint32_t>& children = childrenOf(node);
    if (children.empty()) return;
    const QModelIndex parent = node == kRoot ? QModelIndex() : indexOfNode(node);
    emit dataChanged(index(0, 0, parent), index(static_cast<int>(children.size()) - 1, ColumnCount - 1, parent));
    for (std::uint32_t child : children) announceChanges(child);
}

QModelIndex ProtocolHierarchyModel::indexOfNode(std::uint32_t node, int column) const
{
    return createIndex(m_row[node], column, static_cast<quintptr>(node) + 1);
}

QModelIndex ProtocolHierarchyModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent)) return {};
    const std::uint32_t node = parent.isValid() ? static_cast<std::uint32_t>(parent.internalId() - 1) : kRoot;
    return indexOfNode(childrenOf(node)[static_cast<std::size_t>(row)], column);
}

QModelIndex ProtocolHierarchyModel::parent(const QModelIndex& child) const
{
    if (!child.isValid()) return {};
    const std::uint32_t parent = m_parent[child.internalId() - 1];
    return parent == kRoot ? QModelIndex() : indexOfNode(parent);
}

int ProtocolHierarchyModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0) return 0;
    const std::uint32_t node = parent.isValid() ? static_cast<std::uint32_t>(parent.internalId() - 1) : kRoot;
    return static_cast<int>(childrenOf(node).size());
}

int ProtocolHierarchyModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant ProtocolHierarchyModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::TextAlignmentRole) return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() == Protocol ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    const TrafficStatistics& stats = m_feed->statistics();
    if (index.internalId() > stats.hierarchy().nodes().size()) return {};
    const ProtocolNode& node = stats.hierarchy().nodes()[index.internalId() - 1];
    // Shares of every frame counted, as tshark -z io,phs and Wireshark's dialog give them.
    std::uint64_t totalBytes = 0;
    for (std::uint32_t root : childrenOf(kRoot)) totalBytes += stats.hierarchy().nodes()[root].bytes;
    const auto percent = [role](std::uint64_t part, std::uint64_t whole) {
        const double p = whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
        return role == SortRole ? QVariant(p) : QVariant(QString::number(p, 'f', 1));
    };
    switch (index.column()) {
    case Protocol: return QString::fromLatin1(node.name.data(), static_cast<qsizetype>(node.name.size()));
    case PercentPackets: return percent(node.frames, stats.frames());
    case Packets: return QVariant::fromValue<qulonglong>(node.frames);
    case PercentBytes: return percent(node.bytes, totalBytes);
    case Bytes: return QVariant::fromValue<qulonglong>(node.bytes);
    default: return {};
    }
}

QVariant ProtocolHierarchyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Protocol: return QStringLiteral("Protocol");
    case PercentPackets: return QStringLiteral("Percent Packets");
    case Packets: return QStringLiteral("Packets");
    case PercentBytes: return QStringLiteral("Percent Bytes");
    case Bytes: return QStringLiteral("Bytes");
    default: return {};
    }
}

}  // namespace rcvmon

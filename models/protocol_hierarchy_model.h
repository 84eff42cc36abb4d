// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QAbstractItemModel>

#include <cstdint>
#include <vector>

namespace rcvmon {

class StatisticsFeed;

// Statistics ▸ Protocol Hierarchy: the tree of protocol paths (eth ▸ ip ▸ tcp ▸ …) with
// the packets and bytes that carried each. Paths are only ever added, so refresh() inserts
// the new nodes where they belong and announces that the counts changed.
class ProtocolHierarchyModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Protocol, PercentPackets, Packets, PercentBytes, Bytes, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ProtocolHierarchyModel(const StatisticsFeed* feed, QObject* parent = nullptr);

    void refresh();

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static constexpr std::uint32_t kRoot = 0xffffffffu;
    // The children list of `node` (kRoot: the top level).
    std::vector<std::uint32_t>& childrenOf(std::uint32_t node) { return m_children[node == kRoot ? 0 : node + 1]; }
    const std::vector<std::uint32_t>& childrenOf(std::uint32_t node) const
    {
        return m_children[node == kRoot ? 0 : node + 1];
    }
    QModelIndex indexOfNode(std::uint32_t node, int column = 0) const;
    void announceChanges(std::uint32_t node);

    const StatisticsFeed* m_feed;
    std::uint64_t m_generation = 0;
    std::uint32_t m_known = 0;   // nodes the view has been told about
    std::uint64_t m_frames = 0;  // frames counted at the last refresh
    std::vector<std::vector<std::uint32_t>> m_children{1};
    std::vector<int> m_row;
    std::vector<std::uint32_t> m_parent;
};

}  // namespace rcvmon

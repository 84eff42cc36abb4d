// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "packet_decoder.h"
#include "packet_store_view.h"

#include <QAbstractItemModel>
#include <QByteArray>

#include <cstdint>
#include <vector>

namespace rcvmon {

// The selected packet's layers and fields as a tree, each node with its byte range. Only
// the selected packet is dissected; nothing is kept for the others.
class PacketDetailModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        OffsetRole = Qt::UserRole + 1,  // int: first byte of the node in the frame
        LengthRole,                     // int: bytes covered (0 for a field without bytes)
        FieldNameRole,                  // QString: filter name, "ip.ttl"
    };

    explicit PacketDetailModel(QObject* parent = nullptr);

    void setStore(PacketStoreView* store, PacketDecoder* decoder);
    // Dissects frame `number` again and shows it; 0 clears the tree.
    void showPacket(std::uint64_t number);
    std::uint64_t packetNumber() const { return m_number; }
    // The selected frame's bytes, for the hex pane.
    const QByteArray& bytes() const { return m_bytes; }
    // The smallest node whose range holds byte `offset` (clicking a byte selects its field).
    QModelIndex indexForByte(int offset) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QModelIndex indexOfNode(int node) const;
    void addFrameLayer(const PacketMeta& meta);
    void addCaptureFields(const PacketMeta& meta, int frameNode, bool decoded);

    PacketStoreView* m_store = nullptr;
    PacketDecoder* m_decoder = nullptr;
    std::uint64_t m_number = 0;
    QByteArray m_bytes;
    std::vector<DetailNode> m_nodes;
    std::vector<std::vector<int>> m_children;  // [0] = top level, [i + 1] = children of node i
    std::vector<int> m_rowInParent;
};

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "packet_detail_model.h"

#include <algorithm>

#include "packet_table_model.h"
#include "time_format.h"

#include <QBrush>
#include <QColor>

namespace rcvmon {

PacketDetailModel::PacketDetailModel(QObject* parent) : QAbstractItemModel(parent)
{
    m_children.resize(1);
}

void PacketDetailModel::setStore(PacketStoreView* store, PacketDecoder* decoder)
{
    m_store = store;
    m_decoder = decoder;
    showPacket(0);
}

namespace {
std::string frameTitle(const PacketMeta& meta)
{
    return rcvmon::frameTitle(meta.number, meta.originalLength, meta.capturedLength);
}
}  // namespace

void PacketDetailModel::addFrameLayer(const PacketMeta& meta)
{
    const auto add = [this](int parent, std::string text, std::string name) {
        m_nodes.push_back({parent, std::move(text), std::move(name), 0, 0, false});
    };
    m_nodes.push_back({-1, frameTitle(meta), "frame", 0, meta.capturedLength, false});
    add(0, "Arrival Time: " + formatAbsolute(meta.ts).toStdString(), "frame.time");
    add(0, "Frame Number: " + std::to_string(meta.number), "frame.number");
    add(0, "Frame Length: " + std::to_string(meta.originalLength) + " bytes", "frame.len");
    add(0, "Capture Length: " + std::to_string(meta.capturedLength) + " bytes", "frame.cap_len");
}

void PacketDetailModel::addCaptureFields(const PacketMeta& meta, int frameNode, bool decoded)
{
    // What only the capture knows: which way the frame went (the dissector's tree says it
    // when there is one) and the RCVALL mode.
    const QString direction = directionName(meta.direction);
    if (!decoded && !direction.isEmpty())
        m_nodes.push_back({frameNode, "Direction: " + direction.toStdString(), "rcvmon.direction", 0, 0, false});
    const QString mode = modeName(meta.mode);
    if (!mode.isEmpty()) m_nodes.push_back({frameNode, "Capture Mode: " + mode.toStdString(), "rcvmon.mode", 0, 0, false});
    // Windows' raw IPv6 sockets deliver no IPv6 header; the one shown was rebuilt (seed).
    if (meta.frameFlags & FrameFlag::Ipv6HeaderReconstructed) {
        std::string text = "IPv6 header reconstructed: Windows delivered the payload only; addresses from the receive call";
        if (meta.frameFlags & FrameFlag::Ipv6NextHeaderGuessed) text += ", next header guessed from the payload";
        m_nodes.push_back({frameNode, std::move(text), "rcvmon.ipv6_reconstructed", 0, 0, false});
    }
}

void PacketDetailModel::showPacket(std::uint64_t number)
{
    beginResetModel();
    m_number = 0;
    m_bytes.clear();
    m_nodes.clear();
    PacketMeta meta;
    FrameRef frame;
    if (number != 0 && m_store && m_store->meta(number, meta)) {
        m_number = number;
        std::vector<DetailNode> decoded;
        bool readable = m_store->frame(number, frame);
        if (readable) {
            m_bytes = QByteArray(reinterpret_cast<const char*>(frame.data.data()), static_cast<qsizetype>(frame.data.size()));
            if (m_decoder) decoded = m_decoder->detail(frame, number);
        }
        // The dissector's own Frame layer is used when it has one (titled by the dissector's tree);
        // a "Packet comments" tree may come before it, as in Wireshark.
        const auto frameLayer = std::find_if(decoded.begin(), decoded.end(),
                                             [](const DetailNode& n) { return n.parent < 0 && n.name == "frame"; });
        const bool decodedFrame = frameLayer != decoded.end();
        const int frameIndex = decodedFrame ? static_cast<int>(frameLayer - decoded.begin()) : 0;
        if (decodedFrame) {
            frameLayer->offset = 0;
            frameLayer->length = static_cast<std::uint32_t>(m_bytes.size());
        } else {
            addFrameLayer(meta);
        }
        const int base = static_cast<int>(m_nodes.size());
        for (DetailNode& node : decoded) {
            if (node.parent >= 0) node.parent += base;
            m_nodes.push_back(std::move(node));
        }
        addCaptureFields(meta, decodedFrame ? base + frameIndex : 0, decodedFrame);
        if (!readable) m_nodes.push_back({-1, "[Cannot read this frame: " + m_store->error() + "]", "", 0, 0, true});
    }
    m_children.assign(m_nodes.size() + 1, {});
    m_rowInParent.assign(m_nodes.size(), 0);
    for (int i = 0; i < static_cast<int>(m_nodes.size()); ++i) {
        int parent = m_nodes[i].parent;
        if (parent >= i) parent = -1;  // a decoder bug must not make a cycle
        m_nodes[i].parent = parent;
        auto& siblings = m_children[static_cast<std::size_t>(parent + 1)];
        m_rowInParent[static_cast<std::size_t>(i)] = static_cast<int>(siblings.size());
        siblings.push_back(i);
    }
    endResetModel();
}

QModelIndex PacketDetailModel::indexOfNode(int node) const
{
    if (node < 0) return {};
    return createIndex(m_rowInParent[static_cast<std::size_t>(node)], 0, quintptr(node + 1));
}

QModelIndex PacketDetailModel::indexForByte(int offset) const
{
    int best = -1;
    for (int i = 0; i < static_cast<int>(m_nodes.size()); ++i) {
        const DetailNode& node = m_nodes[static_cast<std::size_t>(i)];
        if (node.length == 0 || offset < static_cast<int>(node.offset) ||
            offset >= static_cast<int>(node.offset + node.length))
            continue;
        // Later nodes are deeper or later layers: on a tie the innermost wins.
        if (best < 0 || node.length <= m_nodes[static_cast<std::size_t>(best)].length) best = i;
    }
    return indexOfNode(best);
}

QModelIndex PacketDetailModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0) return {};
    const std::size_t slot = parent.isValid() ? parent.internalId() : 0;
    if (slot >= m_children.size() || row >= static_cast<int>(m_children[slot].size())) return {};
    return createIndex(row, 0, quintptr(m_children[slot][static_cast<std::size_t>(row)] + 1));
}

QModelIndex PacketDetailModel::parent(const QModelIndex& child) const
{
    if (!child.isValid()) return {};
    return indexOfNode(m_nodes[child.internalId() - 1].parent);
}

int PacketDetailModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0) return 0;
    const std::size_t slot = parent.isValid() ? parent.internalId() : 0;
    return slot < m_children.size() ? static_cast<int>(m_children[slot].size()) : 0;
}

int PacketDetailModel::columnCount(const QModelIndex&) const
{
    return 1;
}

QVariant PacketDetailModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const DetailNode& node = m_nodes[index.internalId() - 1];
    switch (role) {
    case Qt::DisplayRole: return QString::fromStdString(node.text);
    case Qt::ToolTipRole:
        return node.name.empty() ? QVariant() : QVariant(QString::fromStdString(node.name));
    case Qt::ForegroundRole: return node.problem ? QVariant(QBrush(QColor(0xc0, 0x20, 0x20))) : QVariant();
    case OffsetRole: return static_cast<int>(node.offset);
    case LengthRole: return static_cast<int>(node.length);
    case FieldNameRole: return QString::fromStdString(node.name);
    default: return {};
    }
}

}  // namespace rcvmon

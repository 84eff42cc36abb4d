// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "packet_decoder.h"
#include "packet_store_view.h"
#include "time_format.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QString>

#include <cstdint>
#include <map>
#include <set>

namespace rcvmon {

// The packet list over the store. Row r is frame firstNumber()+r. Text columns are produced
// by re-dissecting a packet only when a view asks for that row, and cached; sync() turns
// what the store gained or evicted since the last call into one insert and one remove.
class PacketTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Number, Time, Source, Destination, Protocol, Length, Info, DirectionColumn, Mode, ColumnCount };
    enum Role {
        FrameNumberRole = Qt::UserRole + 1,  // quint64
        MarkedRole,                          // bool
        SwitchMarkRole,                      // QString: "mode On" where a switch starts, else empty
    };

    explicit PacketTableModel(QObject* parent = nullptr);

    // A new store (file opened, capture restarted): the one place the model resets.
    void setStore(PacketStoreView* store, PacketDecoder* decoder);
    // Picks up appends and evictions: at most one beginRemoveRows and one beginInsertRows.
    void sync();

    TimeFormat timeFormat() const { return m_timeFormat; }
    void setTimeFormat(TimeFormat format);

    std::uint64_t frameNumber(int row) const { return m_first + static_cast<std::uint64_t>(row); }
    int rowForFrame(std::uint64_t number) const;
    std::uint64_t firstNumber() const { return m_first; }

    bool isMarked(std::uint64_t number) const { return m_marked.count(number) != 0; }
    void setMarked(std::uint64_t number, bool marked);
    const std::set<std::uint64_t>& markedFrames() const { return m_marked; }

    // A mode or interface switch that took effect before frame `number`.
    void addSwitchMark(std::uint64_t number, const QString& text);
    QString switchMark(std::uint64_t number) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // How many rows were dissected for text so far (lazy text is checked by tests).
    std::uint64_t textBuilds() const { return m_textBuilds; }

private:
    struct RowText {
        QString source, destination, protocol, info;
    };
    const RowText* rowText(std::uint64_t number) const;
    QString timeText(const PacketMeta& meta) const;

    PacketStoreView* m_store = nullptr;
    PacketDecoder* m_decoder = nullptr;
    std::uint64_t m_first = 1;
    int m_count = 0;
    bool m_haveOrigin = false;
    Timestamp m_origin;
    TimeFormat m_timeFormat = TimeFormat::Relative;
    mutable QCache<std::uint64_t, RowText> m_text;
    mutable std::uint64_t m_textBuilds = 0;
    std::set<std::uint64_t> m_marked;
    std::map<std::uint64_t, QString> m_switches;
};

QString directionName(Direction direction);
QString modeName(CaptureMode mode);

}  // namespace rcvmon

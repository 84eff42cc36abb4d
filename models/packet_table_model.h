// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "filtered_rows.h"
#include "live/flow_key.h"
#include "packet_decoder.h"
#include "packet_store_view.h"
#include "time_format.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QString>

#include <climits>
#include <functional>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <vector>

namespace rcvmon {

class PacketColorizer;
class ProcessMap;

// The packet list over the store. Row r is frame firstNumber()+r, or, while a display filter
// is on, the r-th frame it let through (whoever runs the filter appends them). Text columns
// are produced by re-dissecting a packet only when a view asks for that row, and cached;
// sync() turns what the store gained or evicted since the last call into one insert and one
// remove.
//
// Process column (live captures): a row's flow key is read from its bytes when its text is
// built and submitted to the ProcessMap then, so the column alone looks up only the flows of
// rows a view shows, and the capture thread never parses for it (Statistics ▸ Processes, once
// opened, looks up every flow itself). refreshProcesses() repaints the Process cells views
// asked for since the last answer, when the map has new answers.
class PacketTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Number, Time, Source, Destination, Protocol, Length, Info, DirectionColumn, Mode, Process, InterfaceColumn, ColumnCount
    };
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
    // The decoder's text changed (names resolved): cached rows are dropped, and the views
    // re-ask only for the rows they show.
    void refreshText();
    void setTimeFormat(TimeFormat format);
    // Frames [first, last] read differently now (the in-order pass reached them): their
    // cached text goes, and views repaint those of their rows they show.
    void refreshFrames(std::uint64_t first, std::uint64_t last);

    // Display filter: on, the rows are only the frames appendFilteredRows() adds (a reset
    // either way); eviction still drops the rows of evicted frames.
    void setFiltered(bool filtered);
    bool isFiltered() const { return m_filtered; }
    // Frames that passed the filter, ascending and above every row already shown.
    void appendFilteredRows(const std::vector<std::uint64_t>& numbers);
    // Frames the store retains and the model has taken in, filtered or not.
    std::uint64_t retainedRows() const { return static_cast<std::uint64_t>(m_count); }

    std::uint64_t frameNumber(int row) const
    {
        return m_filtered ? m_rows.at(static_cast<std::size_t>(row)) : m_first + static_cast<std::uint64_t>(row);
    }
    int rowForFrame(std::uint64_t number) const;
    std::uint64_t firstNumber() const { return m_first; }

    bool isMarked(std::uint64_t number) const { return m_marked.count(number) != 0; }
    void setMarked(std::uint64_t number, bool marked);
    const std::set<std::uint64_t>& markedFrames() const { return m_marked; }

    // Edit ▸ Set/Unset Time Reference: a reference row's Time reads *REF*, and in the
    // Relative format later rows count from the last reference before them (as Wireshark).
    bool isTimeReference(std::uint64_t number) const { return m_timeRefs.count(number) != 0; }
    void setTimeReference(std::uint64_t number, bool reference);
    void clearTimeReferences();
    const std::set<std::uint64_t>& timeReferences() const { return m_timeRefs; }

    // A mode or interface switch that took effect before frame `number`.
    void addSwitchMark(std::uint64_t number, const QString& text);
    QString switchMark(std::uint64_t number) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Live capture: who owns each row's flow; null for files. The caller keeps it alive until
    // set to null. The column only shows owners: Statistics ▸ Processes counts every frame
    // itself (FlowTraffic), whatever the views asked for.
    void setProcessMap(ProcessMap* map);
    // Cheap (one atomic read) when nothing changed: call it on a ≤30 Hz timer.
    void refreshProcesses();

    // Colouring rules for the rows a view paints (null: none); the caller keeps it alive.
    void setColorizer(PacketColorizer* colorizer);
    // The Interface column's text for an interface id (a capture of several interfaces, a
    // pcapng file with several); without one the column shows the id.
    void setInterfaceNames(std::function<QString(std::uint32_t)> lookup) { m_interfaceName = std::move(lookup); }

    // How many rows were dissected for text so far (lazy text is checked by tests).
    std::uint64_t textBuilds() const { return m_textBuilds; }

private:
    struct RowText {
        QString source, destination, protocol, info;
        std::optional<FlowKey> flow;  // live TCP/UDP with a local end, while a ProcessMap is set
        bool submitted = false;       // false when the map's queue was full: tried again when shown
    };
    RowText* rowText(std::uint64_t number) const;
    QVariant processText(int row, std::uint64_t number) const;
    void forgetProcessRows() const;
    QString timeText(const PacketMeta& meta) const;

    PacketStoreView* m_store = nullptr;
    PacketDecoder* m_decoder = nullptr;
    std::uint64_t m_first = 1;
    int m_count = 0;
    bool m_filtered = false;
    FilteredRows m_rows;
    bool m_haveOrigin = false;
    Timestamp m_origin;
    TimeFormat m_timeFormat = TimeFormat::Relative;
    mutable QCache<std::uint64_t, RowText> m_text;
    mutable std::uint64_t m_textBuilds = 0;
    std::set<std::uint64_t> m_marked;
    std::set<std::uint64_t> m_timeRefs;
    std::map<std::uint64_t, QString> m_switches;
    std::function<QString(std::uint32_t)> m_interfaceName;
    ProcessMap* m_processMap = nullptr;
    PacketColorizer* m_colorizer = nullptr;
    std::uint64_t m_processVersion = 0;
    // Rows whose Process cell a view asked for since the last repaint request.
    mutable int m_processFirstRow = INT_MAX;
    mutable int m_processLastRow = -1;
};

QString directionName(Direction direction);
QString modeName(CaptureMode mode);

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/dissection.h"
#include "dissect/dissector.h"

#include <QCache>
#include <QIdentityProxyModel>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

class QSettings;

namespace rcvmon {

namespace names {
class NameResolver;
}

class FrameReplay;
class PacketStoreView;

// A custom column of the packet list, as Wireshark's "Custom" column type: a display-filter
// field, which occurrence (0: all, comma-joined as tshark prints them; 1…n from the first;
// -1…-n from the last), its title, and whether addresses show as names (Wireshark's
// "Resolved": host and MAC names when name resolution is on).
struct CustomColumn {
    QString title;
    QString field;
    int occurrence = 0;
    bool resolved = false;

    bool operator==(const CustomColumn&) const = default;
};

// One of the packet table's own columns as the layout keeps it: a title the user gave (empty:
// the table's own) and, for Source and Destination, whether it shows names (Wireshark's %s
// versus %us: unticked, the column keeps the plain address whatever the name switches say).
struct BuiltinColumn {
    QString title;
    bool resolved = true;

    bool operator==(const BuiltinColumn&) const = default;
};

// The packet table with custom field columns after its own: rows and the table's columns pass
// through unchanged, and a custom cell is made only when a view asks for it, by dissecting
// that one row's frame (as the table's text is), then cached per frame. Nothing is computed
// for rows nobody looks at. The layout is saved in and restored from QSettings.
class CustomColumnsModel : public QIdentityProxyModel {
    Q_OBJECT
public:
    using StoreLookup = std::function<PacketStoreView*()>;
    // Rows dissected as in file order (FrameReplay), for the store StoreLookup gives; null: alone.
    using ReplayLookup = std::function<FrameReplay*()>;
    enum Role { FieldRole = Qt::UserRole + 100 };  // header: a custom column's field name

    explicit CustomColumnsModel(StoreLookup store, QObject* parent = nullptr);

    // False (and nothing changed) when a field is not a known display-filter field.
    bool setColumns(const std::vector<CustomColumn>& columns);
    const std::vector<CustomColumn>& columns() const { return m_columns; }
    // Apply as Column: appends the field (title: its label), unless it is already a column.
    bool addField(const QString& field);
    int firstCustomColumn() const;

    // The table's own columns: titles and Resolved (one entry per table column).
    std::vector<BuiltinColumn> builtinColumns() const;
    void setBuiltinColumns(const std::vector<BuiltinColumn>& columns);
    // The table's own title of section (what an empty BuiltinColumn::title falls back to).
    QString defaultTitle(int section) const;
    // Whether section may be unresolved (Source, Destination, or any custom column).
    bool canResolve(int section) const;
    // Names for resolved custom columns and unresolved Source/Destination (null: none); the
    // caller keeps it alive.
    void setNameResolver(const names::NameResolver* resolver);
    void setSourceModel(QAbstractItemModel* source) override;
    void setReplayLookup(ReplayLookup replay) { m_replay = std::move(replay); clearCache(); }

    void save(QSettings& settings) const;
    void restore(QSettings& settings);
    // How many frames were dissected for custom cells (tests: only the rows shown).
    std::uint64_t cellBuilds() const { return m_builds; }

    int columnCount(const QModelIndex& parent = {}) const override;
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& idx) const override;

private:
    // What one frame's dissection gives the layout: the custom cells, and the plain-address
    // Source and Destination for unresolved built-in columns.
    struct Cells {
        QStringList custom;
        QString plainSource, plainDestination;
    };
    const Cells& cells(std::uint64_t frame) const;
    bool needsPlainAddresses() const;
    void clearCache();

    StoreLookup m_store;
    ReplayLookup m_replay;
    std::vector<CustomColumn> m_columns;
    std::vector<FieldId> m_ids;
    std::vector<BuiltinColumn> m_builtin;
    const names::NameResolver* m_names = nullptr;
    mutable std::uint64_t m_namesGeneration = 0;
    mutable QCache<std::uint64_t, Cells> m_cache{4096};
    mutable Cells m_empty;
    mutable Dissector m_dissector;
    mutable Dissection m_dissection;
    mutable std::uint64_t m_builds = 0;
};

}  // namespace rcvmon

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

class PacketStoreView;

// A custom column of the packet list, as Wireshark's "Custom" column type: a display-filter
// field, which occurrence (0: all, comma-joined as tshark prints them; 1…n from the first;
// -1…-n from the last) and its title.
struct CustomColumn {
    QString title;
    QString field;
    int occurrence = 0;

    bool operator==(const CustomColumn&) const = default;
};

// The packet table with custom field columns after its own: rows and the table's columns pass
// through unchanged, and a custom cell is made only when a view asks for it, by dissecting
// that one row's frame (as the table's text is), then cached per frame. Nothing is computed
// for rows nobody looks at. The layout is saved in and restored from QSettings.
class CustomColumnsModel : public QIdentityProxyModel {
    Q_OBJECT
public:
    using StoreLookup = std::function<PacketStoreView*()>;
    enum Role { FieldRole = Qt::UserRole + 100 };  // header: a custom column's field name

    explicit CustomColumnsModel(StoreLookup store, QObject* parent = nullptr);

    // False (and nothing changed) when a field is not a known display-filter field.
    bool setColumns(const std::vector<CustomColumn>& columns);
    const std::vector<CustomColumn>& columns() const { return m_columns; }
    // Apply as Column: appends the field (title: its label), unless it is already a column.
    bool addField(const QString& field);
    int firstCustomColumn() const;

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
    QStringList cells(std::uint64_t frame) const;

    StoreLookup m_store;
    std::vector<CustomColumn> m_columns;
    std::vector<FieldId> m_ids;
    mutable QCache<std::uint64_t, QStringList> m_cache{4096};
    mutable Dissector m_dissector;
    mutable Dissection m_dissection;
    mutable std::uint64_t m_builds = 0;
};

}  // namespace rcvmon

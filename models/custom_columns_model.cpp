// SPDX-License-Identifier: GPL-2.0-or-later
#include "custom_columns_model.h"

#include "packet_store_view.h"
#include "packet_table_model.h"

#include "dissect/field_registry.h"

#include <QSettings>

namespace rcvmon {

CustomColumnsModel::CustomColumnsModel(StoreLookup store, QObject* parent) : QIdentityProxyModel(parent), m_store(std::move(store))
{
    // A new store numbers its frames afresh; eviction keeps numbers, so the cache stays.
    connect(this, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_cache.clear(); });
}

int CustomColumnsModel::firstCustomColumn() const
{
    return sourceModel() ? sourceModel()->columnCount() : 0;
}

bool CustomColumnsModel::setColumns(const std::vector<CustomColumn>& columns)
{
    std::vector<FieldId> ids;
    for (const CustomColumn& c : columns) {
        const auto id = findField(c.field.toStdString());
        if (!id) return false;
        ids.push_back(*id);
    }
    if (columns == m_columns) return true;
    // Rare (an edit of the layout): a reset keeps the column bookkeeping simple.
    beginResetModel();
    m_columns = columns;
    m_ids = std::move(ids);
    m_cache.clear();
    endResetModel();
    return true;
}

bool CustomColumnsModel::addField(const QString& field)
{
    for (const CustomColumn& c : m_columns)
        if (c.field == field && c.occurrence == 0) return true;
    const auto id = findField(field.toStdString());
    if (!id) return false;
    const std::string_view label = fieldInfo(*id).label;
    auto columns = m_columns;
    columns.push_back(CustomColumn{QString::fromUtf8(label.data(), qsizetype(label.size())), field, 0});
    return setColumns(columns);
}

void CustomColumnsModel::save(QSettings& settings) const
{
    settings.beginWriteArray(QStringLiteral("packetList/customColumns"), int(m_columns.size()));
    for (int i = 0; i < int(m_columns.size()); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("title"), m_columns[std::size_t(i)].title);
        settings.setValue(QStringLiteral("field"), m_columns[std::size_t(i)].field);
        settings.setValue(QStringLiteral("occurrence"), m_columns[std::size_t(i)].occurrence);
    }
    settings.endArray();
}

void CustomColumnsModel::restore(QSettings& settings)
{
    std::vector<CustomColumn> columns;
    const int n = settings.beginReadArray(QStringLiteral("packetList/customColumns"));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        CustomColumn c{settings.value(QStringLiteral("title")).toString(), settings.value(QStringLiteral("field")).toString(),
                       settings.value(QStringLiteral("occurrence")).toInt()};
        // A field this build no longer knows is dropped rather than failing the whole layout.
        if (findField(c.field.toStdString())) columns.push_back(c);
    }
    settings.endArray();
    setColumns(columns);
}

int CustomColumnsModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid()) return 0;
    return firstCustomColumn() + int(m_columns.size());
}

QModelIndex CustomColumnsModel::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount()) return {};
    if (column >= firstCustomColumn()) return createIndex(row, column);
    return QIdentityProxyModel::index(row, column, parent);
}

QModelIndex CustomColumnsModel::parent(const QModelIndex&) const { return {}; }

QModelIndex CustomColumnsModel::sibling(int row, int column, const QModelIndex&) const { return index(row, column); }

QModelIndex CustomColumnsModel::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.column() >= firstCustomColumn()) return {};
    return QIdentityProxyModel::mapToSource(proxyIndex);
}

QModelIndex CustomColumnsModel::mapFromSource(const QModelIndex& sourceIndex) const
{
    return QIdentityProxyModel::mapFromSource(sourceIndex);
}

Qt::ItemFlags CustomColumnsModel::flags(const QModelIndex& index) const
{
    if (index.isValid() && index.column() >= firstCustomColumn()) return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return QIdentityProxyModel::flags(index);
}

QVariant CustomColumnsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const int custom = section - firstCustomColumn();
    if (orientation == Qt::Horizontal && custom >= 0 && custom < int(m_columns.size())) {
        if (role == Qt::DisplayRole) return m_columns[std::size_t(custom)].title;
        if (role == Qt::ToolTipRole || role == FieldRole) return m_columns[std::size_t(custom)].field;
        return {};
    }
    return QIdentityProxyModel::headerData(section, orientation, role);
}

QVariant CustomColumnsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) return {};
    const int custom = index.column() - firstCustomColumn();
    if (custom < 0) return QIdentityProxyModel::data(index, role);
    // Row colours and the frame number come from the table's own first cell of the row.
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return role == Qt::TextAlignmentRole ? QVariant() : QIdentityProxyModel::data(this->index(index.row(), 0), role);
    const auto frame = QIdentityProxyModel::data(this->index(index.row(), 0), PacketTableModel::FrameNumberRole);
    if (!frame.isValid()) return {};
    const QStringList row = cells(frame.toULongLong());
    return custom < row.size() ? row[custom] : QString();
}

QStringList CustomColumnsModel::cells(std::uint64_t number) const
{
    if (QStringList* cached = m_cache.object(number)) return *cached;
    QStringList out;
    PacketStoreView* store = m_store ? m_store() : nullptr;
    FrameRef frame;
    if (!store || !store->frame(number, frame)) {
        for (std::size_t i = 0; i < m_columns.size(); ++i) out << QString();
        return out;
    }
    // One row alone, as the table's text: no state from other frames.
    m_dissector.reset();
    m_dissector.dissect(frame, number, m_dissection);
    ++m_builds;
    std::string text;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        text.clear();
        const int occurrence = m_columns[i].occurrence;
        if (occurrence == 0) {
            m_dissection.appendFieldText(m_ids[i], text);
        } else {
            std::vector<const FieldRecord*> all;
            for (const FieldRecord& f : m_dissection.fields())
                if (f.id == m_ids[i]) all.push_back(&f);
            const int n = int(all.size());
            const int at = occurrence > 0 ? occurrence - 1 : n + occurrence;
            if (at >= 0 && at < n) m_dissection.appendValue(*all[std::size_t(at)], text);
        }
        out << QString::fromStdString(text);
    }
    m_cache.insert(number, new QStringList(out));
    return out;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "custom_columns_model.h"

#include "frame_replay.h"
#include "packet_store_view.h"
#include "packet_table_model.h"

#include "dissect/field_registry.h"
#include "names/name_resolver.h"

#include <QSettings>

namespace rcvmon {

CustomColumnsModel::CustomColumnsModel(StoreLookup store, QObject* parent) : QIdentityProxyModel(parent), m_store(std::move(store))
{
    // A new store numbers its frames afresh; eviction keeps numbers, so the cache stays.
    connect(this, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_cache.clear(); });
}

void CustomColumnsModel::setSourceModel(QAbstractItemModel* source)
{
    if (sourceModel()) disconnect(sourceModel(), &QAbstractItemModel::dataChanged, this, nullptr);
    QIdentityProxyModel::setSourceModel(source);
    if (!source) return;
    // When the table's text changes (names resolved, a new time format), so may the cells
    // built from the same frames: the views repaint those rows' custom cells as well.
    connect(source, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from, const QModelIndex& to, const QList<int>& roles) {
        if (m_columns.empty() || (!roles.isEmpty() && !roles.contains(Qt::DisplayRole))) return;
        // Rows dissected again (the in-order pass or a replay reached them): their cells too.
        if (to.row() - from.row() < m_cache.maxCost()) {
            for (int row = from.row(); row <= to.row(); ++row)
                m_cache.remove(from.model()->index(row, 0).data(PacketTableModel::FrameNumberRole).toULongLong());
        } else {
            clearCache();
        }
        emit dataChanged(index(from.row(), firstCustomColumn()), index(to.row(), columnCount() - 1), roles);
    });
}

void CustomColumnsModel::setNameResolver(const names::NameResolver* resolver)
{
    m_names = resolver;
    clearCache();
}

void CustomColumnsModel::clearCache()
{
    m_cache.clear();
    m_namesGeneration = m_names ? m_names->generation() : 0;
}

std::vector<BuiltinColumn> CustomColumnsModel::builtinColumns() const
{
    std::vector<BuiltinColumn> out = m_builtin;
    out.resize(std::size_t(firstCustomColumn()));
    return out;
}

void CustomColumnsModel::setBuiltinColumns(const std::vector<BuiltinColumn>& columns)
{
    std::vector<BuiltinColumn> next = columns;
    next.resize(std::size_t(firstCustomColumn()));
    if (next == builtinColumns()) return;
    m_builtin = std::move(next);
    clearCache();
    if (firstCustomColumn() > 0) {
        emit headerDataChanged(Qt::Horizontal, 0, firstCustomColumn() - 1);
        if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, firstCustomColumn() - 1), {Qt::DisplayRole});
    }
}

QString CustomColumnsModel::defaultTitle(int section) const
{
    if (section >= firstCustomColumn()) return {};
    return QIdentityProxyModel::headerData(section, Qt::Horizontal, Qt::DisplayRole).toString();
}

bool CustomColumnsModel::canResolve(int section) const
{
    return section >= firstCustomColumn() || section == PacketTableModel::Source || section == PacketTableModel::Destination;
}

bool CustomColumnsModel::needsPlainAddresses() const
{
    for (const int c : {int(PacketTableModel::Source), int(PacketTableModel::Destination)})
        if (c < int(m_builtin.size()) && !m_builtin[std::size_t(c)].resolved) return true;
    return false;
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
    clearCache();
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
    columns.push_back(CustomColumn{QString::fromUtf8(label.data(), qsizetype(label.size())), field, 0, false});
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
        settings.setValue(QStringLiteral("resolved"), m_columns[std::size_t(i)].resolved);
    }
    settings.endArray();
    const std::vector<BuiltinColumn> builtin = builtinColumns();
    settings.beginWriteArray(QStringLiteral("packetList/builtinColumns"), int(builtin.size()));
    for (int i = 0; i < int(builtin.size()); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("title"), builtin[std::size_t(i)].title);
        settings.setValue(QStringLiteral("resolved"), builtin[std::size_t(i)].resolved);
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
                       settings.value(QStringLiteral("occurrence")).toInt(), settings.value(QStringLiteral("resolved"), false).toBool()};
        // A field this build no longer knows is dropped rather than failing the whole layout.
        if (findField(c.field.toStdString())) columns.push_back(c);
    }
    settings.endArray();
    setColumns(columns);
    std::vector<BuiltinColumn> builtin;
    const int b = settings.beginReadArray(QStringLiteral("packetList/builtinColumns"));
    for (int i = 0; i < b; ++i) {
        settings.setArrayIndex(i);
        builtin.push_back({settings.value(QStringLiteral("title")).toString(), settings.value(QStringLiteral("resolved"), true).toBool()});
    }
    settings.endArray();
    setBuiltinColumns(builtin);
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
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && custom < 0 && section >= 0 &&
        section < int(m_builtin.size()) && !m_builtin[std::size_t(section)].title.isEmpty())
        return m_builtin[std::size_t(section)].title;
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
    if (custom < 0) {
        const int c = index.column();
        // An unresolved Source/Destination differs from the table's text only while a name
        // switch is on; then the row's own dissection gives the plain address.
        if (role == Qt::DisplayRole && (c == PacketTableModel::Source || c == PacketTableModel::Destination) &&
            c < int(m_builtin.size()) && !m_builtin[std::size_t(c)].resolved && m_names && m_names->flags().any()) {
            const auto frame = QIdentityProxyModel::data(this->index(index.row(), 0), PacketTableModel::FrameNumberRole);
            if (frame.isValid()) {
                const Cells& row = cells(frame.toULongLong());
                return c == PacketTableModel::Source ? row.plainSource : row.plainDestination;
            }
        }
        return QIdentityProxyModel::data(index, role);
    }
    // Row colours and the frame number come from the table's own first cell of the row.
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return role == Qt::TextAlignmentRole ? QVariant() : QIdentityProxyModel::data(this->index(index.row(), 0), role);
    const auto frame = QIdentityProxyModel::data(this->index(index.row(), 0), PacketTableModel::FrameNumberRole);
    if (!frame.isValid()) return {};
    const QStringList& row = cells(frame.toULongLong()).custom;
    return custom < row.size() ? row[custom] : QString();
}

const CustomColumnsModel::Cells& CustomColumnsModel::cells(std::uint64_t number) const
{
    // Names learned or switched since the cells were built: every cached row is stale.
    if (m_names && m_names->generation() != m_namesGeneration) {
        m_cache.clear();
        m_namesGeneration = m_names->generation();
    }
    if (Cells* cached = m_cache.object(number)) return *cached;
    PacketStoreView* store = m_store ? m_store() : nullptr;
    FrameRef frame;
    if (!store || !store->frame(number, frame)) {
        m_empty.custom.clear();
        for (std::size_t i = 0; i < m_columns.size(); ++i) m_empty.custom << QString();
        return m_empty;
    }
    auto* out = new Cells;
    // As the table's text: as in file order when the replay can, else the row alone.
    FrameReplay* replay = m_replay ? m_replay() : nullptr;
    if (!replay || !replay->dissect(number, m_dissection, frame)) {
        m_dissector.reset();
        m_dissector.dissect(frame, number, m_dissection);
    }
    ++m_builds;
    std::string text;
    std::vector<const FieldRecord*> all;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        text.clear();
        const CustomColumn& column = m_columns[i];
        const bool names = column.resolved && m_names;
        all.clear();
        for (const FieldRecord& f : m_dissection.fields())
            if (f.id == m_ids[i]) all.push_back(&f);
        const int n = int(all.size());
        const auto append = [&](const FieldRecord& f) {
            if (!text.empty()) text += ',';
            if (names) text += m_names->fieldText(m_dissection, f);
            else m_dissection.appendValue(f, text);
        };
        if (column.occurrence == 0 && !names) {
            m_dissection.appendFieldText(m_ids[i], text);  // tshark's own joining of repeats
        } else if (column.occurrence == 0) {
            for (const FieldRecord* f : all) append(*f);
        } else {
            const int at = column.occurrence > 0 ? column.occurrence - 1 : n + column.occurrence;
            if (at >= 0 && at < n) append(*all[std::size_t(at)]);
        }
        out->custom << QString::fromStdString(text);
    }
    if (needsPlainAddresses()) {
        const PacketSummary summary = m_dissection.summary();
        out->plainSource = QString::fromStdString(summary.source);
        out->plainDestination = QString::fromStdString(summary.destination);
    }
    m_cache.insert(number, out);
    return *out;
}

}  // namespace rcvmon

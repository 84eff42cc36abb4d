// SPDX-License-Identifier: GPL-2.0-or-later
#include "packet_table_model.h"

#include "frame_flow_key.h"
#include "packet_colorizer.h"
#include "live/process_map.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>
#include <iterator>

namespace rcvmon {

namespace {
// Enough for several screens of rows; text is cheap to rebuild beyond that.
constexpr int TextCacheRows = 8192;
}

QString directionName(Direction direction)
{
    switch (direction) {
    case Direction::Incoming: return QStringLiteral("in");
    case Direction::Outgoing: return QStringLiteral("out");
    case Direction::OtherHost: return QStringLiteral("other-host");
    case Direction::Unknown: break;
    }
    return QString();
}

QString modeName(CaptureMode mode)
{
    switch (mode) {
    case CaptureMode::On: return QStringLiteral("On");
    case CaptureMode::IpLevel: return QStringLiteral("IpLevel");
    case CaptureMode::Off: break;
    }
    return QString();
}

PacketTableModel::PacketTableModel(QObject* parent)
    : QAbstractTableModel(parent), m_text(TextCacheRows)
{
}

void PacketTableModel::setStore(PacketStoreView* store, PacketDecoder* decoder)
{
    beginResetModel();
    m_store = store;
    m_decoder = decoder;
    m_first = store ? store->firstNumber() : 1;
    m_count = 0;
    m_rows.clear();
    m_haveOrigin = false;
    m_text.clear();
    m_marked.clear();
    m_timeRefs.clear();
    m_switches.clear();
    forgetProcessRows();
    if (m_colorizer) m_colorizer->clearCache();  // frame numbers start again
    if (m_colorizer) m_colorizer->setReplay(decoder ? decoder->replay() : nullptr);
    endResetModel();
    sync();
}

void PacketTableModel::setProcessMap(ProcessMap* map)
{
    m_processMap = map;
    m_processVersion = map ? map->version() : 0;
    m_text.clear();  // rows built without a map have no flow key
    forgetProcessRows();
    if (rowCount() > 0) emit dataChanged(index(0, Process), index(rowCount() - 1, Process), {Qt::DisplayRole});
}

void PacketTableModel::setColorizer(PacketColorizer* colorizer)
{
    if (m_colorizer) disconnect(m_colorizer, nullptr, this, nullptr);
    m_colorizer = colorizer;
    if (m_colorizer) m_colorizer->setReplay(m_decoder ? m_decoder->replay() : nullptr);
    const auto repaint = [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::BackgroundRole, Qt::ForegroundRole});
    };
    if (m_colorizer) connect(m_colorizer, &PacketColorizer::changed, this, repaint);
    repaint();
}

void PacketTableModel::refreshProcesses()
{
    if (!m_processMap) return;
    const std::uint64_t version = m_processMap->version();
    if (version == m_processVersion) return;
    m_processVersion = version;
    const int last = std::min(m_processLastRow, rowCount() - 1);
    const int first = std::min(m_processFirstRow, last);
    forgetProcessRows();  // the repaint asks for the rows still shown
    if (last >= 0) emit dataChanged(index(first, Process), index(last, Process), {Qt::DisplayRole});
}

void PacketTableModel::forgetProcessRows() const
{
    m_processFirstRow = INT_MAX;
    m_processLastRow = -1;
}

void PacketTableModel::sync()
{
    if (!m_store) return;
    const std::uint64_t first = m_store->firstNumber();
    const std::uint64_t end = m_store->endNumber();
    if (first > m_first) {
        const std::uint64_t gone = std::min<std::uint64_t>(first - m_first, static_cast<std::uint64_t>(m_count));
        if (gone > 0) {
            forgetProcessRows();  // row numbers shift
            if (!m_filtered) beginRemoveRows({}, 0, static_cast<int>(gone) - 1);
            m_count -= static_cast<int>(gone);
            m_first += gone;
            if (!m_filtered) endRemoveRows();
        }
        m_first = first;  // also when nothing was shown yet
        if (m_filtered) {
            const std::size_t dropped = m_rows.countBelow(first);
            if (dropped > 0) {
                beginRemoveRows({}, 0, static_cast<int>(dropped) - 1);
                m_rows.dropFront(dropped);
                endRemoveRows();
            }
        }
    }
    const std::uint64_t shownEnd = m_first + static_cast<std::uint64_t>(m_count);
    if (end > shownEnd) {
        const std::uint64_t room = static_cast<std::uint64_t>(INT_MAX - m_count);
        const int added = static_cast<int>(std::min(end - shownEnd, room));
        if (added == 0) return;
        if (!m_haveOrigin) {
            PacketMeta meta;
            if (m_store->meta(m_first, meta)) {
                m_origin = meta.ts;
                m_haveOrigin = true;
            }
        }
        if (m_filtered) {
            m_count += added;  // the filter decides which of them become rows
            return;
        }
        beginInsertRows({}, m_count, m_count + added - 1);
        m_count += added;
        endInsertRows();
    }
}

void PacketTableModel::setFiltered(bool filtered)
{
    beginResetModel();
    m_filtered = filtered;
    m_rows.clear();
    forgetProcessRows();
    endResetModel();
}

void PacketTableModel::appendFilteredRows(const std::vector<std::uint64_t>& numbers)
{
    if (!m_filtered || numbers.empty()) return;
    const std::uint64_t last = m_rows.empty() ? 0 : m_rows.at(m_rows.size() - 1);
    const std::uint64_t floor = m_store ? std::max(last + 1, m_store->firstNumber()) : last + 1;
    auto from = std::lower_bound(numbers.begin(), numbers.end(), floor);
    const std::size_t room = static_cast<std::size_t>(INT_MAX) - m_rows.size();
    const std::size_t added = std::min(static_cast<std::size_t>(numbers.end() - from), room);
    if (added == 0) return;
    const int row = static_cast<int>(m_rows.size());
    beginInsertRows({}, row, row + static_cast<int>(added) - 1);
    for (std::size_t i = 0; i < added; ++i) m_rows.append(from[static_cast<std::ptrdiff_t>(i)]);
    endInsertRows();
}

void PacketTableModel::setTimeFormat(TimeFormat format)
{
    if (format == m_timeFormat) return;
    m_timeFormat = format;
    if (rowCount() > 0) emit dataChanged(index(0, Time), index(rowCount() - 1, Time), {Qt::DisplayRole});
}

void PacketTableModel::refreshText()
{
    m_text.clear();
    if (rowCount() > 0) emit dataChanged(index(0, Source), index(rowCount() - 1, Info), {Qt::DisplayRole});
}

void PacketTableModel::refreshFrames(std::uint64_t first, std::uint64_t last)
{
    if (last < first) return;
    // Only the cached rows of those frames: a view asks again for the ones it shows.
    if (last - first < static_cast<std::uint64_t>(m_text.size())) {
        for (std::uint64_t n = first; n <= last; ++n) m_text.remove(n);
    } else {
        for (const std::uint64_t n : m_text.keys())
            if (n >= first && n <= last) m_text.remove(n);
    }
    if (m_colorizer) m_colorizer->forget(first, last);
    int firstRow = -1, lastRow = -1;
    if (m_filtered) {
        const std::size_t below = m_rows.countBelow(first), through = m_rows.countBelow(last + 1);
        if (through > below) firstRow = static_cast<int>(below), lastRow = static_cast<int>(through) - 1;
    } else if (m_count > 0) {
        const std::uint64_t end = m_first + static_cast<std::uint64_t>(m_count);
        if (last >= m_first && first < end) {
            firstRow = static_cast<int>(std::max(first, m_first) - m_first);
            lastRow = static_cast<int>(std::min(last + 1, end) - 1 - m_first);
        }
    }
    if (firstRow >= 0) emit dataChanged(index(firstRow, 0), index(lastRow, ColumnCount - 1));
}

int PacketTableModel::rowForFrame(std::uint64_t number) const
{
    if (m_filtered) return static_cast<int>(m_rows.rowOf(number));
    if (number < m_first || number >= m_first + static_cast<std::uint64_t>(m_count)) return -1;
    return static_cast<int>(number - m_first);
}

void PacketTableModel::setMarked(std::uint64_t number, bool marked)
{
    if (marked ? !m_marked.insert(number).second : m_marked.erase(number) == 0) return;
    const int row = rowForFrame(number);
    if (row >= 0) emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void PacketTableModel::addSwitchMark(std::uint64_t number, const QString& text)
{
    m_switches[number] = text;
    const int row = rowForFrame(number);
    if (row >= 0) emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString PacketTableModel::switchMark(std::uint64_t number) const
{
    const auto it = m_switches.find(number);
    return it == m_switches.end() ? QString() : it->second;
}

int PacketTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid()) return 0;
    return m_filtered ? static_cast<int>(m_rows.size()) : m_count;
}

int PacketTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

PacketTableModel::RowText* PacketTableModel::rowText(std::uint64_t number) const
{
    if (RowText* cached = m_text.object(number)) return cached;
    auto* text = new RowText;
    FrameRef frame;
    if (!m_store->frame(number, frame)) {
        text->info = QStringLiteral("[Cannot read this frame: %1]").arg(QString::fromStdString(m_store->error()));
    } else {
        // Before the decoder: it may read other frames, which ends this frame's bytes.
        if (m_processMap && !frame.data.empty()) {
            text->flow = localFlowKey(frame.linkType, frame.data, frame.direction);
            if (text->flow) text->submitted = m_processMap->submit(*text->flow);
        }
        if (m_decoder) {
            const SummaryText summary = m_decoder->summarize(frame, number);
            text->source = QString::fromStdString(summary.source);
            text->destination = QString::fromStdString(summary.destination);
            text->protocol = QString::fromStdString(summary.protocol);
            text->info = QString::fromStdString(summary.info);
        }
    }
    ++m_textBuilds;
    m_text.insert(number, text);
    return text;
}

QVariant PacketTableModel::processText(int row, std::uint64_t number) const
{
    if (!m_processMap) return QString();
    RowText* text = rowText(number);
    if (!text->flow) return QString();
    m_processFirstRow = std::min(m_processFirstRow, row);
    m_processLastRow = std::max(m_processLastRow, row);
    if (!text->submitted) text->submitted = m_processMap->submit(*text->flow);
    const FlowOwner owner = m_processMap->lookup(*text->flow);
    if (owner.status == FlowOwner::Status::Pending) return QStringLiteral("…");
    return QString::fromStdString(describeOwner(owner));
}

void PacketTableModel::setTimeReference(std::uint64_t number, bool reference)
{
    if (reference == isTimeReference(number)) return;
    if (reference)
        m_timeRefs.insert(number);
    else
        m_timeRefs.erase(number);
    // Every later row's relative time may change; the views re-ask only for the rows they show.
    const int row = rowForFrame(number);
    if (row >= 0) emit dataChanged(index(row, Time), index(rowCount() - 1, Time), {Qt::DisplayRole});
}

void PacketTableModel::clearTimeReferences()
{
    m_timeRefs.clear();
    if (rowCount() > 0) emit dataChanged(index(0, Time), index(rowCount() - 1, Time), {Qt::DisplayRole});
}

QString PacketTableModel::timeText(const PacketMeta& meta) const
{
    if (isTimeReference(meta.number)) return QStringLiteral("*REF*");
    switch (m_timeFormat) {
    case TimeFormat::Absolute: return formatAbsolute(meta.ts);
    case TimeFormat::Relative: {
        // The last reference before this frame, if it is still retained; else the first packet.
        const auto ref = m_timeRefs.lower_bound(meta.number);
        PacketMeta reference;
        if (ref != m_timeRefs.begin() && m_store->meta(*std::prev(ref), reference)) return formatSince(meta.ts, reference.ts);
        return formatSince(meta.ts, m_haveOrigin ? m_origin : meta.ts);
    }
    case TimeFormat::Delta: {
        PacketMeta previous;
        if (meta.number > m_first && m_store->meta(meta.number - 1, previous)) return formatSince(meta.ts, previous.ts);
        return formatSince(meta.ts, meta.ts);
    }
    }
    return QString();
}

QVariant PacketTableModel::data(const QModelIndex& index, int role) const
{
    if (!m_store || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const std::uint64_t number = frameNumber(index.row());
    switch (role) {
    case FrameNumberRole: return QVariant::fromValue<quint64>(number);
    case MarkedRole: return isMarked(number);
    case SwitchMarkRole: return switchMark(number);
    case Qt::BackgroundRole:
        if (isMarked(number)) return QBrush(QColor(0x20, 0x20, 0x20));
        if (m_switches.count(number)) return QBrush(QColor(0xff, 0xe0, 0x80));
        return m_colorizer ? m_colorizer->background(*m_store, number) : QVariant();
    case Qt::ForegroundRole:
        if (isMarked(number)) return QBrush(Qt::white);
        if (m_switches.count(number)) return QBrush(Qt::black);  // on its light yellow, in a dark palette too
        return m_colorizer ? m_colorizer->foreground(*m_store, number) : QVariant();
    case Qt::ToolTipRole: {
        const QString mark = switchMark(number);
        return mark.isEmpty() ? QVariant() : QVariant(mark);
    }
    case Qt::TextAlignmentRole:
        if (index.column() == Number || index.column() == Length) return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }

    PacketMeta meta;
    const int column = index.column();
    if (column == Number) return QString::number(number);
    if (!m_store->meta(number, meta)) return {};
    switch (column) {
    case Time: return timeText(meta);
    case Length: return QString::number(meta.originalLength);
    case DirectionColumn: return directionName(meta.direction);
    case Mode: {
        const QString mark = switchMark(number);
        return mark.isEmpty() ? modeName(meta.mode) : modeName(meta.mode) + QStringLiteral(" ◀");
    }
    case Process: return processText(index.row(), number);
    case InterfaceColumn: {
        const QString name = m_interfaceName ? m_interfaceName(meta.interfaceId) : QString();
        return name.isEmpty() ? QString::number(meta.interfaceId) : name;
    }
    default: break;
    }
    const RowText* text = rowText(number);
    switch (column) {
    case Source: return text->source;
    case Destination: return text->destination;
    case Protocol: return text->protocol;
    case Info: return text->info;
    default: return {};
    }
}

QVariant PacketTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Number: return QStringLiteral("No.");
    case Time: return QStringLiteral("Time");
    case Source: return QStringLiteral("Source");
    case Destination: return QStringLiteral("Destination");
    case Protocol: return QStringLiteral("Protocol");
    case Length: return QStringLiteral("Length");
    case Info: return QStringLiteral("Info");
    case DirectionColumn: return QStringLiteral("Direction");
    case Mode: return QStringLiteral("Mode");
    case Process: return QStringLiteral("Process");
    case InterfaceColumn: return QStringLiteral("Interface");
    default: return {};
    }
}

}  // namespace rcvmon

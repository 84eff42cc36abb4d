// SPDX-License-Identifier: GPL-2.0-or-later
#include "io_graph_model.h"

#include "io_graph_scan.h"

#include <algorithm>
#include <cmath>

namespace rcvmon {

namespace {

// Wireshark's check_field_unit(): why a unit cannot be computed on a field, or empty.
QString unitFieldError(const QString& name, IoGraphUnit unit)
{
    if (!ioUnitUsesField(unit)) return {};
    if (name.isEmpty()) return IoGraphModel::tr("You didn't specify a field name.");
    const auto id = findField(name.toStdString());
    if (!id) return IoGraphModel::tr("There is no field named '%1'.").arg(name);
    switch (ioFieldType(*id)) {
    case IoFieldType::Unsigned:
    case IoFieldType::Signed:
        if (unit == IoGraphUnit::Load) return IoGraphModel::tr("LOAD is only supported for relative-time fields.");
        return {};
    case IoFieldType::RelativeTime: return {};
    case IoFieldType::Other:
        if (unit == IoGraphUnit::CountFrames || unit == IoGraphUnit::CountFields) return {};
        return IoGraphModel::tr("\"%1\" doesn't have integral values. It can only be used with the following "
                                "calculations: COUNT").arg(name);
    }
    return {};
}

}  // namespace

IoGraphModel::IoGraphModel(QObject* parent) : QAbstractTableModel(parent), m_scan(new IoGraphScan(this))
{
    connect(m_scan, &IoGraphScan::finished, this, &IoGraphModel::onScanFinished);
}

IoGraphModel::~IoGraphModel() { m_scan->cancel(); }

void IoGraphModel::setCapture(const QString& path, std::uint64_t endNumber)
{
    m_path = path;
    m_endNumber = endNumber;
    rescan();
}

void IoGraphModel::setGraphs(std::vector<Graph> graphs)
{
    const auto fieldOf = [](const Graph& g) { return ioUnitUsesField(g.unit) ? g.field.trimmed() : QString(); };
    bool sameFilters = graphs.size() == m_graphs.size();
    for (std::size_t g = 0; sameFilters && g < graphs.size(); ++g)
        sameFilters = graphs[g].filter == m_graphs[g].filter && fieldOf(graphs[g]) == fieldOf(m_graphs[g]) &&
                      (graphs[g].unit == IoGraphUnit::Load) == (m_graphs[g].unit == IoGraphUnit::Load) &&
                      unitFieldError(fieldOf(graphs[g]), graphs[g].unit).isEmpty() ==
                          unitFieldError(fieldOf(m_graphs[g]), m_graphs[g].unit).isEmpty();
    if (sameFilters) {
        m_graphs = std::move(graphs);
        emit headerDataChanged(Qt::Horizontal, 1, columnCount() - 1);
        if (rowCount() > 0) emit dataChanged(index(0, 1), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    m_graphs = std::move(graphs);
    rescan();
}

QString IoGraphModel::filterError(int graph) const
{
    return graph >= 0 && std::size_t(graph) < m_errors.size() ? m_errors[std::size_t(graph)] : QString();
}

QString IoGraphModel::fieldError(int graph) const
{
    return graph >= 0 && std::size_t(graph) < m_fieldErrors.size() ? m_fieldErrors[std::size_t(graph)] : QString();
}

void IoGraphModel::rescan()
{
    m_scan->cancel();
    beginResetModel();
    m_result.reset();
    m_bins.clear();
    std::vector<std::optional<DisplayFilter>> filters;
    std::vector<IoGraphScan::YField> fields(m_graphs.size());
    m_errors.assign(m_graphs.size(), {});
    m_fieldErrors.assign(m_graphs.size(), {});
    m_scales.assign(m_graphs.size(), 1.0);
    for (std::size_t g = 0; g < m_graphs.size(); ++g) {
        const QString text = m_graphs[g].filter.trimmed();
        FilterError error;
        filters.push_back(DisplayFilter::compile(text.toStdString(), error));
        if (!filters.back()) m_errors[g] = QString::fromStdString(error.describe(text.toStdString()));
        if (!usesField(g)) continue;
        const QString name = m_graphs[g].field.trimmed();
        const QString problem = unitFieldError(name, m_graphs[g].unit);
        if (!problem.isEmpty()) {
            // As in Wireshark, a graph whose field does not fit its unit draws nothing.
            m_fieldErrors[g] = problem;
            filters.back().reset();
            continue;
        }
        IoGraphScan::YField& y = fields[g];
        y.used = true;
        y.id = *findField(name.toStdString());
        y.type = ioFieldType(y.id);
        y.load = m_graphs[g].unit == IoGraphUnit::Load;
        if (y.type == IoFieldType::RelativeTime) m_scales[g] = 1e9;
    }
    endResetModel();
    if (!m_path.isEmpty()) m_scan->start(m_path, std::move(filters), m_endNumber, std::move(fields));
}

void IoGraphModel::cancel() { m_scan->cancel(); }

bool IoGraphModel::usesField(std::size_t graph) const
{
    return graph < m_graphs.size() && ioUnitUsesField(m_graphs[graph].unit);
}

void IoGraphModel::onScanFinished()
{
    beginResetModel();
    m_result = m_scan->result();
    regroup();
    endResetModel();
    emit scanFinished();
}

void IoGraphModel::setIntervalMs(std::uint64_t ms)
{
    ms = std::max<std::uint64_t>(ms, 1);
    if (ms == m_intervalMs) return;
    beginResetModel();
    m_intervalMs = ms;
    regroup();
    endResetModel();
}

void IoGraphModel::regroup()
{
    m_bins.clear();
    if (!m_result) return;
    for (std::size_t g = 0; g < m_result->graphs.size(); ++g) {
        m_bins.push_back(regroupBins(m_result->graphs[g], m_intervalMs));
        if (g < m_result->spans.size()) addLoadSpans(m_bins.back(), m_result->spans[g], m_intervalMs);
    }
}

bool IoGraphModel::truncated() const
{
    return m_result && m_result->frames > 0 && std::int64_t(m_result->lastMs / m_intervalMs) + 1 > MaxIntervals;
}

int IoGraphModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_result || m_result->frames == 0) return 0;  // no frame: no interval
    return int(std::min<std::int64_t>(std::int64_t(m_result->lastMs / m_intervalMs) + 1, MaxIntervals));
}

int IoGraphModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_graphs.size()) + 1;
}

double IoGraphModel::spanSeconds() const
{
    const int rows = rowCount();
    return rows > 0 ? double(rows - 1) * double(m_intervalMs) / 1000.0 : 0.0;
}

const IoBin* IoGraphModel::find(int graph, std::uint64_t row) const
{
    if (graph < 0 || std::size_t(graph) >= m_bins.size()) return nullptr;
    const IoBins& bins = m_bins[std::size_t(graph)];
    const auto it = std::lower_bound(bins.begin(), bins.end(), row, [](const IoBin& b, std::uint64_t r) { return b.index < r; });
    return it != bins.end() && it->index == row ? &*it : nullptr;
}

std::uint64_t IoGraphModel::loadWidthUs(std::uint64_t row) const
{
    // The last interval ends with the capture (Wireshark's elapsed time), not a whole interval later.
    const std::uint64_t intervalUs = m_intervalMs * 1000;
    if (!m_result || rowCount() == 0 || row + 1 != std::uint64_t(rowCount())) return intervalUs;
    const std::uint64_t start = row * intervalUs;
    return m_result->lastUs > start ? m_result->lastUs - start : intervalUs;
}

double IoGraphModel::value(std::int64_t row, int graph) const
{
    if (row < 0 || graph < 0 || std::size_t(graph) >= m_graphs.size()) return 0.0;
    const IoBin* bin = find(graph, std::uint64_t(row));
    if (!bin) return 0.0;
    const auto g = std::size_t(graph);
    return ioValue(*bin, m_graphs[g].unit, m_intervalMs, g < m_scales.size() ? m_scales[g] : 1.0,
                   loadWidthUs(std::uint64_t(row)));
}

bool IoGraphModel::hasValue(std::int64_t row, int graph) const
{
    if (row < 0 || row >= rowCount() || graph < 0 || std::size_t(graph) >= m_graphs.size()) return false;
    if (!ioUnitNeedsFields(m_graphs[std::size_t(graph)].unit)) return true;
    const IoBin* bin = find(graph, std::uint64_t(row));
    return bin && bin->fields > 0;
}

std::uint64_t IoGraphModel::firstFrame(int graph, std::int64_t fromRow, std::int64_t toRow) const
{
    if (graph < 0 || std::size_t(graph) >= m_bins.size() || toRow < fromRow || toRow < 0) return 0;
    const IoBins& bins = m_bins[std::size_t(graph)];
    const auto from = std::uint64_t(std::max<std::int64_t>(fromRow, 0));
    auto it = std::lower_bound(bins.begin(), bins.end(), from, [](const IoBin& b, std::uint64_t r) { return b.index < r; });
    std::uint64_t first = 0;
    // Intervals are in time order; frame numbers usually are too, but not in every file.
    for (; it != bins.end() && it->index <= std::uint64_t(toRow); ++it)
        if (first == 0 || it->firstFrame < first) first = it->firstFrame;
    return first;
}

std::int64_t IoGraphModel::runLength(double fromSec, double toSec, int maxPoints) const
{
    const double rows = std::max(0.0, (toSec - fromSec) * 1000.0 / double(m_intervalMs)) + 1.0;
    return std::max<std::int64_t>(1, std::int64_t(std::ceil(rows / std::max(1, maxPoints))));
}

double IoGraphModel::pointWidth(double fromSec, double toSec, int maxPoints) const
{
    return double(runLength(fromSec, toSec, maxPoints)) * double(m_intervalMs) / 1000.0;
}

QList<QPointF> IoGraphModel::points(int graph, double fromSec, double toSec, int maxPoints) const
{
    QList<QPointF> out;
    const int rows = rowCount();
    if (rows == 0 || graph < 0 || std::size_t(graph) >= m_bins.size() || std::size_t(graph) >= m_graphs.size()) return out;
    const std::int64_t run = runLength(fromSec, toSec, maxPoints);
    const double perRow = 1000.0 / double(m_intervalMs);
    // Runs start at multiples of their length, so panning does not change what a point shows.
    std::int64_t first = std::clamp<std::int64_t>(std::int64_t(std::floor(fromSec * perRow)), 0, rows - 1);
    first -= first % run;
    const std::int64_t last = std::clamp<std::int64_t>(std::int64_t(std::ceil(toSec * perRow)), first, rows - 1);
    const Graph& g = m_graphs[std::size_t(graph)];
    if (g.smaPeriod > 0) return smoothedPoints(graph, first, last, run);
    const bool gaps = ioUnitNeedsFields(g.unit);
    std::vector<double> values(std::size_t((last - first) / run + 1), 0.0);
    std::vector<char> shown(values.size(), gaps ? 0 : 1);
    const IoBins& bins = m_bins[std::size_t(graph)];
    auto it = std::lower_bound(bins.begin(), bins.end(), std::uint64_t(first),
                               [](const IoBin& b, std::uint64_t r) { return b.index < r; });
    for (; it != bins.end() && it->index <= std::uint64_t(last); ++it) {
        if (gaps && it->fields == 0) continue;
        const std::size_t slot = std::size_t((std::int64_t(it->index) - first) / run);
        const double v = value(std::int64_t(it->index), graph);
        values[slot] = shown[slot] ? std::max(values[slot], v) : v;
        shown[slot] = 1;
    }
    out.reserve(qsizetype(values.size()));
    const double secondsPerRow = double(m_intervalMs) / 1000.0;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (shown[i]) out.append(QPointF(double(first + std::int64_t(i) * run) * secondsPerRow, values[i]));
    return out;
}

QList<QPointF> IoGraphModel::smoothedPoints(int graph, std::int64_t first, std::int64_t last, std::int64_t run) const
{
    // Every interval's average over its window, walking the stored (non-empty) intervals with
    // two cursors: empty ones add 0 but count in the window, as in Wireshark.
    const Graph& g = m_graphs[std::size_t(graph)];
    const std::int64_t half = g.smaPeriod / 2;
    const std::int64_t rows = rowCount();
    const IoBins& bins = m_bins[std::size_t(graph)];
    const auto at = [&](std::int64_t row) {
        return std::lower_bound(bins.begin(), bins.end(), std::uint64_t(std::max<std::int64_t>(row, 0)),
                                [](const IoBin& b, std::uint64_t r) { return b.index < r; });
    };
    // The window of row r: [r - half, r + half - 1], at least r itself, within the capture.
    const auto lowOf = [&](std::int64_t r) { return std::max<std::int64_t>(0, r - half); };
    const auto highOf = [&](std::int64_t r) { return std::min<std::int64_t>(rows - 1, std::max(r, r + half - 1)); };
    auto addIt = at(lowOf(first));
    auto removeIt = addIt;
    std::int64_t added = lowOf(first) - 1;  // rows [lowOf(first), added] are in the sum
    std::int64_t removed = lowOf(first) - 1;
    double sum = 0;
    std::vector<double> values(std::size_t((last - first) / run + 1), 0.0);
    std::vector<char> shown(values.size(), 0);
    const bool gaps = ioUnitNeedsFields(g.unit);
    for (std::int64_t r = first; r <= last; ++r) {
        for (; added < highOf(r); ++added)
            if (addIt != bins.end() && std::int64_t(addIt->index) == added + 1) sum += value(std::int64_t((addIt++)->index), graph);
        for (; removed < lowOf(r) - 1; ++removed)
            if (removeIt != bins.end() && std::int64_t(removeIt->index) == removed + 1) sum -= value(std::int64_t((removeIt++)->index), graph);
        if (gaps && !hasValue(r, graph)) continue;
        const double count = double(highOf(r) - lowOf(r) + 1);
        const std::size_t slot = std::size_t((r - first) / run);
        const double v = sum / count;
        values[slot] = shown[slot] ? std::max(values[slot], v) : v;
        shown[slot] = 1;
    }
    QList<QPointF> out;
    const double secondsPerRow = double(m_intervalMs) / 1000.0;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (shown[i]) out.append(QPointF(double(first + std::int64_t(i) * run) * secondsPerRow, values[i]));
    return out;
}

QVariant IoGraphModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const std::int64_t row = index.row();
    if (index.column() == 0) {
        if (role == Qt::DisplayRole || role == ValueRole) return double(row) * double(m_intervalMs) / 1000.0;
        return {};
    }
    const int graph = index.column() - 1;
    switch (role) {
    case Qt::DisplayRole:
    case ValueRole: return value(row, graph);
    case FirstFrameRole: return quint64(firstFrame(graph, row, row));
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant IoGraphModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount()) return {};
    if (section == 0) return tr("Interval start");
    const Graph& graph = m_graphs[std::size_t(section - 1)];
    return graph.name.isEmpty() ? tr("Graph %1").arg(section) : graph.name;
}

}  // namespace rcvmon

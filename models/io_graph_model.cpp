// SPDX-License-Identifier: GPL-2.0-or-later
#include "io_graph_model.h"

#include "io_graph_scan.h"

#include <algorithm>
#include <cmath>

namespace rcvmon {

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
    bool sameFilters = graphs.size() == m_graphs.size();
    for (std::size_t g = 0; sameFilters && g < graphs.size(); ++g) sameFilters = graphs[g].filter == m_graphs[g].filter;
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

void IoGraphModel::rescan()
{
    m_scan->cancel();
    beginResetModel();
    m_result.reset();
    m_bins.clear();
    std::vector<std::optional<DisplayFilter>> filters;
    m_errors.assign(m_graphs.size(), {});
    for (std::size_t g = 0; g < m_graphs.size(); ++g) {
        const QString text = m_graphs[g].filter.trimmed();
        FilterError error;
        filters.push_back(DisplayFilter::compile(text.toStdString(), error));
        if (!filters.back()) m_errors[g] = QString::fromStdString(error.describe(text.toStdString()));
    }
    endResetModel();
    if (!m_path.isEmpty()) m_scan->start(m_path, std::move(filters), m_endNumber);
}

void IoGraphModel::cancel() { m_scan->cancel(); }

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
    for (const IoBins& ms : m_result->graphs) m_bins.push_back(regroupBins(ms, m_intervalMs));
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

double IoGraphModel::value(std::int64_t row, int graph) const
{
    if (row < 0 || graph < 0 || std::size_t(graph) >= m_graphs.size()) return 0.0;
    const IoBin* bin = find(graph, std::uint64_t(row));
    return bin ? ioValue(*bin, m_graphs[std::size_t(graph)].unit, m_intervalMs) : 0.0;
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
    if (rows == 0 || graph < 0 || std::size_t(graph) >= m_bins.size()) return out;
    const std::int64_t run = runLength(fromSec, toSec, maxPoints);
    const double perRow = 1000.0 / double(m_intervalMs);
    // Runs start at multiples of their length, so panning does not change what a point shows.
    std::int64_t first = std::clamp<std::int64_t>(std::int64_t(std::floor(fromSec * perRow)), 0, rows - 1);
    first -= first % run;
    const std::int64_t last = std::clamp<std::int64_t>(std::int64_t(std::ceil(toSec * perRow)), first, rows - 1);
    std::vector<double> values(std::size_t((last - first) / run + 1), 0.0);
    const IoBins& bins = m_bins[std::size_t(graph)];
    const IoGraphUnit unit = m_graphs[std::size_t(graph)].unit;
    auto it = std::lower_bound(bins.begin(), bins.end(), std::uint64_t(first),
                               [](const IoBin& b, std::uint64_t r) { return b.index < r; });
    for (; it != bins.end() && it->index <= std::uint64_t(last); ++it) {
        double& v = values[std::size_t((std::int64_t(it->index) - first) / run)];
        v = std::max(v, ioValue(*it, unit, m_intervalMs));
    }
    out.reserve(qsizetype(values.size()));
    const double secondsPerRow = double(m_intervalMs) / 1000.0;
    for (std::size_t i = 0; i < values.size(); ++i)
        out.append(QPointF(double(first + std::int64_t(i) * run) * secondsPerRow, values[i]));
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

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "io_graph_bins.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointF>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace rcvmon {

class IoGraphScan;

// Statistics ▸ I/O Graphs' data: one row per interval from the capture's first frame to its
// last (the whole capture, whatever its span), column 0 the interval's start in seconds and
// one column per graph with its value in the graph's unit. The frames are counted once per
// graph at 1 ms by an IoGraphScan on a worker thread; a new interval or unit regroups those
// counts without reading the file again; a new filter scans again (cancelling the scan
// running). Empty intervals are not stored: a value is looked up among the non-empty ones.
class IoGraphModel : public QAbstractTableModel {
    Q_OBJECT
public:
    struct Graph {
        QString name;
        QString filter;  // display filter; empty counts every frame
        IoGraphUnit unit = IoGraphUnit::Packets;
        QString field = {};  // the Y field of SUM, COUNT, MAX, MIN, AVG and LOAD (a field name)
        int smaPeriod = 0;   // simple moving average over that many intervals (0: none)
    };
    enum Role { ValueRole = Qt::UserRole + 1, FirstFrameRole };
    // Beyond this many intervals (an hour at 1 ms is 3.6 M) the rows stop: truncated() says so.
    static constexpr std::int64_t MaxIntervals = 10'000'000;

    explicit IoGraphModel(QObject* parent = nullptr);
    ~IoGraphModel() override;

    // The file to count (empty: none) up to and excluding frame endNumber (0: all of it).
    void setCapture(const QString& path, std::uint64_t endNumber = 0);
    QString capturePath() const { return m_path; }
    // Scans again when a filter or a used Y field changed; a name, unit (of the same field)
    // or SMA change only changes the columns.
    void setGraphs(std::vector<Graph> graphs);
    const std::vector<Graph>& graphs() const { return m_graphs; }
    // The filter's compile error for a graph; empty when it compiled.
    QString filterError(int graph) const;
    // Why a graph's Y field cannot serve its unit (missing, unknown, not numeric: Wireshark's
    // words); such a graph counts nothing. Empty when it can.
    QString fieldError(int graph) const;
    void setIntervalMs(std::uint64_t ms);
    std::uint64_t intervalMs() const { return m_intervalMs; }
    // Scans again (the file grew, or the user asked).
    void rescan();
    // Stops a running scan (the dialog closed); the rows shown stay.
    void cancel();

    IoGraphScan* scan() const { return m_scan; }
    bool hasResult() const { return m_result != nullptr; }
    bool truncated() const;
    // Seconds from the first frame to the start of the last interval.
    double spanSeconds() const;
    // The interval's value in the graph's unit, as Wireshark's CSV holds it (0 when empty).
    double value(std::int64_t row, int graph) const;
    // Whether Wireshark draws the interval: SUM, MAX, MIN, AVG and LOAD only where the
    // field occurred (a gap elsewhere), the counts everywhere.
    bool hasValue(std::int64_t row, int graph) const;
    // The first frame that graph counted in rows [fromRow, toRow] (0: none).
    std::uint64_t firstFrame(int graph, std::int64_t fromRow, std::int64_t toRow) const;
    // The graph's points with x in [fromSec, toSec] (seconds of interval starts), at most
    // about maxPoints: when more intervals fall in the range, each point is the largest
    // value of a run of intervals, so a peak is never lost when zoomed out. A graph with an
    // SMA period plots each interval's moving average (Wireshark's window: the period/2
    // intervals before it, itself and the period/2 - 1 after it); intervals hasValue()
    // refuses are left out, as Wireshark leaves them out of the plot.
    QList<QPointF> points(int graph, double fromSec, double toSec, int maxPoints) const;
    // Seconds per point of the last points() call's run (an interval, or several).
    double pointWidth(double fromSec, double toSec, int maxPoints) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // A scan finished and its counts are in the rows.
    void scanFinished();

private:
    void onScanFinished();
    void regroup();
    const IoBin* find(int graph, std::uint64_t row) const;
    std::int64_t runLength(double fromSec, double toSec, int maxPoints) const;
    std::uint64_t loadWidthUs(std::uint64_t row) const;
    QList<QPointF> smoothedPoints(int graph, std::int64_t first, std::int64_t last, std::int64_t run) const;
    bool usesField(std::size_t graph) const;

    IoGraphScan* m_scan;
    QString m_path;
    std::uint64_t m_endNumber = 0;
    std::vector<Graph> m_graphs;
    std::vector<QString> m_errors;
    std::vector<QString> m_fieldErrors;
    std::vector<double> m_scales;  // per graph: field value / this = plotted value (1e9: ns → s)
    std::uint64_t m_intervalMs = 1000;
    std::shared_ptr<const IoGraphScanResult> m_result;
    std::vector<IoBins> m_bins;  // m_result's bins regrouped at m_intervalMs
};

}  // namespace rcvmon

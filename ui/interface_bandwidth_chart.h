// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <QStringList>
#include <QWidget>

#include <vector>

class QChart;
class QChartView;
class QLineSeries;
class QTimer;
class QValueAxis;

namespace rcvmon {

class CaptureController;
class SourceMerger;

// Bandwidth per interface of a merged capture: one line (bits/s over the last 60 s) per
// interface, from the bins each interface's capture thread counts (SourceMerger), so the
// chart never scans packets. Hidden unless the capture merges several interfaces; one
// replace() per series per second.
class InterfaceBandwidthChart : public QWidget {
    Q_OBJECT
public:
    explicit InterfaceBandwidthChart(CaptureController* controller, QWidget* parent = nullptr);

    void refresh();
    QStringList seriesNames() const;
    QList<QPointF> points(int series) const;
    QChartView* chartView() const { return m_view; }

private:
    void rebuild(SourceMerger* merger);

    CaptureController* m_controller;
    QChartView* m_view;
    QChart* m_chart;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
    std::vector<QLineSeries*> m_series;
    SourceMerger* m_shown = nullptr;
    QTimer* m_tick;
};

}  // namespace rcvmon

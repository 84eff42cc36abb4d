// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <QWidget>

#include <cstdint>
#include <vector>

class QAbstractAxis;
class QAreaSeries;
class QChart;
class QChartView;
class QComboBox;
class QLineSeries;
class QScatterSeries;
class QTimer;
class QValueAxis;

namespace rcvmon {

class BandwidthModel;

// Charts over a BandwidthModel: in/out (bits/s or packets/s) over the last 60 s or 5 min,
// and bits/s per protocol stacked. Updated on its own once-a-second tick by replacing each
// series' points (one replace() per series), never by rebuilding the chart.
class BandwidthChartView : public QWidget {
    Q_OBJECT
public:
    explicit BandwidthChartView(BandwidthModel* model, QWidget* parent = nullptr);

    // Where a mode or interface switch happened (capture time), shown as a mark.
    void addSwitchMark(std::int64_t second);
    void clearMarks();
    void setWindowSeconds(int seconds);
    int windowSeconds() const { return m_window; }
    void setShowPackets(bool packets);

    // Redraws from the model now; the tick calls it once a second.
    void refresh();
    std::uint64_t refreshCount() const { return m_refreshes; }
    QList<QPointF> inPoints() const;
    QChartView* directionChart() const { return m_directionView; }
    QChartView* protocolChart() const { return m_protocolView; }

private:
    void rebuildProtocolSeries();

    BandwidthModel* m_model;
    QComboBox* m_windowBox;
    QComboBox* m_metricBox;
    QChartView* m_directionView;
    QChartView* m_protocolView;
    QLineSeries* m_in;
    QLineSeries* m_out;
    QScatterSeries* m_marks;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
    QValueAxis* m_protoAxisX;
    QValueAxis* m_protoAxisY;
    QLineSeries* m_zero;
    std::vector<QLineSeries*> m_stackUpper;
    std::vector<QAreaSeries*> m_stackAreas;
    QTimer* m_tick;
    std::vector<std::int64_t> m_markSeconds;
    int m_window = 60;
    bool m_packets = false;
    std::uint64_t m_refreshes = 0;
};

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "interface_bandwidth_chart.h"
#include "palette_tone.h"

#include "capture_controller.h"
#include "live/source_merger.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace rcvmon {

namespace {
constexpr int kSeconds = 60;
}

InterfaceBandwidthChart::InterfaceBandwidthChart(CaptureController* controller, QWidget* parent)
    : QWidget(parent),
      m_controller(controller),
      m_view(new QChartView(this)),
      m_chart(new QChart),
      m_axisX(new QValueAxis(m_chart)),
      m_axisY(new QValueAxis(m_chart)),
      m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("interfaceBandwidthChart"));
    m_chart->setTitle(tr("Bandwidth per interface (bits/s)"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_axisX->setRange(-kSeconds + 1, 0);
    m_axisX->setLabelFormat(QStringLiteral("%d"));
    m_axisX->setTickCount(4);
    m_axisY->setTickCount(3);
    m_axisY->setLabelFormat(QStringLiteral("%.3g"));
    m_axisY->setRange(0, 1000);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    m_view->setChart(m_chart);
    followPalette(m_chart, m_view->palette());
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(240);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setVisible(false);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &InterfaceBandwidthChart::refresh);
    m_tick->start();
    connect(m_controller, &CaptureController::stateChanged, this, &InterfaceBandwidthChart::refresh);
}

void InterfaceBandwidthChart::rebuild(SourceMerger* merger)
{
    for (QLineSeries* s : m_series) {
        m_chart->removeSeries(s);
        delete s;
    }
    m_series.clear();
    m_shown = merger;
    if (!merger) return;
    for (std::uint32_t id = 0; id < merger->interfaceCount(); ++id) {
        auto* series = new QLineSeries;
        series->setName(QString::fromStdString(merger->interfaceName(id)));
        m_chart->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
        m_series.push_back(series);
    }
}

void InterfaceBandwidthChart::refresh()
{
    SourceMerger* merger = m_controller->merger();
    if (merger != m_shown) rebuild(merger);
    setVisible(merger != nullptr);
    if (!merger) return;
    // One time axis for all: seconds before the newest second any interface has seen.
    std::int64_t newest = INT64_MIN;
    for (std::uint32_t id = 0; id < m_series.size(); ++id) {
        std::int64_t second = 0;
        if (const BandwidthBins* bins = merger->memberBandwidth(id); bins && bins->newestSecond(second))
            newest = std::max(newest, second);
    }
    if (newest == INT64_MIN) return;
    double top = 1000;
    for (std::uint32_t id = 0; id < m_series.size(); ++id) {
        QList<QPointF> points;
        const BandwidthBins* bins = merger->memberBandwidth(id);
        if (bins) {
            for (const BandwidthSample& s : bins->snapshot(kSeconds)) {
                const double x = static_cast<double>(s.second - newest);
                if (x <= -kSeconds) continue;
                const double bits = static_cast<double>(s.total().bytes) * 8.0;
                top = std::max(top, bits);
                points.append(QPointF(x, bits));
            }
        }
        m_series[id]->replace(points);
    }
    m_axisY->setRange(0, top * 1.1);
}

QStringList InterfaceBandwidthChart::seriesNames() const
{
    QStringList names;
    for (const QLineSeries* s : m_series) names << s->name();
    return names;
}

QList<QPointF> InterfaceBandwidthChart::points(int series) const
{
    return series >= 0 && series < static_cast<int>(m_series.size()) ? m_series[static_cast<std::size_t>(series)]->points()
                                                                     : QList<QPointF>{};
}

}  // namespace rcvmon

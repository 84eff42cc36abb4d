// SPDX-License-Identifier: GPL-2.0-or-later
#include "top_talkers_chart_view.h"

#include "chart_style.h"
#include "statistics_feed.h"

#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

namespace rcvmon {

namespace {
// One colour per rank, apart from the bandwidth charts' in/out blue and orange.
const QColor rankColors[TopTalkersChartView::kTalkers] = {QColor(0xe1, 0x57, 0x59), QColor(0x59, 0xa1, 0x4f),
                                                          QColor(0xb0, 0x7a, 0xa1), QColor(0x76, 0xb7, 0xb2),
                                                          QColor(0x9c, 0x75, 0x5f)};
}  // namespace

TopTalkersChartView::TopTalkersChartView(StatisticsFeed* feed, QWidget* parent)
    : QWidget(parent),
      m_feed(feed),
      m_axisX(new QValueAxis(this)),
      m_axisY(new QValueAxis(this)),
      m_tick(new QTimer(this))
{
    auto* chart = new QChart;
    chart->setTitle(tr("Top talkers (sent + received)"));
    m_axisX->setTitleText(tr("seconds"));
    m_axisX->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setLabelFormat(QStringLiteral("%g"));
    m_axisY->setTickCount(5);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    for (int i = 0; i < kTalkers; ++i) {
        auto* series = new QLineSeries(this);
        series->setPen(QPen(rankColors[i], 2));
        chart->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
        series->setVisible(false);
        m_series[static_cast<std::size_t>(i)] = series;
    }
    m_view = makeStreamingChartView(chart, this);
    m_view->setMinimumHeight(190);
    chart->legend()->setAlignment(Qt::AlignRight);  // addresses are long: a column, not a row

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_view);

    // Hidden (the dock tabbed away) it skips the work; showEvent() catches up.
    connect(m_tick, &QTimer::timeout, this, [this] {
        if (isVisible()) refresh();
    });
    m_tick->start(1000);
    refresh();
}

void TopTalkersChartView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_feed->setEnabled(true);  // nothing to draw without it; a no-op once on
    refresh();
}

void TopTalkersChartView::setWindowSeconds(int seconds)
{
    m_window = seconds;
    refresh();
}

int TopTalkersChartView::windowSeconds() const
{
    return m_windowSource ? m_windowSource() : m_window;
}

QString TopTalkersChartView::talkerName(int i) const
{
    return m_series[static_cast<std::size_t>(i)]->name();
}

QList<QPointF> TopTalkersChartView::talkerPoints(int i) const
{
    return m_series[static_cast<std::size_t>(i)]->points();
}

void TopTalkersChartView::refresh()
{
    ++m_refreshes;
    const int window = std::max(1, windowSeconds());
    const TalkerTimeline& timeline = m_feed->statistics().talkers();
    std::vector<TalkerShare> top;
    std::int64_t from = 0, newest = 0;
    if (!timeline.empty()) {
        newest = timeline.newestSecond();
        from = std::max(newest - window + 1, timeline.firstSecond());
        top = timeline.top(from, newest, kTalkers);
    }

    // First the peak, to pick the unit; then the points, already divided by it.
    std::vector<std::vector<std::uint64_t>> bytes(top.size());
    double peak = 1.0;
    for (std::size_t i = 0; i < top.size(); ++i) {
        bytes[i] = timeline.bytesPerSecond(top[i].talker, from, newest);
        for (std::uint64_t b : bytes[i]) peak = std::max(peak, static_cast<double>(b) * 8.0);
    }
    const ChartUnit unit = chartUnitFor(peak);
    m_divisor = unit.divisor;

    for (std::size_t i = 0; i < m_series.size(); ++i) {
        QLineSeries* series = m_series[i];
        QList<QPointF> points;
        QString name;
        if (i < top.size()) {
            name = QString::fromStdString(timeline.talkers()[top[i].talker].address.text());
            points.reserve(static_cast<qsizetype>(bytes[i].size()));
            // x is seconds before the newest second, as on the bandwidth charts.
            for (std::size_t k = 0; k < bytes[i].size(); ++k)
                points.append({static_cast<double>(from + static_cast<std::int64_t>(k) - newest),
                               static_cast<double>(bytes[i][k]) * 8.0 / unit.divisor});
        }
        if (series->name() != name) series->setName(name);
        series->replace(points);
        series->setVisible(i < top.size());
    }

    m_axisX->setRange(-window, 0);
    m_axisX->setTickCount(window > 60 ? 6 : 7);
    m_axisY->setRange(0, peak * 1.1 / unit.divisor);
    m_axisY->applyNiceNumbers();
    m_axisY->setTitleText(unit.prefix + tr("bit/s"));
}

}  // namespace rcvmon

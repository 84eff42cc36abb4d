// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <array>
#include <cstdint>
#include <functional>

class QChartView;
class QLineSeries;
class QTimer;
class QValueAxis;

namespace rcvmon {

class StatisticsFeed;

// Bits/s of the five IPv4/IPv6 addresses with most bytes in the window (the bandwidth
// chart's 60 s or 5 min, x = seconds before the newest capture second), from the
// statistics feed's TalkerTimeline. Five fixed line series, renamed to their address and
// given new points by one replace() each on a once-a-second tick; the chart is never
// rebuilt. Shown the first time, it switches the feed on.
class TopTalkersChartView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kTalkers = 5;

    explicit TopTalkersChartView(StatisticsFeed* feed, QWidget* parent = nullptr);

    // Follows another view's window (the bandwidth chart's combo box) at every refresh.
    void setWindowSource(std::function<int()> source) { m_windowSource = std::move(source); }
    void setWindowSeconds(int seconds);
    int windowSeconds() const;

    // Redraws from the timeline now; the tick calls it once a second.
    void refresh();
    std::uint64_t refreshCount() const { return m_refreshes; }
    QChartView* chartView() const { return m_view; }
    // Series i: the address it shows ("" when fewer talkers) and its points as drawn.
    QString talkerName(int i) const;
    QList<QPointF> talkerPoints(int i) const;
    // What the y values are divided by (1, 1e3, 1e6 or 1e9 for bit/s, kbit/s…).
    double unitDivisor() const { return m_divisor; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    StatisticsFeed* m_feed;
    QChartView* m_view;
    std::array<QLineSeries*, kTalkers> m_series{};
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
    QTimer* m_tick;
    std::function<int()> m_windowSource;
    int m_window = 60;
    double m_divisor = 1;
    std::uint64_t m_refreshes = 0;
};

}  // namespace rcvmon

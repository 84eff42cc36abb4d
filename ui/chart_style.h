// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

class QChart;
class QChartView;
class QWidget;

namespace rcvmon {

// Axis values in a readable unit: 1.2 Mbit/s rather than 1.2e+06.
struct ChartUnit {
    double divisor = 1;
    QString prefix;  // "", "k", "M" or "G"
};
ChartUnit chartUnitFor(double top);

// A view for a chart that streams once a second: no animation (it would never settle),
// legend below, small margins, antialiased.
QChartView* makeStreamingChartView(QChart* chart, QWidget* parent);

}  // namespace rcvmon

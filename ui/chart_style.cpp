// SPDX-License-Identifier: GPL-2.0-or-later
#include "chart_style.h"
#include "palette_tone.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QLegend>

namespace rcvmon {

ChartUnit chartUnitFor(double top)
{
    if (top >= 1e9) return {1e9, QStringLiteral("G")};
    if (top >= 1e6) return {1e6, QStringLiteral("M")};
    if (top >= 1e3) return {1e3, QStringLiteral("k")};
    return {1, QString()};
}

QChartView* makeStreamingChartView(QChart* chart, QWidget* parent)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    // A streaming chart moves every item each refresh: a BSP index of them (the scene's
    // default) is rebuilt for nothing each time, on the GUI thread, and nothing here is hit-tested
    // among thousands of items.
    view->scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
    view->setMinimumHeight(160);
    followPalette(chart, view->palette());
    return view;
}

}  // namespace rcvmon

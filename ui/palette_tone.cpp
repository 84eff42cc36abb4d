// SPDX-License-Identifier: GPL-2.0-or-later
#include "palette_tone.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QPalette>

namespace rcvmon {

bool paletteIsDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QString errorTextStyle(const QPalette& palette)
{
    return paletteIsDark(palette) ? QStringLiteral("color: #ff7b7b;") : QStringLiteral("color: #b00020;");
}

QString hintTextStyle(const QPalette& palette)
{
    return paletteIsDark(palette) ? QStringLiteral("color: #ffb45c;") : QStringLiteral("color: #a04000;");
}

void followPalette(QChart* chart, const QPalette& palette)
{
    if (!paletteIsDark(palette)) return;  // the light chart theme already suits a light palette
    const QColor text = palette.color(QPalette::Text);
    chart->setBackgroundBrush(palette.brush(QPalette::Base));
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(palette.color(QPalette::Mid));
        axis->setGridLineColor(palette.color(QPalette::Mid));
    }
}

}  // namespace rcvmon

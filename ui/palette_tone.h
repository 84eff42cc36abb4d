// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

class QChart;
class QPalette;

namespace rcvmon {

// Whether the palette is a dark one (a dark desktop theme): its window is darker than its text.
bool paletteIsDark(const QPalette& palette);

// Style sheets for the few texts the window colours itself, readable on `palette`'s window:
// errors red, hints amber, darker on a light palette and lighter on a dark one.
QString errorTextStyle(const QPalette& palette);
QString hintTextStyle(const QPalette& palette);

// Qt Charts draws white whatever the palette: on a dark palette the chart takes the palette's
// base, text and mid colours for its background, titles, labels and grid (series keep theirs).
// Call once the chart's axes are added.
void followPalette(QChart* chart, const QPalette& palette);

}  // namespace rcvmon

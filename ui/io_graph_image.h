// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace rcvmon {

// Writes a widget as drawn (the I/O graph's plot) to a PNG or SVG file, chosen by the
// name's suffix, through a temporary file renamed at the end. The error in one sentence,
// empty on success.
QString saveWidgetImage(QWidget* widget, const QString& path, const QString& title);

}  // namespace rcvmon

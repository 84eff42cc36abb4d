// SPDX-License-Identifier: GPL-2.0-or-later
#include "io_graph_image.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace rcvmon {

QString saveWidgetImage(QWidget* widget, const QString& path, const QString& title)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("IoGraph", text); };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return tr("Cannot save %1: choose a name ending in .png, .svg or .csv").arg(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return tr("Cannot write %1: %2").arg(path, file.errorString());
    if (suffix == QLatin1String("png")) {
        if (!widget->grab().save(&file, "PNG")) return tr("Cannot write %1: the image could not be encoded").arg(path);
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(widget->size());
        svg.setViewBox(QRect(QPoint(0, 0), widget->size()));
        svg.setTitle(title);
        QPainter painter(&svg);
        widget->render(&painter);
        painter.end();
    }
    if (!file.commit()) return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

}  // namespace rcvmon

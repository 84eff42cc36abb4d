// SPDX-License-Identifier: GPL-2.0-or-later
#include "io_graph_csv.h"

#include "io_graph_model.h"

#include <QLocale>
#include <QSaveFile>

namespace rcvmon {

namespace {

QByteArray quoted(QString text)
{
    return '"' + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")).toUtf8() + '"';
}

// Shortest text that reads back as the same double: the file holds the model's values.
QByteArray number(double v)
{
    return QLocale::c().toString(v, 'g', QLocale::FloatingPointShortest).toLatin1();
}

}  // namespace

QString saveIoGraphCsv(const IoGraphModel& model, const std::vector<int>& graphs, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
    QByteArray line = quoted(model.headerData(0, Qt::Horizontal).toString());
    for (int g : graphs) line += ',' + quoted(model.headerData(g + 1, Qt::Horizontal).toString());
    file.write(line + '\n');
    const int rows = model.rowCount();
    const double seconds = double(model.intervalMs()) / 1000.0;
    for (int row = 0; row < rows; ++row) {
        line = number(double(row) * seconds);
        for (int g : graphs) line += ',' + number(model.value(row, g));
        line += '\n';
        if (file.write(line) != line.size()) break;
    }
    if (!file.commit()) return QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

}  // namespace rcvmon

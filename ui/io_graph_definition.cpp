// SPDX-License-Identifier: GPL-2.0-or-later
#include "io_graph_definition.h"

#include <QCoreApplication>
#include <QSettings>

#include <algorithm>
#include <array>

namespace rcvmon {

namespace {
const QString kGroup = QStringLiteral("ioGraphs");
}

QColor ioGraphColor(int n)
{
    // Wireshark's graph colours (its ColorUtils::graph_colors_), a palette readable on light and dark.
    static const std::array<QRgb, 10> colors = {0x1f77b4, 0xd62728, 0x2ca02c, 0xff7f0e, 0x9467bd,
                                                0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    return QColor(colors[std::size_t(n < 0 ? 0 : n) % colors.size()]);
}

std::vector<IoGraphDefinition> defaultIoGraphs()
{
    return {{true, QCoreApplication::translate("IoGraph", "All Packets"), {}, ioGraphColor(0), IoGraphStyle::Line,
             IoGraphUnit::Packets},
            {false, QCoreApplication::translate("IoGraph", "TCP Errors"), QStringLiteral("tcp.analysis.flags"), ioGraphColor(1),
             IoGraphStyle::Bar, IoGraphUnit::Packets}};
}

std::vector<IoGraphDefinition> loadIoGraphs()
{
    QSettings settings;
    settings.beginGroup(kGroup);
    if (!settings.contains(QStringLiteral("graphs/size"))) return defaultIoGraphs();
    std::vector<IoGraphDefinition> graphs;
    const int count = settings.beginReadArray(QStringLiteral("graphs"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        IoGraphDefinition g;
        g.enabled = settings.value(QStringLiteral("enabled"), true).toBool();
        g.name = settings.value(QStringLiteral("name")).toString();
        g.filter = settings.value(QStringLiteral("filter")).toString();
        g.color = QColor(settings.value(QStringLiteral("color")).toString());
        if (!g.color.isValid()) g.color = ioGraphColor(i);
        g.style = IoGraphStyle(std::clamp(settings.value(QStringLiteral("style")).toInt(), 0, 2));
        g.unit = IoGraphUnit(std::clamp(settings.value(QStringLiteral("unit")).toInt(), 0, IoGraphUnitCount - 1));
        g.yField = settings.value(QStringLiteral("yField")).toString();
        g.smaPeriod = std::max(0, settings.value(QStringLiteral("smaPeriod")).toInt());
        graphs.push_back(g);
    }
    settings.endArray();
    return graphs;
}

void saveIoGraphs(const std::vector<IoGraphDefinition>& graphs)
{
    QSettings settings;
    settings.beginGroup(kGroup);
    settings.remove(QStringLiteral("graphs"));
    settings.beginWriteArray(QStringLiteral("graphs"), int(graphs.size()));
    for (int i = 0; i < int(graphs.size()); ++i) {
        const IoGraphDefinition& g = graphs[std::size_t(i)];
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("enabled"), g.enabled);
        settings.setValue(QStringLiteral("name"), g.name);
        settings.setValue(QStringLiteral("filter"), g.filter);
        settings.setValue(QStringLiteral("color"), g.color.name());
        settings.setValue(QStringLiteral("style"), int(g.style));
        settings.setValue(QStringLiteral("unit"), int(g.unit));
        settings.setValue(QStringLiteral("yField"), g.yField);
        settings.setValue(QStringLiteral("smaPeriod"), g.smaPeriod);
    }
    settings.endArray();
}

std::uint64_t loadIoGraphIntervalMs()
{
    return std::max<qulonglong>(1, QSettings().value(kGroup + QStringLiteral("/intervalMs"), 1000).toULongLong());
}

void saveIoGraphIntervalMs(std::uint64_t ms) { QSettings().setValue(kGroup + QStringLiteral("/intervalMs"), quint64(ms)); }

bool loadIoGraphLogScale() { return QSettings().value(kGroup + QStringLiteral("/logScale"), false).toBool(); }

void saveIoGraphLogScale(bool on) { QSettings().setValue(kGroup + QStringLiteral("/logScale"), on); }

QString ioGraphStyleName(IoGraphStyle style)
{
    switch (style) {
    case IoGraphStyle::Line: return QCoreApplication::translate("IoGraph", "Line");
    case IoGraphStyle::Bar: return QCoreApplication::translate("IoGraph", "Bar");
    case IoGraphStyle::Dots: return QCoreApplication::translate("IoGraph", "Dots");
    }
    return {};
}

QString ioGraphUnitName(IoGraphUnit unit)
{
    switch (unit) {
    case IoGraphUnit::Packets: return QCoreApplication::translate("IoGraph", "Packets");
    case IoGraphUnit::Bytes: return QCoreApplication::translate("IoGraph", "Bytes");
    case IoGraphUnit::BitsPerSecond: return QCoreApplication::translate("IoGraph", "Bits/s");
    case IoGraphUnit::Bits: return QCoreApplication::translate("IoGraph", "Bits");
    case IoGraphUnit::Sum: return QCoreApplication::translate("IoGraph", "SUM(Y Field)");
    case IoGraphUnit::CountFrames: return QCoreApplication::translate("IoGraph", "COUNT FRAMES(Y Field)");
    case IoGraphUnit::CountFields: return QCoreApplication::translate("IoGraph", "COUNT FIELDS(Y Field)");
    case IoGraphUnit::Max: return QCoreApplication::translate("IoGraph", "MAX(Y Field)");
    case IoGraphUnit::Min: return QCoreApplication::translate("IoGraph", "MIN(Y Field)");
    case IoGraphUnit::Average: return QCoreApplication::translate("IoGraph", "AVG(Y Field)");
    case IoGraphUnit::Load: return QCoreApplication::translate("IoGraph", "LOAD(Y Field)");
    }
    return {};
}

const std::vector<int>& ioGraphSmaPeriods()
{
    static const std::vector<int> periods = {0, 10, 20, 50, 100, 200, 500, 1000};
    return periods;
}

QString ioGraphSmaName(int period)
{
    return period <= 0 ? QCoreApplication::translate("IoGraph", "None")
                       : QCoreApplication::translate("IoGraph", "%1 interval SMA").arg(period);
}

}  // namespace rcvmon

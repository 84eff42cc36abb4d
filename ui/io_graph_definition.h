// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "io_graph_bins.h"

#include <QColor>
#include <QString>

#include <vector>

namespace rcvmon {

enum class IoGraphStyle : quint8 { Line, Bar, Dots };

// One row of Statistics ▸ I/O Graphs' list, as the user set it up; saved in the settings.
struct IoGraphDefinition {
    bool enabled = true;
    QString name;
    QString filter;
    QColor color;
    IoGraphStyle style = IoGraphStyle::Line;
    IoGraphUnit unit = IoGraphUnit::Packets;
    QString yField = {};  // the field SUM, COUNT, MAX, MIN, AVG and LOAD compute on
    int smaPeriod = 0;    // Wireshark's "SMA Period": a moving average over that many intervals

    friend bool operator==(const IoGraphDefinition&, const IoGraphDefinition&) = default;
};

// Wireshark's two default graphs: all packets (line) and TCP errors (bars, off by default here:
// its filter dissects every frame, which a large file pays for).
std::vector<IoGraphDefinition> defaultIoGraphs();
// The graphs and interval saved last (the defaults the first time).
std::vector<IoGraphDefinition> loadIoGraphs();
void saveIoGraphs(const std::vector<IoGraphDefinition>& graphs);
std::uint64_t loadIoGraphIntervalMs();
void saveIoGraphIntervalMs(std::uint64_t ms);
bool loadIoGraphLogScale();
void saveIoGraphLogScale(bool on);
// A colour for the n-th graph added, distinct from its neighbours'.
QColor ioGraphColor(int n);

QString ioGraphStyleName(IoGraphStyle style);
// Wireshark's Y Axis names ("Packets", "SUM(Y Field)", …) and its SMA periods.
QString ioGraphUnitName(IoGraphUnit unit);
const std::vector<int>& ioGraphSmaPeriods();
QString ioGraphSmaName(int period);

}  // namespace rcvmon

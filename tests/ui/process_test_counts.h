// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// What Statistics ▸ Processes must show for a capture cycling through testFlows(), and what
// its model shows, as per-process counts the Process tests compare.

#include "process_table_model.h"
#include "process_test_flows.h"

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace rcvmon::test {

struct ProcessCounts {
    quint64 flows = 0, packetsIn = 0, bytesIn = 0, packetsOut = 0, bytesOut = 0;
    friend bool operator==(const ProcessCounts&, const ProcessCounts&) = default;
};

inline QString describe(const ProcessCounts& c)
{
    return QStringLiteral("flows %1, in %2 pkts %3 B, out %4 pkts %5 B")
        .arg(c.flows).arg(c.packetsIn).arg(c.bytesIn).arg(c.packetsOut).arg(c.bytesOut);
}

// Frames [first, end) of the cycle (frame N is testFlows()[(N - 1) % size]): every frame of a
// flow its owner has, by direction, with its length on the wire.
inline QMap<QString, ProcessCounts> expectedProcessTraffic(quint64 first, quint64 end)
{
    const std::vector<TestFlow> flows = testFlows();
    QMap<QString, ProcessCounts> expected;
    QMap<QString, QSet<QString>> flowsOf;  // the local and remote end make the flow
    for (quint64 n = first; n < end; ++n) {
        const TestFlow& flow = flows[(n - 1) % flows.size()];
        if (flow.process.isEmpty()) continue;  // no local end, or no ports
        ProcessCounts& c = expected[flow.process];
        const bool out = flow.frame.direction == Direction::Outgoing;
        flowsOf[flow.process].insert(out ? flow.source + flow.destination : flow.destination + flow.source);
        (out ? c.packetsOut : c.packetsIn) += 1;
        (out ? c.bytesOut : c.bytesIn) += flow.frame.bytes.size();
    }
    for (auto it = expected.begin(); it != expected.end(); ++it) it->flows = flowsOf[it.key()].size();
    return expected;
}

inline quint64 processCell(const ProcessTableModel& model, int row, int column)
{
    return model.index(row, column).data(ProcessTableModel::SortRole).toULongLong();
}

// "fakedns (4242)", "unknown" or "pending", as the Process column says it.
inline QString processKey(const ProcessTableModel& model, int row)
{
    const QString name = model.index(row, ProcessTableModel::Process).data().toString();
    const QString pid = model.index(row, ProcessTableModel::Pid).data().toString();
    return pid.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, pid);
}

// The model's rows; a row whose totals are not the sum of in and out shows as a mismatch.
inline QMap<QString, ProcessCounts> shownProcessTraffic(const ProcessTableModel& model)
{
    QMap<QString, ProcessCounts> shown;
    for (int row = 0; row < model.rowCount(); ++row) {
        ProcessCounts& c = shown[processKey(model, row)];
        c.flows = processCell(model, row, ProcessTableModel::Flows);
        c.packetsIn = processCell(model, row, ProcessTableModel::PacketsIn);
        c.bytesIn = processCell(model, row, ProcessTableModel::BytesIn);
        c.packetsOut = processCell(model, row, ProcessTableModel::PacketsOut);
        c.bytesOut = processCell(model, row, ProcessTableModel::BytesOut);
        if (processCell(model, row, ProcessTableModel::Packets) != c.packetsIn + c.packetsOut) c.flows = ~0ull;
        if (processCell(model, row, ProcessTableModel::Bytes) != c.bytesIn + c.bytesOut) c.flows = ~0ull;
    }
    return shown;
}

inline QString processDifferences(const QMap<QString, ProcessCounts>& shown, const QMap<QString, ProcessCounts>& expected)
{
    QStringList lines;
    for (auto it = expected.begin(); it != expected.end(); ++it)
        if (shown.value(it.key()) != *it)
            lines << QStringLiteral("%1: shown {%2}, expected {%3}").arg(it.key(), describe(shown.value(it.key())), describe(*it));
    for (auto it = shown.begin(); it != shown.end(); ++it)
        if (!expected.contains(it.key())) lines << QStringLiteral("%1: not expected {%2}").arg(it.key(), describe(*it));
    return lines.join(QLatin1Char('\n'));
}

}  // namespace rcvmon::test

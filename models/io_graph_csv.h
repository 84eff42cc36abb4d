// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace rcvmon {

class IoGraphModel;

// Writes the I/O graphs as Wireshark's I/O Graph dialog saves them as CSV: a header line
// "Interval start","<graph name>",..., then one line per interval with its start in seconds
// and each graph's value, for the graphs listed (the enabled ones). Written to a temporary
// file and renamed; returns the error in one sentence, empty on success.
QString saveIoGraphCsv(const IoGraphModel& model, const std::vector<int>& graphs, const QString& path);

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cli_options.h"

namespace rcvmon::cli {

// rcvmon-cli --bench -r FILE: times the index pass (read + classify + one record per packet,
// as the GUI opens a file) and a full dissection of every packet; prints one line.
int runBenchCommand(const CliOptions& options);

}  // namespace rcvmon::cli

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cli_options.h"

namespace rcvmon::cli {

// rcvmon-cli -r FILE -z STAT: tshark's statistics tables; returns the exit status.
int runStatisticsCommand(const CliOptions& options);

}  // namespace rcvmon::cli

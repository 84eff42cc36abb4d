// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cli_options.h"

namespace rcvmon::cli {

// Runs what the parsed command line asks for; returns the exit status (0, 1).
int runCommand(const CliOptions& options);

}  // namespace rcvmon::cli

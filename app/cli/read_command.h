// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cli_options.h"

namespace rcvmon::cli {

// rcvmon-cli -r FILE: print (-T), export (-w) or both; returns the exit status.
int runReadCommand(const CliOptions& options);

}  // namespace rcvmon::cli

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cli_options.h"

namespace rcvmon::cli {

// rcvmon-cli -D: the interfaces with their index, addresses and state.
int runListInterfaces();

// rcvmon-cli -i IFACE: captures until -c, -a, Ctrl-C, SIGTERM, SIGHUP or SIGPIPE; prints the
// packets (or writes them with -w, in place, or to a ring of files with -b) and a summary of
// received / dropped (kernel) / dropped (ring) on stderr.
int runLiveCommand(const CliOptions& options);

}  // namespace rcvmon::cli

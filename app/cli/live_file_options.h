// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cli_options.h"

#include <string>

namespace rcvmon::cli {

// dumpcap's `-b KEY:VALUE` (filesize, duration, interval, files, packets) and
// `-a KEY:VALUE` (duration, filesize, files, packets): each applied to o; an empty string on
// success, otherwise the usage error.
std::string applyRingOption(const std::string& spec, CliOptions& o);
std::string applyAutostopOption(const std::string& spec, CliOptions& o);
// --flush-interval SECONDS (0: at the end of every batch).
std::string applyFlushInterval(const std::string& seconds, CliOptions& o);

// The rules between flags (a ring needs -w FILE, -b files needs a condition to turn over...);
// an empty string when they hold.
std::string checkLiveFileOptions(const CliOptions& o);

}  // namespace rcvmon::cli

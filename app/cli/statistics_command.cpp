// SPDX-License-Identifier: GPL-2.0-or-later
#include "statistics_command.h"

#include <cstdio>

namespace rcvmon::cli {

int runStatisticsCommand(const CliOptions& options)
{
    std::fprintf(stderr, "rcvmon-cli: -z %s is not supported yet\n", options.statistics.front().c_str());
    return 1;
}

}  // namespace rcvmon::cli

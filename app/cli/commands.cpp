// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"

#include "bench_command.h"
#include "glossary_command.h"
#include "live_command.h"
#include "read_command.h"
#include "statistics_command.h"

namespace rcvmon::cli {

int runCommand(const CliOptions& options)
{
    if (!options.glossary.empty()) return runGlossary(options.glossary);
    if (options.listInterfaces) return runListInterfaces();
    if (!options.interface.empty()) return runLiveCommand(options);
    if (options.bench) return runBenchCommand(options);
    if (!options.statistics.empty()) return runStatisticsCommand(options);
    return runReadCommand(options);
}

}  // namespace rcvmon::cli

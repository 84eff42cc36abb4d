// SPDX-License-Identifier: GPL-2.0-or-later
// rcvmon-cli: the headless half of RcvMon, with tshark's flags (DESIGN.md).
#include "cli_options.h"
#include "commands.h"

#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    using namespace rcvmon::cli;
    const ParseResult parsed = parseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed.error.empty()) {
        std::fprintf(stderr, "rcvmon-cli: %s\n%s", parsed.error.c_str(), usageText());
        return 2;
    }
    const CliOptions& options = parsed.options;
    if (options.help) {
        std::fputs(usageText(), stdout);
        return 0;
    }
    if (options.version) {
        std::puts("rcvmon-cli 0.1.0");
        return 0;
    }
    return runCommand(options);
}

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <string>

namespace rcvmon::test {

struct ProcessResult {
    int exitCode = -1;   // -1: could not run, or killed by a signal
    std::string out;     // standard output
    std::string err;     // standard error
};

// Runs a shell command line and collects its output and exit status.
ProcessResult runProcess(const std::string& commandLine);

// Quotes a word for /bin/sh.
std::string shellQuote(const std::string& word);

// True when `program` is on PATH.
bool haveProgram(const std::string& program);

}  // namespace rcvmon::test

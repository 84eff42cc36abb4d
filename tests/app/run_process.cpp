// SPDX-License-Identifier: GPL-2.0-or-later
#include "run_process.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace rcvmon::test {

ProcessResult runProcess(const std::string& commandLine)
{
    ProcessResult result;
    char errPath[] = "/tmp/rcvmon-test-stderr-XXXXXX";
    const int errFd = mkstemp(errPath);
    if (errFd < 0) return result;
    close(errFd);
    FILE* pipe = popen((commandLine + " 2>" + shellQuote(errPath)).c_str(), "r");
    if (pipe) {
        char buffer[65536];
        std::size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
        const int status = pclose(pipe);
        result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::ifstream err(errPath, std::ios::binary);
    std::ostringstream text;
    text << err.rdbuf();
    result.err = text.str();
    std::remove(errPath);
    return result;
}

std::string shellQuote(const std::string& word)
{
    std::string quoted = "'";
    for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

bool haveProgram(const std::string& program)
{
    return runProcess("command -v " + shellQuote(program)).exitCode == 0;
}

}  // namespace rcvmon::test

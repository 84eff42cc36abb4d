// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <sys/types.h>

namespace rcvmon::test {

// A child process whose stdout and stderr the test reads line by line; killed (SIGKILL) and
// reaped by the destructor if it is still running, so a failing test leaves nothing behind.
class ScriptChild {
public:
    explicit ScriptChild(const std::vector<std::string>& argv);
    ~ScriptChild();
    ScriptChild(const ScriptChild&) = delete;
    ScriptChild& operator=(const ScriptChild&) = delete;

    // The next line starting with prefix, or empty after timeout or end of output.
    std::string waitForLine(const std::string& prefix,
                            std::chrono::milliseconds timeout = std::chrono::seconds(15));
    // Waits for the exit (at most timeout, then kills); returns the waitpid status.
    int wait(std::chrono::milliseconds timeout = std::chrono::seconds(15));
    // Everything read so far, for failure messages.
    const std::string& output() const { return m_output; }
    pid_t pid() const { return m_pid; }

private:
    pid_t m_pid = -1;
    int m_out = -1;
    bool m_reaped = false;
    std::string m_buffer;
    std::string m_output;
};

}  // namespace rcvmon::test

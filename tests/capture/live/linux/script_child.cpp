// SPDX-License-Identifier: GPL-2.0-or-later
#include "script_child.h"

#include <csignal>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rcvmon::test {

ScriptChild::ScriptChild(const std::vector<std::string>& argv)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return;
    std::vector<char*> args;
    for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    m_pid = fork();
    if (m_pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        dup2(fds[1], STDERR_FILENO);
        execvp(args[0], args.data());
        _exit(127);
    }
    close(fds[1]);
    m_out = fds[0];
}

ScriptChild::~ScriptChild()
{
    if (m_pid > 0 && !m_reaped) {
        kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
    if (m_out >= 0) close(m_out);
}

std::string ScriptChild::waitForLine(const std::string& prefix, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        for (std::size_t end; (end = m_buffer.find('\n')) != std::string::npos;) {
            std::string line = m_buffer.substr(0, end);
            m_buffer.erase(0, end + 1);
            if (line.rfind(prefix, 0) == 0) return line;
        }
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (m_out < 0 || left.count() <= 0) return {};
        pollfd readable{m_out, POLLIN, 0};
        if (poll(&readable, 1, static_cast<int>(left.count())) <= 0) return {};
        char chunk[4096];
        const ssize_t got = read(m_out, chunk, sizeof chunk);
        if (got <= 0) return {};
        m_buffer.append(chunk, static_cast<std::size_t>(got));
        m_output.append(chunk, static_cast<std::size_t>(got));
    }
}

int ScriptChild::wait(std::chrono::milliseconds timeout)
{
    if (m_pid <= 0 || m_reaped) return -1;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (waitpid(m_pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() >= deadline) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    m_reaped = true;
    return status;
}

}  // namespace rcvmon::test

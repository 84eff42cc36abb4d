// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/linux/ssh_source.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rcvmon {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kChunkBytes = 256u << 10;
constexpr std::size_t kKeptMessages = 8;
constexpr std::string_view kTcpdumpMarker = "rcvmon-remote: tcpdump";
constexpr std::string_view kStatsPrefix = "rcvmon-stats:";

// Quotes a word for the remote POSIX shell.
std::string shellWord(const std::string& word)
{
    std::string out = "'";
    for (const char c : word) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

std::string remoteCommand(const SshSource::Options& o)
{
    const std::string cli = shellWord(o.remoteCli);
    const std::string iface = shellWord(o.target.interfaceName);
    std::string rcvmon = "exec " + cli + " -i " + iface + " -m " + std::string(captureModeName(o.mode)) +
                         " --control-stdin -U -w -";
    if (!o.filter.empty()) rcvmon += " -f " + shellWord(o.filter);
    if (o.allProtocols) rcvmon += " --all-protocols";
    // tcpdump has no RCVALL modes: -p keeps the NIC as it is, and since a packet socket still
    // sees frames for other hosts that reach it (a hub, a veth), only frames to the
    // interface's own address, broadcast and multicast are kept: IP level, as the seed says.
    std::string base = o.allProtocols ? o.filter : o.filter.empty() ? "ip or ip6" : "(ip or ip6) and (" + o.filter + ")";
    std::string tcpdump = "f=" + shellWord(base) + "; mac=$(cat /sys/class/net/" + iface +
                          "/address 2>/dev/null); if [ -n \"$mac\" ]; then f=\"(ether dst $mac or ether multicast)${f:+ and ($f)}\"; fi; "
                          "exec tcpdump -U -w - -p --time-stamp-precision=nano -i " + iface + " \"$f\"";
    return "if command -v " + cli + " >/dev/null 2>&1; then " + rcvmon + "; else echo '" + std::string(kTcpdumpMarker) +
           "' >&2; " + tcpdump + "; fi";
}

std::uint64_t numberAfter(const std::string& line, const std::string& key)
{
    const std::size_t at = line.find(key);
    if (at == std::string::npos) return 0;
    return std::strtoull(line.c_str() + at + key.size(), nullptr, 10);
}

}  // namespace

std::unique_ptr<SshSource> SshSource::open(const Options& options, std::string& error)
{
    std::unique_ptr<SshSource> source(new SshSource(options));
    if (!source->spawn(error) || !source->waitForHeader(error)) return nullptr;
    error.clear();
    return source;
}

SshSource::SshSource(const Options& options) : m_options(options), m_name(options.target.displayName())
{
    m_chunk.resize(kChunkBytes);
    m_argv = {m_options.sshProgram, "-o", "BatchMode=yes", "-T"};
    for (const auto& option : m_options.sshOptions) {
        m_argv.push_back("-o");
        m_argv.push_back(option);
    }
    if (m_options.target.port) {
        m_argv.push_back("-p");
        m_argv.push_back(std::to_string(*m_options.target.port));
    }
    m_argv.push_back("--");
    m_argv.push_back(m_options.target.destination());
    m_argv.push_back(remoteCommand(m_options));
}

SshSource::~SshSource()
{
    stopChild();
    for (const int fd : {m_stdout, m_stderr, m_control, m_wakeFd})
        if (fd >= 0) close(fd);
}

bool SshSource::spawn(std::string& error)
{
    int out[2] = {-1, -1};
    int err[2] = {-1, -1};
    int control[2] = {-1, -1};
    // The control channel is a socket, so a write to a dead ssh is EPIPE (MSG_NOSIGNAL),
    // never a SIGPIPE that would end the whole capture.
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0 ||
        socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, control) != 0) {
        error = std::string("cannot create the pipes for ssh: ") + std::strerror(errno);
        for (const int fd : {out[0], out[1], err[0], err[1], control[0], control[1]})
            if (fd >= 0) close(fd);
        return false;
    }
    std::vector<char*> argv;
    for (auto& arg : m_argv) argv.push_back(arg.data());
    argv.push_back(nullptr);

    m_child = fork();
    if (m_child == 0) {
        // Async-signal-safe calls only until exec. Its own process group: the terminal's
        // Ctrl-C reaches rcvmon-cli, which then ends the remote capture in order.
        setpgid(0, 0);
        dup2(control[1], STDIN_FILENO);
        dup2(out[1], STDOUT_FILENO);
        dup2(err[1], STDERR_FILENO);
        signal(SIGPIPE, SIG_DFL);
        execvp(argv[0], argv.data());
        const char message[] = "rcvmon: cannot run ssh (is OpenSSH's client installed?)\n";
        [[maybe_unused]] const ssize_t written = write(STDERR_FILENO, message, sizeof message - 1);
        _exit(127);
    }
    const int forkErrno = errno;
    close(out[1]);
    close(err[1]);
    close(control[1]);
    m_stdout = out[0];
    m_stderr = err[0];
    m_control = control[0];
    if (m_child < 0) {
        error = std::string("cannot start ssh: ") + std::strerror(forkErrno);
        return false;
    }
    fcntl(m_stdout, F_SETFL, fcntl(m_stdout, F_GETFL) | O_NONBLOCK);
    fcntl(m_stderr, F_SETFL, fcntl(m_stderr, F_GETFL) | O_NONBLOCK);
    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_wakeFd < 0) {
        error = std::string("cannot create the capture wake-up event: ") + std::strerror(errno);
        return false;
    }
    return true;
}

bool SshSource::waitForHeader(std::string& error)
{
    const auto deadline = Clock::now() + m_options.startTimeout;
    while (!m_parser.headerSeen()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            error = "no capture arrived from " + m_options.target.destination() + " within " +
                    std::to_string(m_options.startTimeout.count() / 1000) + " s" +
                    (m_messages.empty() ? std::string() : " (" + m_messages.back() + ")");
            return false;
        }
        pollfd waits[2] = {{m_stdout, POLLIN, 0}, {m_stderr, POLLIN, 0}};
        if (::poll(waits, 2, static_cast<int>(std::min<long long>(left, 200))) < 0 && errno != EINTR) {
            error = std::string("waiting for ssh failed: ") + std::strerror(errno);
            return false;
        }
        readStderr();
        const bool open = readStdout();
        if (m_parser.readHeader()) break;
        if (!open) {
            readStderr();
            error = "cannot capture on " + m_name + ": " + endMessage();
            return false;
        }
        if (!m_parser.error().empty()) {
            error = "the capture from " + m_name + " cannot be read: " + m_parser.error();
            return false;
        }
    }
    m_linkType = m_parser.interfaces().front().linkType;
    // tcpdump captures at IP level whatever was asked: say so through mode().
    m_mode.store(m_remoteIsRcvmon ? m_options.mode : CaptureMode::IpLevel);
    return true;
}

bool SshSource::readStdout()
{
    if (m_stdoutEnded) return false;
    for (int i = 0; i < 4; ++i) {
        const ssize_t got = read(m_stdout, m_chunk.data(), m_chunk.size());
        if (got > 0) {
            m_parser.feed(m_chunk.data(), static_cast<std::size_t>(got));
            if (static_cast<std::size_t>(got) < m_chunk.size()) return true;
            continue;
        }
        if (got < 0 && (errno == EAGAIN || errno == EINTR)) return true;
        m_stdoutEnded = true;  // end of stream, or an error reading the pipe
        return false;
    }
    return true;
}

void SshSource::readStderr()
{
    char buffer[4096];
    for (;;) {
        const ssize_t got = read(m_stderr, buffer, sizeof buffer);
        if (got <= 0) return;
        m_stderrPartial.append(buffer, static_cast<std::size_t>(got));
        for (std::size_t newline; (newline = m_stderrPartial.find('\n')) != std::string::npos;) {
            takeStderrLine(m_stderrPartial.substr(0, newline));
            m_stderrPartial.erase(0, newline + 1);
        }
        if (m_stderrPartial.size() > 4096) m_stderrPartial.clear();  // no line is that long
    }
}

void SshSource::takeStderrLine(const std::string& raw)
{
    std::string line = raw;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) return;
    if (line == kTcpdumpMarker) {
        m_remoteIsRcvmon = false;
        return;
    }
    if (line.rfind(kStatsPrefix, 0) == 0) {
        m_remoteKernel.store(numberAfter(line, "dropped-kernel="));
        m_remoteRing.store(numberAfter(line, "dropped-ring="));
        m_remoteDropped.store(m_remoteKernel.load() + m_remoteRing.load());
        return;
    }
    // tcpdump's chatter on start is not news.
    if (line.rfind("tcpdump: listening on", 0) == 0) return;
    m_messages.push_back(line);
    if (m_messages.size() > kKeptMessages) m_messages.erase(m_messages.begin());
}

std::size_t SshSource::deliver(FrameSink& sink)
{
    std::size_t count = 0;
    FrameRef frame;
    while (m_parser.next(frame) == CaptureStreamParser::Status::Frame) {
        frame.interfaceId = 0;
        ++count;
        // Off: the remote end is told, but what was already on its way is not capture.
        if (m_mode.load(std::memory_order_relaxed) == CaptureMode::Off && !m_remoteIsRcvmon) continue;
        sink.onFrame(frame);
    }
    // The remote end's final statistics block, when it wrote one, is the last word on drops.
    const auto& ifaces = m_parser.interfaces();
    if (!ifaces.empty() && ifaces.front().dropped) m_remoteDropped.store(*ifaces.front().dropped);
    m_received.fetch_add(count, std::memory_order_relaxed);
    return count;
}

PollResult SshSource::poll(FrameSink& sink, int timeoutMs)
{
    if (m_finished) return m_error.empty() ? PollResult::End : PollResult::Error;
    if (deliver(sink) > 0) return PollResult::Frames;
    pollfd waits[3] = {{m_stdout, POLLIN, 0}, {m_stderr, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
    if (::poll(waits, 3, timeoutMs) < 0 && errno != EINTR) {
        m_error = "waiting for " + m_name + " failed: " + std::strerror(errno);
        m_finished = true;
        return PollResult::Error;
    }
    if ((waits[2].revents & POLLIN) != 0) {
        std::uint64_t count = 0;
        [[maybe_unused]] const ssize_t got = read(m_wakeFd, &count, sizeof count);
    }
    readStderr();
    const bool open = readStdout();
    deliver(sink);
    if (!m_parser.error().empty()) {
        m_error = "the capture from " + m_name + " cannot be read on: " + m_parser.error() + "; the frames before are kept";
        m_finished = true;
        stopChild();
        return PollResult::Error;
    }
    if (open) return PollResult::Frames;
    readStderr();
    m_error = "the ssh connection for " + m_name + " ended: " + endMessage() + "; the " +
              std::to_string(m_received.load()) + " packets received from it are kept";
    m_finished = true;
    return PollResult::Error;
}

std::string SshSource::endMessage()
{
    // Standard output ended: ssh is exiting. Its status tells a lost connection (255) from
    // a remote command that failed.
    int status = 0;
    const auto deadline = Clock::now() + std::chrono::seconds(3);
    pid_t done = 0;
    while (m_child > 0 && (done = waitpid(m_child, &status, WNOHANG)) == 0 && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::string why;
    if (done == m_child) {
        m_child = -1;
        readStderr();
        if (WIFEXITED(status)) why = "ssh exited with status " + std::to_string(WEXITSTATUS(status));
        else if (WIFSIGNALED(status)) why = "ssh was killed by signal " + std::to_string(WTERMSIG(status));
    } else {
        why = "its output ended";
    }
    if (!m_stderrPartial.empty()) takeStderrLine(m_stderrPartial), m_stderrPartial.clear();
    if (!m_messages.empty()) why += " (" + m_messages.back() + ")";
    return why;
}

void SshSource::wakeup()
{
    const std::uint64_t one = 1;
    if (m_wakeFd >= 0) [[maybe_unused]] const ssize_t written = write(m_wakeFd, &one, sizeof one);
}

CaptureStats SshSource::stats() const
{
    CaptureStats s{m_received.load(std::memory_order_relaxed), m_remoteDropped.load(std::memory_order_relaxed)};
    s.remoteRing = m_remoteRing.load(std::memory_order_relaxed);
    // The final statistics block counts all drops as one: the part not the ring's is the kernel's.
    s.remoteKernel = s.droppedKernel > s.remoteRing ? s.droppedKernel - s.remoteRing : 0;
    return s;
}

bool SshSource::setMode(CaptureMode mode, std::string& error)
{
    std::lock_guard lock(m_controlMutex);
    if (mode == m_mode.load()) return true;
    if (!m_remoteIsRcvmon) {
        if (mode == CaptureMode::On) {
            error = m_options.target.host + " has no " + m_options.remoteCli +
                    ": its capture runs with tcpdump, at IP level only (install rcvmon-cli there for On)";
            return false;
        }
        m_mode.store(mode);
        return true;
    }
    const std::string line = "mode " + std::string(captureModeName(mode)) + "\n";
    if (m_control < 0 || send(m_control, line.data(), line.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(line.size())) {
        // The connection is gone: nothing captures there any more, which is what Off means.
        if (mode == CaptureMode::Off) {
            m_mode.store(mode);
            return true;
        }
        error = "cannot switch " + m_name + " to " + std::string(captureModeName(mode)) + ": the ssh connection is gone";
        return false;
    }
    m_mode.store(mode);
    return true;
}

void SshSource::stopChild()
{
    if (m_control >= 0) {
        // End of the control channel: the remote rcvmon-cli stops capturing and exits.
        shutdown(m_control, SHUT_WR);
    }
    if (m_child <= 0) return;
    int status = 0;
    auto deadline = Clock::now() + std::chrono::seconds(2);
    // Its output is read (and dropped) meanwhile, so a remote end still writing is not stuck.
    while (waitpid(m_child, &status, WNOHANG) == 0) {
        if (Clock::now() >= deadline) break;
        if (m_stdout >= 0) [[maybe_unused]] const ssize_t dropped = read(m_stdout, m_chunk.data(), m_chunk.size());
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (waitpid(m_child, &status, WNOHANG) == 0) {
        kill(m_child, SIGTERM);
        deadline = Clock::now() + std::chrono::seconds(2);
        while (waitpid(m_child, &status, WNOHANG) == 0 && Clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (waitpid(m_child, &status, WNOHANG) == 0) {
            kill(m_child, SIGKILL);
            waitpid(m_child, &status, 0);
        }
    }
    m_child = -1;
}

}  // namespace rcvmon

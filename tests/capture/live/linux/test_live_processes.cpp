// SPDX-License-Identifier: GPL-2.0-or-later
// The live source seen from outside the test process: live_probe killed with SIGKILL or
// stopped with SIGTERM inside namespace A, and a capture opened without privilege.
#include "live/linux/af_packet_source.h"
#include "live/linux/capture_privilege.h"

#include "live_fixture.h"
#include "netns_pair.h"
#include "require.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rcvmon::test {
namespace {

using namespace std::chrono_literals;

// A child process with its stdout and stderr on one pipe.
class Child {
public:
    explicit Child(const std::vector<std::string>& argv)
    {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0) return;
        m_pid = fork();
        if (m_pid == 0) {
            dup2(fds[1], STDOUT_FILENO);
            dup2(fds[1], STDERR_FILENO);
            std::vector<char*> args;
            for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
            args.push_back(nullptr);
            execvp(args[0], args.data());
            _exit(127);
        }
        close(fds[1]);
        m_out = fds[0];
    }
    ~Child()
    {
        if (m_pid > 0 && !m_reaped) {
            kill(m_pid, SIGKILL);
            wait();
        }
        if (m_out >= 0) close(m_out);
    }

    // Reads until a line starting with prefix arrives (returned) or timeout (empty).
    std::string waitForLine(const std::string& prefix, std::chrono::milliseconds timeout = 10s)
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            for (std::size_t end; (end = m_buffer.find('\n')) != std::string::npos;) {
                std::string line = m_buffer.substr(0, end);
                m_buffer.erase(0, end + 1);
                m_lines.push_back(line);
                if (line.rfind(prefix, 0) == 0) return line;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left <= 0ms) return {};
            pollfd wait{m_out, POLLIN, 0};
            if (::poll(&wait, 1, static_cast<int>(left.count())) <= 0) return {};
            char chunk[4096];
            const ssize_t got = read(m_out, chunk, sizeof chunk);
            if (got <= 0) return {};
            m_buffer.append(chunk, static_cast<std::size_t>(got));
        }
    }
    int wait()
    {
        int status = 0;
        waitpid(m_pid, &status, 0);
        m_reaped = true;
        return status;
    }
    pid_t pid() const { return m_pid; }
    const std::vector<std::string>& lines() const { return m_lines; }

private:
    pid_t m_pid = -1;
    int m_out = -1;
    bool m_reaped = false;
    std::string m_buffer;
    std::vector<std::string> m_lines;
};

class LiveProcessTest : public LiveFixture {
protected:
    std::vector<std::string> probeInA(const std::string& mode)
    {
        return {"ip", "netns", "exec", m_pair.a(), RCVMON_LIVE_PROBE, "-i", NetnsPair::VethA, "-m", mode};
    }
};

pid_t pidFromReadyLine(const std::string& line)
{
    const auto at = line.find("pid=");
    return at == std::string::npos ? -1 : static_cast<pid_t>(std::stol(line.substr(at + 4)));
}

TEST_F(LiveProcessTest, InterfaceIsNotPromiscuousAfterTheCapturingProcessIsKilled)
{
    EXPECT_FALSE(isPromiscuous(m_pair.a(), NetnsPair::VethA));
    Child probe(probeInA("on"));
    const std::string ready = probe.waitForLine("ready ");
    ASSERT_FALSE(ready.empty()) << "live_probe did not start";
    const pid_t capturing = pidFromReadyLine(ready);
    ASSERT_GT(capturing, 0) << ready;
    EXPECT_TRUE(isPromiscuous(m_pair.a(), NetnsPair::VethA));

    ASSERT_EQ(kill(capturing, SIGKILL), 0);
    if (capturing != probe.pid()) kill(probe.pid(), SIGKILL);
    const int status = probe.wait();
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
    // The kernel closed the socket with the process; its membership went with it.
    EXPECT_FALSE(isPromiscuous(m_pair.a(), NetnsPair::VethA));
}

TEST_F(LiveProcessTest, ProbePrintsFramesAndASummaryOnSigterm)
{
    Child probe(probeInA("iplevel"));
    const std::string ready = probe.waitForLine("ready ");
    ASSERT_FALSE(ready.empty()) << "live_probe did not start";
    EXPECT_NE(ready.find("mode=iplevel"), std::string::npos) << ready;
    EXPECT_FALSE(isPromiscuous(m_pair.a(), NetnsPair::VethA));
    auto sender = senderInB();
    ASSERT_TRUE(sender);
    for (std::uint32_t i = 0; i < 3; ++i)
        ASSERT_TRUE(sender->send(udpFrame(m_macA, m_macB, "198.18.0.1", 9, {Kind::HostUnicast, i})));
    // A frame line: direction, lengths, the first bytes (A's MAC first).
    char macHex[13];
    std::snprintf(macHex, sizeof macHex, "%02x%02x%02x%02x%02x%02x", m_macA[0], m_macA[1], m_macA[2], m_macA[3],
                  m_macA[4], m_macA[5]);
    const std::string prefix = std::string("frame in len=74 caplen=74 ") + macHex;
    for (int i = 0; i < 3; ++i) ASSERT_FALSE(probe.waitForLine(prefix).empty()) << "frame " << i;

    ASSERT_EQ(kill(pidFromReadyLine(ready), SIGTERM), 0);
    const std::string summary = probe.waitForLine("summary ");
    ASSERT_FALSE(summary.empty());
    EXPECT_NE(summary.find("dropped=0"), std::string::npos) << summary;
    const int status = probe.wait();
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

TEST_F(LiveProcessTest, WithoutPrivilegeTheErrorNamesTheCapabilityAndSetcap)
{
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // Enter A, then become nobody: setuid from root drops every capability.
        close(fds[0]);
        std::string error;
        {
            ScopedNetns inA(m_pair.a());
            if (!inA.ok() || setgroups(0, nullptr) != 0 || setresgid(65534, 65534, 65534) != 0 ||
                setresuid(65534, 65534, 65534) != 0) {
                error = "could not drop privilege";
            } else {
                auto options = optionsFor(CaptureMode::On);
                if (AfPacketSource::open(options, error)) error = "opened without privilege";
            }
            const ssize_t ignored = write(fds[1], error.data(), error.size());
            (void)ignored;
            _exit(0);
        }
    }
    close(fds[1]);
    std::string message;
    char chunk[1024];
    for (ssize_t got; (got = read(fds[0], chunk, sizeof chunk)) > 0;) message.append(chunk, static_cast<std::size_t>(got));
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_NE(message.find("CAP_NET_RAW"), std::string::npos) << message;
    EXPECT_NE(message.find("CAP_NET_ADMIN"), std::string::npos) << message;
    EXPECT_NE(message.find("root"), std::string::npos) << message;
    EXPECT_NE(message.find("setcap cap_net_raw,cap_net_admin=eip " + runningBinaryPath()), std::string::npos)
        << message;
}

TEST_F(LiveProcessTest, TheSetcapCommandInTheMessageGrantsWhatIsMissing)
{
    RCVMON_REQUIRE(runCommand("command -v setcap && command -v setpriv") == 0, "setcap and setpriv on PATH (libcap2-bin, util-linux)");
    // A copy of live_probe that nobody may run, in a directory of its own.
    char directory[] = "/tmp/rcvmon-probe-XXXXXX";
    ASSERT_NE(mkdtemp(directory), nullptr);
    const std::filesystem::path copy = std::filesystem::path(directory) / "live_probe";
    std::filesystem::copy_file(RCVMON_LIVE_PROBE, copy);
    std::filesystem::permissions(directory, std::filesystem::perms(0755));
    struct RemoveDirectory {
        std::string path;
        ~RemoveDirectory() { std::filesystem::remove_all(path); }
    } cleanup{directory};
    const std::vector<std::string> asNobody = {"ip", "netns", "exec", m_pair.a(), "setpriv", "--reuid=65534",
                                               "--regid=65534", "--clear-groups", copy.string(), "-i",
                                               NetnsPair::VethA, "-m", "on"};

    std::string message;
    {
        Child refused(asNobody);
        message = refused.waitForLine("live_probe: ");
        const int status = refused.wait();
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1) << status;
    }
    const std::string lead = "Grant them to this program with: sudo ";
    const auto at = message.find(lead);
    ASSERT_NE(at, std::string::npos) << message;
    const std::string grant = message.substr(at + lead.size());
    EXPECT_EQ(grant, "setcap cap_net_raw,cap_net_admin=eip " + copy.string());
    std::string output;
    ASSERT_EQ(runCommand(grant, &output), 0) << output;

    Child granted(asNobody);
    const std::string ready = granted.waitForLine("ready ");
    ASSERT_FALSE(ready.empty()) << "still refused after `" << grant << "`";
    EXPECT_TRUE(isPromiscuous(m_pair.a(), NetnsPair::VethA));
    kill(pidFromReadyLine(ready), SIGKILL);
    granted.wait();
    EXPECT_FALSE(isPromiscuous(m_pair.a(), NetnsPair::VethA));
}

}  // namespace
}  // namespace rcvmon::test

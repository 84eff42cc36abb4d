// SPDX-License-Identifier: GPL-2.0-or-later
// Two remote hosts at once (two sshd in two namespaces) plus one local interface, through
// rcvmon-cli (root only): the three merge in time order with their interface ids, tshark reads
// every interface by name (and rcvmon-cli's frame.interface_name equals tshark's), killing one
// host's ssh session leaves the others capturing and that host's NIC not promiscuous, and
// after stop no NIC is.
#include "run_process.h"
#include "ssh_lab.h"

#include "cli_test_waits.h"
#include "live/linux/network_interfaces.h"
#include "marked_frames.h"
#include "netns_pair.h"
#include "require.h"
#include "test_frames.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace rcvmon::test {
namespace {

const std::string kCli = RCVMON_CLI_PATH;

std::size_t countOn(const std::vector<Seen>& frames, std::uint32_t interfaceId)
{
    std::size_t n = 0;
    for (const auto& f : frames) n += f.interfaceId == interfaceId && f.kind == Kind::Port5001;
    return n;
}

std::string macOf(const std::string& netns, const std::string& device)
{
    ScopedNetns inside(netns);
    std::string error;
    for (const auto& item : listNetworkInterfaces(error))
        if (item.name == device) return item.macAddress;
    return {};
}

TEST(CliTwoRemotes, TwoHostsAndALocalInterfaceMergeAndOneLostHostLeavesTheOthers)
{
    const std::string why = SshLab::unavailableReason();
    RCVMON_REQUIRE(why.empty(), why);
    SshLab lab(2);
    std::string error;
    ASSERT_TRUE(lab.create(error)) << error;
    const Mac remote1 = parseMac(macOf(lab.remote(), SshLab::RemoteLan));
    const Mac remote2 = parseMac(macOf(lab.remote2(), SshLab::RemoteLan));
    const Mac local = parseMac(macOf(lab.local(), SshLab::LocalLan));
    const Mac from1 = parseMac(macOf(lab.sender(), SshLab::SenderToRemote));
    const Mac from2 = parseMac(macOf(lab.sender(), SshLab::SenderToRemote2));
    const Mac fromL = parseMac(macOf(lab.sender(), SshLab::SenderToLocal));
    std::unique_ptr<FrameSender> senders[3];
    {
        ScopedNetns inSender(lab.sender());
        ASSERT_TRUE(inSender.ok());
        senders[0] = std::make_unique<FrameSender>(SshLab::SenderToRemote);
        senders[1] = std::make_unique<FrameSender>(SshLab::SenderToRemote2);
        senders[2] = std::make_unique<FrameSender>(SshLab::SenderToLocal);
    }
    for (const auto& s : senders) ASSERT_TRUE(s->ok());
    auto frameTo = [&](int which, std::uint32_t sequence) {
        const Marker m{Kind::Port5001, sequence};
        if (which == 0) return udpFrame(remote1, from1, "198.18.2.1", 5001, m);
        if (which == 1) return udpFrame(remote2, from2, "198.18.5.1", 5001, m);
        return udpFrame(local, fromL, "198.18.3.1", 5001, m);
    };
    const fs::path out = fs::temp_directory_path() / ("rcvmon-two-remotes-" + std::to_string(getpid()) + ".pcapng");
    const fs::path err = out.string() + ".err";
    fs::remove(out);
    struct Cleanup {
        fs::path a, b;
        ~Cleanup()
        {
            std::error_code ignored;
            fs::remove(a, ignored);
            fs::remove(b, ignored);
        }
    } cleanup{out, err};

    // Both hosts promiscuous (-m on before the first -i), the local one at IP level.
    const std::string url1 = std::string("ssh://root@") + SshLab::RemoteHost + "/" + SshLab::RemoteLan;
    const std::string url2 = std::string("ssh://root@") + SshLab::RemoteHost2 + "/" + SshLab::RemoteLan;
    const pid_t child = fork();
    if (child == 0) {
        const std::string command = "exec ip netns exec " + lab.local() + " " + shellQuote(kCli) + " --remote-cli " +
                                    shellQuote(kCli) + " " + lab.sshOptions() + " -f 'udp port 5001' -m on -i " + url1 +
                                    " -i " + url2 + " -i " + SshLab::LocalLan + " -m iplevel -w " +
                                    shellQuote(out.string()) + " 2>" + shellQuote(err.string());
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    ASSERT_GT(child, 0);
    struct Reaper {
        pid_t pid;
        ~Reaper()
        {
            if (waitpid(pid, nullptr, WNOHANG) == 0) {
                kill(pid, SIGKILL);
                waitpid(pid, nullptr, 0);
            }
        }
    } reaper{child};
    ASSERT_TRUE(waitFor([&] { return fs::exists(out) && fs::file_size(out) > 0; }, 60s)) << readText(err);
    ASSERT_TRUE(waitFor([&] { return isPromiscuous(lab.remote(), SshLab::RemoteLan); }, 20s));
    ASSERT_TRUE(waitFor([&] { return isPromiscuous(lab.remote2(), SshLab::RemoteLan); }, 20s));
    EXPECT_FALSE(isPromiscuous(lab.local(), SshLab::LocalLan));

    constexpr std::uint32_t kRounds = 15;
    std::uint32_t sequence = 0;
    for (std::uint32_t round = 0; round < kRounds; ++round)
        for (int which = 0; which < 3; ++which) {
            ASSERT_TRUE(senders[which]->send(frameTo(which, sequence++)));
            std::this_thread::sleep_for(4ms);
        }
    ASSERT_TRUE(waitFor([&] { return markedFrames(out).size() >= 3 * kRounds; }, 30s)) << readText(err);
    {
        const auto frames = markedFrames(out);
        ASSERT_EQ(frames.size(), std::size_t(3 * kRounds));
        for (std::size_t i = 0; i < frames.size(); ++i) {
            EXPECT_EQ(frames[i].sequence, i) << "the merge put frame " << frames[i].sequence << " at " << i;
            EXPECT_EQ(frames[i].interfaceId, i % 3) << i;
            if (i > 0) {
                EXPECT_GE(frames[i].ns, frames[i - 1].ns) << i;
            }
        }
    }

    // Host 2's session dies: rcvmon-cli says so and goes on; host 2's NIC leaves promiscuous mode.
    ASSERT_GT(lab.killSessions(1), 0);
    ASSERT_TRUE(waitFor([&] { return readText(err).find("the ssh connection for 198.18.4.2:r-lan ended") != std::string::npos; },
                        30s)) << readText(err);
    EXPECT_EQ(waitpid(child, nullptr, WNOHANG), 0) << "the capture must go on";
    EXPECT_TRUE(waitFor([&] { return !isPromiscuous(lab.remote2(), SshLab::RemoteLan); }, 20s));
    EXPECT_TRUE(isPromiscuous(lab.remote(), SshLab::RemoteLan));
    for (std::uint32_t i = 0; i < 10; ++i) {
        senders[0]->send(frameTo(0, sequence++));
        senders[2]->send(frameTo(2, sequence++));
        std::this_thread::sleep_for(4ms);
    }
    ASSERT_TRUE(waitFor([&] { return countOn(markedFrames(out), 0) == kRounds + 10 && countOn(markedFrames(out), 2) == kRounds + 10; },
                        30s)) << readText(err);

    kill(child, SIGINT);
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << readText(err);
    EXPECT_TRUE(waitFor([&] { return !isPromiscuous(lab.remote(), SshLab::RemoteLan); }, 20s));
    EXPECT_FALSE(isPromiscuous(lab.remote2(), SshLab::RemoteLan));
    const auto frames = markedFrames(out);
    EXPECT_EQ(countOn(frames, 0), kRounds + 10);
    EXPECT_EQ(countOn(frames, 1), kRounds);  // host 2's frames from before the loss are kept
    EXPECT_EQ(countOn(frames, 2), kRounds + 10);

    // tshark reads all three interfaces by name; rcvmon-cli's own fields say the same.
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    const std::string fields = " -T fields -e frame.interface_id -e frame.interface_name -e udp.dstport";
    const ProcessResult tshark = runProcess("tshark -r " + shellQuote(out.string()) + fields + " 2>/dev/null");
    ASSERT_EQ(tshark.exitCode, 0);
    std::string expected;
    for (std::uint32_t i = 0; i < kRounds; ++i)
        expected += "0\t198.18.1.2:r-lan\t5001\n1\t198.18.4.2:r-lan\t5001\n2\tl-lan\t5001\n";
    EXPECT_EQ(tshark.out.substr(0, expected.size()), expected);
    const ProcessResult ours = runProcess(shellQuote(kCli) + " -r " + shellQuote(out.string()) + fields);
    ASSERT_EQ(ours.exitCode, 0) << ours.err;
    EXPECT_EQ(ours.out, tshark.out);
    const ProcessResult filtered = runProcess(shellQuote(kCli) + " -r " + shellQuote(out.string()) +
                                              " -Y 'frame.interface_name == \"198.18.4.2:r-lan\"' -T fields -e frame.interface_id");
    ASSERT_EQ(filtered.exitCode, 0) << filtered.err;
    std::string ones;
    for (std::uint32_t i = 0; i < kRounds; ++i) ones += "1\n";
    EXPECT_EQ(filtered.out, ones);
    const ProcessResult capinfos = runProcess("capinfos " + shellQuote(out.string()));
    ASSERT_EQ(capinfos.exitCode, 0) << capinfos.err;
    EXPECT_NE(capinfos.out.find("Number of interfaces in file: 3"), std::string::npos) << capinfos.out;
}

}  // namespace
}  // namespace rcvmon::test

// SPDX-License-Identifier: GPL-2.0-or-later
// Remote capture over OpenSSH, end to end (root only): rcvmon-cli in one namespace captures an
// interface of another through a real sshd, merged with a local interface; the sender puts
// frames on both LANs in turn, so the merged file must hold them in the order they were sent.
#include "run_process.h"
#include "ssh_lab.h"

#include "live/capture_stream_parser.h"
#include "cli_test_waits.h"
#include "live/linux/network_interfaces.h"
#include "live/linux/ssh_source.h"
#include "marked_frames.h"
#include "netns_pair.h"
#include "require.h"
#include "test_frames.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <sstream>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace rcvmon::test {
namespace {

const std::string kCli = RCVMON_CLI_PATH;

std::size_t count(const std::vector<Seen>& frames, Kind kind, std::uint32_t interfaceId)
{
    std::size_t n = 0;
    for (const auto& f : frames) n += f.kind == kind && f.interfaceId == interfaceId;
    return n;
}

class CliRemote : public ::testing::Test {
protected:
    void SetUp() override
    {
        const std::string why = SshLab::unavailableReason();
        RCVMON_REQUIRE(why.empty(), why);
        std::string error;
        ASSERT_TRUE(m_lab.create(error)) << error;
        m_remoteMac = parseMac(macOf(m_lab.remote(), SshLab::RemoteLan));
        m_localMac = parseMac(macOf(m_lab.local(), SshLab::LocalLan));
        m_toRemoteMac = parseMac(macOf(m_lab.sender(), SshLab::SenderToRemote));
        m_toLocalMac = parseMac(macOf(m_lab.sender(), SshLab::SenderToLocal));
        {
            ScopedNetns inSender(m_lab.sender());
            ASSERT_TRUE(inSender.ok());
            m_toRemote = std::make_unique<FrameSender>(SshLab::SenderToRemote);
            m_toLocal = std::make_unique<FrameSender>(SshLab::SenderToLocal);
        }
        ASSERT_TRUE(m_toRemote->ok() && m_toLocal->ok());
        m_out = fs::temp_directory_path() / ("rcvmon-remote-" + std::to_string(getpid()) + ".pcapng");
        m_err = m_out.string() + ".err";
        fs::remove(m_out);
    }
    void TearDown() override
    {
        fs::remove(m_out);
        fs::remove(m_err);
    }

    static std::string macOf(const std::string& netns, const std::string& device)
    {
        ScopedNetns inside(netns);
        std::string error;
        for (const auto& item : listNetworkInterfaces(error))
            if (item.name == device) return item.macAddress;
        return {};
    }
    std::string remoteSpec() const { return std::string("ssh://root@") + SshLab::RemoteHost + "/" + SshLab::RemoteLan; }
    // rcvmon-cli in the local namespace, reaching the lab's sshd, running itself at the far end.
    std::string cliInLocal(const std::string& args) const
    {
        return "ip netns exec " + m_lab.local() + " " + shellQuote(kCli) + " --remote-cli " + shellQuote(kCli) + " " +
               m_lab.sshOptions() + " " + args;
    }
    // The capture is running once its file exists: it is opened after every interface is.
    bool waitForFile() const
    {
        return waitFor([&] { return fs::exists(m_out) && fs::file_size(m_out) > 0; }, 60s);
    }
    bool remotePromiscuous() const { return isPromiscuous(m_lab.remote(), SshLab::RemoteLan); }

    std::vector<std::uint8_t> toRemote(Kind kind, std::uint32_t sequence) const
    {
        const Mac& dst = kind == Kind::ForeignUnicast ? ForeignMac : m_remoteMac;
        return udpFrame(dst, m_toRemoteMac, "198.18.2.1", 5001, Marker{kind, sequence});
    }
    std::vector<std::uint8_t> toLocal(std::uint32_t sequence) const
    {
        return udpFrame(m_localMac, m_toLocalMac, "198.18.3.1", 5001, Marker{Kind::Port5001, sequence});
    }

    SshLab m_lab;
    Mac m_remoteMac{}, m_localMac{}, m_toRemoteMac{}, m_toLocalMac{};
    std::unique_ptr<FrameSender> m_toRemote, m_toLocal;
    fs::path m_out, m_err;
};

TEST_F(CliRemote, ARemoteAndALocalInterfaceMergeInTimeOrderIntoOnePcapng)
{
    constexpr int kPairs = 30;
    auto capture = std::async(std::launch::async, [&] {
        return runProcess("timeout 90 " + cliInLocal("-f 'udp port 5001' -i " + remoteSpec() + " -i l-lan -c " +
                                                     std::to_string(2 * kPairs) + " -w " + shellQuote(m_out.string())));
    });
    ASSERT_TRUE(waitForFile());
    // In turns: even numbers on the remote LAN, odd ones on the local LAN.
    for (int i = 0; i < kPairs && capture.wait_for(0ms) != std::future_status::ready; ++i) {
        m_toRemote->send(toRemote(Kind::Port5001, std::uint32_t(2 * i)));
        std::this_thread::sleep_for(5ms);
        m_toLocal->send(toLocal(std::uint32_t(2 * i + 1)));
        std::this_thread::sleep_for(5ms);
    }
    const ProcessResult result = capture.get();
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.err.find(std::to_string(2 * kPairs) + " packets captured on 198.18.1.2:r-lan, l-lan"),
              std::string::npos) << result.err;
    // Each interface's counts, the remote one's drops as its far end reported them.
    EXPECT_NE(result.err.find("interface 0 198.18.1.2:r-lan (iplevel): received "), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(", dropped (remote) 0, dropped (queue) 0\n"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("interface 1 l-lan (iplevel): received "), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(", dropped (kernel) 0, dropped (queue) 0\n"), std::string::npos) << result.err;

    const auto frames = markedFrames(m_out);
    ASSERT_EQ(frames.size(), std::size_t(2 * kPairs));
    for (std::size_t i = 0; i < frames.size(); ++i) {
        EXPECT_EQ(frames[i].sequence, i) << "the merge put frame " << frames[i].sequence << " at " << i;
        EXPECT_EQ(frames[i].interfaceId, i % 2) << i;
        if (i > 0) {  // braces: EXPECT_* is an if/else inside (-Wdangling-else)
            EXPECT_GE(frames[i].ns, frames[i - 1].ns) << i;
        }
    }

    // tshark reads every interface by its name.
    RCVMON_REQUIRE(haveProgram("tshark"), "tshark is not installed");
    const ProcessResult tshark = runProcess("tshark -r " + shellQuote(m_out.string()) +
                                            " -T fields -e frame.interface_id -e frame.interface_name");
    ASSERT_EQ(tshark.exitCode, 0) << tshark.err;
    std::string expected;
    for (int i = 0; i < kPairs; ++i) expected += "0\t198.18.1.2:r-lan\n1\tl-lan\n";
    EXPECT_EQ(tshark.out, expected);
    const ProcessResult capinfos = runProcess("capinfos " + shellQuote(m_out.string()));
    ASSERT_EQ(capinfos.exitCode, 0) << capinfos.err;
    EXPECT_NE(capinfos.out.find("Number of interfaces in file: 2"), std::string::npos) << capinfos.out;
    // Each interface ends with its statistics block, as dumpcap writes them.
    std::size_t statBlocks = 0;
    for (std::size_t at = 0; (at = capinfos.out.find("Number of stat entries = 1", at)) != std::string::npos; ++at)
        ++statBlocks;
    EXPECT_EQ(statBlocks, 2u) << capinfos.out;
    // Their counts: every frame each interface received, none dropped.
    std::ifstream in(m_out, std::ios::binary);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CaptureStreamParser parser;
    parser.feed(bytes.data(), bytes.size());
    FrameRef frame;
    while (parser.next(frame) == CaptureStreamParser::Status::Frame) {
    }
    ASSERT_EQ(parser.interfaces().size(), 2u);
    for (const auto& iface : parser.interfaces()) {
        EXPECT_GE(iface.received.value_or(0), std::uint64_t(kPairs)) << iface.name;
        EXPECT_EQ(iface.dropped, 0u) << iface.name;
    }
}

// The seed's modes at the far end: On sees unicast frames for other hosts, IpLevel does not,
// and the remote NIC is promiscuous only while On runs.
TEST_F(CliRemote, OnSeesForeignFramesOnTheRemoteInterfaceAndIpLevelDoesNot)
{
    for (const std::string mode : {"on", "iplevel"}) {
        SCOPED_TRACE(mode);
        fs::remove(m_out);
        const int wanted = mode == "on" ? 20 : 10;
        auto capture = std::async(std::launch::async, [&] {
            return runProcess("timeout 90 " + cliInLocal("-m " + mode + " -f 'udp port 5001' -i " + remoteSpec() +
                                                         " -c " + std::to_string(wanted) + " -w " +
                                                         shellQuote(m_out.string())));
        });
        ASSERT_TRUE(waitForFile());
        EXPECT_EQ(remotePromiscuous(), mode == "on");
        for (int i = 0; i < 10; ++i) {
            m_toRemote->send(toRemote(Kind::ForeignUnicast, std::uint32_t(i)));
            m_toRemote->send(toRemote(Kind::HostUnicast, std::uint32_t(i)));
            std::this_thread::sleep_for(5ms);
        }
        const ProcessResult result = capture.get();
        ASSERT_EQ(result.exitCode, 0) << result.err;
        const auto frames = markedFrames(m_out);
        EXPECT_EQ(count(frames, Kind::HostUnicast, 0), 10u);
        EXPECT_EQ(count(frames, Kind::ForeignUnicast, 0), mode == "on" ? 10u : 0u);
        // The far end stopped: nothing stays promiscuous.
        EXPECT_TRUE(waitFor([&] { return !remotePromiscuous(); }, 20s));
    }
}

// The connection drops mid-capture: rcvmon-cli says so, keeps the remote frames it has and
// goes on with the local interface; the remote end stops and its NIC leaves promiscuous mode.
TEST_F(CliRemote, ADroppedConnectionKeepsTheCaptureAndItsFrames)
{
    const pid_t child = fork();
    if (child == 0) {
        const std::string command = "exec " + cliInLocal("-f 'udp port 5001' -m on -i " + remoteSpec() + " -i l-lan -w " +
                                                         shellQuote(m_out.string())) +
                                    " 2>" + shellQuote(m_err.string());
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

    ASSERT_TRUE(waitForFile());
    ASSERT_TRUE(waitFor([&] { return remotePromiscuous(); }, 20s));
    for (int i = 0; i < 10; ++i) {
        m_toRemote->send(toRemote(Kind::Port5001, std::uint32_t(2 * i)));
        m_toLocal->send(toLocal(std::uint32_t(2 * i + 1)));
        std::this_thread::sleep_for(5ms);
    }
    // Written within the flush interval (1 s) once the merge lets them out.
    ASSERT_TRUE(waitFor([&] { return count(markedFrames(m_out), Kind::Port5001, 0) == 10; }, 30s));

    ASSERT_GT(m_lab.killSessions(), 0);
    ASSERT_TRUE(waitFor([&] { return readText(m_err).find("the ssh connection for 198.18.1.2:r-lan ended") != std::string::npos; },
                        30s)) << readText(m_err);
    EXPECT_NE(readText(m_err).find("the capture goes on on the other interfaces"), std::string::npos) << readText(m_err);
    EXPECT_EQ(waitpid(child, nullptr, WNOHANG), 0) << "the capture must go on";
    EXPECT_TRUE(waitFor([&] { return !remotePromiscuous(); }, 20s));

    for (int i = 0; i < 10; ++i) {
        m_toLocal->send(toLocal(std::uint32_t(100 + i)));
        std::this_thread::sleep_for(5ms);
    }
    ASSERT_TRUE(waitFor([&] { return count(markedFrames(m_out), Kind::Port5001, 1) == 20; }, 30s));
    kill(child, SIGINT);
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << readText(m_err);
    const auto frames = markedFrames(m_out);
    EXPECT_EQ(count(frames, Kind::Port5001, 0), 10u);
    EXPECT_EQ(count(frames, Kind::Port5001, 1), 20u);
    EXPECT_NE(readText(m_err).find("interface 0 198.18.1.2:r-lan (on) (ended early)"), std::string::npos)
        << readText(m_err);
}

TEST_F(CliRemote, WithoutRcvmonCliTheFarEndCapturesAtIpLevelWithTcpdump)
{
    RCVMON_REQUIRE(haveProgram("tcpdump"), "tcpdump is not installed");
    auto capture = std::async(std::launch::async, [&] {
        return runProcess("timeout 90 ip netns exec " + m_lab.local() + " " + shellQuote(kCli) +
                          " --remote-cli /nonexistent/rcvmon-cli " + m_lab.sshOptions() + " -m on -f 'udp port 5001' -i " +
                          remoteSpec() + " -c 10 -w " + shellQuote(m_out.string()));
    });
    ASSERT_TRUE(waitForFile());
    EXPECT_FALSE(remotePromiscuous());
    for (int i = 0; i < 10; ++i) {
        m_toRemote->send(toRemote(Kind::ForeignUnicast, std::uint32_t(i)));
        m_toRemote->send(toRemote(Kind::HostUnicast, std::uint32_t(i)));
        std::this_thread::sleep_for(5ms);
    }
    const ProcessResult result = capture.get();
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.err.find("198.18.1.2 has no /nonexistent/rcvmon-cli: capturing 198.18.1.2:r-lan at IP level with tcpdump"),
              std::string::npos) << result.err;
    const auto frames = markedFrames(m_out);
    EXPECT_EQ(count(frames, Kind::HostUnicast, 0), 10u);
    EXPECT_EQ(count(frames, Kind::ForeignUnicast, 0), 0u);
}

// Counts marked frames as they come out of a source.
class MarkerCount final : public FrameSink {
public:
    void onFrame(const FrameRef& frame) override
    {
        if (const auto marker = findMarker(frame.data)) ++counts[static_cast<int>(marker->kind)];
    }
    std::size_t of(Kind kind) const { return counts[static_cast<int>(kind)]; }
    std::size_t counts[32] = {};
};

// A mode switch on a running remote capture travels over ssh's standard input to the far
// end's rcvmon-cli: Off then On there, and the remote NIC follows.
TEST_F(CliRemote, ARemoteModeSwitchTravelsOverTheSession)
{
    SshSource::Options options;
    std::string error;
    options.target = *parseSshTarget(remoteSpec(), error);
    options.mode = CaptureMode::IpLevel;
    options.filter = "udp port 5001";
    options.remoteCli = kCli;
    options.sshOptions = m_lab.sshOptionList();
    std::unique_ptr<SshSource> source;
    {
        // ssh is started from this thread, so it runs in the local namespace.
        ScopedNetns inLocal(m_lab.local());
        ASSERT_TRUE(inLocal.ok());
        source = SshSource::open(options, error);
    }
    ASSERT_TRUE(source) << error;
    EXPECT_TRUE(source->remoteIsRcvmon());
    EXPECT_EQ(source->name(), "198.18.1.2:r-lan");
    MarkerCount sink;
    auto pollUntil = [&](auto done) {
        const auto deadline = std::chrono::steady_clock::now() + 30s;
        while (!done() && std::chrono::steady_clock::now() < deadline)
            if (source->poll(sink, 50) != PollResult::Frames) break;
        return done();
    };
    for (int i = 0; i < 5; ++i) {
        m_toRemote->send(toRemote(Kind::ForeignUnicast, std::uint32_t(i)));
        m_toRemote->send(toRemote(Kind::HostUnicast, std::uint32_t(i)));
    }
    ASSERT_TRUE(pollUntil([&] { return sink.of(Kind::HostUnicast) == 5; }));
    EXPECT_EQ(sink.of(Kind::ForeignUnicast), 0u);
    EXPECT_FALSE(remotePromiscuous());

    ASSERT_TRUE(source->setMode(CaptureMode::Off, error)) << error;
    ASSERT_TRUE(source->setMode(CaptureMode::On, error)) << error;
    ASSERT_TRUE(waitFor([&] { return remotePromiscuous(); }, 20s));
    for (int i = 0; i < 5; ++i) {
        m_toRemote->send(toRemote(Kind::ForeignUnicast, std::uint32_t(10 + i)));
        m_toRemote->send(toRemote(Kind::HostUnicast, std::uint32_t(10 + i)));
    }
    ASSERT_TRUE(pollUntil([&] { return sink.of(Kind::HostUnicast) == 10 && sink.of(Kind::ForeignUnicast) == 5; }));
    EXPECT_EQ(source->stats().received, 15u);
    EXPECT_EQ(source->stats().droppedKernel, 0u);
    source.reset();  // closing the channel ends the far end
    EXPECT_TRUE(waitFor([&] { return !remotePromiscuous(); }, 20s));
}

// The far end's side of the channel, without ssh: mode lines switch, the end of standard
// input stops the capture in order, and stat lines report the counts.
TEST_F(CliRemote, TheControlChannelSwitchesModesAndItsEndStopsTheCapture)
{
    const std::string command = "ip netns exec " + m_lab.local() + " " + shellQuote(kCli) +
                                " -i l-lan -m iplevel --control-stdin -w " + shellQuote(m_out.string()) + " 2>" +
                                shellQuote(m_err.string());
    FILE* control = popen(command.c_str(), "w");
    ASSERT_NE(control, nullptr);
    ASSERT_TRUE(waitForFile());
    EXPECT_FALSE(isPromiscuous(m_lab.local(), SshLab::LocalLan));
    std::fputs("mode on\n", control);
    std::fflush(control);
    EXPECT_TRUE(waitFor([&] { return isPromiscuous(m_lab.local(), SshLab::LocalLan); }, 20s));
    EXPECT_TRUE(waitFor([&] { return readText(m_err).find("mode=on") != std::string::npos; }, 20s)) << readText(m_err);
    const int status = pclose(control);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << readText(m_err);
    EXPECT_FALSE(isPromiscuous(m_lab.local(), SshLab::LocalLan));
    EXPECT_NE(readText(m_err).find("rcvmon-stats: received="), std::string::npos) << readText(m_err);
}

TEST_F(CliRemote, AnUnreachableHostIsOneClearMessage)
{
    const ProcessResult result = runProcess("timeout 60 " + cliInLocal("-i ssh://root@198.18.1.99/eth0 -c 1 -w " +
                                                                       shellQuote(m_out.string()) +
                                                                       " --ssh-option ConnectTimeout=2"));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("rcvmon-cli: cannot capture on 198.18.1.99:eth0: ssh exited with status 255"),
              std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(m_out));
}

TEST_F(CliRemote, AMissingRemoteInterfaceIsTheFarEndsMessage)
{
    const ProcessResult result = runProcess("timeout 60 " + cliInLocal(std::string("-i ssh://root@") + SshLab::RemoteHost +
                                                                       "/nosuch0 -i l-lan -c 1 -w " + shellQuote(m_out.string())));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("rcvmon-cli: cannot capture on 198.18.1.2:nosuch0: ssh exited with status 1 (rcvmon-cli: no such "
                              "interface \"nosuch0\""),
              std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(m_out));
}

}  // namespace
}  // namespace rcvmon::test

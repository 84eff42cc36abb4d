// SPDX-License-Identifier: GPL-2.0-or-later
// rcvmon-cli live, end to end in two namespaces of its own (root only; skipped otherwise):
// `-i veth-a -f ... -c N -w -` piped into `rcvmon-cli -r -` (the remote-capture pattern), and
// Ctrl-C ending a capture with its summary and every captured frame kept in the file.
#include "run_process.h"

#include "file/capture_file_reader.h"
#include "live_fixture.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace rcvmon::test {
namespace {

const std::string kCli = RCVMON_CLI_PATH;

class CliLive : public LiveFixture {
protected:
    std::string inA(const std::string& args) const
    {
        return "ip netns exec " + m_pair.a() + " " + shellQuote(kCli) + " " + args;
    }
    // Frames from B to A: UDP to A's MAC and 198.18.0.1, `port`, marker kind by port.
    std::vector<std::uint8_t> frameToA(std::uint16_t port, std::uint32_t sequence) const
    {
        const Kind kind = port == 5001 ? Kind::Port5001 : Kind::Port5002;
        return udpFrame(m_macA, m_macB, "198.18.0.1", port, Marker{kind, sequence});
    }
};

TEST_F(CliLive, FilteredCountToStdoutPipesIntoAReader)
{
    auto sender = senderInB();
    ASSERT_TRUE(sender);
    // The capture ends by itself after 20 matching frames; frames to port 5002 must not count.
    auto pipeline = std::async(std::launch::async, [&] {
        // Parenthesised so both commands' stderr is collected.
        return runProcess("(timeout 20 " + inA("-i veth-a -m iplevel -f 'udp port 5001' -c 20 -w -") + " | "
                          + shellQuote(kCli) + " -r - -T fields -e udp.dstport)");
    });
    std::uint32_t sent = 0;
    const auto deadline = std::chrono::steady_clock::now() + 15s;
    while (pipeline.wait_for(0ms) != std::future_status::ready && std::chrono::steady_clock::now() < deadline && sent < 400) {
        sender->send(frameToA(5002, sent));
        sender->send(frameToA(5001, sent));
        ++sent;
        std::this_thread::sleep_for(20ms);
    }
    const ProcessResult result = pipeline.get();
    ASSERT_EQ(result.exitCode, 0) << result.err;
    std::string expected;
    for (int i = 0; i < 20; ++i) expected += "5001\n";
    EXPECT_EQ(result.out, expected);
    EXPECT_NE(result.err.find("20 packets captured on veth-a (iplevel)"), std::string::npos) << result.err;
}

TEST_F(CliLive, InterruptEndsTheCaptureWithASummaryAndKeepsEveryFrame)
{
    auto sender = senderInB();
    ASSERT_TRUE(sender);
    const fs::path out = fs::temp_directory_path() / ("rcvmon-cli-live-" + std::to_string(getpid()) + ".pcapng");
    const fs::path err = out.string() + ".err";
    const pid_t child = fork();
    if (child == 0) {
        const std::string command = "exec " + inA("-i veth-a -m on -w " + shellQuote(out.string())) + " 2>" + shellQuote(err.string());
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    ASSERT_GT(child, 0);
    std::this_thread::sleep_for(1500ms);  // the socket is open and bound long before this
    const int frames = 50;
    for (int i = 0; i < frames; ++i) {
        sender->send(frameToA(5001, std::uint32_t(i)));
        std::this_thread::sleep_for(5ms);
    }
    std::this_thread::sleep_for(500ms);  // let the block timeout hand the last frames over
    kill(child, SIGINT);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);

    std::ifstream errFile(err);
    std::stringstream errText;
    errText << errFile.rdbuf();
    EXPECT_NE(errText.str().find("received"), std::string::npos) << errText.str();
    EXPECT_NE(errText.str().find("dropped (kernel) 0, dropped (ring) 0"), std::string::npos) << errText.str();

    std::string error;
    auto reader = CaptureFileReader::open(out.string(), error);
    ASSERT_TRUE(reader) << error;
    int marked = 0;
    FrameRef frame;
    while (reader->next(frame)) {
        const auto marker = findMarker(frame.data);
        marked += marker && marker->kind == Kind::Port5001;
    }
    EXPECT_EQ(reader->error(), "");
    EXPECT_EQ(marked, frames);
    fs::remove(out);
    fs::remove(err);
}

// rcvmon-cli writes frames straight from the kernel's ring blocks (lent, not copied) and
// hands each block back only once its frames are written. Here the writer stalls (a reader
// that sleeps first) while more than the 64 MiB ring's worth arrives: the kernel must drop
// what does not fit, never overwrite a block still waiting to be written.
TEST_F(CliLive, FramesWrittenFromLentKernelBlocksSurviveAStalledWriter)
{
    auto sender = senderInB();
    ASSERT_TRUE(sender);
    const fs::path out = fs::temp_directory_path() / ("rcvmon-cli-lent-" + std::to_string(getpid()) + ".pcap");
    constexpr int kFrames = 60000;
    constexpr std::size_t kFrameBytes = 1400;  // 60,000 of them: about 1.3 times the kernel ring
    auto capture = std::async(std::launch::async, [&] {
        return runProcess("(timeout 30 " + inA("-i veth-a -m iplevel -f 'udp port 5003' -a duration:6 -F pcap -w -") +
                          " | (sleep 3; cat > " + shellQuote(out.string()) + "))");
    });
    std::this_thread::sleep_for(1500ms);  // the socket is open and bound long before this
    const int sent = sendPaced(*sender, kFrames, 0us, [&](int i) {
        auto frame = udpFrame(m_macA, m_macB, "198.18.0.1", 5003, Marker{Kind::Bulk, std::uint32_t(i)});
        frame.resize(kFrameBytes, std::uint8_t(i));  // an Ethernet trailer: the marker stays where it is
        return frame;
    });
    const ProcessResult result = capture.get();
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(sent, kFrames);

    std::string error;
    auto reader = CaptureFileReader::open(out.string(), error);
    ASSERT_TRUE(reader) << error;
    FrameRef frame;
    std::int64_t last = -1;
    std::uint64_t frames = 0, intact = 0;
    while (reader->next(frame)) {
        ++frames;
        const auto marker = findMarker(frame.data);
        const bool trailerIntact = frame.data.size() == kFrameBytes && marker &&
                                   frame.data[kFrameBytes - 1] == std::uint8_t(marker->sequence);
        if (marker && marker->kind == Kind::Bulk && std::int64_t(marker->sequence) > last && trailerIntact) {
            ++intact;
            last = marker->sequence;
        }
    }
    fs::remove(out);
    EXPECT_EQ(reader->error(), "");
    EXPECT_GT(frames, 0u);
    EXPECT_EQ(intact, frames) << "every frame whole, in order, once";
    // Honest accounting: what is not in the file, the kernel says it dropped.
    const std::string summary = std::to_string(frames) + " packets captured on veth-a";
    EXPECT_NE(result.err.find(summary), std::string::npos) << result.err;
    const std::size_t at = result.err.find("dropped (kernel) ");
    ASSERT_NE(at, std::string::npos) << result.err;
    EXPECT_EQ(frames + std::stoull(result.err.substr(at + 17)), std::uint64_t(sent)) << result.err;
}

TEST_F(CliLive, LoopbackShowsEachPacketOnce)
{
    // Loopback hands each packet to packet sockets twice (sent and received); one is shown.
    ASSERT_EQ(runCommand("ip netns exec " + m_pair.a() + " ip link set lo up"), 0);
    auto capture = std::async(std::launch::async, [&] {
        return runProcess(inA("-i lo -a duration:3 -f 'udp port 5999' -T fields -e frame.number -e udp.dstport"));
    });
    std::this_thread::sleep_for(1000ms);
    for (int i = 0; i < 3; ++i)
        runCommand("ip netns exec " + m_pair.a() + " bash -c 'echo hi > /dev/udp/127.0.0.1/5999'");
    const ProcessResult result = capture.get();
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, "1\t5999\n2\t5999\n3\t5999\n");
}

}  // namespace
}  // namespace rcvmon::test

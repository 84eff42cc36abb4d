// SPDX-License-Identifier: GPL-2.0-or-later
// rcvmon-cli's live files, end to end in two namespaces of its own (root only; skipped
// otherwise): after kill -9 the -w file holds every flushed packet and capinfos and tshark
// read it without a word; SIGTERM, SIGHUP and SIGPIPE end the capture with its statistics;
// -b rings are dumpcap-named files that together hold every packet; -a files and -a filesize
// end the capture. Every wait is on a condition, with generous deadlines for a busy machine.
#include "require.h"
#include "run_process.h"

#include "file/capture_file_reader.h"
#include "live_fixture.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <regex>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace rcvmon::test {
namespace {

const std::string kCli = RCVMON_CLI_PATH;
constexpr auto kDeadline = 30s;  // for anything the capture should do within a second or two

// Polls `done` every 20 ms until it holds or `timeout` passes.
template <typename Done>
bool waitFor(Done done, std::chrono::milliseconds timeout)
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= until) return false;
        std::this_thread::sleep_for(20ms);
    }
    return true;
}

std::string readText(const fs::path& path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Frames in a capture file as RcvMon's reader sees them; -1 when it cannot be opened yet.
struct FileCount {
    long frames = -1;
    std::string error;
    std::string warning;
};

FileCount countFrames(const fs::path& path)
{
    FileCount count;
    std::string error;
    auto reader = CaptureFileReader::open(path.string(), error);
    if (!reader) return count;
    FrameRef frame;
    count.frames = 0;
    while (reader->next(frame)) ++count.frames;
    count.error = reader->error();
    count.warning = reader->warning();
    return count;
}

// capinfos (and tshark, unless told not to: it takes a while to start) read the file with exit
// status 0 and nothing on stderr but tshark's note on running as root; returns the packet
// count capinfos gives, -1 on any complaint.
enum class Tools : std::uint8_t { CapinfosAndTshark, Capinfos };

long externalToolsCount(const fs::path& path, Tools tools = Tools::CapinfosAndTshark)
{
    const ProcessResult capinfos = runProcess("capinfos -c " + shellQuote(path.string()));
    EXPECT_EQ(capinfos.exitCode, 0) << path << ": " << capinfos.err;
    EXPECT_EQ(capinfos.err, "") << path;
    const std::size_t at = capinfos.out.find("Number of packets:");
    if (capinfos.exitCode != 0 || at == std::string::npos || !capinfos.err.empty()) return -1;
    const long packets = std::stol(capinfos.out.substr(at + 18));
    if (tools == Tools::Capinfos) return packets;
    const ProcessResult tshark = runProcess("tshark -r " + shellQuote(path.string()) + " -T fields -e frame.number");
    EXPECT_EQ(tshark.exitCode, 0) << path << ": " << tshark.err;
    std::string complaints;
    std::istringstream lines(tshark.err);
    for (std::string line; std::getline(lines, line);)
        if (line.find("Running as user") == std::string::npos) complaints += line + "\n";
    EXPECT_EQ(complaints, "") << path;
    if (tshark.exitCode != 0 || !complaints.empty()) return -1;
    EXPECT_EQ(std::count(tshark.out.begin(), tshark.out.end(), '\n'), packets) << path;
    return packets;
}

class CliLiveFiles : public LiveFixture {
protected:
    void SetUp() override
    {
        LiveFixture::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        RCVMON_REQUIRE(haveProgram("capinfos") && haveProgram("tshark"), "capinfos and tshark");
        m_dir = fs::temp_directory_path() / ("rcvmon-cli-live-files-" + std::to_string(getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        m_sender = senderInB();
        ASSERT_TRUE(m_sender);
    }
    void TearDown() override
    {
        if (m_child > 0) {  // a failed test must not leave its capture running
            kill(m_child, SIGKILL);
            waitpid(m_child, nullptr, 0);
        }
        if (!m_dir.empty()) fs::remove_all(m_dir);
    }

    // Starts rcvmon-cli in namespace A; `ip netns exec` execs it, so the child is rcvmon-cli.
    void start(const std::string& args)
    {
        m_err = m_dir / ("stderr-" + std::to_string(++m_runs));
        const std::string command = "exec ip netns exec " + m_pair.a() + " " + shellQuote(kCli) + " " + args + " 2>" +
                                    shellQuote(m_err.string());
        m_child = fork();
        if (m_child == 0) {
            execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        ASSERT_GT(m_child, 0);
    }
    // Collects the child's wait status once it has ended; true then.
    bool ended()
    {
        if (m_child > 0 && waitpid(m_child, &m_status, WNOHANG) == m_child) m_child = -1;
        return m_child <= 0;
    }
    // Waits for the child's end; its wait status, or -1 after the deadline.
    int finish(std::chrono::milliseconds timeout = kDeadline)
    {
        return waitFor([&] { return ended(); }, timeout) ? m_status : -1;
    }
    bool running() { return !ended(); }
    std::string stderrText() const { return readText(m_err); }

    // `count` UDP frames to port 5001 of `size` bytes, one every `gap` (bounded in count and time).
    int send(int count, std::size_t size = 0, std::chrono::microseconds gap = 2ms)
    {
        return sendPaced(*m_sender, count, gap, [&](int i) { return frame(i, size); });
    }
    std::vector<std::uint8_t> frame(int i, std::size_t size) const
    {
        auto bytes = udpFrame(m_macA, m_macB, "198.18.0.1", 5001, Marker{Kind::Port5001, std::uint32_t(i)});
        if (bytes.size() < size) bytes.resize(size, std::uint8_t(i));  // an Ethernet trailer
        return bytes;
    }
    // The capture is open once its file holds a readable header.
    bool fileReady(const fs::path& path)
    {
        return waitFor([&] { return countFrames(path).frames >= 0; }, kDeadline);
    }
    std::vector<std::string> filesIn() const
    {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(m_dir))
            if (e.path().filename().string().rfind("stderr-", 0) != 0) names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }

    fs::path m_dir;
    fs::path m_err;
    pid_t m_child = -1;
    int m_status = -1;
    int m_runs = 0;
    std::unique_ptr<FrameSender> m_sender;
};

TEST_F(CliLiveFiles, KillNineLeavesAReadableFileWithEveryFlushedPacket)
{
    // -U writes each packet at once: with it, an hour's flush interval changes nothing.
    for (const std::string flags : {"-F pcapng", "-F pcap", "-U --flush-interval 3600"}) {
        SCOPED_TRACE(flags);
        const fs::path out = m_dir / (flags == "-F pcap" ? "killed.pcap" : "killed.pcapng");
        start("-i veth-a -m iplevel -f 'udp port 5001' " + flags + " -w " + shellQuote(out.string()));
        ASSERT_TRUE(fileReady(out)) << "no readable file: " << stderrText();
        const int sent = send(100);
        ASSERT_EQ(sent, 100);
        // Flushed within the second (--flush-interval 1 by default): wait for it, then kill.
        ASSERT_TRUE(waitFor([&] { return countFrames(out).frames >= sent; }, kDeadline))
            << countFrames(out).frames << " of " << sent << " in the file";
        kill(m_child, SIGKILL);
        const int status = finish();
        ASSERT_TRUE(WIFSIGNALED(status));

        EXPECT_EQ(externalToolsCount(out), sent);
        const FileCount own = countFrames(out);
        EXPECT_EQ(own.frames, sent);
        EXPECT_EQ(own.error, "");
        EXPECT_EQ(own.warning, "");
        EXPECT_EQ(filesIn(), std::vector<std::string>{out.filename().string()}) << "written in place, no temporary";
        fs::remove(out);
    }
}

// Killed while packets pour in: everything the file showed before the kill is still there.
// A write is cut short by SIGKILL only between pages, so the last record can be torn (rarely);
// RcvMon's reader then cuts it off with a warning, and otherwise capinfos reads the file clean.
TEST_F(CliLiveFiles, KillNineDuringTrafficKeepsEverythingFlushedBefore)
{
    const fs::path out = m_dir / "flowing.pcapng";
    start("-i veth-a -m iplevel -f 'udp port 5001' -w " + shellQuote(out.string()));
    ASSERT_TRUE(fileReady(out)) << stderrText();
    std::atomic<bool> stop{false};
    auto sender = std::async(std::launch::async, [&] {
        int sent = 0;
        const auto until = std::chrono::steady_clock::now() + kDeadline;
        for (int i = 0; i < 200000 && !stop.load() && std::chrono::steady_clock::now() < until; ++i)
            sent += m_sender->send(frame(i, i % 2 ? 1400 : 60));
        return sent;
    });
    long before = 0;
    const bool flowing = waitFor([&] { return (before = countFrames(out).frames) >= 2000; }, kDeadline);
    kill(m_child, SIGKILL);
    stop = true;
    const int sent = sender.get();
    ASSERT_TRUE(flowing) << before << " frames in the file after sending " << sent;
    ASSERT_TRUE(WIFSIGNALED(finish()));

    const FileCount own = countFrames(out);
    EXPECT_EQ(own.error, "");
    EXPECT_GE(own.frames, before);
    if (own.warning.empty()) EXPECT_EQ(externalToolsCount(out, Tools::Capinfos), own.frames);
    else std::cout << "torn tail cut off: " << own.warning << "\n";
}

TEST_F(CliLiveFiles, TermHupAndPipeEndTheCaptureWithItsStatistics)
{
    for (const int signal : {SIGTERM, SIGHUP}) {
        SCOPED_TRACE(strsignal(signal));
        const fs::path out = m_dir / (signal == SIGTERM ? "term.pcap" : "hup.pcapng");
        start("-i veth-a -m iplevel -f 'udp port 5001' -w " + shellQuote(out.string()) +
              (signal == SIGTERM ? " -F pcap" : ""));
        ASSERT_TRUE(fileReady(out)) << stderrText();
        ASSERT_EQ(send(30), 30);
        ASSERT_TRUE(waitFor([&] { return countFrames(out).frames >= 30; }, kDeadline));
        kill(m_child, signal);
        const int status = finish();
        ASSERT_TRUE(WIFEXITED(status)) << status;
        EXPECT_EQ(WEXITSTATUS(status), 0) << stderrText();
        EXPECT_NE(stderrText().find("30 packets captured on veth-a (iplevel); received 30, dropped (kernel) 0"),
                  std::string::npos)
            << stderrText();
        EXPECT_EQ(externalToolsCount(out), 30);
        EXPECT_EQ(countFrames(out).warning, "");
    }

    // SIGPIPE: the reader of -w - goes away after one byte; the next write ends the capture.
    const fs::path rc = m_dir / "status";
    auto pipeline = std::async(std::launch::async, [&] {
        // Parenthesised so rcvmon-cli's stderr is collected, not only head's.
        return runProcess("((ip netns exec " + m_pair.a() + " " + shellQuote(kCli) +
                          " -i veth-a -m iplevel -f 'udp port 5001' -w -; echo $? > " + shellQuote(rc.string()) +
                          ") | head -c 1 > /dev/null)");
    });
    int sent = 0;
    while (!fs::exists(rc) && sent < 3000 && pipeline.wait_for(0ms) != std::future_status::ready) sent += send(1, 0, 5ms);
    ASSERT_EQ(pipeline.wait_for(kDeadline), std::future_status::ready);
    const ProcessResult result = pipeline.get();
    ASSERT_TRUE(waitFor([&] { return !readText(rc).empty(); }, kDeadline));
    EXPECT_EQ(readText(rc), "0\n") << result.err;
    EXPECT_NE(result.err.find("packets captured on veth-a (iplevel)"), std::string::npos) << result.err;
}

TEST_F(CliLiveFiles, RingFilesAreDumpcapNamedAndTogetherHoldEveryPacket)
{
    constexpr int kPackets = 200;
    constexpr std::size_t kFrameBytes = 1000;
    const std::regex dumpcapName(R"((all|last3)_(\d{5})_\d{14}\.pcapng)");
    std::size_t allFiles = 0;
    for (const std::string name : {"all", "last3"}) {
        SCOPED_TRACE(name);
        const std::string keep = name == "last3" ? " -b files:3" : "";
        start("-i veth-a -m iplevel -f 'udp port 5001' -c " + std::to_string(kPackets) + " -b filesize:10" + keep +
              " -w " + shellQuote((m_dir / (name + ".pcapng")).string()));
        // The first ring file opens with the capture.
        ASSERT_TRUE(waitFor([&] { return !filesIn().empty() && countFrames(m_dir / filesIn().front()).frames >= 0; },
                            kDeadline))
            << stderrText();
        ASSERT_EQ(send(kPackets, kFrameBytes, 1ms), kPackets);
        const int status = finish();
        ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << stderrText();
        EXPECT_NE(stderrText().find(std::to_string(kPackets) + " packets captured on veth-a"), std::string::npos)
            << stderrText();

        const auto files = filesIn();
        long total = 0;
        long perFile = -1;
        std::vector<unsigned long> numbers;
        for (std::size_t i = 0; i < files.size(); ++i) {
            SCOPED_TRACE(files[i]);
            std::smatch m;
            ASSERT_TRUE(std::regex_match(files[i], m, dumpcapName));
            numbers.push_back(std::stoul(m[2]));
            const long packets = externalToolsCount(m_dir / files[i], Tools::Capinfos);
            total += packets;
            if (i + 1 == files.size()) continue;
            // Every file but the newest turned over as it reached 10 kB, so they hold the same count.
            EXPECT_GE(fs::file_size(m_dir / files[i]), 10'000u);
            if (perFile < 0) perFile = packets;
            EXPECT_EQ(packets, perFile);
        }
        for (std::size_t i = 1; i < numbers.size(); ++i) EXPECT_EQ(numbers[i], numbers[i - 1] + 1);
        if (name == "all") {
            EXPECT_EQ(total, kPackets) << "every captured packet is in exactly one file";
            ASSERT_GT(perFile, 0);
            allFiles = files.size();
            EXPECT_EQ(allFiles, std::size_t((kPackets + perFile - 1) / perFile));
        } else {
            EXPECT_EQ(files.size(), 3u);
            EXPECT_EQ(numbers.back(), allFiles) << "the newest three of the same number of files";
        }
        for (const auto& f : files) fs::remove(m_dir / f);
    }
}

TEST_F(CliLiveFiles, AutostopAfterFilesAndAtAFileSize)
{
    // -a files:2 with -b packets:10: the capture ends itself as the second file fills.
    start("-i veth-a -m iplevel -f 'udp port 5001' -b packets:10 -a files:2 -w " + shellQuote((m_dir / "two.pcapng").string()));
    ASSERT_TRUE(waitFor([&] { return !filesIn().empty() && countFrames(m_dir / filesIn().front()).frames >= 0; }, kDeadline));
    for (int i = 0; i < 2000 && running(); ++i) send(1, 0, 2ms);
    int status = finish();
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << stderrText();
    EXPECT_NE(stderrText().find("20 packets captured on veth-a"), std::string::npos) << stderrText();
    auto files = filesIn();
    ASSERT_EQ(files.size(), 2u);
    for (const auto& f : files) EXPECT_EQ(externalToolsCount(m_dir / f), 10) << f;
    for (const auto& f : files) fs::remove(m_dir / f);

    // -a filesize:5 without a ring: one file, ended by the packet that takes it to 5 kB.
    const fs::path out = m_dir / "five.pcapng";
    start("-i veth-a -m iplevel -f 'udp port 5001' -a filesize:5 -w " + shellQuote(out.string()));
    ASSERT_TRUE(fileReady(out)) << stderrText();
    for (int i = 0; i < 2000 && running(); ++i) sendPaced(*m_sender, 1, 2ms, [&](int) { return frame(i, 1000); });
    status = finish();
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << stderrText();
    const auto size = fs::file_size(out);
    EXPECT_GE(size, 5000u);
    EXPECT_LT(size, 5000u + 1100u) << "one packet past the size at most";
    const long packets = externalToolsCount(out);
    EXPECT_NE(stderrText().find(std::to_string(packets) + " packets captured on veth-a"), std::string::npos)
        << stderrText();
}

TEST_F(CliLiveFiles, TimeRingsTurnOverEvenWhileIdle)
{
    // -b duration:1 -a files:3: three files of a second each, then the capture ends itself.
    const auto began = std::chrono::steady_clock::now();
    start("-i veth-a -m iplevel -f 'udp port 5001' -b duration:1 -a files:3 -w " +
          shellQuote((m_dir / "second.pcapng").string()));
    int status = finish();
    const auto took = std::chrono::steady_clock::now() - began;
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << stderrText();
    EXPECT_GE(took, 2900ms);
    auto files = filesIn();
    ASSERT_EQ(files.size(), 3u);
    for (const auto& f : files) EXPECT_EQ(externalToolsCount(m_dir / f, Tools::Capinfos), 0) << f;
    for (const auto& f : files) fs::remove(m_dir / f);

    // -b interval:1 -a files:2: the first file ends on the next whole second, so the second
    // one's name (its creation time) is a later second.
    start("-i veth-a -m iplevel -f 'udp port 5001' -b interval:1 -a files:2 -w " +
          shellQuote((m_dir / "tick.pcapng").string()));
    status = finish();
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << stderrText();
    files = filesIn();
    ASSERT_EQ(files.size(), 2u);
    const std::regex name(R"(tick_0000([12])_(\d{14})\.pcapng)");
    std::smatch first, second;
    ASSERT_TRUE(std::regex_match(files[0], first, name)) << files[0];
    ASSERT_TRUE(std::regex_match(files[1], second, name)) << files[1];
    EXPECT_LT(first[2].str(), second[2].str());
}

}  // namespace
}  // namespace rcvmon::test

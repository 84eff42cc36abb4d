// SPDX-License-Identifier: GPL-2.0-or-later
// rcvmon-cli end to end: exports read back by capinfos, tshark and RcvMon's own reader;
// bad input and bad usage give one clear line and the documented exit status. Every test
// runs on captures it writes itself or on resources/sample.pcapng: no corpus needed.
#include "cli_test_captures.h"
#include "require.h"
#include "run_process.h"

#include "file/capture_file_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;
using namespace rcvmon;
using rcvmon::test::haveProgram;
using rcvmon::test::runProcess;
using rcvmon::test::shellQuote;

namespace {

const std::string kCli = RCVMON_CLI_PATH;
const fs::path kSample = RCVMON_SAMPLE_FILE;
namespace cli = rcvmon::test::cli;

struct CopiedFrame {
    Timestamp ts;
    std::uint32_t originalLength;
    std::uint32_t linkType;
    std::vector<std::uint8_t> bytes;
};

std::vector<CopiedFrame> readAll(const fs::path& path)
{
    std::string error;
    auto reader = CaptureFileReader::open(path.string(), error);
    EXPECT_TRUE(reader) << error;
    std::vector<CopiedFrame> frames;
    FrameRef f;
    while (reader && reader->next(f))
        frames.push_back({f.ts, f.originalLength, f.linkType, {f.data.begin(), f.data.end()}});
    if (reader) {
        EXPECT_EQ(reader->error(), "");
    }
    return frames;
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

class CliExport : public testing::Test {
protected:
    void SetUp() override
    {
        m_dir = fs::temp_directory_path() / ("rcvmon-cli-export-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::create_directories(m_dir);
        // Four TCP frames of 78 bytes, 192.168.1.102 -> 193.1.193.64, little-endian µs pcap.
        m_tcp = m_dir / "tcp.pcap";
        cli::writeFile(m_tcp, cli::pcapFile(cli::tcpFrames(4)));
    }
    void TearDown() override
    {
        std::error_code ec;
        if (!m_dir.empty()) fs::remove_all(m_dir, ec);
    }

    // Exports `selection` of `file` in `format`; checks the copy with three independent readers.
    void exportAndVerify(const fs::path& source, const std::string& selection,
                         const std::vector<std::size_t>& expectedFrames, const std::string& format)
    {
        const fs::path out = m_dir / (source.filename().string() + "." + format);
        const auto run = runProcess(shellQuote(kCli) + " -r " + shellQuote(source.string()) + " --select "
                                    + selection + " -F " + format + " -w " + shellQuote(out.string()));
        ASSERT_EQ(run.exitCode, 0) << run.err;
        ASSERT_TRUE(fs::exists(out));

        // RcvMon's reader: same bytes, timestamps and lengths as the selected source frames.
        const auto all = readAll(source);
        const auto copied = readAll(out);
        ASSERT_EQ(copied.size(), expectedFrames.size());
        for (std::size_t i = 0; i < copied.size(); ++i) {
            const CopiedFrame& want = all.at(expectedFrames[i] - 1);
            EXPECT_EQ(copied[i].bytes, want.bytes) << "frame " << expectedFrames[i];
            EXPECT_EQ(copied[i].ts.totalNanoseconds(), want.ts.totalNanoseconds()) << "frame " << expectedFrames[i];
            EXPECT_EQ(copied[i].originalLength, want.originalLength);
            EXPECT_EQ(copied[i].linkType, want.linkType);
        }

        // capinfos counts them; tshark reads the same times and lengths as it did in the source.
        RCVMON_REQUIRE(haveProgram("capinfos") && haveProgram("tshark"), rcvmon::test::toolWhat("capinfos and tshark"));
        const auto info = runProcess("capinfos -c -M " + shellQuote(out.string()));
        ASSERT_EQ(info.exitCode, 0) << info.err;
        EXPECT_NE(info.out.find("Number of packets:   " + std::to_string(expectedFrames.size())), std::string::npos) << info.out;
        const std::string fields = " -T fields -e frame.time_epoch -e frame.len -e frame.cap_len";
        const auto fromCopy = runProcess("tshark -n -r " + shellQuote(out.string()) + fields);
        const auto fromSource = runProcess("tshark -n -r " + shellQuote(source.string()) + fields);
        ASSERT_EQ(fromCopy.exitCode, 0) << fromCopy.err;
        const auto copyRows = lines(fromCopy.out);
        const auto sourceRows = lines(fromSource.out);
        ASSERT_EQ(copyRows.size(), expectedFrames.size());
        for (std::size_t i = 0; i < copyRows.size(); ++i)
            EXPECT_EQ(copyRows[i], sourceRows.at(expectedFrames[i] - 1)) << "frame " << expectedFrames[i];
    }

    fs::path m_dir;
    fs::path m_tcp;
};

}  // namespace

TEST_F(CliExport, SelectionToPcapngAndPcap)
{
    for (const std::string format : {"pcapng", "pcap"}) {
        SCOPED_TRACE(format);
        exportAndVerify(m_tcp, "1-2,4", {1, 2, 4}, format);
        const fs::path nanoseconds = m_dir / "nanoseconds.pcap";
        cli::writeFile(nanoseconds, cli::pcapFile(cli::tcpFrames(5), false, true));
        exportAndVerify(nanoseconds, "2-", {2, 3, 4, 5}, format);
        exportAndVerify(kSample, "10-20,1000,1478", {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 1000, 1478}, format);
        const fs::path bigEndian = m_dir / "big-endian.pcap";
        cli::writeFile(bigEndian, cli::pcapFile(cli::tcpFrames(6), true, true));
        exportAndVerify(bigEndian, "1-6", {1, 2, 3, 4, 5, 6}, format);
    }
}

TEST_F(CliExport, MixedLinkTypesNeedPcapng)
{
    // Frames from interfaces of different link types: pcapng keeps each interface.
    std::vector<cli::Frame> frames = cli::tcpFrames(6);
    for (std::size_t i = 1; i < frames.size(); i += 2) {
        frames[i].data = cli::tcpPacket(static_cast<std::uint32_t>(i), 24, false);  // raw IPv4
        frames[i].interface = 1;
    }
    const fs::path mixed = m_dir / "mixed.pcapng";
    cli::writeFile(mixed, cli::pcapngFile(frames, {1, 101}));
    exportAndVerify(mixed, "1-6", {1, 2, 3, 4, 5, 6}, "pcapng");
    exportAndVerify(mixed, "2-5", {2, 3, 4, 5}, "pcapng");
}

TEST_F(CliExport, FailedExportLeavesNoFile)
{
    const fs::path blocker = m_dir / "not-a-directory";
    std::ofstream(blocker) << "x";
    const fs::path out = blocker / "out.pcapng";
    const auto run = runProcess(shellQuote(kCli) + " -r " + shellQuote(m_tcp.string()) + " -w " + shellQuote(out.string()));
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("rcvmon-cli: "), std::string::npos) << run.err;
    EXPECT_EQ(lines(run.err).size(), 1u) << run.err;
    std::vector<std::string> entries;
    for (const auto& e : fs::directory_iterator(m_dir)) entries.push_back(e.path().filename().string());
    std::sort(entries.begin(), entries.end());
    EXPECT_EQ(entries, (std::vector<std::string>{"not-a-directory", "tcp.pcap"})) << "only the blocker and the source may be there";
}

TEST_F(CliExport, DevicesAndPipesAreWrittenInPlace)
{
    // Renaming a temporary over /dev/null would replace the device; a FIFO's reader gets the file.
    const std::string source = shellQuote(m_tcp.string());
    const auto toNull = runProcess(shellQuote(kCli) + " -r " + source + " -w /dev/null");
    EXPECT_EQ(toNull.exitCode, 0) << toNull.err;
    EXPECT_TRUE(fs::is_character_file("/dev/null"));

    const fs::path fifo = m_dir / "pipe";
    ASSERT_EQ(runProcess("mkfifo " + shellQuote(fifo.string())).exitCode, 0);
    const auto run = runProcess("(" + shellQuote(kCli) + " -r " + source + " -w " + shellQuote(fifo.string()) + " & "
                                + shellQuote(kCli) + " -r - -T fields -e frame.number < " + shellQuote(fifo.string()) + "; wait)");
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, "1\n2\n3\n4\n");
    EXPECT_TRUE(fs::is_fifo(fifo));
}

TEST_F(CliExport, TruncatedFileKeepsEveryFrameBeforeTheCut)
{
    const fs::path source = m_tcp;
    const auto size = fs::file_size(source);
    const fs::path cut = m_dir / "cut.pcap";
    fs::copy_file(source, cut);
    fs::resize_file(cut, size - 10);  // inside the last packet
    const auto run = runProcess(shellQuote(kCli) + " -r " + shellQuote(cut.string()) + " -T fields -e frame.number");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.out, "1\n2\n3\n");
    EXPECT_NE(run.err.find("cut.pcap"), std::string::npos) << "the message names the file: " << run.err;
    EXPECT_EQ(lines(run.err).size(), 1u) << run.err;
}

TEST_F(CliExport, BadInputAndUsage)
{
    struct Case {
        std::string args;
        int exitCode;
    };
    const fs::path text = m_dir / "notes.txt";
    std::ofstream(text) << "this is not a capture file\n";
    for (const Case& c : std::vector<Case>{
             {"-r " + shellQuote((m_dir / "missing.pcap").string()), 1},
             {"-r " + shellQuote(text.string()), 1},
             {"-r " + shellQuote(m_dir.string()), 1},
             {"-r " + shellQuote(m_tcp.string()) + " -T fields -e no.such.field", 2},
             {"-r " + shellQuote(m_tcp.string()) + " -Y 'tcp.prot == 80'", 2},
             {"-r " + shellQuote(m_tcp.string()) + " --select 0-3", 2},
             {"--frobnicate", 2},
         }) {
        const auto run = runProcess(shellQuote(kCli) + " " + c.args);
        EXPECT_EQ(run.exitCode, c.exitCode) << c.args << "\n" << run.err;
        EXPECT_NE(run.err.find("rcvmon-cli: "), std::string::npos) << c.args;
        EXPECT_EQ(run.err.find("rcvmon-cli: ", run.err.find("rcvmon-cli: ") + 1), std::string::npos)
            << "one message, not several: " << run.err;
    }
}

TEST_F(CliExport, JsonAndTsvAreWellFormed)
{
    const std::string file = shellQuote(m_tcp.string());
    const auto tsv = runProcess(shellQuote(kCli) + " -r " + file + " -T tsv");
    ASSERT_EQ(tsv.exitCode, 0) << tsv.err;
    const auto rows = lines(tsv.out);
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0], "No.\tTime\tSource\tDestination\tProtocol\tLength\tInfo");
    EXPECT_EQ(rows[1].substr(0, rows[1].find('\t', rows[1].find('\t') + 1)), "1\t0.000000");
    EXPECT_NE(rows[1].find("\t192.168.1.102\t193.1.193.64\tTCP\t78\t"), std::string::npos) << rows[1];

    RCVMON_REQUIRE(haveProgram("python3"), rcvmon::test::toolWhat("python3 (it validates the JSON)"));
    const auto json = runProcess(shellQuote(kCli) + " -r " + file + " -T json | python3 -c "
                                 "'import json,sys; d=json.load(sys.stdin); "
                                 "print(len(d), d[0][\"_source\"][\"layers\"][\"ip\"][\"ip.src\"])'");
    ASSERT_EQ(json.exitCode, 0) << json.err;
    EXPECT_EQ(json.out, "4 192.168.1.102\n");
}

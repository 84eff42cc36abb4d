// SPDX-License-Identifier: GPL-2.0-or-later
// Live files: written in place and readable at every flush, whatever happens next (the
// writer abandoned as a killed process abandons it, a full disk, a torn last record); rings
// of files named and turned over as dumpcap's -b does; -a filesize and -a files.
#include "file/live_file_writer.h"

#include "capture_builder.h"
#include "file_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <regex>

#ifndef _WIN32
#include <csignal>
#include <sys/resource.h>
#endif

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

namespace fs = std::filesystem;

FrameRef frameOf(const Bytes& data, std::uint32_t second)
{
    FrameRef f;
    f.data = ByteSpan(data.data(), data.size());
    f.capturedLength = static_cast<std::uint32_t>(data.size());
    f.originalLength = static_cast<std::uint32_t>(data.size());
    f.linkType = 1;
    f.ts = {1700000000 + second, 0};
    return f;
}

std::vector<InterfaceInfo> oneEthernet()
{
    InterfaceInfo eth;
    eth.linkType = 1;
    eth.name = "veth-a";
    return {eth};
}

struct ReadBack {
    bool opened = false;
    std::size_t frames = 0;
    std::string error;
    std::string warning;
};

ReadBack readBack(const std::string& path)
{
    ReadBack r;
    auto reader = CaptureFileReader::open(path, r.error);
    if (!reader) return r;
    r.opened = true;
    r.frames = readAll(*reader).size();
    r.error = reader->error();
    r.warning = reader->warning();
    return r;
}

std::vector<std::string> sortedEntries(const TempDir& dir)
{
    auto names = dir.entries();
    std::sort(names.begin(), names.end());
    return names;
}

class LiveFiles : public ::testing::TestWithParam<FileFormat> {};

TEST_P(LiveFiles, ReadableFromTheFirstFlushAndAfterEveryOther)
{
    TempDir dir;
    const std::string path = dir.file("live.cap");
    std::string error;
    auto files = LiveFileWriter::open(path, GetParam(), LiveFileLimits{}, oneEthernet(), error);
    ASSERT_TRUE(files) << error;
    // No packet yet: the header and interface are on disk, the file is a capture of nothing.
    ReadBack r = readBack(path);
    ASSERT_TRUE(r.opened) << r.error;
    EXPECT_EQ(r.frames, 0u);
    EXPECT_EQ(r.warning, "");

    files->borrowFrameBytes(true);  // written straight from the caller's bytes, as the CLI does
    std::vector<Bytes> data;
    for (std::uint32_t i = 0; i < 30; ++i) data.push_back(payload(i % 3 ? 60 : 1400, static_cast<std::uint8_t>(i)));
    for (std::uint32_t i = 0; i < 30; ++i) {
        ASSERT_TRUE(files->write(frameOf(data[i], i), error)) << error;
        if (i % 10 == 9) {
            ASSERT_TRUE(files->flush(error)) << error;
            r = readBack(path);
            EXPECT_EQ(r.frames, i + 1);
            EXPECT_EQ(r.error, "");
            EXPECT_EQ(r.warning, "");
        }
    }
    // Abandoned without close(), as a killed process leaves it: every flushed packet stays.
    files.reset();
    EXPECT_EQ(readBack(path).frames, 30u);
    EXPECT_EQ(sortedEntries(dir), std::vector<std::string>{"live.cap"}) << "no temporary beside it";
}

TEST_P(LiveFiles, ATornLastRecordIsCutOffWithAWarning)
{
    TempDir dir;
    const std::string path = dir.file("torn.cap");
    std::string error;
    auto files = LiveFileWriter::open(path, GetParam(), LiveFileLimits{}, oneEthernet(), error);
    ASSERT_TRUE(files) << error;
    const Bytes data = payload(500, 7);
    for (std::uint32_t i = 0; i < 5; ++i) ASSERT_TRUE(files->write(frameOf(data, i), error)) << error;
    ASSERT_TRUE(files->close(error)) << error;
    const auto whole = fs::file_size(path);
    // Killed in the middle of writing the fifth packet's record.
    fs::resize_file(path, whole - 300);
    const ReadBack r = readBack(path);
    ASSERT_TRUE(r.opened) << r.error;
    EXPECT_EQ(r.frames, 4u);
    EXPECT_EQ(r.error, "");
    EXPECT_NE(r.warning.find("\"" + path + "\" is truncated: packet 5"), std::string::npos) << r.warning;
}

INSTANTIATE_TEST_SUITE_P(Formats, LiveFiles, ::testing::Values(FileFormat::PcapNg, FileFormat::Pcap),
                         [](const auto& info) { return info.param == FileFormat::Pcap ? "pcap" : "pcapng"; });

TEST(RingFileNames, AreDumpcapsNames)
{
    std::tm t{};
    t.tm_year = 2026 - 1900;
    t.tm_mon = 11;
    t.tm_mday = 3;
    t.tm_hour = 4;
    t.tm_min = 5;
    t.tm_sec = 6;
    t.tm_isdst = -1;
    const std::time_t created = std::mktime(&t);
    EXPECT_EQ(RingFileNames("out.pcapng").name(1, created), "out_00001_20261203040506.pcapng");
    EXPECT_EQ(RingFileNames("/tmp/x.y/cap.pcap").name(42, created), "/tmp/x.y/cap_00042_20261203040506.pcap");
    EXPECT_EQ(RingFileNames("/tmp/x.y/capture").name(7, created), "/tmp/x.y/capture_00007_20261203040506");
    EXPECT_EQ(RingFileNames("a.b.pcapng").name(100001, created), "a.b_00001_20261203040506.pcapng");
}

// Writes `count` frames of `size` bytes into a ring; returns the files left, sorted by name.
std::vector<std::string> writeRing(const TempDir& dir, const LiveFileLimits& limits, int count, std::size_t size,
                                   bool* stopped = nullptr)
{
    std::string error;
    auto files = LiveFileWriter::open(dir.file("ring.pcapng"), FileFormat::PcapNg, limits, oneEthernet(), error);
    EXPECT_TRUE(files) << error;
    if (!files) return {};
    const Bytes data = payload(size, 3);
    for (int i = 0; i < count && !files->stopReached(); ++i)
        EXPECT_TRUE(files->write(frameOf(data, static_cast<std::uint32_t>(i)), error)) << error;
    if (stopped) *stopped = files->stopReached();
    EXPECT_TRUE(files->close(error)) << error;
    return sortedEntries(dir);
}

TEST(LiveRing, TurnsOverAtTheFileSizeWithDumpcapNamesAndEveryPacketOnce)
{
    TempDir dir;
    LiveFileLimits limits;
    limits.fileBytes = 10'000;  // -b filesize:10
    const auto names = writeRing(dir, limits, 100, 1000);
    const std::regex dumpcapName(R"(ring_(\d{5})_\d{14}\.pcapng)");
    std::size_t total = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        SCOPED_TRACE(names[i]);
        std::smatch m;
        ASSERT_TRUE(std::regex_match(names[i], m, dumpcapName));
        EXPECT_EQ(std::stoul(m[1]), i + 1);
        const ReadBack r = readBack(dir.file(names[i]));
        EXPECT_EQ(r.error, "");
        EXPECT_EQ(r.warning, "");
        total += r.frames;
        const auto size = fs::file_size(dir.file(names[i]));
        // Each file turned over with the packet that took it to the size.
        {
            EXPECT_GE(size, limits.fileBytes);
            EXPECT_LT(size - 1032, limits.fileBytes) << "one packet less was not enough";
        }
    }
    EXPECT_EQ(total, 100u);
    // 88 bytes of headers and 10 packets of 1032 bytes a file; the last fills exactly and no
    // empty eleventh opens, since a file opens only when a packet needs it.
    EXPECT_EQ(names.size(), 10u);
}

TEST(LiveRing, KeepsOnlyTheNewestFiles)
{
    TempDir dir;
    LiveFileLimits limits;
    limits.filePackets = 10;  // -b packets:10
    limits.keepFiles = 3;     // -b files:3
    const auto names = writeRing(dir, limits, 95, 60);
    ASSERT_EQ(names.size(), 3u);
    const std::vector<std::string> numbers = {"_00008_", "_00009_", "_00010_"};
    const std::vector<std::size_t> frames = {10, 10, 5};
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_NE(names[i].find(numbers[i]), std::string::npos) << names[i];
        EXPECT_EQ(readBack(dir.file(names[i])).frames, frames[i]) << names[i];
    }
}

TEST(LiveRing, AutostopAfterFilesAndAtFileSize)
{
    TempDir dir;
    LiveFileLimits limits;
    limits.filePackets = 10;
    limits.stopFiles = 2;  // -a files:2: the capture ends as the second file fills
    bool stopped = false;
    auto names = writeRing(dir, limits, 1000, 60, &stopped);
    EXPECT_TRUE(stopped);
    ASSERT_EQ(names.size(), 2u);
    for (const auto& name : names) EXPECT_EQ(readBack(dir.file(name)).frames, 10u) << name;

    TempDir single;
    LiveFileLimits sizeLimit;
    sizeLimit.stopBytes = 5'000;  // -a filesize:5 without a ring: one file, the capture ends
    std::string error;
    auto files = LiveFileWriter::open(single.file("one.pcapng"), FileFormat::PcapNg, sizeLimit, oneEthernet(), error);
    ASSERT_TRUE(files) << error;
    const Bytes data = payload(1000, 1);
    int written = 0;
    for (; written < 100 && !files->stopReached(); ++written) ASSERT_TRUE(files->write(frameOf(data, 0), error));
    ASSERT_TRUE(files->close(error)) << error;
    EXPECT_EQ(written, 5);  // the fifth takes the file past 5000 bytes
    EXPECT_EQ(sortedEntries(single), std::vector<std::string>{"one.pcapng"});
    EXPECT_EQ(readBack(single.file("one.pcapng")).frames, 5u);
}

#ifndef _WIN32
// A full disk, simulated with a file size limit: the write that does not fit fails, says
// why, and the file is cut back to its last whole record: readable, with no torn tail.
TEST(LiveFileOnAFullDisk, LeavesEveryWholeRecordReadable)
{
    for (const bool borrow : {false, true}) {
        SCOPED_TRACE(borrow ? "borrowed frame bytes" : "copied frame bytes");
        TempDir dir;
        const std::string path = dir.file("full.pcapng");
        struct rlimit saved {};
        ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
        auto* oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit limited = saved;
        limited.rlim_cur = 100'000;
        ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &limited), 0);

        std::string error;
        std::size_t flushed = 0;
        bool failed = false;
        {
            auto files = LiveFileWriter::open(path, FileFormat::PcapNg, LiveFileLimits{}, oneEthernet(), error);
            if (files) {
                files->borrowFrameBytes(borrow);
                const Bytes data = payload(1400, 1);
                for (int i = 0; i < 1000 && !failed; ++i) {
                    failed = !files->write(frameOf(data, 0), error);
                    if (!failed && i % 7 == 6) {
                        failed = !files->flush(error);
                        if (!failed) flushed = static_cast<std::size_t>(i + 1);
                    }
                }
            }
        }
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, oldHandler);
        EXPECT_TRUE(failed);
        EXPECT_EQ(error, "Writing \"" + path + "\" failed: File too large.");
        const ReadBack r = readBack(path);
        EXPECT_EQ(r.error, "");
        EXPECT_EQ(r.warning, "") << "no torn record at the end";
        EXPECT_EQ(r.frames, flushed);
        EXPECT_GT(flushed, 0u);
    }
}
#endif

}  // namespace

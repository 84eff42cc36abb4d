// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 11 item 3: after a crash the ring of spool files of one capture is recovered as one
// capture: its parts found together by name, merged in the order they were written.
#include "file/capture_file_reader.h"
#include "file/capture_file_writer.h"
#include "file/spool_sets.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace rcvmon;

namespace {

// A process id that has just ended (a child reaped): the owner of "orphaned" files.
std::int64_t deadPid()
{
    const pid_t child = fork();
    if (child == 0) _exit(0);
    int status = 0;
    waitpid(child, &status, 0);
    return child;
}

struct TempDir {
    fs::path path;
    TempDir()
    {
        char name[] = "/tmp/rcvmon-spool-sets-XXXXXX";
        path = mkdtemp(name);
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// A pcapng of `count` Ethernet frames, the i-th stamped first + i seconds, its payload
// numbering it (first + i), as a spool part holds them.
void writePart(const fs::path& path, std::uint32_t first, std::uint32_t count)
{
    std::string error;
    auto writer = CaptureFileWriter::create(path.string(), FileFormat::PcapNg, error);
    ASSERT_TRUE(writer) << error;
    InterfaceInfo info;
    info.linkType = 1;
    info.snapLength = 262144;
    info.name = "veth-a";
    const auto index = writer->addInterface(info, error);
    ASSERT_TRUE(index) << error;
    for (std::uint32_t i = 0; i < count; ++i) {
        std::vector<std::uint8_t> bytes(60, 0);
        const std::uint32_t n = first + i;
        std::memcpy(bytes.data() + 56, &n, sizeof n);
        FrameRef frame;
        frame.ts = Timestamp{1700000000 + n, 0};
        frame.capturedLength = frame.originalLength = 60;
        frame.linkType = 1;
        frame.data = ByteSpan(bytes.data(), bytes.size());
        ASSERT_TRUE(writer->write(frame, *index, error)) << error;
    }
    ASSERT_TRUE(writer->commit(error)) << error;
}

}  // namespace

TEST(SpoolSets, NamesTellTheCaptureAndThePart)
{
    const std::string one = spoolFileName(41, 0, 7);
    const std::string part = spoolFileName(41, 0, 7, 12);
    ASSERT_TRUE(spoolFilePart(one));
    EXPECT_EQ(spoolFilePart(one)->part, 0u);
    ASSERT_TRUE(spoolFilePart(part));
    EXPECT_EQ(spoolFilePart(part)->part, 12u);
    EXPECT_EQ(spoolFilePart(part)->capture, spoolFilePart(spoolFileName(41, 0, 7, 1))->capture);
    EXPECT_NE(spoolFilePart(part)->capture, spoolFilePart(spoolFileName(41, 0, 8, 12))->capture);
    EXPECT_NE(spoolFilePart(part)->capture, spoolFilePart(spoolFileName(42, 0, 7, 12))->capture);
    EXPECT_FALSE(spoolFilePart("capture-1-2.pcapng"));
}

TEST(SpoolSets, OneEntryPerCaptureWithItsPartsInOrderAndMergedAsOne)
{
    TempDir dir;
    const std::int64_t pid = deadPid();
    // Capture A: a ring whose oldest parts were retired (3, 9, 10, 11 left: 10 sorts after 9).
    const std::uint32_t parts[] = {11, 3, 10, 9};
    std::uint32_t expected = 0;
    for (std::uint32_t part : parts) {
        writePart(dir.path / spoolFileName(pid, 1700000000, 5, part), part * 100, 40 + part);
        expected += 40 + part;
    }
    // Capture B of the same process (one file, the old naming) and C of another start.
    writePart(dir.path / spoolFileName(pid, 1700000000, 6), 5000, 7);
    writePart(dir.path / spoolFileName(pid, 1700000100, 9, 1), 6000, 5);
    // A file of this (running) process is not an orphan.
    writePart(dir.path / spoolFileName(getpid(), 1700000000, 5, 1), 7000, 3);

    const std::vector<OrphanedCapture> captures = findOrphanedCaptures(dir.path.string());
    ASSERT_EQ(captures.size(), 3u);
    const OrphanedCapture* ring = nullptr;
    for (const OrphanedCapture& c : captures) {
        EXPECT_EQ(c.pid, pid);
        if (c.files.size() > 1) ring = &c;
        else EXPECT_EQ(c.files.size(), 1u);
    }
    ASSERT_NE(ring, nullptr);
    ASSERT_EQ(ring->files.size(), 4u);
    const std::uint32_t order[] = {3, 9, 10, 11};
    std::uint64_t bytes = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(ring->files[i].path, (dir.path / spoolFileName(pid, 1700000000, 5, order[i])).string());
        bytes += ring->files[i].bytes;
    }
    EXPECT_EQ(ring->bytes, bytes);

    std::string error;
    const std::string merged = adoptCapture(*ring, error);
    ASSERT_FALSE(merged.empty()) << error;
    // Ours now (this process's name), one file; the parts are gone.
    EXPECT_EQ(spoolFileOwner(fs::path(merged).filename().string()), std::int64_t{getpid()});
    for (const OrphanedSpool& part : ring->files) EXPECT_FALSE(fs::exists(part.path)) << part.path;
    auto reader = CaptureFileReader::open(merged, error);
    ASSERT_TRUE(reader) << error;
    FrameRef frame;
    std::uint32_t count = 0, previous = 0;
    while (reader->next(frame)) {
        std::uint32_t n = 0;
        ASSERT_EQ(frame.data.size(), 60u);
        std::memcpy(&n, frame.data.data() + 56, sizeof n);
        // In the order written: every part's frames, the parts in order.
        EXPECT_GT(n, previous);
        EXPECT_EQ(frame.ts.sec, 1700000000 + n);
        previous = n;
        ++count;
    }
    EXPECT_TRUE(reader->error().empty()) << reader->error();
    EXPECT_EQ(count, expected);
    // Two captures are left to offer: the one merged is no longer an orphan.
    EXPECT_EQ(findOrphanedCaptures(dir.path.string()).size(), 2u);
}

TEST(SpoolSets, AFailedMergeLeavesThePartsAsTheyWere)
{
    TempDir dir;
    const std::int64_t pid = deadPid();
    writePart(dir.path / spoolFileName(pid, 1700000000, 5, 1), 100, 10);
    // Part 2 is not a capture (a disk error, a stray file): nothing may be lost.
    {
        std::FILE* f = std::fopen((dir.path / spoolFileName(pid, 1700000000, 5, 2)).c_str(), "wb");
        ASSERT_NE(f, nullptr);
        std::fputs("not a capture file at all", f);
        std::fclose(f);
    }
    const std::vector<OrphanedCapture> captures = findOrphanedCaptures(dir.path.string());
    ASSERT_EQ(captures.size(), 1u);
    ASSERT_EQ(captures[0].files.size(), 2u);
    std::string error;
    EXPECT_TRUE(adoptCapture(captures[0], error).empty());
    EXPECT_FALSE(error.empty());
    for (const OrphanedSpool& part : captures[0].files) EXPECT_TRUE(fs::exists(part.path)) << part.path;
    // No merged file of ours is left behind either.
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dir.path)) {
        (void)entry;
        ++files;
    }
    EXPECT_EQ(files, 2u);
}

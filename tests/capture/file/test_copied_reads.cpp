// SPDX-License-Identifier: GPL-2.0-or-later
// Copied sequential reads (CaptureFileReader::copySequentialReads): a mapped file read through
// the copy buffer gives exactly the frames, offsets, errors and warnings of the mapping, across
// the buffer's refills (big packets, files of many MiB); the frame read before the last one is
// still intact (the CLI reads one frame ahead), and random access still reads the mapping.
#include "file/capture_file_reader.h"

#include "capture_builder.h"
#include "file_test_util.h"
#include "pcapng_samples.h"
#include "require.h"

#include <gtest/gtest.h>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

struct ReadResult {
    std::vector<OwnedFrame> frames;
    std::string error;
    std::string warning;
};

// Reads every frame; with `copied`, through the copy buffer, checking after each next() that
// the frame returned before it still holds its bytes.
ReadResult readFile(const std::string& path, bool copied, const std::string& label)
{
    ReadResult result;
    std::string error;
    auto reader = CaptureFileReader::open(path, error);
    EXPECT_TRUE(reader) << label << ": " << error;
    if (!reader) return result;
    if (copied) reader->copySequentialReads();
    FrameRef frame, previous;
    bool havePrevious = false;
    while (reader->next(frame)) {
        if (havePrevious) {
            const OwnedFrame& kept = result.frames.back();
            EXPECT_TRUE(std::equal(previous.data.begin(), previous.data.end(), kept.bytes.begin(), kept.bytes.end()))
                << label << ": frame " << result.frames.size() << " changed when the next one was read";
        }
        result.frames.push_back(OwnedFrame::from(frame, reader->lastFrameOffset()));
        previous = frame;
        havePrevious = true;
    }
    result.error = reader->error();
    result.warning = reader->warning();
    return result;
}

void expectCopiedSameAsMapped(const std::string& path, const std::string& label)
{
    const ReadResult mapped = readFile(path, false, label);
    const ReadResult copied = readFile(path, true, label);
    EXPECT_EQ(copied.error, mapped.error) << label;
    EXPECT_EQ(copied.warning, mapped.warning) << label;
    ASSERT_EQ(copied.frames.size(), mapped.frames.size()) << label;
    for (std::size_t i = 0; i < mapped.frames.size(); ++i) {
        EXPECT_TRUE(copied.frames[i].sameAs(mapped.frames[i])) << label << " frame " << i + 1;
        EXPECT_EQ(copied.frames[i].offset, mapped.frames[i].offset) << label << " frame " << i + 1;
    }
}

void expectCopiedSameAsMapped(const Bytes& bytes, const std::string& label)
{
    TempDir dir;
    const std::string path = dir.file("capture.bin");
    writeFile(path, bytes);
    expectCopiedSameAsMapped(path, label);
}

}  // namespace

TEST(CopiedReads, SameFramesAsMappedPcapAndPcapng)
{
    for (bool be : {false, true}) {
        PcapBuilder b(be, false, 1);
        for (std::uint8_t i = 0; i < 50; ++i) b.packet(1000 + i, i * 1000u, payload(i * 37u % 1500, i));
        expectCopiedSameAsMapped(b.bytes(), std::string("pcap be=") + (be ? "1" : "0"));
    }
    expectCopiedSameAsMapped(richPcapng().bytes(), "rich pcapng");
}

// 9 MiB of packets of every size up to the largest, so records straddle the ~1 MiB buffer's
// refills at every alignment, and some are larger than a quarter of it.
TEST(CopiedReads, RecordsAcrossManyRefills)
{
    PcapBuilder pcap(false, true, 1);
    PcapngBuilder pcapng;
    pcapng.section(false).interface(1, 0, {});
    std::uint32_t size = 1;
    for (std::uint32_t i = 0; i < 400; ++i) {
        size = size * 7 % (MaxCapturedLength / 8) + 1;
        if (i % 50 == 49) size = MaxCapturedLength - i;
        pcap.packet(i, i * 10u, payload(size, static_cast<std::uint8_t>(i)));
        pcapng.epb(0, 1000ull * i, payload(size, static_cast<std::uint8_t>(i)));
    }
    ASSERT_GT(pcap.bytes().size(), std::size_t{8} << 20);
    expectCopiedSameAsMapped(pcap.bytes(), "pcap, 9 MiB");
    expectCopiedSameAsMapped(pcapng.bytes(), "pcapng, 9 MiB");
}

TEST(CopiedReads, TruncatedFileKeepsWhatWasReadWithTheSameWarning)
{
    PcapBuilder b(false, false, 1);
    for (std::uint8_t i = 0; i < 20; ++i) b.packet(i, 0, payload(70000, i));
    Bytes cut = b.bytes();
    cut.resize(cut.size() - 30);
    expectCopiedSameAsMapped(cut, "cut pcap");
    const ReadResult r = [&] {
        TempDir dir;
        writeFile(dir.file("cut.pcap"), cut);
        return readFile(dir.file("cut.pcap"), true, "cut pcap");
    }();
    EXPECT_EQ(r.frames.size(), 19u);
    EXPECT_NE(r.warning, "");
}

TEST(CopiedReads, RandomAccessStillReadsTheMapping)
{
    PcapBuilder b(false, false, 1);
    for (std::uint8_t i = 0; i < 40; ++i) b.packet(i, 0, payload(60000 + i, i));
    TempDir dir;
    writeFile(dir.file("a.pcap"), b.bytes());
    std::string error;
    auto reader = CaptureFileReader::open(dir.file("a.pcap"), error);
    ASSERT_TRUE(reader) << error;
    ASSERT_TRUE(reader->randomAccess());
    reader->copySequentialReads();
    std::vector<std::pair<std::uint64_t, OwnedFrame>> seen;
    FrameRef frame;
    while (reader->next(frame)) seen.emplace_back(reader->lastFrameOffset(), OwnedFrame::from(frame));
    ASSERT_EQ(seen.size(), 40u);
    for (const auto& [offset, expected] : seen) {
        FrameRef back;
        ASSERT_TRUE(reader->readAt(offset, back)) << reader->error();
        EXPECT_TRUE(OwnedFrame::from(back).sameAs(expected)) << "offset " << offset;
    }
}

TEST(CopiedReads, SameFramesAsMappedForEveryCorpusFile)
{
    const auto files = corpusCaptures();
    RCVMON_REQUIRE(!files.empty(), rcvmon::test::corpusWhat());
    for (const std::string& file : files) expectCopiedSameAsMapped(file, file);
}

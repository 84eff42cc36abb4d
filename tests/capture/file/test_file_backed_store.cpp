// SPDX-License-Identifier: GPL-2.0-or-later
// A file-backed store reads back exactly the frames the reader returned, in either way it
// can: straight from the mapping (pcap, both byte orders, Kuznetsov records) or through the
// reader (pcapng), on hand-built files and on every corpus capture.
#include "capture_builder.h"
#include "file/file_backed_store.h"
#include "file_test_util.h"
#include "require.h"

#include <gtest/gtest.h>

#include <vector>

namespace rcvmon::test {
namespace {

struct Read {
    std::vector<std::uint8_t> bytes;
    std::uint32_t originalLength = 0;
    Timestamp ts;
};

// Indexes the file as the window does, then reads every frame back by number.
void expectStoreReadsWhatTheReaderRead(const std::string& path)
{
    SCOPED_TRACE(path);
    std::string error;
    auto reader = CaptureFileReader::open(path, error);
    ASSERT_TRUE(reader) << error;
    ASSERT_TRUE(reader->randomAccess());
    const auto store = makeFileBackedStore(*reader);
    std::vector<Read> expected;
    FrameRef frame;
    while (reader->next(frame)) {
        expected.push_back({std::vector<std::uint8_t>(frame.data.begin(), frame.data.end()), frame.originalLength, frame.ts});
        ASSERT_TRUE(store->appendAt(reader->lastFrameOffset(), frame));
    }
    ASSERT_EQ(store->size(), expected.size());
    for (std::uint64_t n = store->firstNumber(); n < store->endNumber(); ++n) {
        FrameRef back;
        ASSERT_TRUE(store->readFrame(n, back)) << "frame " << n;
        const Read& want = expected[n - 1];
        EXPECT_EQ(std::vector<std::uint8_t>(back.data.begin(), back.data.end()), want.bytes) << "frame " << n;
        EXPECT_EQ(back.capturedLength, want.bytes.size()) << "frame " << n;
        EXPECT_EQ(back.originalLength, want.originalLength) << "frame " << n;
        EXPECT_EQ(back.ts.sec, want.ts.sec) << "frame " << n;
        EXPECT_EQ(back.ts.nsec, want.ts.nsec) << "frame " << n;
    }
}

TEST(FileBackedStore, PcapFramesComeStraightFromTheMapping)
{
    TempDir dir;
    for (const bool bigEndian : {false, true}) {
        PcapBuilder pcap(bigEndian, false, 1);
        pcap.packet(1, 2, payload(60, 1)).packet(3, 4, payload(1514, 2), 1600).packet(5, 6, payload(0, 3), 64);
        const std::string path = dir.file(bigEndian ? "be.pcap" : "le.pcap");
        writeFile(path, pcap.bytes());
        std::string error;
        auto reader = CaptureFileReader::open(path, error);
        ASSERT_TRUE(reader) << error;
        EXPECT_EQ(reader->fixedFrameOffset(), 16u);
        EXPECT_EQ(reader->mappedBytes().size(), pcap.bytes().size());
        expectStoreReadsWhatTheReaderRead(path);
    }
}

TEST(FileBackedStore, PcapngFramesGoThroughTheReader)
{
    TempDir dir;
    PcapngBuilder ng;
    ng.section(false).interface(1, 65535).epb(0, 100, payload(70, 4)).spb(42, payload(42, 5)).epb(0, 200, payload(90, 6));
    const std::string path = dir.file("mixed.pcapng");
    writeFile(path, ng.bytes());
    std::string error;
    auto reader = CaptureFileReader::open(path, error);
    ASSERT_TRUE(reader) << error;
    EXPECT_EQ(reader->fixedFrameOffset(), 0u);  // enhanced and simple blocks put frames at different offsets
    expectStoreReadsWhatTheReaderRead(path);
}

TEST(FileBackedStore, EveryCorpusCapture)
{
    const auto files = corpusCaptures();
    RCVMON_REQUIRE(!files.empty(), rcvmon::test::corpusWhat());
    for (const std::string& path : files) expectStoreReadsWhatTheReaderRead(path);
}

}  // namespace
}  // namespace rcvmon::test

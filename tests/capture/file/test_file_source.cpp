// SPDX-License-Identifier: GPL-2.0-or-later
// FileSource: a capture file behind the CaptureSource interface the capture thread uses.
#include "file/file_source.h"

#include "capture_builder.h"
#include "file_test_util.h"

#include <gtest/gtest.h>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

struct CollectingSink : FrameSink {
    std::vector<OwnedFrame> frames;
    void onFrame(const FrameRef& frame) override { frames.push_back(OwnedFrame::from(frame)); }
};

TEST(FileSource, DeliversBatchesThenEnd)
{
    PcapBuilder b(false, false, 101);
    const int count = 2 * FileSource::BatchSize + 17;
    for (int i = 0; i < count; ++i) b.packet(static_cast<std::uint32_t>(i), 0, payload(20 + i % 50, static_cast<std::uint8_t>(i)));
    TempDir dir;
    const std::string path = dir.file("batch.pcap");
    writeFile(path, b.bytes());

    std::string error;
    auto source = FileSource::open(path, error);
    ASSERT_TRUE(source) << error;
    EXPECT_EQ(source->linkType(), 101u);
    EXPECT_EQ(source->name(), path);
    EXPECT_EQ(source->mode(), CaptureMode::Off);

    CollectingSink sink;
    EXPECT_EQ(source->poll(sink, 100), PollResult::Frames);
    EXPECT_EQ(sink.frames.size(), static_cast<std::size_t>(FileSource::BatchSize));
    EXPECT_EQ(source->stats().received, static_cast<std::uint64_t>(FileSource::BatchSize));
    EXPECT_EQ(source->poll(sink, 100), PollResult::Frames);
    EXPECT_EQ(source->poll(sink, 100), PollResult::End);
    EXPECT_EQ(source->poll(sink, 100), PollResult::End);
    ASSERT_EQ(sink.frames.size(), static_cast<std::size_t>(count));
    EXPECT_EQ(source->stats().received, static_cast<std::uint64_t>(count));
    EXPECT_EQ(source->error(), "");
    for (int i = 0; i < count; ++i) {
        EXPECT_EQ(sink.frames[static_cast<std::size_t>(i)].ts.sec, i);
        EXPECT_EQ(sink.frames[static_cast<std::size_t>(i)].bytes, payload(20 + i % 50, static_cast<std::uint8_t>(i)));
    }
}

TEST(FileSource, TruncationDeliversWhatWasReadThenError)
{
    PcapBuilder b(true, true, 1);
    for (int i = 0; i < 10; ++i) b.packet(static_cast<std::uint32_t>(i), 0, payload(40, static_cast<std::uint8_t>(i)));
    Bytes bytes = b.bytes();
    bytes.resize(bytes.size() - 5);
    TempDir dir;
    const std::string path = dir.file("cut.pcap");
    writeFile(path, bytes);

    std::string error;
    auto source = FileSource::open(path, error);
    ASSERT_TRUE(source) << error;
    CollectingSink sink;
    EXPECT_EQ(source->poll(sink, 0), PollResult::Error);
    EXPECT_EQ(sink.frames.size(), 9u);
    EXPECT_EQ(source->stats().received, 9u);
    EXPECT_NE(source->error().find("\"" + path + "\" is truncated: packet 10"), std::string::npos) << source->error();
    EXPECT_EQ(source->poll(sink, 0), PollResult::Error);
    EXPECT_EQ(sink.frames.size(), 9u);
}

TEST(FileSource, RefusesLiveModes)
{
    TempDir dir;
    const std::string path = dir.file("m.pcap");
    writeFile(path, PcapBuilder(false, false, 1).bytes());
    std::string error;
    auto source = FileSource::open(path, error);
    ASSERT_TRUE(source) << error;
    EXPECT_FALSE(source->setMode(CaptureMode::On, error));
    EXPECT_EQ(error, "Cannot switch " + path
                         + " to mode \"on\": it is a capture file, and RCVALL modes apply only to live interfaces.");
    EXPECT_FALSE(source->setMode(CaptureMode::IpLevel, error));
    EXPECT_EQ(source->mode(), CaptureMode::Off);
    error.clear();
    EXPECT_TRUE(source->setMode(CaptureMode::Off, error));
    EXPECT_EQ(error, "");
}

TEST(FileSource, OpenFailureNamesTheFile)
{
    TempDir dir;
    std::string error;
    EXPECT_FALSE(FileSource::open(dir.file("gone.pcapng"), error));
    EXPECT_EQ(error.rfind("Cannot open \"" + dir.file("gone.pcapng") + "\": ", 0), 0u) << error;
}

}  // namespace

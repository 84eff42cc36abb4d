// SPDX-License-Identifier: GPL-2.0-or-later
// pcap reading on hand-built files: byte orders, µs / ns, Wireshark's timestamp rule,
// random access by offset.
#include "file/capture_file_reader.h"

#include "capture_builder.h"
#include "file_test_util.h"

#include <gtest/gtest.h>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

struct PcapCase {
    bool bigEndian;
    bool nano;
};

class PcapByteOrder : public ::testing::TestWithParam<PcapCase> {};

TEST_P(PcapByteOrder, ReadsFramesLengthsAndTimestamps)
{
    const auto [be, nano] = GetParam();
    PcapBuilder b(be, nano, 101, 1500);
    b.packet(1700000000, nano ? 123456789 : 123456, payload(60, 1))
        .packet(1700000001, 0, payload(1, 2), 1500)
        .packet(0xfffffff0u, nano ? 999999999 : 999999, payload(1514, 3))
        .packet(5, 7, {}, 0);
    TempDir dir;
    const std::string path = dir.file("t.pcap");
    writeFile(path, b.bytes());

    std::string error;
    auto reader = CaptureFileReader::open(path, error);
    ASSERT_TRUE(reader) << error;
    EXPECT_EQ(reader->format(), FileFormat::Pcap);
    ASSERT_EQ(reader->interfaces().size(), 1u);
    EXPECT_EQ(reader->interfaces()[0].linkType, 101u);
    EXPECT_EQ(reader->interfaces()[0].snapLength, 1500u);
    EXPECT_EQ(reader->interfaces()[0].tsResolution, nano ? 9 : 6);
    EXPECT_TRUE(reader->randomAccess());

    const auto frames = readAll(*reader);
    EXPECT_EQ(reader->error(), "");
    ASSERT_EQ(frames.size(), 4u);
    EXPECT_EQ(frames[0].ts, (Timestamp{1700000000, nano ? 123456789u : 123456000u}));
    EXPECT_EQ(frames[0].bytes, payload(60, 1));
    EXPECT_EQ(frames[0].capturedLength, 60u);
    EXPECT_EQ(frames[0].originalLength, 60u);
    EXPECT_EQ(frames[0].linkType, 101u);
    EXPECT_EQ(frames[0].offset, 24u);
    EXPECT_EQ(frames[1].ts, (Timestamp{1700000001, 0}));
    EXPECT_EQ(frames[1].capturedLength, 1u);
    EXPECT_EQ(frames[1].originalLength, 1500u);
    // Seconds are unsigned 32-bit, as Wireshark reads them.
    EXPECT_EQ(frames[2].ts, (Timestamp{0xfffffff0LL, 999999000u + (nano ? 999 : 0)}));
    EXPECT_EQ(frames[2].bytes, payload(1514, 3));
    EXPECT_EQ(frames[3].capturedLength, 0u);
    EXPECT_TRUE(frames[3].bytes.empty());
    EXPECT_EQ(frames[3].ts.nsec, nano ? 7u : 7000u);

    // Random access gives back each frame, in any order, without disturbing next().
    for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
        FrameRef f;
        ASSERT_TRUE(reader->readAt(it->offset, f)) << reader->error();
        EXPECT_TRUE(OwnedFrame::from(f, it->offset).sameAs(*it));
    }
    FrameRef f;
    EXPECT_FALSE(reader->next(f));
    EXPECT_FALSE(reader->readAt(3, f));
    EXPECT_NE(reader->error().find("no packet at byte offset 3"), std::string::npos) << reader->error();
    EXPECT_FALSE(reader->readAt(1u << 30, f));
}

INSTANTIATE_TEST_SUITE_P(AllVariants, PcapByteOrder,
                         ::testing::Values(PcapCase{false, false}, PcapCase{false, true}, PcapCase{true, false},
                                           PcapCase{true, true}));

// tshark 4.0 prints ts_usec 1000000 as ".1000000000" and 2147483648 as ".000000000":
// wiretap's libpcap.c computes nsecs = ts_usec * 1000 in unsigned 32-bit arithmetic,
// and 2147483648 * 1000 = 2^34 * 125 wraps to 0. RcvMon keeps the same values.
TEST(PcapReader, OutOfRangeMicrosecondsFollowWireshark)
{
    PcapBuilder b(false, false, 113);
    b.packet(1418145369, 999999, payload(4, 1))
        .packet(1418145370, 1000000, payload(4, 2))
        .packet(1418145370, 2147483648u, payload(4, 3))
        .packet(1, 4294967295u, payload(4, 4));
    TempDir dir;
    writeFile(dir.file("q.pcap"), b.bytes());
    std::string error;
    auto reader = CaptureFileReader::open(dir.file("q.pcap"), error);
    ASSERT_TRUE(reader) << error;
    const auto frames = readAll(*reader);
    ASSERT_EQ(frames.size(), 4u);
    EXPECT_EQ(frames[0].ts, (Timestamp{1418145369, 999999000u}));
    EXPECT_EQ(frames[1].ts, (Timestamp{1418145370, 1000000000u}));
    EXPECT_EQ(frames[2].ts, (Timestamp{1418145370, 0u}));
    EXPECT_EQ(frames[3].ts.nsec, static_cast<std::uint32_t>(4294967295ull * 1000ull));
}

// Kuznetsov's "modified pcap" (magic 0xa1b2cd34): 8 more bytes per record, with pkt_type.
TEST(PcapReader, ModifiedPcapRecordsAreRead)
{
    Bytes bytes;
    put32(bytes, 0xa1b2cd34, false);
    put16(bytes, 2, false);
    put16(bytes, 4, false);
    for (std::uint32_t v : {0u, 0u, 65535u, 1u}) put32(bytes, v, false);
    const std::uint8_t types[] = {0, 4, 3};
    for (std::uint8_t i = 0; i < 3; ++i) {
        const Bytes data = payload(20 + i, i);
        for (std::uint32_t v : {100u + i, 5u, 20u + i, 20u + i}) put32(bytes, v, false);
        put32(bytes, 2, false);  // ifindex
        put16(bytes, 0x0800, false);
        bytes.push_back(types[i]);
        bytes.push_back(0);
        bytes.insert(bytes.end(), data.begin(), data.end());
    }
    TempDir dir;
    writeFile(dir.file("kuz.pcap"), bytes);
    std::string error;
    auto reader = CaptureFileReader::open(dir.file("kuz.pcap"), error);
    ASSERT_TRUE(reader) << error;
    const auto frames = readAll(*reader);
    EXPECT_EQ(reader->error(), "");
    ASSERT_EQ(frames.size(), 3u);
    EXPECT_EQ(frames[2].bytes, payload(22, 2));
    EXPECT_EQ(frames[2].ts, (Timestamp{102, 5000}));
    EXPECT_EQ(frames[0].direction, Direction::Incoming);
    EXPECT_EQ(frames[1].direction, Direction::Outgoing);
    EXPECT_EQ(frames[2].direction, Direction::OtherHost);
}

TEST(PcapReader, LinkTypeIgnoresFcsBits)
{
    PcapBuilder b(false, false, 0x14000001u);  // FCS-present bits above LINKTYPE_ETHERNET
    b.packet(1, 0, payload(20, 1));
    TempDir dir;
    writeFile(dir.file("fcs.pcap"), b.bytes());
    std::string error;
    auto reader = CaptureFileReader::open(dir.file("fcs.pcap"), error);
    ASSERT_TRUE(reader) << error;
    FrameRef f;
    ASSERT_TRUE(reader->next(f));
    EXPECT_EQ(f.linkType, 1u);
}

TEST(PcapReader, HugeCapturedLengthIsDamageNotAnAllocation)
{
    PcapBuilder b(false, false, 1);
    b.packet(1, 0, payload(40, 1)).rawHeader(2, 0, 0x7fffffff, 0x7fffffff);
    TempDir dir;
    const std::string path = dir.file("huge.pcap");
    writeFile(path, b.bytes());
    std::string error;
    auto reader = CaptureFileReader::open(path, error);
    ASSERT_TRUE(reader) << error;
    const auto frames = readAll(*reader);
    ASSERT_EQ(frames.size(), 1u);  // the packet before the damage is kept
    EXPECT_EQ(frames[0].bytes, payload(40, 1));
    EXPECT_NE(reader->error().find(path), std::string::npos) << reader->error();
    EXPECT_NE(reader->error().find("is damaged: packet 2"), std::string::npos) << reader->error();
    EXPECT_NE(reader->error().find("2147483647 captured bytes"), std::string::npos) << reader->error();
}

TEST(PcapReader, LargestAllowedPacketIsRead)
{
    PcapBuilder b(true, true, 1, MaxCapturedLength);
    b.packet(1, 2, payload(MaxCapturedLength, 9));
    TempDir dir;
    writeFile(dir.file("max.pcap"), b.bytes());
    std::string error;
    auto reader = CaptureFileReader::open(dir.file("max.pcap"), error);
    ASSERT_TRUE(reader) << error;
    const auto frames = readAll(*reader);
    EXPECT_EQ(reader->error(), "");
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_EQ(frames[0].bytes, payload(MaxCapturedLength, 9));
}

TEST(PcapReader, UnsupportedVersionIsRefusedClearly)
{
    Bytes bytes = PcapBuilder(false, false, 1).packet(1, 0, payload(10, 1)).bytes();
    bytes[4] = 1;  // version 1.4
    TempDir dir;
    const std::string path = dir.file("v1.pcap");
    writeFile(path, bytes);
    std::string error;
    EXPECT_FALSE(CaptureFileReader::open(path, error));
    EXPECT_EQ(error, "\"" + path + "\" uses pcap format version 1.4, which RcvMon cannot read (only version 2).");
}

}  // namespace

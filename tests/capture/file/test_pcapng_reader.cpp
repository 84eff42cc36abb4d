// SPDX-License-Identifier: GPL-2.0-or-later
// pcapng reading on hand-built files: sections in both byte orders, interfaces and their
// clocks, EPB / SPB / PB, skipped blocks, direction flags, random access.
#include "file/capture_file_reader.h"

#include "capture_builder.h"
#include "file_test_util.h"
#include "pcapng_samples.h"

#include <gtest/gtest.h>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

std::unique_ptr<CaptureFileReader> openBytes(const TempDir& dir, const Bytes& bytes, const std::string& name,
                                             std::string& error)
{
    writeFile(dir.file(name), bytes);
    return CaptureFileReader::open(dir.file(name), error);
}

TEST(PcapngReader, ReadsSectionsInterfacesClocksAndPacketBlocks)
{
    TempDir dir;
    std::string error;
    auto reader = openBytes(dir, richPcapng().bytes(), "rich.pcapng", error);
    ASSERT_TRUE(reader) << error;
    EXPECT_EQ(reader->format(), FileFormat::PcapNg);
    // The first section's interfaces are known at open, before any packet.
    EXPECT_EQ(reader->interfaces().size(), 4u);

    const auto frames = readAll(*reader);
    EXPECT_EQ(reader->error(), "");
    ASSERT_EQ(frames.size(), 8u);

    const auto& ifs = reader->interfaces();
    ASSERT_EQ(ifs.size(), 6u);
    EXPECT_EQ(ifs[1].name, "eth1");
    EXPECT_EQ(ifs[1].description, "uplink");
    EXPECT_EQ(ifs[1].tsResolution, 9);
    EXPECT_EQ(ifs[2].tsResolution, 0x80 | 20);
    EXPECT_EQ(ifs[2].tsOffsetSeconds, 1000);
    EXPECT_EQ(ifs[3].tsOffsetSeconds, -100);
    EXPECT_EQ(ifs[3].snapLength, 1500u);
    EXPECT_EQ(ifs[4].name, "big0");
    EXPECT_EQ(ifs[4].linkType, 276u);
    EXPECT_EQ(ifs[5].tsResolution, 6);

    // interface 0, µs by default
    EXPECT_EQ(frames[0].ts, (Timestamp{1700000000, 250000000}));
    EXPECT_EQ(frames[0].linkType, 1u);
    EXPECT_EQ(frames[0].interfaceId, 0u);
    EXPECT_EQ(frames[0].bytes, payload(60, 1));
    EXPECT_EQ(frames[0].direction, Direction::Unknown);
    // interface 1, ns, inbound
    EXPECT_EQ(frames[1].ts, (Timestamp{1700000000, 123456789}));
    EXPECT_EQ(frames[1].linkType, 101u);
    EXPECT_EQ(frames[1].interfaceId, 1u);
    EXPECT_EQ(frames[1].originalLength, 1500u);
    EXPECT_EQ(frames[1].direction, Direction::Incoming);
    // interface 2, 2^-20 s units plus 1000 s offset; floor(1e9 / 2^20) = 953
    EXPECT_EQ(frames[2].ts, (Timestamp{1005, 500000000}));
    EXPECT_EQ(frames[2].direction, Direction::Outgoing);
    EXPECT_EQ(frames[3].ts, (Timestamp{1005, 953}));
    EXPECT_EQ(frames[3].direction, Direction::OtherHost);
    EXPECT_EQ(frames[3].linkType, 113u);
    // interface 3, ms, -100 s
    EXPECT_EQ(frames[4].ts, (Timestamp{1234 - 100, 567000000}));
    // second, big-endian section: its interface 1 is the file's interface 5
    EXPECT_EQ(frames[5].interfaceId, 5u);
    EXPECT_EQ(frames[5].linkType, 101u);
    EXPECT_EQ(frames[5].ts, (Timestamp{1, 0}));
    EXPECT_EQ(frames[5].bytes, payload(50, 6));
    // SPB: interface 0 of its section, captured length cut to the snaplen, no time stamp
    EXPECT_EQ(frames[6].interfaceId, 4u);
    EXPECT_EQ(frames[6].linkType, 276u);
    EXPECT_EQ(frames[6].originalLength, 100u);
    EXPECT_EQ(frames[6].capturedLength, 64u);
    EXPECT_EQ(frames[6].bytes, payload(64, 7));
    EXPECT_EQ(frames[6].ts, (Timestamp{0, 0}));
    // obsolete PB
    EXPECT_EQ(frames[7].interfaceId, 4u);
    EXPECT_EQ(frames[7].ts, (Timestamp{2000000000, 5}));
    EXPECT_EQ(frames[7].bytes, payload(31, 8));

    // Random access reads each back with its own section's byte order and interfaces.
    for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
        FrameRef f;
        ASSERT_TRUE(reader->readAt(it->offset, f)) << reader->error();
        EXPECT_TRUE(OwnedFrame::from(f, it->offset).sameAs(*it)) << "offset " << it->offset;
    }
    FrameRef f;
    EXPECT_FALSE(reader->readAt(0, f));  // the section header is not a packet
    EXPECT_NE(reader->error().find("no packet at byte offset 0"), std::string::npos) << reader->error();
}

TEST(PcapngReader, EmptyCaptureHasInterfacesAndNoPackets)
{
    PcapngBuilder b;
    b.section(false).interface(1, 262144, {byteOption(9, 6)});
    TempDir dir;
    std::string error;
    auto reader = openBytes(dir, b.bytes(), "empty.pcapng", error);
    ASSERT_TRUE(reader) << error;
    FrameRef f;
    EXPECT_FALSE(reader->next(f));
    EXPECT_EQ(reader->error(), "");
    ASSERT_EQ(reader->interfaces().size(), 1u);
    EXPECT_EQ(reader->interfaces()[0].snapLength, 262144u);
}

TEST(PcapngReader, PacketOnUndeclaredInterfaceIsDamage)
{
    PcapngBuilder b;
    b.section(false).interface(1, 0).epb(0, 1, payload(10, 1)).epb(3, 2, payload(10, 2));
    TempDir dir;
    std::string error;
    auto reader = openBytes(dir, b.bytes(), "undeclared.pcapng", error);
    ASSERT_TRUE(reader) << error;
    const auto frames = readAll(*reader);
    EXPECT_EQ(frames.size(), 1u);
    EXPECT_NE(reader->error().find("packet 2"), std::string::npos) << reader->error();
    EXPECT_NE(reader->error().find("refers to interface 3, but its section declares 1"), std::string::npos)
        << reader->error();
}

TEST(PcapngReader, CapturedLengthBeyondBlockIsDamage)
{
    PcapngBuilder b;
    b.section(true).interface(1, 0);
    Bytes body;
    put32(body, 0, true);
    put32(body, 0, true);
    put32(body, 1, true);
    put32(body, 400, true);  // captured length larger than the block
    put32(body, 400, true);
    const Bytes data = payload(8, 1);
    body.insert(body.end(), data.begin(), data.end());
    b.block(6, body);
    TempDir dir;
    std::string error;
    auto reader = openBytes(dir, b.bytes(), "short.pcapng", error);
    ASSERT_TRUE(reader) << error;
    EXPECT_TRUE(readAll(*reader).empty());
    EXPECT_NE(reader->error().find("claims 400 captured bytes, but its block holds only 8"), std::string::npos)
        << reader->error();
}

TEST(PcapngReader, ImpossibleTimeResolutionIsDamage)
{
    PcapngBuilder b;
    b.section(false).interface(1, 0, {byteOption(9, 40)}).epb(0, 1, payload(4, 1));
    TempDir dir;
    std::string error;
    auto reader = openBytes(dir, b.bytes(), "tsresol.pcapng", error);
    ASSERT_TRUE(reader) << error;
    EXPECT_TRUE(readAll(*reader).empty());
    EXPECT_NE(reader->error().find("impossible time resolution of 10^-40 s"), std::string::npos) << reader->error();
}

TEST(PcapngReader, TrailingLengthMismatchIsDamage)
{
    PcapngBuilder b;
    b.section(false).interface(1, 0).epb(0, 1, payload(4, 1)).epb(0, 2, payload(4, 2));
    Bytes bytes = b.bytes();
    bytes[bytes.size() - 4] ^= 0x40;  // corrupt the last block's trailing length
    TempDir dir;
    std::string error;
    auto reader = openBytes(dir, bytes, "trailer.pcapng", error);
    ASSERT_TRUE(reader) << error;
    EXPECT_EQ(readAll(*reader).size(), 1u);
    EXPECT_NE(reader->error().find("ends with a length that differs from its start"), std::string::npos)
        << reader->error();
}

}  // namespace

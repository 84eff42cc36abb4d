// SPDX-License-Identifier: GPL-2.0-or-later
// Packet comments (EPB opt_comment) in RcvMon's pcapng reader and writer: several per packet,
// both byte orders, sequential and random access, a damaged option list, and the writer's
// comments read back (its own IPv6-rebuilt comment kept after the frame's).
#include "file/capture_file_reader.h"
#include "file/capture_file_writer.h"

#include "capture_builder.h"
#include "file_test_util.h"

#include <gtest/gtest.h>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

using Comments = std::vector<std::string>;

// An EPB whose option list is given as raw bytes, so damaged lists can be built too.
Bytes epbBody(bool be, const Bytes& data, const Bytes& options)
{
    Bytes body;
    put32(body, 0, be);
    put32(body, 0, be);
    put32(body, 1000, be);
    put32(body, static_cast<std::uint32_t>(data.size()), be);
    put32(body, static_cast<std::uint32_t>(data.size()), be);
    body.insert(body.end(), data.begin(), data.end());
    while (body.size() % 4) body.push_back(0);
    body.insert(body.end(), options.begin(), options.end());
    return body;
}

Bytes option(bool be, std::uint16_t code, const std::string& value)
{
    Bytes out;
    put16(out, code, be);
    put16(out, static_cast<std::uint16_t>(value.size()), be);
    out.insert(out.end(), value.begin(), value.end());
    while (out.size() % 4) out.push_back(0);
    return out;
}

Bytes concat(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

Comments commentsOf(const CaptureFileReader& reader)
{
    std::vector<std::string_view> views{"stale"};  // the reader clears what the caller reuses
    reader.frameComments(views);
    return Comments(views.begin(), views.end());
}

Bytes commentedFile(bool be)
{
    const Bytes end = {0, 0, 0, 0};
    PcapngBuilder b;
    b.section(be).interface(1, 65535);
    b.block(6, epbBody(be, payload(20, 1), concat({option(be, 1, "first"), option(be, 2, "\0\0\0\1"), option(be, 1, "second, with \"quotes\""), end})));
    b.block(6, epbBody(be, payload(21, 2), {}));
    b.block(6, epbBody(be, payload(22, 3), concat({option(be, 1, std::string("nul-padded\0\0", 12)), end})));
    return b.bytes();
}

TEST(PcapngComments, EachPacketsCommentsInBothByteOrdersSequentiallyAndByOffset)
{
    for (const bool be : {false, true}) {
        TempDir dir;
        writeFile(dir.file("c.pcapng"), commentedFile(be));
        std::string error;
        auto reader = CaptureFileReader::open(dir.file("c.pcapng"), error);
        ASSERT_TRUE(reader) << error;
        std::vector<std::uint64_t> offsets;
        std::vector<Comments> seen;
        FrameRef frame;
        while (reader->next(frame)) {
            offsets.push_back(reader->lastFrameOffset());
            seen.push_back(commentsOf(*reader));
        }
        ASSERT_EQ(reader->error(), "");
        const std::vector<Comments> expected = {{"first", "second, with \"quotes\""}, {}, {"nul-padded"}};
        EXPECT_EQ(seen, expected) << (be ? "big-endian" : "little-endian");
        // Random access, out of order: each read replaces the comments of the one before.
        for (const int i : {2, 0, 1}) {
            ASSERT_TRUE(reader->readAt(offsets[i], frame)) << reader->error();
            EXPECT_EQ(commentsOf(*reader), expected[i]) << i;
        }
    }
}

TEST(PcapngComments, ADamagedOptionLengthKeepsTheCommentsBeforeItAndThePacket)
{
    const bool be = false;
    Bytes damaged = option(be, 1, "kept");
    Bytes bad;
    put16(bad, 1, be);
    put16(bad, 0xfff0, be);  // runs past the block
    bad.insert(bad.end(), {'x', 'x', 'x', 'x'});
    PcapngBuilder b;
    b.section(be).interface(1, 65535);
    b.block(6, epbBody(be, payload(20, 1), concat({damaged, bad})));
    b.block(6, epbBody(be, payload(20, 2), option(be, 1, "after")));  // no opt_endofopt: the block ends the list
    TempDir dir;
    writeFile(dir.file("d.pcapng"), b.bytes());
    std::string error;
    auto reader = CaptureFileReader::open(dir.file("d.pcapng"), error);
    ASSERT_TRUE(reader) << error;
    FrameRef frame;
    ASSERT_TRUE(reader->next(frame)) << reader->error();
    EXPECT_EQ(frame.data.size(), 20u);
    EXPECT_EQ(commentsOf(*reader), Comments{"kept"});
    ASSERT_TRUE(reader->next(frame)) << reader->error();
    EXPECT_EQ(commentsOf(*reader), Comments{"after"});
    EXPECT_FALSE(reader->next(frame));
    EXPECT_EQ(reader->error(), "");
}

TEST(PcapngComments, APcapFileHasNone)
{
    TempDir dir;
    writeFile(dir.file("p.pcap"), PcapBuilder(false, false, 1).packet(1, 2, payload(30, 4)).bytes());
    std::string error;
    auto reader = CaptureFileReader::open(dir.file("p.pcap"), error);
    ASSERT_TRUE(reader) << error;
    FrameRef frame;
    ASSERT_TRUE(reader->next(frame));
    EXPECT_EQ(commentsOf(*reader), Comments{});
}

// The writer's comments read back, written in place and around borrowed frame bytes.
TEST(PcapngComments, WrittenCommentsReadBackAfterTheFramesOwnAndBeforeTheRebuiltIpv6One)
{
    for (const bool borrow : {false, true}) {
        TempDir dir;
        const std::string path = dir.file("w.pcapng");
        std::string error;
        auto writer = CaptureFileWriter::create(path, FileFormat::PcapNg, error);
        ASSERT_TRUE(writer) << error;
        writer->borrowFrameBytes(borrow);
        InterfaceInfo info;
        info.linkType = 1;
        info.snapLength = 65535;
        ASSERT_TRUE(writer->addInterface(info, error)) << error;
        const Bytes data = payload(33, 5);
        FrameRef frame;
        frame.ts = Timestamp{1700000000, 5};
        frame.capturedLength = frame.originalLength = static_cast<std::uint32_t>(data.size());
        frame.linkType = 1;
        frame.data = ByteSpan(data.data(), data.size());
        frame.direction = Direction::Incoming;
        const std::string longComment(70000, 'L');  // longer than an option holds: cut to 65535
        writer->setNextComments({"one", "two, three", longComment});
        ASSERT_TRUE(writer->write(frame, 0, error)) << error;
        ASSERT_TRUE(writer->write(frame, 0, error)) << error;  // the comments were for one write only
        frame.flags = FrameFlag::Ipv6HeaderReconstructed;
        writer->setNextComments({"mine"});
        ASSERT_TRUE(writer->write(frame, 0, error)) << error;
        ASSERT_TRUE(writer->flush(error)) << error;
        ASSERT_TRUE(writer->commit(error)) << error;

        auto reader = CaptureFileReader::open(path, error);
        ASSERT_TRUE(reader) << error;
        std::vector<Comments> seen;
        std::vector<Direction> directions;
        while (reader->next(frame)) {
            seen.push_back(commentsOf(*reader));
            directions.push_back(frame.direction);
            EXPECT_EQ(Bytes(frame.data.begin(), frame.data.end()), data);
        }
        ASSERT_EQ(reader->error(), "");
        ASSERT_EQ(seen.size(), 3u);
        EXPECT_EQ(seen[0], (Comments{"one", "two, three", longComment.substr(0, 65535)})) << borrow;
        EXPECT_EQ(seen[1], Comments{}) << borrow;
        ASSERT_EQ(seen[2].size(), 2u) << borrow;
        EXPECT_EQ(seen[2][0], "mine");
        EXPECT_NE(seen[2][1].find("IPv6 header reconstructed"), std::string::npos);
        EXPECT_EQ(directions, std::vector<Direction>(3, Direction::Incoming));  // epb_flags still there
    }
}

}  // namespace

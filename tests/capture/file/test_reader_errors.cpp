// SPDX-License-Identifier: GPL-2.0-or-later
// Files that are not (whole) captures: every truncation length of valid files, foreign
// formats, empty, missing and directory paths. Each gets one clear message naming the
// file and the reason, and packets before a cut are kept.
#include "file/capture_file_reader.h"

#include "capture_builder.h"
#include "file_test_util.h"
#include "pcapng_samples.h"

#include <gtest/gtest.h>

#ifndef _WIN32
#include <unistd.h>
#endif

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct Block {
    std::size_t begin;
    std::size_t end;
    bool packet;
};

// Where each record / block of a valid file ends, found independently of the reader.
std::vector<Block> pcapRecords(const Bytes& b, bool be)
{
    std::vector<Block> blocks{{0, 24, false}};
    for (std::size_t pos = 24; pos < b.size();) {
        const std::uint8_t* p = b.data() + pos + 8;
        const std::size_t caplen = be ? std::uint32_t(p[0]) << 24 | p[1] << 16 | p[2] << 8 | p[3]
                                      : std::uint32_t(p[3]) << 24 | p[2] << 16 | p[1] << 8 | p[0];
        blocks.push_back({pos, pos + 16 + caplen, true});
        pos += 16 + caplen;
    }
    return blocks;
}

std::vector<Block> pcapngBlocks(const Bytes& b)
{
    std::vector<Block> blocks;
    bool be = false;
    for (std::size_t pos = 0; pos < b.size();) {
        auto load = [&](std::size_t at) {
            return be ? std::uint32_t(b[at]) << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3]
                      : std::uint32_t(b[at + 3]) << 24 | b[at + 2] << 16 | b[at + 1] << 8 | b[at];
        };
        if (b[pos] == 0x0a && b[pos + 1] == 0x0d) be = b[pos + 8] == 0x1a;
        const std::uint32_t type = load(pos);
        const std::uint32_t length = load(pos + 4);
        blocks.push_back({pos, pos + length, type == 6 || type == 3 || type == 2});
        pos += length;
    }
    return blocks;
}

void checkEveryTruncation(const Bytes& full, const std::vector<Block>& blocks, const std::string& name)
{
    TempDir dir;
    const std::string path = dir.file(name);
    std::string firstMessage;
    for (std::size_t cut = 0; cut <= full.size(); ++cut) {
        SCOPED_TRACE("cut at " + std::to_string(cut) + " of " + std::to_string(full.size()));
        writeFile(path, Bytes(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(cut)));
        std::string error;
        auto reader = CaptureFileReader::open(path, error);
        const std::size_t headerEnd = blocks.front().end;
        if (cut < headerEnd) {
            ASSERT_FALSE(reader);
            EXPECT_TRUE(contains(error, "\"" + path + "\"")) << error;
            if (cut == 0) EXPECT_TRUE(contains(error, "is empty")) << error;
            else if (cut < 4) EXPECT_TRUE(contains(error, "is too short")) << error;
            else EXPECT_TRUE(contains(error, "is truncated")) << error;
            continue;
        }
        ASSERT_TRUE(reader) << error;
        std::size_t expectedFrames = 0;
        bool atBoundary = false;
        for (const Block& b : blocks) {
            if (b.packet && b.end <= cut) ++expectedFrames;
            if (b.end == cut) atBoundary = true;
        }
        const auto frames = readAll(*reader);
        ASSERT_EQ(frames.size(), expectedFrames);
        // The frames kept are the original ones, byte for byte.
        std::size_t k = 0;
        for (const Block& b : blocks) {
            if (!b.packet || b.end > cut) continue;
            const std::size_t dataLength = frames[k].bytes.size();
            EXPECT_EQ(frames[k].offset, b.begin);
            if (dataLength) {
                const auto at = std::search(full.begin() + static_cast<std::ptrdiff_t>(b.begin),
                                            full.begin() + static_cast<std::ptrdiff_t>(b.end), frames[k].bytes.begin(),
                                            frames[k].bytes.end());
                EXPECT_NE(at, full.begin() + static_cast<std::ptrdiff_t>(b.end));
            }
            ++k;
        }
        // A torn tail is cut off with a warning, never an error: the file was read.
        EXPECT_EQ(reader->error(), "");
        if (atBoundary) {
            EXPECT_EQ(reader->warning(), "");
        } else {
            EXPECT_TRUE(contains(reader->warning(), "\"" + path + "\" is truncated")) << reader->warning();
            if (firstMessage.empty()) firstMessage = reader->warning();
        }
    }
    std::cout << name << ": e.g. " << firstMessage << "\n";
}

TEST(ReaderErrors, EveryTruncationOfAPcapKeepsEarlierPackets)
{
    for (bool be : {false, true}) {
        PcapBuilder b(be, true, 1);
        b.packet(1, 2, payload(10, 1)).packet(3, 4, {}).packet(5, 6, payload(7, 3)).packet(7, 8, payload(13, 4));
        checkEveryTruncation(b.bytes(), pcapRecords(b.bytes(), be), be ? "cut-be.pcap" : "cut-le.pcap");
    }
}

TEST(ReaderErrors, EveryTruncationOfAMultiSectionPcapngKeepsEarlierPackets)
{
    const Bytes full = richPcapng().bytes();
    checkEveryTruncation(full, pcapngBlocks(full), "cut.pcapng");
}

TEST(ReaderErrors, MessagesForTruncatedPcapNameTheCut)
{
    Bytes full = PcapBuilder(false, false, 1).packet(1, 0, payload(100, 1)).packet(2, 0, payload(100, 2)).bytes();
    TempDir dir;
    const std::string path = dir.file("cut.pcap");
    writeFile(path, Bytes(full.begin(), full.end() - 40));
    std::string error;
    auto reader = CaptureFileReader::open(path, error);
    ASSERT_TRUE(reader) << error;
    EXPECT_EQ(readAll(*reader).size(), 1u);
    EXPECT_EQ(reader->warning(), "\"" + path
                                   + "\" is truncated: packet 2 (at byte offset 140) is cut off after 60 of its 100 "
                                     "captured bytes.");

    reader.reset();  // Windows cannot rewrite a file while it is mapped
    writeFile(path, Bytes(full.begin(), full.begin() + 150));
    reader = CaptureFileReader::open(path, error);
    ASSERT_TRUE(reader) << error;
    EXPECT_EQ(readAll(*reader).size(), 1u);
    EXPECT_EQ(reader->warning(), "\"" + path
                                   + "\" is truncated: packet 2 (at byte offset 140) is cut off in its record header "
                                     "(10 of 16 bytes).");
}

TEST(ReaderErrors, ForeignFilesAreNamedAndExplained)
{
    TempDir dir;
    struct Case {
        std::string name;
        Bytes bytes;
        std::string expected;
    };
    const std::string text = "frame.number\tframe.len\n1\t60\n";
    const std::vector<Case> cases = {
        {"image.png", {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13},
         "is not a pcap or pcapng capture file: it starts with bytes 89 50 4e 47; it is a PNG image."},
        {"notes.txt", Bytes(text.begin(), text.end()),
         "is not a pcap or pcapng capture file: it starts with bytes 66 72 61 6d."},
        {"capture.pcap.gz", {0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0},
         "is not a pcap or pcapng capture file: it starts with bytes 1f 8b 08 00; it is gzip-compressed, "
         "decompress it first."},
        {"empty.pcap", {}, "is empty: it holds no capture data."},
        {"tiny.pcap", {0xd4, 0xc3}, "is too short (2 bytes) to be a pcap or pcapng capture file."},
        {"header.pcap", {0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0},
         "is truncated: its pcap file header ends after 8 of 24 bytes."},
        {"badorder.pcapng", {0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 1, 2, 3, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0},
         "is damaged: the section header at byte offset 0 has no valid byte-order magic."},
        {"oddlength.pcapng", {0x0a, 0x0d, 0x0d, 0x0a, 27, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a},
         "is damaged: the block at byte offset 0 declares an impossible length of 27 bytes."},
    };
    for (const Case& c : cases) {
        const std::string path = dir.file(c.name);
        writeFile(path, c.bytes);
        std::string error;
        EXPECT_FALSE(CaptureFileReader::open(path, error)) << c.name;
        EXPECT_EQ(error, "\"" + path + "\" " + c.expected);
    }
}

TEST(ReaderErrors, MissingFileAndDirectory)
{
    TempDir dir;
    std::string error;
    const std::string missing = dir.file("no-such.pcap");
    EXPECT_FALSE(CaptureFileReader::open(missing, error));
    EXPECT_TRUE(contains(error, "Cannot open \"" + missing + "\": ")) << error;
    EXPECT_TRUE(contains(error, "No such file") || contains(error, "not find") || contains(error, "not found")) << error;

    error.clear();
    EXPECT_FALSE(CaptureFileReader::open(dir.path().string(), error));
    EXPECT_EQ(error, "Cannot open \"" + dir.path().string() + "\": it is a directory.");
}

#ifndef _WIN32
TEST(ReaderErrors, UnreadableFileSaysWhy)
{
    TempDir dir;
    const std::string path = dir.file("secret.pcap");
    writeFile(path, PcapBuilder(false, false, 1).bytes());
    std::string error;
    // A path through a regular file cannot be opened, whoever runs the test.
    EXPECT_FALSE(CaptureFileReader::open(path + "/inner.pcap", error));
    EXPECT_EQ(error, "Cannot open \"" + path + "/inner.pcap\": Not a directory.");
    if (geteuid() != 0) {  // root reads every file, so permissions can only be tested as a user
        std::filesystem::permissions(path, std::filesystem::perms::none);
        EXPECT_FALSE(CaptureFileReader::open(path, error));
        EXPECT_EQ(error, "Cannot open \"" + path + "\": Permission denied.");
    }
}
#endif

}  // namespace

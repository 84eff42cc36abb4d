// SPDX-License-Identifier: GPL-2.0-or-later
// Streaming: the same files read through a pipe (in small, uneven pieces) give exactly
// the frames the memory-mapped reader gives; truncated streams keep what was read.
#include "file/capture_file_reader.h"

#include "capture_builder.h"
#include "file_test_util.h"
#include "pcapng_samples.h"
#include "require.h"

#include <gtest/gtest.h>

#include <thread>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#else
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

#ifdef _WIN32
bool makePipe(int fds[2]) { return _pipe(fds, 65536, _O_BINARY) == 0; }
long writeSome(int fd, const std::uint8_t* p, std::size_t n) { return _write(fd, p, static_cast<unsigned>(n)); }
void closeFd(int fd) { _close(fd); }
#else
bool makePipe(int fds[2]) { return pipe(fds) == 0; }
long writeSome(int fd, const std::uint8_t* p, std::size_t n) { return static_cast<long>(::write(fd, p, n)); }
void closeFd(int fd) { ::close(fd); }
#endif

// Writes bytes into fd in pieces of growing, uneven size (1, 2, 3, ... 7, 1, ...), then closes it.
std::thread feed(int fd, Bytes bytes)
{
    return std::thread([fd, bytes = std::move(bytes)] {
        std::size_t pos = 0;
        std::size_t piece = 1;
        while (pos < bytes.size()) {
            const std::size_t n = std::min(piece, bytes.size() - pos);
            const long wrote = writeSome(fd, bytes.data() + pos, n);
            if (wrote <= 0) break;
            pos += static_cast<std::size_t>(wrote);
            piece = piece % 7 + 1;
            if (pos > 4096) piece = 65536;  // large files: stop crawling once the start is covered
        }
        closeFd(fd);
    });
}

struct StreamResult {
    std::vector<OwnedFrame> frames;
    std::string error;
    std::string warning;
    std::string openError;
};

StreamResult readThroughPipe(const Bytes& bytes)
{
    StreamResult result;
    int fds[2];
    if (!makePipe(fds)) {
        result.openError = "pipe failed";
        return result;
    }
    std::thread writer = feed(fds[1], bytes);
    auto reader = CaptureFileReader::openDescriptor(fds[0], true, "the test pipe", result.openError);
    if (reader) {
        EXPECT_FALSE(reader->randomAccess());
        FrameRef f;
        while (reader->next(f)) result.frames.push_back(OwnedFrame::from(f, reader->lastFrameOffset()));
        result.error = reader->error();
        result.warning = reader->warning();
        EXPECT_FALSE(reader->readAt(0, f));
        EXPECT_EQ(reader->error(), "Reading the test pipe by offset is not possible: it is a stream, not a file.");
        reader.reset();
    }
    writer.join();
    return result;
}

void expectSameAsMapped(const Bytes& bytes, const std::string& label)
{
    TempDir dir;
    const std::string path = dir.file("mapped.bin");
    writeFile(path, bytes);
    std::string error;
    auto mapped = CaptureFileReader::open(path, error);
    ASSERT_TRUE(mapped) << label << ": " << error;
    const auto expected = readAll(*mapped);
    ASSERT_EQ(mapped->error(), "") << label;

    const StreamResult streamed = readThroughPipe(bytes);
    ASSERT_EQ(streamed.openError, "") << label;
    EXPECT_EQ(streamed.error, "") << label;
    EXPECT_EQ(streamed.warning, "") << label;
    ASSERT_EQ(streamed.frames.size(), expected.size()) << label;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_TRUE(streamed.frames[i].sameAs(expected[i])) << label << " frame " << i + 1;
        EXPECT_EQ(streamed.frames[i].offset, expected[i].offset) << label << " frame " << i + 1;
    }
}

TEST(StreamReader, PipeGivesTheSameFramesAsMappedPcap)
{
    for (bool be : {false, true}) {
        for (bool nano : {false, true}) {
            PcapBuilder b(be, nano, 1);
            for (std::uint8_t i = 0; i < 50; ++i) b.packet(1000 + i, i * 1000u, payload(i * 37u % 1500, i));
            expectSameAsMapped(b.bytes(), std::string("pcap be=") + (be ? "1" : "0") + " nano=" + (nano ? "1" : "0"));
        }
    }
}

TEST(StreamReader, PipeGivesTheSameFramesAsMappedPcapng)
{
    expectSameAsMapped(richPcapng().bytes(), "rich pcapng");
}

TEST(StreamReader, PipeGivesTheSameFramesAsMappedForEveryCorpusFile)
{
    const auto files = corpusCaptures();
    RCVMON_REQUIRE(!files.empty(), rcvmon::test::corpusWhat());
    for (const std::string& file : files) expectSameAsMapped(readFileBytes(file), file);
}

TEST(StreamReader, BigPacketsLargerThanTheReadChunk)
{
    PcapngBuilder b;
    b.section(false).interface(1, 0, {byteOption(9, 9)});
    for (std::uint8_t i = 0; i < 6; ++i) b.epb(0, 1000000000ull * i, payload(MaxCapturedLength - i, i));
    expectSameAsMapped(b.bytes(), "big packets");
}

TEST(StreamReader, TruncatedStreamKeepsWhatWasRead)
{
    PcapBuilder b(false, false, 1);
    b.packet(1, 0, payload(100, 1)).packet(2, 0, payload(100, 2));
    Bytes cut = b.bytes();
    cut.resize(cut.size() - 30);
    const StreamResult r = readThroughPipe(cut);
    ASSERT_EQ(r.openError, "");
    ASSERT_EQ(r.frames.size(), 1u);
    EXPECT_EQ(r.frames[0].bytes, payload(100, 1));
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.warning, "the test pipe is truncated: packet 2 (at byte offset 140) is cut off after 70 of its 100 "
                       "captured bytes.");
}

TEST(StreamReader, EmptyAndForeignStreams)
{
    StreamResult r = readThroughPipe({});
    EXPECT_EQ(r.openError, "the test pipe is empty: it holds no capture data.");
    const std::string html = "<html>";
    r = readThroughPipe(Bytes(html.begin(), html.end()));
    EXPECT_EQ(r.openError, "the test pipe is not a pcap or pcapng capture file: it starts with bytes 3c 68 74 6d.");
}

#ifndef _WIN32
TEST(StreamReader, DashReadsStandardInput)
{
    PcapBuilder b(false, true, 101);
    b.packet(1, 2, payload(64, 1)).packet(3, 4, payload(65, 2));
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const int savedStdin = dup(0);
    ASSERT_EQ(dup2(fds[0], 0), 0);
    closeFd(fds[0]);
    std::thread writer = feed(fds[1], b.bytes());
    std::string error;
    auto reader = CaptureFileReader::open("-", error);
    std::vector<OwnedFrame> frames;
    if (reader) frames = readAll(*reader);
    writer.join();
    dup2(savedStdin, 0);
    closeFd(savedStdin);
    ASSERT_TRUE(reader) << error;
    EXPECT_FALSE(reader->randomAccess());
    EXPECT_EQ(reader->error(), "");
    ASSERT_EQ(frames.size(), 2u);
    EXPECT_EQ(frames[1].bytes, payload(65, 2));
    EXPECT_EQ(frames[1].ts, (Timestamp{3, 4}));
}

TEST(StreamReader, FifoPathIsStreamed)
{
    TempDir dir;
    const std::string path = dir.file("capture.fifo");
    ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
    const Bytes bytes = richPcapng().bytes();
    std::thread writer([&] {
        std::FILE* out = std::fopen(path.c_str(), "wb");
        if (!out) return;
        std::fwrite(bytes.data(), 1, bytes.size(), out);
        std::fclose(out);
    });
    std::string error;
    auto reader = CaptureFileReader::open(path, error);
    std::vector<OwnedFrame> frames;
    if (reader) frames = readAll(*reader);
    writer.join();
    ASSERT_TRUE(reader) << error;
    EXPECT_FALSE(reader->randomAccess());
    EXPECT_EQ(reader->error(), "");
    EXPECT_EQ(frames.size(), 8u);
}
#endif

}  // namespace

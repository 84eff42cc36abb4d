// SPDX-License-Identifier: GPL-2.0-or-later
// The writer: what it writes reads back identically (own reader), pcap's single link type,
// and the temporary-file rule: a failure or an abandoned export never leaves a file behind.
#include "file/capture_file_writer.h"

#include "capture_builder.h"
#include "file_test_util.h"

#include <gtest/gtest.h>

#ifndef _WIN32
#include <csignal>
#include <thread>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

FrameRef makeFrame(const Bytes& data, std::uint32_t linkType, Timestamp ts, Direction direction = Direction::Unknown)
{
    FrameRef f;
    f.data = ByteSpan(data.data(), data.size());
    f.capturedLength = static_cast<std::uint32_t>(data.size());
    f.originalLength = static_cast<std::uint32_t>(data.size() + 10);
    f.linkType = linkType;
    f.ts = ts;
    f.direction = direction;
    return f;
}

InterfaceInfo iface(std::uint32_t linkType, const std::string& name, std::uint32_t snap = 262144)
{
    InterfaceInfo i;
    i.linkType = linkType;
    i.name = name;
    i.snapLength = snap;
    return i;
}

TEST(CaptureFileWriter, PcapngRoundTripKeepsEverything)
{
    TempDir dir;
    const std::string path = dir.file("out.pcapng");
    std::string error;
    auto writer = CaptureFileWriter::create(path, FileFormat::PcapNg, error);
    ASSERT_TRUE(writer) << error;
    InterfaceInfo eth = iface(1, "eth0");
    eth.description = "wired";
    ASSERT_EQ(writer->addInterface(eth, error), 0u) << error;
    ASSERT_EQ(writer->addInterface(iface(101, "rcvall", 65535), error), 1u) << error;

    const std::vector<Bytes> data = {payload(60, 1), payload(1, 2), payload(1514, 3), payload(0, 4), payload(7, 5)};
    const std::vector<FrameRef> frames = {
        makeFrame(data[0], 1, {1700000000, 123456789}, Direction::Incoming),
        makeFrame(data[1], 101, {1700000000, 999999999}, Direction::Outgoing),
        makeFrame(data[2], 1, {0, 0}, Direction::OtherHost),
        makeFrame(data[3], 101, {4102444800, 1}),
        makeFrame(data[4], 1, {1, 5}),
    };
    const std::vector<std::uint32_t> on = {0, 1, 0, 1, 0};
    for (std::size_t i = 0; i < frames.size(); ++i) ASSERT_TRUE(writer->write(frames[i], on[i], error)) << error;
    // Nothing is visible under the final name before commit.
    EXPECT_FALSE(std::filesystem::exists(path));
    ASSERT_TRUE(writer->commit(error)) << error;
    writer.reset();
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.pcapng"});

    auto reader = CaptureFileReader::open(path, error);
    ASSERT_TRUE(reader) << error;
    EXPECT_EQ(reader->format(), FileFormat::PcapNg);
    const auto back = readAll(*reader);
    EXPECT_EQ(reader->error(), "");
    ASSERT_EQ(back.size(), frames.size());
    for (std::size_t i = 0; i < frames.size(); ++i) {
        OwnedFrame expected = OwnedFrame::from(frames[i]);
        expected.interfaceId = on[i];
        EXPECT_TRUE(back[i].sameAs(expected)) << "frame " << i + 1;
    }
    ASSERT_EQ(reader->interfaces().size(), 2u);
    EXPECT_EQ(reader->interfaces()[0].name, "eth0");
    EXPECT_EQ(reader->interfaces()[0].description, "wired");
    EXPECT_EQ(reader->interfaces()[0].tsResolution, 9);
    EXPECT_EQ(reader->interfaces()[1].name, "rcvall");
    EXPECT_EQ(reader->interfaces()[1].linkType, 101u);
    EXPECT_EQ(reader->interfaces()[1].snapLength, 65535u);
}

TEST(CaptureFileWriter, PcapRoundTripUsesNanosecondMagic)
{
    TempDir dir;
    const std::string path = dir.file("out.pcap");
    std::string error;
    auto writer = CaptureFileWriter::create(path, FileFormat::Pcap, error);
    ASSERT_TRUE(writer) << error;
    ASSERT_EQ(writer->addInterface(iface(113, "a", 1500), error), 0u);
    ASSERT_EQ(writer->addInterface(iface(113, "b", 9000), error), 1u);  // same link type: fine
    EXPECT_FALSE(writer->addInterface(iface(1, "c"), error));
    EXPECT_EQ(error, "Cannot write \"" + path
                         + "\" as pcap: it holds one link type (113) and these packets also have link type 1; use "
                           "pcapng.");

    // Wireshark's out-of-range µs value (nsec = 1e9) survives in pcap's ns field as it is.
    const Bytes a = payload(100, 1), b = payload(200, 2);
    ASSERT_TRUE(writer->write(makeFrame(a, 113, {1418145370, 1000000000}), 0, error)) << error;
    ASSERT_TRUE(writer->write(makeFrame(b, 113, {4294967295LL, 123}), 1, error)) << error;
    EXPECT_FALSE(writer->write(makeFrame(b, 1, {1, 0}), 0, error));
    EXPECT_NE(error.find("its link type 1 differs from interface 0's 113"), std::string::npos) << error;
    EXPECT_FALSE(writer->write(makeFrame(b, 113, {-1, 0}), 0, error));
    EXPECT_NE(error.find("does not fit pcap's 32-bit seconds"), std::string::npos) << error;
    EXPECT_FALSE(writer->write(makeFrame(b, 113, {1, 0}), 2, error));
    EXPECT_NE(error.find("interface 2 was never declared"), std::string::npos) << error;
    ASSERT_TRUE(writer->commit(error)) << error;

    const Bytes file = readFileBytes(path);
    ASSERT_GE(file.size(), 24u);
    EXPECT_EQ((Bytes{file.begin(), file.begin() + 4}), (Bytes{0x4d, 0x3c, 0xb2, 0xa1}));
    EXPECT_EQ(file[16] | file[17] << 8 | file[18] << 16, 9000);  // the largest snaplen declared

    auto reader = CaptureFileReader::open(path, error);
    ASSERT_TRUE(reader) << error;
    const auto back = readAll(*reader);
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].ts, (Timestamp{1418145370, 1000000000}));
    EXPECT_EQ(back[0].bytes, a);
    EXPECT_EQ(back[0].originalLength, 110u);
    EXPECT_EQ(back[1].ts, (Timestamp{4294967295LL, 123}));
    EXPECT_EQ(back[1].linkType, 113u);
    EXPECT_EQ(back[1].bytes, b);
}

TEST(CaptureFileWriter, EmptyExportsAreValidFiles)
{
    TempDir dir;
    std::string error;
    for (FileFormat format : {FileFormat::Pcap, FileFormat::PcapNg}) {
        const std::string path = dir.file(format == FileFormat::Pcap ? "e.pcap" : "e.pcapng");
        auto writer = CaptureFileWriter::create(path, format, error);
        ASSERT_TRUE(writer) << error;
        ASSERT_TRUE(writer->commit(error)) << error;
        auto reader = CaptureFileReader::open(path, error);
        ASSERT_TRUE(reader) << error;
        EXPECT_TRUE(readAll(*reader).empty());
        EXPECT_EQ(reader->error(), "");
    }
}

TEST(CaptureFileWriter, AbandonedExportLeavesNothingAndKeepsTheOldFile)
{
    TempDir dir;
    const std::string path = dir.file("keep.pcapng");
    writeFile(path, {1, 2, 3});
    std::string error;
    {
        auto writer = CaptureFileWriter::create(path, FileFormat::PcapNg, error);
        ASSERT_TRUE(writer) << error;
        ASSERT_TRUE(writer->addInterface(iface(1, "eth0"), error));
        const Bytes data = payload(3000, 1);
        for (int i = 0; i < 1000; ++i) ASSERT_TRUE(writer->write(makeFrame(data, 1, {i, 0}), 0, error));
        EXPECT_EQ(dir.entries().size(), 2u);  // the old file and the temporary
    }
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"keep.pcapng"});
    EXPECT_EQ(readFileBytes(path), (Bytes{1, 2, 3}));
}

TEST(CaptureFileWriter, UncreatableFileSaysWhy)
{
    TempDir dir;
    const std::string path = dir.file("missing-dir") + "/out.pcapng";
    std::string error;
    EXPECT_FALSE(CaptureFileWriter::create(path, FileFormat::PcapNg, error));
    EXPECT_EQ(error.rfind("Cannot write \"" + path + "\": creating a temporary file beside it failed: ", 0), 0u)
        << error;
    EXPECT_TRUE(dir.entries().empty());
}

TEST(CaptureFileWriter, FailedRenameLeavesNoTemporary)
{
    TempDir dir;
    const std::string path = dir.file("taken");
    std::filesystem::create_directories(path + "/inside");  // a non-empty directory holds the name
    std::string error;
    auto writer = CaptureFileWriter::create(path, FileFormat::PcapNg, error);
    ASSERT_TRUE(writer) << error;
    ASSERT_TRUE(writer->addInterface(iface(1, "eth0"), error));
    EXPECT_FALSE(writer->commit(error));
    EXPECT_EQ(error.rfind("Cannot save \"" + path + "\": renaming the finished temporary file failed: ", 0), 0u)
        << error;
    writer.reset();
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"taken"});
}

#ifndef _WIN32
TEST(CaptureFileWriter, DashWritesStandardOutputWithoutTemporary)
{
    TempDir dir;
    const std::string path = dir.file("stdout.pcapng");
    std::fflush(stdout);
    const int saved = dup(1);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(fd, 0);
    dup2(fd, 1);
    ::close(fd);
    std::string error;
    bool ok = false;
    const Bytes a = payload(70, 1), b = payload(80, 2);
    {
        auto writer = CaptureFileWriter::create("-", FileFormat::PcapNg, error);
        ok = writer && writer->addInterface(iface(1, "eth0"), error) && writer->write(makeFrame(a, 1, {5, 6}), 0, error)
             && writer->write(makeFrame(b, 1, {7, 8}, Direction::Outgoing), 0, error) && writer->commit(error);
    }
    dup2(saved, 1);
    ::close(saved);
    ASSERT_TRUE(ok) << error;
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"stdout.pcapng"});
    auto reader = CaptureFileReader::open(path, error);
    ASSERT_TRUE(reader) << error;
    const auto back = readAll(*reader);
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].bytes, a);
    EXPECT_EQ(back[1].ts, (Timestamp{7, 8}));
    EXPECT_EQ(back[1].direction, Direction::Outgoing);
}

// A full disk, simulated with a file size limit: the write fails, says why, and nothing stays.
TEST(CaptureFileWriter, WriteFailureLeavesNoFile)
{
    TempDir dir;
    const std::string path = dir.file("full.pcapng");
    struct rlimit saved {};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
    auto* oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit limited = saved;
    limited.rlim_cur = 256 * 1024;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &limited), 0);

    std::string error;
    bool failed = false;
    {
        auto writer = CaptureFileWriter::create(path, FileFormat::PcapNg, error);
        if (writer && writer->addInterface(iface(1, "eth0"), error)) {
            const Bytes data = payload(1500, 1);
            for (int i = 0; i < 2000 && !failed; ++i) failed = !writer->write(makeFrame(data, 1, {i, 0}), 0, error);
            if (!failed) failed = !writer->commit(error);
        }
    }
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, oldHandler);
    EXPECT_TRUE(failed);
    EXPECT_EQ(error, "Writing \"" + path + "\" failed: File too large.");
    EXPECT_TRUE(dir.entries().empty());
}
#endif

}  // namespace

namespace {

// Writes `count` frames of varied sizes (below and above the borrowing threshold), flushing
// every `batch` frames, and returns the file's bytes. Borrowed or copied, they must be equal.
Bytes writeFrames(TempDir& dir, const std::string& name, FileFormat format, bool borrow, std::size_t count,
                  std::size_t batch)
{
    const std::string path = dir.file(name);
    std::string error;
    auto writer = CaptureFileWriter::create(path, format, error);
    EXPECT_TRUE(writer) << error;
    if (!writer) return {};
    writer->borrowFrameBytes(borrow);
    EXPECT_EQ(writer->addInterface(iface(1, "eth0"), error), 0u) << error;
    std::vector<Bytes> held;  // the caller's promise: valid until flush
    for (std::size_t i = 0; i < count; ++i) {
        held.push_back(payload(i % 5 == 0 ? 1514 : 60 + i % 300, static_cast<std::uint8_t>(i)));
        EXPECT_TRUE(writer->write(makeFrame(held.back(), 1, {1700000000, static_cast<std::uint32_t>(i)}), 0, error)) << error;
        if (held.size() == batch) {
            EXPECT_TRUE(writer->flush(error)) << error;
            held.clear();  // the bytes go away after the flush, as ring entries do
        }
    }
    EXPECT_TRUE(writer->commit(error)) << error;
    return readFileBytes(path);
}

}  // namespace

TEST(CaptureFileWriter, BorrowedFrameBytesWriteTheSameFileAsCopies)
{
    TempDir dir;
    for (FileFormat format : {FileFormat::PcapNg, FileFormat::Pcap}) {
        // 3000 frames per flush: more borrowed pieces than one gathered write takes.
        for (std::size_t batch : {std::size_t{1}, std::size_t{7}, std::size_t{3000}}) {
            const Bytes copied = writeFrames(dir, "copied", format, false, 6000, batch);
            const Bytes borrowed = writeFrames(dir, "borrowed", format, true, 6000, batch);
            ASSERT_GT(copied.size(), 6000u * 60);
            EXPECT_TRUE(copied == borrowed) << "batch " << batch;
        }
    }
}

#ifndef _WIN32
TEST(CaptureFileWriter, BorrowedFrameBytesStreamThroughAPipe)
{
    // What rcvmon-cli -i IFACE -w - does: gathered writes into a pipe a reader drains.
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    std::string error;
    const std::string path = "/dev/fd/" + std::to_string(fds[1]);
    auto writer = CaptureFileWriter::create(path, FileFormat::PcapNg, error);
    ASSERT_TRUE(writer) << error;
    writer->borrowFrameBytes(true);
    ASSERT_EQ(writer->addInterface(iface(1, "eth0"), error), 0u) << error;

    Bytes received;
    std::thread reader([&] {
        std::uint8_t chunk[4096];
        for (;;) {
            const ssize_t n = ::read(fds[0], chunk, sizeof chunk);
            if (n <= 0) break;
            received.insert(received.end(), chunk, chunk + n);
        }
    });
    std::vector<Bytes> frames;
    for (std::size_t i = 0; i < 2000; ++i) frames.push_back(payload(1514, static_cast<std::uint8_t>(i)));
    for (std::size_t i = 0; i < frames.size(); ++i)
        ASSERT_TRUE(writer->write(makeFrame(frames[i], 1, {1, static_cast<std::uint32_t>(i)}), 0, error)) << error;
    ASSERT_TRUE(writer->commit(error)) << error;
    writer.reset();
    ::close(fds[1]);
    reader.join();
    ::close(fds[0]);

    TempDir dir;
    const std::string copy = dir.file("received.pcapng");
    writeFile(copy, received);
    auto back = CaptureFileReader::open(copy, error);
    ASSERT_TRUE(back) << error;
    const auto read = readAll(*back);
    ASSERT_EQ(read.size(), frames.size());
    for (std::size_t i = 0; i < frames.size(); ++i) EXPECT_EQ(read[i].bytes, frames[i]) << "frame " << i + 1;
}
#endif

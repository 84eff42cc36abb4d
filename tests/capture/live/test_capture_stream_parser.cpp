// SPDX-License-Identifier: GPL-2.0-or-later
// CaptureStreamParser against files RcvMon's writers produce, fed in pieces as a pipe
// delivers them: the same frames as the file reader returns, interface statistics read
// back, damage reported; and ssh:// interface names.
#include "live/capture_stream_parser.h"
#include "live/interface_choice.h"
#include "live/ssh_target.h"

#include "core/link_type.h"
#include "file/capture_file_reader.h"
#include "file/capture_file_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace rcvmon::test {
namespace {

namespace fs = std::filesystem;

struct Copy {
    std::int64_t ns;
    std::uint32_t interfaceId, linkType, originalLength;
    Direction direction;
    std::vector<std::uint8_t> bytes;
    bool operator==(const Copy&) const = default;
};

Copy copyOf(const FrameRef& f)
{
    return {f.ts.totalNanoseconds(), f.interfaceId, f.linkType, f.originalLength, f.direction,
            std::vector<std::uint8_t>(f.data.begin(), f.data.end())};
}

fs::path writeSample(FileFormat format)
{
    const fs::path path = fs::temp_directory_path() /
                          ("rcvmon-stream-" + std::to_string(::getpid()) + (format == FileFormat::Pcap ? ".pcap" : ".pcapng"));
    std::string error;
    auto writer = CaptureFileWriter::create(path.string(), format, error);
    EXPECT_TRUE(writer) << error;
    InterfaceInfo eth{link_type::Ethernet, 262144, "host:eth0", "", 9, 0};
    InterfaceInfo raw{link_type::Raw, 262144, "wlan0", "", 9, 0};
    EXPECT_TRUE(writer->addInterface(eth, error)) << error;
    if (format == FileFormat::PcapNg) {
        EXPECT_TRUE(writer->addInterface(raw, error)) << error;
    }
    for (std::uint32_t i = 0; i < 200; ++i) {
        std::vector<std::uint8_t> bytes(14 + i * 7 % 1500, std::uint8_t(i));
        FrameRef f;
        f.ts = Timestamp{1'700'000'000 + i, i * 1'000'003u % 1'000'000'000u};
        f.data = ByteSpan(bytes.data(), bytes.size());
        f.capturedLength = static_cast<std::uint32_t>(bytes.size());
        f.originalLength = f.capturedLength + (i % 3);
        const bool second = format == FileFormat::PcapNg && i % 3 == 1;
        f.linkType = second ? link_type::Raw : link_type::Ethernet;
        f.direction = i % 4 == 0 ? Direction::OtherHost : Direction::Incoming;
        EXPECT_TRUE(writer->write(f, second ? 1 : 0, error)) << error;
    }
    EXPECT_TRUE(writer->writeStatistics(0, {Timestamp{1'700'000'000, 0}, Timestamp{1'700'000'300, 5}, 1234, 56}, error));
    EXPECT_TRUE(writer->commit(error)) << error;
    return path;
}

std::vector<Copy> readWithFileReader(const fs::path& path)
{
    std::string error;
    auto reader = CaptureFileReader::open(path.string(), error);
    EXPECT_TRUE(reader) << error;
    std::vector<Copy> out;
    FrameRef f;
    while (reader && reader->next(f)) out.push_back(copyOf(f));
    return out;
}

// Feeds the file in pieces of 1, 2, ... 97 bytes, taking frames between pieces.
std::vector<Copy> readInPieces(const fs::path& path, CaptureStreamParser& parser)
{
    std::ifstream in(path, std::ios::binary);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<Copy> out;
    std::size_t at = 0, piece = 1;
    FrameRef f;
    while (at < bytes.size()) {
        const std::size_t n = std::min(piece, bytes.size() - at);
        parser.feed(bytes.data() + at, n);
        at += n;
        piece = piece % 97 + 1;
        CaptureStreamParser::Status status;
        while ((status = parser.next(f)) == CaptureStreamParser::Status::Frame) out.push_back(copyOf(f));
        EXPECT_NE(status, CaptureStreamParser::Status::Malformed) << parser.error();
    }
    return out;
}

TEST(CaptureStreamParser, PcapngInPiecesGivesTheFileReadersFramesAndStatistics)
{
    const fs::path path = writeSample(FileFormat::PcapNg);
    const auto expected = readWithFileReader(path);
    ASSERT_EQ(expected.size(), 200u);
    CaptureStreamParser parser;
    EXPECT_EQ(readInPieces(path, parser), expected);
    ASSERT_EQ(parser.interfaces().size(), 2u);
    EXPECT_EQ(parser.interfaces()[0].name, "host:eth0");
    EXPECT_EQ(parser.interfaces()[1].linkType, link_type::Raw);
    EXPECT_EQ(parser.interfaces()[0].received, 1234u);
    EXPECT_EQ(parser.interfaces()[0].dropped, 56u);
    EXPECT_FALSE(parser.interfaces()[1].dropped);
    EXPECT_EQ(parser.pendingBytes(), 0u);
    fs::remove(path);
}

TEST(CaptureStreamParser, PcapInPiecesGivesTheFileReadersFrames)
{
    const fs::path path = writeSample(FileFormat::Pcap);
    const auto expected = readWithFileReader(path);
    ASSERT_EQ(expected.size(), 200u);
    CaptureStreamParser parser;
    EXPECT_EQ(readInPieces(path, parser), expected);
    fs::remove(path);
}

TEST(CaptureStreamParser, ReadHeaderTakesNoFrame)
{
    const fs::path path = writeSample(FileFormat::PcapNg);
    std::vector<std::uint8_t> bytes;
    {
        // Closed before the file is removed: Windows refuses to remove an open file.
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    CaptureStreamParser parser;
    parser.feed(bytes.data(), bytes.size());
    ASSERT_TRUE(parser.readHeader());
    FrameRef f;
    ASSERT_EQ(parser.next(f), CaptureStreamParser::Status::Frame);
    EXPECT_EQ(copyOf(f), readWithFileReader(path).front());
    fs::remove(path);
}

TEST(CaptureStreamParser, DamageIsReportedNotRead)
{
    const std::uint8_t text[] = "ssh: Could not resolve hostname nowhere\n";
    CaptureStreamParser parser;
    parser.feed(text, sizeof text - 1);
    FrameRef f;
    EXPECT_EQ(parser.next(f), CaptureStreamParser::Status::Malformed);
    EXPECT_NE(parser.error().find("neither pcap nor pcapng"), std::string::npos) << parser.error();

    // A pcapng block that claims a length no packet has.
    const std::uint8_t shb[] = {0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0,
                                0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x1c, 0, 0, 0,
                                6, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0};
    CaptureStreamParser damaged;
    damaged.feed(shb, sizeof shb);
    EXPECT_EQ(damaged.next(f), CaptureStreamParser::Status::Malformed);
    EXPECT_NE(damaged.error().find("claims"), std::string::npos) << damaged.error();
}

TEST(SshTarget, ParsesUserHostPortAndInterface)
{
    std::string error;
    auto t = parseSshTarget("ssh://root@198.18.1.2:2222/eth0", error);
    ASSERT_TRUE(t) << error;
    EXPECT_EQ(t->user, "root");
    EXPECT_EQ(t->host, "198.18.1.2");
    EXPECT_EQ(t->port, 2222);
    EXPECT_EQ(t->interfaceName, "eth0");
    EXPECT_EQ(t->displayName(), "198.18.1.2:eth0");
    EXPECT_EQ(t->destination(), "root@198.18.1.2");

    t = parseSshTarget("ssh://[2001:db8::1]/wlan0", error);
    ASSERT_TRUE(t) << error;
    EXPECT_EQ(t->host, "2001:db8::1");
    EXPECT_FALSE(t->port);
    EXPECT_EQ(t->destination(), "2001:db8::1");

    for (const char* bad : {"ssh://host", "ssh://host/", "ssh://host:0/eth0", "ssh://host:x/eth0", "ssh://-oProxy/eth0",
                            "ssh://host/eth0;reboot", "ssh://[::1/eth0", "eth0"}) {
        EXPECT_FALSE(parseSshTarget(bad, error)) << bad;
        EXPECT_NE(error.find("is not a remote interface"), std::string::npos) << error;
    }
}

TEST(InterfaceChoice, SplitsTheWindowsInterfaceList)
{
    EXPECT_EQ(splitInterfaceList("eth0"), std::vector<std::string>{"eth0"});
    EXPECT_EQ(splitInterfaceList(" eth0,  ssh://me@host:22/eth1 ,"), (std::vector<std::string>{"eth0", "ssh://me@host:22/eth1"}));
    EXPECT_TRUE(splitInterfaceList(" , ").empty());
}

TEST(InterfaceChoice, NothingToOpenIsAnError)
{
    std::string error;
    EXPECT_EQ(openInterfaces({}, false, {}, error), nullptr);
    EXPECT_EQ(error, "no interfaces to capture on");
}

}  // namespace
}  // namespace rcvmon::test

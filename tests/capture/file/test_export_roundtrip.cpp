// SPDX-License-Identifier: GPL-2.0-or-later
// Export round trip: a selection of frames (1-3 and 5, as `--select 1-3,5` would) from corpus
// files and from a multi-link-type pcapng is written to pcapng and to pcap; RcvMon's reader,
// libpcap, capinfos and tshark read the result back, and frame bytes, lengths and time stamps
// are those of the source (tshark's values compared with the source's tsv).
#include "file/capture_file_reader.h"
#include "file/capture_file_writer.h"

#include "file_test_util.h"
#include "pcapng_samples.h"
#include "tool_runner.h"
#include "require.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

const std::set<std::uint64_t> Selection = {1, 2, 3, 5};

struct Exported {
    std::vector<OwnedFrame> frames;             // the selected source frames, in order
    std::vector<std::uint64_t> numbers;         // their frame numbers in the source
    std::vector<InterfaceInfo> interfaces;      // source interface of each selected frame
    std::set<std::pair<std::uint32_t, std::uint32_t>> linkAndSnap;  // of the interfaces written
};

// What the CLI's -w with --select does: interfaces declared as frames need them.
bool exportSelection(const std::string& source, const std::string& out, FileFormat format, Exported& exported,
                     std::string& error)
{
    auto reader = CaptureFileReader::open(source, error);
    if (!reader) return false;
    auto writer = CaptureFileWriter::create(out, format, error);
    if (!writer) return false;
    std::map<std::uint32_t, std::uint32_t> writerIndex;
    FrameRef f;
    for (std::uint64_t number = 1; reader->next(f); ++number) {
        if (!Selection.count(number)) continue;
        auto it = writerIndex.find(f.interfaceId);
        if (it == writerIndex.end()) {
            const InterfaceInfo& info = reader->interfaces().at(f.interfaceId);
            const auto index = writer->addInterface(info, error);
            if (!index) return false;
            exported.linkAndSnap.insert({info.linkType, info.snapLength});
            it = writerIndex.emplace(f.interfaceId, *index).first;
        }
        if (!writer->write(f, it->second, error)) return false;
        exported.frames.push_back(OwnedFrame::from(f));
        exported.frames.back().interfaceId = it->second;
        exported.numbers.push_back(number);
        exported.interfaces.push_back(reader->interfaces().at(f.interfaceId));
    }
    if (!reader->error().empty()) {
        error = reader->error();
        return false;
    }
    return writer->commit(error);
}

std::string field(const std::string& capinfos, const std::string& name)
{
    for (const std::string& line : splitLines(capinfos))
        if (line.rfind(name, 0) == 0) {
            std::string v = line.substr(name.size());
            v.erase(0, v.find_first_not_of(' '));
            return v;
        }
    return {};
}

void verify(const std::string& source, const std::string& out, FileFormat format, const Exported& ex)
{
    const bool pcapng = format == FileFormat::PcapNg;
    const std::size_t n = ex.frames.size();

    // 1. RcvMon's own reader.
    std::string error;
    auto reader = CaptureFileReader::open(out, error);
    ASSERT_TRUE(reader) << error;
    EXPECT_EQ(reader->format(), format);
    const auto back = readAll(*reader);
    EXPECT_EQ(reader->error(), "");
    ASSERT_EQ(back.size(), n);
    for (std::size_t i = 0; i < n; ++i) {
        SCOPED_TRACE("own reader, source frame " + std::to_string(ex.numbers[i]));
        const OwnedFrame& src = ex.frames[i];
        EXPECT_EQ(back[i].bytes, src.bytes);
        EXPECT_EQ(back[i].capturedLength, src.capturedLength);
        EXPECT_EQ(back[i].originalLength, src.originalLength);
        EXPECT_EQ(back[i].linkType, src.linkType);
        if (pcapng) {
            // pcapng counts nanoseconds, so an out-of-range fraction (1000000000) is
            // stored as the same instant with the second carried.
            EXPECT_EQ(back[i].ts.totalNanoseconds(), src.ts.totalNanoseconds());
            if (src.ts.nsec < 1000000000u) {
                EXPECT_EQ(back[i].ts, src.ts);
            }
            EXPECT_EQ(back[i].direction, src.direction);
            EXPECT_EQ(back[i].interfaceId, src.interfaceId);
            EXPECT_EQ(reader->interfaces().at(back[i].interfaceId).name, ex.interfaces[i].name);
            EXPECT_EQ(reader->interfaces().at(back[i].interfaceId).tsResolution, 9);
        } else {
            EXPECT_EQ(back[i].ts, src.ts);  // the ns magic keeps even that fraction as it is
        }
    }

    // 2. libpcap (it refuses pcapng whose interfaces differ in link type or snaplen).
    const LibpcapResult lp = libpcapFrames(out);
    if (pcapng && ex.linkAndSnap.size() > 1) {
        EXPECT_NE(lp.error.find("different from"), std::string::npos) << lp.error;
    } else {
        ASSERT_EQ(lp.error, "");
        ASSERT_EQ(lp.frames.size(), n);
        for (std::size_t i = 0; i < n; ++i) {
            SCOPED_TRACE("libpcap, source frame " + std::to_string(ex.numbers[i]));
            EXPECT_EQ(lp.frames[i].bytes, ex.frames[i].bytes);
            EXPECT_EQ(lp.frames[i].originalLength, ex.frames[i].originalLength);
            EXPECT_EQ(lp.frames[i].ts.totalNanoseconds(), ex.frames[i].ts.totalNanoseconds());
        }
    }

    // 3. capinfos.
    const CommandResult info = runCommand("capinfos -t -c -M " + shellQuote(out));
    EXPECT_EQ(info.status, 0) << info.out;
    EXPECT_EQ(field(info.out, "Number of packets:"), std::to_string(n)) << info.out;
    EXPECT_EQ(field(info.out, "File type:"), pcapng ? "pcapng" : "nsecpcap") << info.out;  // -M: short names

    // 4. tshark: against the source's tsv (corpus) or tshark's own reading of the source.
    const auto outFrames = tsharkFrames(out);
    ASSERT_TRUE(outFrames) << "tshark could not read " << out;
    ASSERT_EQ(outFrames->size(), n);
    const auto tsv = readTsv(source + ".tshark.tsv");
    const auto sourceFrames = tsv ? std::nullopt : tsharkFrames(source);
    ASSERT_TRUE(tsv || sourceFrames);
    for (std::size_t i = 0; i < n; ++i) {
        SCOPED_TRACE("tshark, source frame " + std::to_string(ex.numbers[i]));
        const TsharkFrame& got = (*outFrames)[i];
        std::string epoch, len, capLen;
        if (tsv) {
            const auto& row = tsv->rows.at(ex.numbers[i] - 1);
            epoch = row.at(tsv->column("frame.time_epoch"));
            len = row.at(tsv->column("frame.len"));
            capLen = row.at(tsv->column("frame.cap_len"));
        } else {
            const TsharkFrame& s = sourceFrames->at(ex.numbers[i] - 1);
            epoch = s.epoch;
            len = std::to_string(s.len);
            capLen = std::to_string(s.capLen);
            EXPECT_EQ(got.direction, s.direction);
        }
        if (pcapng) {
            EXPECT_EQ(epochNanoseconds(got.epoch), epochNanoseconds(epoch)) << got.epoch << " vs " << epoch;
        } else {
            EXPECT_EQ(got.epoch, epoch);
        }
        EXPECT_EQ(std::to_string(got.len), len);
        EXPECT_EQ(std::to_string(got.capLen), capLen);
        EXPECT_EQ(got.bytes, ex.frames[i].bytes);
    }
}

class ExportRoundTrip : public ::testing::Test {
protected:
    void SetUp() override
    {
        for (const char* tool : {"tshark", "capinfos"})
            RCVMON_REQUIRE(onPath(tool), rcvmon::test::toolWhat(tool));
    }
    void roundTrip(const std::string& source, bool pcapToo)
    {
        SCOPED_TRACE(source);
        for (FileFormat format : {FileFormat::PcapNg, FileFormat::Pcap}) {
            if (format == FileFormat::Pcap && !pcapToo) continue;
            const std::string out = m_dir.file(format == FileFormat::Pcap ? "out.pcap" : "out.pcapng");
            Exported ex;
            std::string error;
            ASSERT_TRUE(exportSelection(source, out, format, ex, error)) << error;
            ASSERT_FALSE(ex.frames.empty());
            verify(source, out, format, ex);
            std::filesystem::remove(out);
        }
        EXPECT_TRUE(m_dir.entries().empty() || m_dir.entries() == std::vector<std::string>{"rich.pcapng"});
    }
    std::string corpus(const std::string& name)
    {
        const std::string path = corpusPublicDir() + "/" + name;
        if (!std::filesystem::exists(path)) return {};
        return path;
    }
    TempDir m_dir;
};

TEST_F(ExportRoundTrip, CorpusSelectionsToPcapngAndPcap)
{
    const std::vector<std::string> names = {
        "ldap__gap-data-missing.pcapng",  // 126 interfaces of 3 link types; packets on interface 48
        "snap-arp.pcapng",                // packets on two interfaces
        "wireshark_samples-test.pcapng",  // if_tsresol 9
        "isup.pcap",                      // big-endian pcap
        "netflowv9.pcap",                 // nanosecond pcap
        "timestamp_invalid_micro.pcap",   // ts_usec 1000000 and 2^31
        "tcp__truncated-header.pcap",     // caplen < len
        "linuxsll-arp.pcap",              // link type 113
    };
    RCVMON_REQUIRE(!corpus(names.front()).empty(), rcvmon::test::corpusWhat());
    for (const std::string& name : names) roundTrip(corpus(name), true);
}

TEST_F(ExportRoundTrip, MultiLinkTypeSelectionToPcapng)
{
    const std::string source = m_dir.file("rich.pcapng");
    writeFile(source, richPcapng(false).bytes());
    roundTrip(source, false);  // frames 1-3 and 5: link types 1, 101 and 113, with directions
}

TEST_F(ExportRoundTrip, MultiLinkTypeSelectionToPcapFailsAndLeavesNothing)
{
    const std::string source = m_dir.file("rich.pcapng");
    writeFile(source, richPcapng(false).bytes());
    const std::string out = m_dir.file("mixed.pcap");
    Exported ex;
    std::string error;
    EXPECT_FALSE(exportSelection(source, out, FileFormat::Pcap, ex, error));
    EXPECT_EQ(error, "Cannot write \"" + out
                         + "\" as pcap: it holds one link type (1) and these packets also have link type 101; use "
                           "pcapng.");
    EXPECT_EQ(m_dir.entries(), std::vector<std::string>{"rich.pcapng"});
}

TEST_F(ExportRoundTrip, RebuiltIpv6HeadersCarryACommentTsharkShows)
{
    RCVMON_REQUIRE(onPath("tshark"), rcvmon::test::toolWhat("tshark"));
    const std::string out = m_dir.file("rebuilt.pcapng");
    std::string error;
    auto writer = CaptureFileWriter::create(out, FileFormat::PcapNg, error);
    ASSERT_TRUE(writer) << error;
    InterfaceInfo rcvall;
    rcvall.linkType = 101;
    rcvall.name = "rcvall";
    ASSERT_EQ(writer->addInterface(rcvall, error), 0u) << error;
    // IPv6 + UDP 53 -> 5353, 4 bytes of payload; the second and third as a Windows capture rebuilt them.
    std::vector<std::uint8_t> ipv6(40 + 12, 0);
    ipv6[0] = 0x60;
    ipv6[5] = 12;
    ipv6[6] = 17;
    ipv6[7] = 64;
    ipv6[23] = 1;
    ipv6[39] = 2;
    ipv6[41] = 53;
    ipv6[42] = 0x14;
    ipv6[43] = 0xe9;
    ipv6[45] = 12;
    const std::uint8_t flags[] = {0, FrameFlag::Ipv6HeaderReconstructed,
                                  FrameFlag::Ipv6HeaderReconstructed | FrameFlag::Ipv6NextHeaderGuessed};
    const Direction directions[] = {Direction::Incoming, Direction::Unknown, Direction::Outgoing};
    for (int i = 0; i < 3; ++i) {
        FrameRef frame;
        frame.data = ByteSpan(ipv6.data(), ipv6.size());
        frame.capturedLength = frame.originalLength = static_cast<std::uint32_t>(ipv6.size());
        frame.linkType = 101;
        frame.ts = {1700000000, static_cast<std::uint32_t>(i)};
        frame.direction = directions[i];
        frame.flags = flags[i];
        ASSERT_TRUE(writer->write(frame, 0, error)) << error;
    }
    ASSERT_TRUE(writer->commit(error)) << error;

    const CommandResult r = runCommand("tshark -r " + shellQuote(out)
                                       + " -T fields -E separator=/t -e frame.number -e frame.comment"
                                         " -e frame.packet_flags_direction -e udp.dstport");
    ASSERT_EQ(r.status, 0) << r.out;
    const auto lines = splitLines(r.out);
    ASSERT_EQ(lines.size(), 3u) << r.out;
    const std::string comment = "RcvMon: IPv6 header reconstructed (the Windows raw socket delivered the payload only)";
    EXPECT_EQ(lines[0], "1\t\t0x00000001\t5353");
    EXPECT_EQ(lines[1], "2\t" + comment + "\t\t5353");
    EXPECT_EQ(lines[2], "3\t" + comment + "\t0x00000002\t5353");
}

}  // namespace

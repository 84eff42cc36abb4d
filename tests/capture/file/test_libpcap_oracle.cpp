// SPDX-License-Identifier: GPL-2.0-or-later
// The oracle test: for every corpus capture, RcvMon's reader yields the same frames,
// lengths, time stamps and bytes as libpcap's pcap_next_ex (nanosecond precision), the
// same time stamps and lengths as tshark 4.0's tsv beside each file, and readAt() on each
// frame's offset gives it back identically.
//
// Where libpcap is not the right oracle, the test says so, checks the difference is exactly
// the documented one, and relies on tshark (the field-format reference) there:
// - libpcap 1.10 refuses a pcapng whose interfaces differ in link type or snaplen
//   (ldap__gap-data-missing.pcapng: "an interface has a snapshot length 8192 different from
//   the snapshot length of the first interface"); tshark reads it and is the oracle there.
// - libpcap cuts a packet whose captured length exceeds the file header's snaplen down to
//   that snaplen (trunc__trunc-hdr.pcap: snaplen 1, caplen 8, libpcap returns 1 byte);
//   wiretap keeps all 8 bytes (tsv frame.cap_len = 8) and so does RcvMon.
// - timestamp_invalid_micro.pcap stores ts_usec 1000000 and 2147483648. RcvMon follows
//   wiretap's libpcap.c, nsecs = ts_usec * 1000 in unsigned 32-bit arithmetic: 1000000000
//   (tshark prints ".1000000000") and 0 (2^31 * 1000 = 2^34 * 125 wraps to 0). libpcap, asked
//   for nanoseconds, reports the same values, so that file needs no exception here.
#include "file/capture_file_reader.h"

#include "file_test_util.h"
#include "pcapng_samples.h"
#include "tool_runner.h"
#include "require.h"

#include <gtest/gtest.h>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

// libpcap reports DLT_ values; only LINKTYPE_RAW differs from its DLT on Linux.
std::uint32_t linkTypeOfDlt(int dlt) { return dlt == DLT_RAW ? 101u : static_cast<std::uint32_t>(dlt); }

std::string baseName(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

// tshark 4.0 numbers interfaces within each section (frame.interface_id restarts at 0 in a
// new section); RcvMon numbers them across the file, so ids are compared for one-section files.
void compareWithTshark(const std::vector<OwnedFrame>& ours, const std::string& path, bool compareInterfaceIds)
{
    const auto tshark = tsharkFrames(path);
    ASSERT_TRUE(tshark) << "tshark could not read " << path;
    ASSERT_EQ(tshark->size(), ours.size()) << path;
    for (std::size_t i = 0; i < ours.size(); ++i) {
        SCOPED_TRACE(baseName(path) + " frame " + std::to_string(i + 1));
        // A simple packet block has no time stamp: tshark prints none, RcvMon gives 0.
        if ((*tshark)[i].epoch.empty()) EXPECT_EQ(ours[i].ts, Timestamp{});
        else EXPECT_EQ(epochText(ours[i].ts), (*tshark)[i].epoch);
        EXPECT_EQ(ours[i].originalLength, (*tshark)[i].len);
        EXPECT_EQ(ours[i].capturedLength, (*tshark)[i].capLen);
        if (compareInterfaceIds) {
            EXPECT_EQ(ours[i].interfaceId, (*tshark)[i].interfaceId);
        }
        EXPECT_EQ(ours[i].bytes, (*tshark)[i].bytes);
    }
}

TEST(LibpcapOracle, EveryCorpusFileReadsLikeLibpcapAndTshark)
{
    const auto files = corpusCaptures();
    RCVMON_REQUIRE(!files.empty(), rcvmon::test::corpusWhat());
    const bool haveTshark = onPath("tshark");
    std::size_t byLibpcap = 0, byTshark = 0, frameCount = 0;

    for (const std::string& path : files) {
        SCOPED_TRACE(baseName(path));
        std::string error;
        auto reader = CaptureFileReader::open(path, error);
        ASSERT_TRUE(reader) << error;
        const auto ours = readAll(*reader);
        EXPECT_EQ(reader->error(), "");
        frameCount += ours.size();

        // Random access: every frame back from its offset, last to first.
        for (auto it = ours.rbegin(); it != ours.rend(); ++it) {
            FrameRef f;
            ASSERT_TRUE(reader->readAt(it->offset, f)) << reader->error();
            EXPECT_TRUE(OwnedFrame::from(f, it->offset).sameAs(*it)) << "readAt " << it->offset;
        }

        // tshark's tsv beside the file: time stamps exactly as printed, lengths.
        const auto tsv = readTsv(path + ".tshark.tsv");
        ASSERT_TRUE(tsv) << "no tsv beside " << path;
        ASSERT_EQ(tsv->rows.size(), ours.size());
        const std::size_t epochCol = tsv->column("frame.time_epoch");
        const std::size_t lenCol = tsv->column("frame.len");
        const std::size_t capCol = tsv->column("frame.cap_len");
        for (std::size_t i = 0; i < ours.size(); ++i) {
            EXPECT_EQ(epochText(ours[i].ts), tsv->rows[i].at(epochCol)) << "frame " << i + 1;
            EXPECT_EQ(std::to_string(ours[i].originalLength), tsv->rows[i].at(lenCol)) << "frame " << i + 1;
            EXPECT_EQ(std::to_string(ours[i].capturedLength), tsv->rows[i].at(capCol)) << "frame " << i + 1;
        }

        const LibpcapResult pcap = libpcapFrames(path);
        if (!pcap.error.empty()) {
            std::cout << baseName(path) << ": libpcap refuses it (" << pcap.error << "); tshark is the oracle\n";
            ASSERT_TRUE(haveTshark) << "libpcap refuses " << path << " and tshark is not on PATH to check it instead";
            compareWithTshark(ours, path, true);
            ++byTshark;
            continue;
        }
        ++byLibpcap;
        ASSERT_EQ(pcap.frames.size(), ours.size());
        for (std::size_t i = 0; i < ours.size(); ++i) {
            SCOPED_TRACE("frame " + std::to_string(i + 1));
            const OwnedFrame& lp = pcap.frames[i];
            const std::uint32_t snapLength = reader->interfaces().front().snapLength;
            if (reader->format() == FileFormat::Pcap && ours[i].capturedLength > snapLength) {
                // libpcap's cut to the header's snaplen (see the top): the rest must agree.
                std::cout << baseName(path) << " frame " << i + 1 << ": libpcap cuts caplen " << ours[i].capturedLength
                          << " to the header snaplen " << snapLength << "; RcvMon and tshark keep it\n";
                EXPECT_EQ(lp.capturedLength, snapLength);
                EXPECT_EQ(lp.bytes, std::vector<std::uint8_t>(ours[i].bytes.begin(), ours[i].bytes.begin() + snapLength));
            } else {
                EXPECT_EQ(ours[i].capturedLength, lp.capturedLength);
                EXPECT_EQ(ours[i].bytes, lp.bytes);
            }
            EXPECT_EQ(ours[i].originalLength, lp.originalLength);
            EXPECT_EQ(ours[i].linkType, linkTypeOfDlt(pcap.datalink));
            EXPECT_EQ(ours[i].ts, lp.ts);
        }
    }
    std::cout << files.size() << " corpus files, " << frameCount << " frames: " << byLibpcap
              << " checked against libpcap, " << byTshark << " against tshark\n";
}

// tshark 4.0 agrees on everything the hand-built pcapng holds: both byte orders, if_tsresol
// 10^-3 / 10^-6 / 10^-9 / 2^-20, if_tsoffset, SPB, the obsolete PB, interface numbering
// across sections.
TEST(TsharkOracle, HandBuiltPcapngReadsLikeTshark)
{
    RCVMON_REQUIRE(onPath("tshark"), rcvmon::test::toolWhat("tshark"));
    TempDir dir;
    const std::string path = dir.file("rich.pcapng");
    writeFile(path, richPcapng(false).bytes());
    std::string error;
    auto reader = CaptureFileReader::open(path, error);
    ASSERT_TRUE(reader) << error;
    const auto ours = readAll(*reader);
    ASSERT_EQ(reader->error(), "");
    compareWithTshark(ours, path, false);
}

}  // namespace

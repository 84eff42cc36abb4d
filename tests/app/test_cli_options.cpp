// SPDX-License-Identifier: GPL-2.0-or-later
#include "cli_options.h"
#include "frame_selection.h"

#include <gtest/gtest.h>

using namespace rcvmon;
using namespace rcvmon::cli;

namespace {
ParseResult parse(std::vector<std::string> args) { return parseCommandLine(args); }
}  // namespace

TEST(CliOptions, ReadWithFields)
{
    const auto r = parse({"-r", "a.pcap", "-T", "fields", "-e", "ip.src", "-e", "tcp.flags", "-E", "header=y"});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.options.readFile, "a.pcap");
    EXPECT_EQ(r.options.output, OutputFormat::Fields);
    EXPECT_EQ(r.options.fields, (std::vector<std::string>{"ip.src", "tcp.flags"}));
    EXPECT_TRUE(r.options.header);
}

TEST(CliOptions, LiveCapture)
{
    const auto r = parse({"-i", "eth0", "-m", "on", "-c", "10", "-a", "duration:2.5", "-f", "udp", "--all-protocols", "-w", "-"});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.options.mode, CaptureMode::On);
    EXPECT_EQ(*r.options.packetLimit, 10u);
    EXPECT_DOUBLE_EQ(*r.options.durationSeconds, 2.5);
    EXPECT_EQ(r.options.writeFile, "-");
    EXPECT_TRUE(r.options.allProtocols);
}

TEST(CliOptions, LiveFilesRingsAndAutostop)
{
    const auto r = parse({"-i", "eth0", "-w", "out.pcapng", "-b", "filesize:100", "-b", "files:5", "-b", "duration:2.5",
                          "-b", "interval:3600", "-b", "packets:7", "-a", "files:3", "-a", "filesize:50", "-U",
                          "--flush-interval", "0.25"});
    ASSERT_EQ(r.error, "");
    const LiveFileLimits& l = r.options.fileLimits;
    EXPECT_TRUE(r.options.ring);
    EXPECT_EQ(l.fileBytes, 100'000u);  // dumpcap's kB are 1000 bytes
    EXPECT_EQ(l.keepFiles, 5u);
    EXPECT_DOUBLE_EQ(l.fileSeconds, 2.5);
    EXPECT_DOUBLE_EQ(l.intervalSeconds, 3600);
    EXPECT_EQ(l.filePackets, 7u);
    EXPECT_EQ(l.stopFiles, 3u);
    EXPECT_EQ(r.options.stopKilobytes, 50u);
    EXPECT_TRUE(r.options.flushEachPacket);
    EXPECT_DOUBLE_EQ(r.options.flushIntervalSeconds, 0.25);

    const auto single = parse({"-i", "eth0", "-w", "out.pcap", "-a", "filesize:10", "-a", "packets:4"});
    ASSERT_EQ(single.error, "");
    EXPECT_FALSE(single.options.ring);
    EXPECT_EQ(single.options.stopKilobytes, 10u);
    EXPECT_EQ(*single.options.packetLimit, 4u);
    EXPECT_DOUBLE_EQ(single.options.flushIntervalSeconds, 1);
}

TEST(CliOptions, LiveFileMisuseIsAnErrorWithAReason)
{
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"-i", "eth0", "-w", "o.pcapng", "-b", "files:3"},          // nothing says when to turn over
             {"-i", "eth0", "-w", "-", "-b", "filesize:10"},             // a ring needs file names
             {"-i", "eth0", "-b", "filesize:10"},                        // and a -w
             {"-r", "a", "-w", "o.pcapng", "-b", "filesize:10"},         // live only
             {"-i", "eth0", "-w", "o.pcapng", "-a", "files:2"},          // -a files needs a ring
             {"-i", "eth0", "-w", "o.pcapng", "-b", "filesize:x"},
             {"-i", "eth0", "-w", "o.pcapng", "-b", "filesize:0"},
             {"-i", "eth0", "-w", "o.pcapng", "-b", "files:100000", "-b", "filesize:1"},
             {"-i", "eth0", "-w", "o.pcapng", "-b", "ringsize:1"},
             {"-i", "eth0", "-w", "o.pcapng", "-b", "filesize"},
             {"-i", "eth0", "-w", "o.pcapng", "-a", "bytes:1"},
             {"-i", "eth0", "-w", "o.pcapng", "--flush-interval", "-1"},
             {"-i", "eth0", "-w", "o.pcapng", "--flush-interval"},
         }) {
        EXPECT_FALSE(parse(args).error.empty()) << testing::PrintToString(args);
    }
}

TEST(CliOptions, BadUsageIsAnErrorWithAReason)
{
    for (const auto& args : std::vector<std::vector<std::string>>{
             {},
             {"-r"},
             {"-r", "a", "-T", "xml"},
             {"-r", "a", "-T", "fields"},
             {"-r", "a", "-e", "ip.src"},
             {"-i", "eth0", "-m", "promisc"},
             {"-i", "eth0", "-m", "off"},
             {"-i", "eth0", "-c", "0"},
             {"-i", "eth0", "-a", "10"},
             {"-r", "a", "-c", "5"},
             {"-r", "a", "-i", "eth0"},
             {"-r", "a", "-F", "erf"},
             {"-r", "a", "-E", "quote=d"},
             {"--bogus"},
         }) {
        EXPECT_FALSE(parse(args).error.empty()) << testing::PrintToString(args);
    }
}

TEST(FrameSelection, RangesAndSingles)
{
    std::string error;
    auto s = FrameSelection::parse("1-3,7,5-5,10-", error);
    ASSERT_TRUE(s) << error;
    for (std::uint64_t n : {1, 2, 3, 5, 7, 10, 11, 1000000}) EXPECT_TRUE(s->contains(n)) << n;
    for (std::uint64_t n : {4, 6, 8, 9}) EXPECT_FALSE(s->contains(n)) << n;
    EXPECT_FALSE(s->exhaustedAfter(1000000));
}

TEST(FrameSelection, OverlapsMergeAndEndIsKnown)
{
    std::string error;
    auto s = FrameSelection::parse("5-9,1-6,12", error);
    ASSERT_TRUE(s) << error;
    EXPECT_TRUE(s->contains(1));
    EXPECT_TRUE(s->contains(9));
    EXPECT_FALSE(s->contains(10));
    EXPECT_FALSE(s->exhaustedAfter(11));
    EXPECT_TRUE(s->exhaustedAfter(12));
}

TEST(FrameSelection, RejectsGarbage)
{
    for (const char* text : {"", "0", "a", "3-1", "1,,2", "-4", "1-2-3", "1 2"}) {
        std::string error;
        EXPECT_FALSE(FrameSelection::parse(text, error)) << text;
        EXPECT_NE(error, "") << text;
    }
}

// SPDX-License-Identifier: GPL-2.0-or-later
// rcvmon-cli -q -z io,stat against tshark 4.0 on corpus captures: the table (borders, centred
// labels, column widths, the "Dur" row, the duration's own format) must be byte for byte
// tshark's, for frames and bytes, FRAMES(), BYTES() and the field calculators COUNT, SUM, MIN,
// MAX and AVG, at intervals from 10 ms to the whole capture — including tshark's own rule
// that a calculator sees a field only when some filter of the run names it (its tree keeps
// only the fields filters ask for), so "SUM(frame.len)" alone is all zeros, as in tshark.
// Bad columns are refused with tshark's reason and exit status 2.
#include "run_process.h"
#include "require.h"

#include "../capture/dissect/packet_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <string>
#include <vector>

namespace rcvmon::test {
namespace {

namespace fs = std::filesystem;

std::string zArgs(const std::vector<std::string>& specs)
{
    std::string out;
    for (const std::string& s : specs) out += " -z " + shellQuote(s);
    return out;
}

struct Case {
    const char* file;
    std::vector<std::string> specs;
    const char* extra = "";  // more tshark options (-Y names fields for the calculators too)
};

class IoStatReference : public ::testing::TestWithParam<Case> {};

TEST_P(IoStatReference, TableEqualsTsharks)
{
    const Case& c = GetParam();
    const fs::path capture = fs::path(RCVMON_CORPUS_DIR) / "public" / c.file;
    RCVMON_REQUIRE(fs::exists(capture), corpusWhat());
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    const std::string args = " -n -q -r " + shellQuote(capture.string()) + " " + c.extra + zArgs(c.specs);
    const ProcessResult theirs = runProcess("tshark" + args);
    ASSERT_EQ(theirs.exitCode, 0) << theirs.err;
    ASSERT_NE(theirs.out.find("IO Statistics"), std::string::npos) << theirs.out;
    const ProcessResult ours = runProcess(std::string(RCVMON_CLI_PATH) + args);
    ASSERT_EQ(ours.exitCode, 0) << ours.err;
    EXPECT_EQ(ours.out, theirs.out);
}

// The corpus' longest capture (28 minutes, TCP with window sizes), several mixed ones and
// multicast DNS; one of each calculator, filters on the columns, intervals 10 ms … whole.
const std::vector<std::string> kFieldSpecs = {
    "io,stat,10,SUM(frame.len)frame.len,MAX(tcp.window_size)tcp.window_size,MIN(tcp.window_size)tcp.window_size,"
    "AVG(tcp.window_size)tcp.window_size,COUNT(tcp.window_size)tcp"};
const std::vector<std::string> kMixedSpecs = {"io,stat,0,COUNT(ip.src),MIN(ip.ttl)ip,MAX(udp.length)udp,AVG(frame.len)",
                                              "io,stat,0.1,udp,tcp,FRAMES()ip,BYTES()ip"};

INSTANTIATE_TEST_SUITE_P(
    Corpus, IoStatReference,
    ::testing::Values(Case{"wireshark_samples-test.pcapng", {"io,stat,1"}},
                      Case{"wireshark_samples-test.pcapng", kFieldSpecs},
                      Case{"wireshark_samples-test.pcapng",
                           {"io,stat,60,MIN(tcp.window_size)tcp,AVG(tcp.window_size),MAX(frame.len)dns"}},
                      Case{"eapon1.pcap", {"io,stat,0.1"}}, Case{"eapon1.pcap", {"io,stat,100"}},
                      Case{"eapon1.pcap", kMixedSpecs}, Case{"tunnels__gre-within-gre.pcap", kMixedSpecs},
                      Case{"tunnels__gre-within-gre.pcap", {"io,stat,0.01,SUM(ip.len)ip.len,MAX(ip.ttl)ip.ttl"}},
                      Case{"pfcp.pcap", kMixedSpecs}, Case{"pfcp.pcap", kFieldSpecs}, Case{"dns__mdns.pcap", kMixedSpecs},
                      Case{"tunnels__Teredo.pcap", kFieldSpecs}, Case{"tunnels__Teredo.pcap", {"io,stat,0.5,udp"}},
                      Case{"eapon1.pcap", {"io,stat,10,SUM(frame.len),MAX(frame.len)"}, "-Y 'frame.len > 0'"}),
    [](const ::testing::TestParamInfo<Case>& info) { return "case" + std::to_string(info.index); });

TEST(IoStatOptions, BadColumnsAreRefusedWithTsharksReason)
{
    const fs::path capture = fs::path(RCVMON_CORPUS_DIR) / "public" / "eapon1.pcap";
    RCVMON_REQUIRE(fs::exists(capture), corpusWhat());
    const auto run = [&](const std::string& spec) {
        return runProcess(std::string(RCVMON_CLI_PATH) + " -q -r " + shellQuote(capture.string()) + " -z " + shellQuote(spec));
    };
    const struct {
        const char* spec;
        const char* reason;
    } bad[] = {{"io,stat,1,SUM(ip.src)", "ip.src doesn't have integral values, so SUM(*) calculations are not supported on it."},
               {"io,stat,1,MAX(no.such.field)", "There is no field named 'no.such.field'."},
               {"io,stat,1,LOAD(frame.len)", "LOAD() is only supported for relative-time fields"},
               {"io,stat,1,SUM()", "You didn't specify a field name for SUM(*)."},
               {"io,stat,1,SUM(frame.len", "Closing parenthesis missing"},
               {"io,stat,x", "invalid \"-z io,stat,<interval>"},
               {"io,stat,1,", "invalid \"-z io,stat,<interval>"}};
    for (const auto& b : bad) {
        const ProcessResult r = run(b.spec);
        EXPECT_EQ(r.exitCode, 2) << b.spec;
        EXPECT_NE(r.err.find(b.reason), std::string::npos) << b.spec << ": " << r.err;
        EXPECT_EQ(r.out, "") << b.spec;
    }
}

// RADIUS request/response pairs at chosen times (radius.time, a relative time, is each
// response's delay): a microsecond pcap, big-endian as io_graph_capture.h writes them.
void writeRadiusPairs(const fs::path& path)
{
    const auto radius = [](std::uint8_t code, std::uint8_t id) {
        Bytes r = {code, id};
        put16(r, 20);
        r.resize(20, 0x5a);  // the authenticator
        return r;
    };
    struct Pair {
        std::int64_t requestUs, responseUs;
        std::uint8_t id;
    };
    // Delays of 0.25 s, 2.5 s (spread back over three 1 s intervals by LOAD), 50 ms and 1.2 s.
    const Pair pairs[] = {{100'000, 350'000, 1}, {1'200'000, 3'700'000, 2}, {4'050'000, 4'100'000, 3}, {4'300'000, 5'500'000, 4}};
    std::vector<std::pair<std::int64_t, Bytes>> frames;
    for (const Pair& p : pairs) {
        frames.push_back({p.requestUs, ethernet(0x0800, ipv4(17, udp(40000, 1812, radius(1, p.id))))});
        frames.push_back({p.responseUs, ethernet(0x0800, ipv4(17, udp(1812, 40000, radius(2, p.id)), kIpB, kIpA))});
    }
    std::sort(frames.begin(), frames.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    Bytes f;
    put32(f, 0xa1b2c3d4);
    put16(f, 2);
    put16(f, 4);
    put32(f, 0);
    put32(f, 0);
    put32(f, 65535);
    put32(f, 1);
    for (const auto& [us, bytes] : frames) {
        put32(f, std::uint32_t(1'700'000'000 + us / 1'000'000));
        put32(f, std::uint32_t(us % 1'000'000));
        put32(f, std::uint32_t(bytes.size()));
        put32(f, std::uint32_t(bytes.size()));
        append(f, bytes);
    }
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(f.data()), std::streamsize(f.size()));
}

// The relative-time path: SUM, MIN, MAX, AVG printed as seconds.microseconds, LOAD's share of
// each interval (the last one as long as the capture's end leaves it), against tshark.
TEST(IoStatRelativeTime, RadiusResponseTimesEqualTsharks)
{
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    const fs::path capture = fs::temp_directory_path() / ("rcvmon_io_stat_radius_" + std::to_string(::getpid()) + ".pcap");
    writeRadiusPairs(capture);
    const std::vector<std::string> specs = {
        "io,stat,1,SUM(radius.time)radius.time,MIN(radius.time)radius.time,MAX(radius.time)radius.time,"
        "AVG(radius.time)radius.time,LOAD(radius.time)radius.time,COUNT(radius.time)radius.time",
        "io,stat,0.5,LOAD(radius.time)radius.time,AVG(radius.time)radius",
        "io,stat,0,SUM(radius.time)radius.time,LOAD(radius.time)radius.time"};
    for (const std::string& spec : specs) {
        const std::string args = " -n -q -r " + shellQuote(capture.string()) + " -z " + shellQuote(spec);
        const ProcessResult theirs = runProcess("tshark" + args);
        const ProcessResult ours = runProcess(std::string(RCVMON_CLI_PATH) + args);
        EXPECT_EQ(theirs.exitCode, 0) << theirs.err;
        EXPECT_EQ(ours.exitCode, 0) << ours.err;
        EXPECT_NE(theirs.out.find("LOAD"), std::string::npos) << theirs.out;
        EXPECT_EQ(ours.out, theirs.out) << spec;
        if (spec == specs.front()) std::fputs(ours.out.c_str(), stdout);  // the table, for the log
    }
    fs::remove(capture);
}

}  // namespace
}  // namespace rcvmon::test

// SPDX-License-Identifier: GPL-2.0-or-later
// Top talkers and endpoint times over the reference corpus, against tshark 4.0:
// - each talker's bytes summed over its seconds equal its IPv4/IPv6 endpoint bytes (those
//   tables are checked against tshark's text by test_stats_reference), and the bins kept
//   with the 300 s horizon are the newest of the bins kept without one;
// - the per-second bins of the top 5 talkers equal an aggregation of
//   `tshark -T fields -e frame.time_epoch -e frame.len -e ip.src -e ip.dst -e ipv6.src -e ipv6.dst`
//   (every file but the three listed in kFieldExceptions);
// - each IPv4/IPv6 endpoint's start and stop equal the earliest "Relative Start" and the
//   latest start + duration of the `tshark -z conv,ip` / `conv,ipv6` rows holding its address.
#include "corpus_captures.h"
#include "dissected_frames.h"
#include "../../app/run_process.h"

#include "stats/traffic_statistics.h"
#include "require.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace rcvmon {
// Readable failure messages: "second:bytes".
inline void PrintTo(const TalkerBin& bin, std::ostream* os)
{
    *os << bin.second << ":" << bin.bytes;
}
}  // namespace rcvmon

namespace rcvmon::test {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kAllTime = std::numeric_limits<std::int64_t>::min();

// Every frame of a capture dissected in order (as tshark's single pass) into each of the
// statistics given; a file cut short counts up to where it ends.
void readCapture(const fs::path& path, std::initializer_list<TrafficStatistics*> stats)
{
    std::string error;
    const bool opened = forEachDissectedFrame(
        path.string(),
        [&](const FrameRef& frame, std::uint64_t, const Dissection& dissection) {
            for (TrafficStatistics* s : stats) s->add(frame, dissection);
        },
        error);
    ASSERT_TRUE(opened) << error;
}

using Bins = std::vector<TalkerBin>;

// address text → bins, from a TalkerTimeline.
std::map<std::string, Bins> talkerBins(const TalkerTimeline& t)
{
    std::map<std::string, Bins> out;
    for (const Talker& talker : t.talkers()) out[talker.address.text()] = talker.bins;
    return out;
}

std::map<std::string, std::uint64_t> talkerTotals(const TalkerTimeline& t)
{
    std::map<std::string, std::uint64_t> out;
    for (const Talker& talker : t.talkers())
        for (const TalkerBin& bin : talker.bins) out[talker.address.text()] += bin.bytes;
    return out;
}

std::map<std::string, std::uint64_t> endpointBytes(const TrafficStatistics& s)
{
    std::map<std::string, std::uint64_t> out;
    for (StatKind kind : {StatKind::Ipv4, StatKind::Ipv6})
        for (const Endpoint& e : s.endpoints(kind).endpoints()) out[e.address.text()] += e.bytes();
    return out;
}

std::vector<std::string> splitOn(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator)) parts.push_back(part);
    if (!text.empty() && text.back() == separator) parts.emplace_back();
    return parts;
}

// tshark's fields (lines of six tab-separated columns), summed per address and Unix second:
// each occurrence of ip.src, ip.dst, ipv6.src and ipv6.dst gets the frame's length, as each
// address tap does.
std::map<std::string, std::map<std::int64_t, std::uint64_t>> tsharkBins(const std::string& fieldsOutput)
{
    std::map<std::string, std::map<std::int64_t, std::uint64_t>> out;
    std::istringstream in(fieldsOutput);
    for (std::string line; std::getline(in, line);) {
        const auto fields = splitOn(line, '\t');
        if (fields.size() < 6) continue;
        const std::int64_t second = std::stoll(fields[0].substr(0, fields[0].find('.')));
        const std::uint64_t length = std::stoull(fields[1]);
        for (std::size_t f = 2; f < 6; ++f)
            for (const std::string& address : splitOn(fields[f], ','))
                if (!address.empty()) out[address][second] += length;
    }
    return out;
}

// One tshark run per file serves both comparisons: the fields, one line per frame, then
// the conversation tables. Kept for the second test that asks.
const ProcessResult& tsharkOf(const fs::path& path)
{
    static std::map<fs::path, ProcessResult> cache;
    auto it = cache.find(path);
    if (it == cache.end())
        it = cache.emplace(path, runProcess("LC_ALL=C tshark -n -r " + shellQuote(path.string()) +
                                            " -T fields -e frame.time_epoch -e frame.len -e ip.src -e ip.dst"
                                            " -e ipv6.src -e ipv6.dst -z conv,ip -z conv,ipv6"))
                 .first;
    return it->second;
}

struct TimeSpan {
    double start = std::numeric_limits<double>::infinity();
    double stop = -std::numeric_limits<double>::infinity();
};

// The rows of `tshark -z conv,ip -z conv,ipv6` (field lines have no "<->"): "A <-> B  f b  f b  f b  start duration",
// where each Bytes column may be "123 bytes" or "12 kB". Both ends' spans are widened.
std::map<std::string, TimeSpan> tsharkConversationSpans(const std::string& text)
{
    std::map<std::string, TimeSpan> spans;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::vector<std::string> w;
        for (std::string word; words >> word;) w.push_back(word);
        if (w.size() < 5 || w[1] != "<->") continue;
        const double start = std::stod(w[w.size() - 2]);
        const double stop = start + std::stod(w[w.size() - 1]);
        for (const std::string& address : {w[0], w[2]}) {
            TimeSpan& s = spans[address];
            s.start = std::min(s.start, start);
            s.stop = std::max(s.stop, stop);
        }
    }
    return spans;
}

TEST(TalkerReference, TalkerTotalsEqualEndpointBytesOnTheCorpus)
{
    const auto files = corpusCapturePaths();
    RCVMON_REQUIRE(!files.empty(), corpusWhat());
    int compared = 0, withTalkers = 0, evicting = 0;
    for (const fs::path& path : files) {
        const std::string name = path.filename().string();
        TrafficStatistics all(TalkerTimeline::kKeepAll);
        TrafficStatistics recent;
        readCapture(path, {&all, &recent});
        EXPECT_EQ(talkerTotals(all.talkers()), endpointBytes(all)) << name;

        // With the horizon: queries see exactly the bins of the newest 300 seconds, and
        // nothing older than one sweep step (30 s) beyond that is still stored.
        const TalkerTimeline& r = recent.talkers();
        const auto newest = [&r](const std::map<std::string, Bins>& talkers) {
            std::map<std::string, Bins> out;
            for (const auto& [address, bins] : talkers)
                for (const TalkerBin& bin : bins)
                    if (bin.second >= r.oldestSecond()) out[address].push_back(bin);
            return out;
        };
        const auto expected = newest(talkerBins(all.talkers()));
        EXPECT_EQ(newest(talkerBins(r)), expected) << name;
        std::map<std::string, std::uint64_t> queried;
        for (std::size_t i = 0; i < r.talkers().size(); ++i)
            if (const std::uint64_t bytes = r.bytesIn(i, kAllTime, r.newestSecond()))
                queried[r.talkers()[i].address.text()] = bytes;
        std::map<std::string, std::uint64_t> expectedTotals;
        for (const auto& [address, bins] : expected)
            for (const TalkerBin& bin : bins) expectedTotals[address] += bin.bytes;
        EXPECT_EQ(queried, expectedTotals) << name;
        for (const Talker& talker : r.talkers())
            EXPECT_GE(talker.bins.front().second, r.oldestSecond() - TalkerTimeline::kDefaultHorizon / 10)
                << name << ": " << talker.address.text();
        ++compared;
        if (!all.talkers().talkers().empty()) ++withTalkers;
        if (expected.size() < all.talkers().talkers().size()) ++evicting;
    }
    std::printf("talker totals equal endpoint bytes on %d corpus files (%d with IP traffic, %d where the horizon "
                "dropped talkers)\n",
                compared, withTalkers, evicting);
}

// Files where tshark's fields list IP addresses the address taps (and tshark's own endpoint
// tables) do not count, left out of the fields comparison:
const std::map<std::string, std::string> kFieldExceptions{
    // ip.src / ip.dst include the packet an ICMP error quotes.
    {"icmp__icmp-destunreach-udp.pcap", "ICMP error quoting a packet"},
    {"tunnels__gre-sample.pcap", "ICMP errors inside GRE quoting packets"},
    // ipv6.src is listed for every fragment; the IPv6 tap counts the reassembled datagram once.
    {"ipv6-fragmented-dns.pcap", "IPv6 fragments"},
};

TEST(TalkerReference, TopTalkerBinsEqualTsharkFields)
{
    const auto files = corpusCapturePaths();
    RCVMON_REQUIRE(!files.empty(), corpusWhat());
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    int filesCompared = 0, talkersCompared = 0, binsCompared = 0;
    for (const fs::path& path : files) {
        const std::string name = path.filename().string();
        if (kFieldExceptions.count(name)) continue;
        TrafficStatistics all(TalkerTimeline::kKeepAll);
        readCapture(path, {&all});
        const ProcessResult& tshark = tsharkOf(path);
        ASSERT_EQ(tshark.exitCode, 0) << name << ": " << tshark.err;
        const auto expected = tsharkBins(tshark.out);

        const TalkerTimeline& t = all.talkers();
        const auto top = t.top(kAllTime, t.newestSecond(), 5);
        // No IP header read whole (tshark may still list the src of a cut one): nothing to rank.
        if (top.empty()) continue;
        ++filesCompared;
        // The same byte totals lead tshark's aggregation (addresses may tie).
        std::vector<std::uint64_t> tsharkTotals;
        for (const auto& [address, seconds] : expected) {
            std::uint64_t total = 0;
            for (const auto& [second, bytes] : seconds) total += bytes;
            tsharkTotals.push_back(total);
        }
        std::sort(tsharkTotals.rbegin(), tsharkTotals.rend());
        for (std::size_t i = 0; i < top.size(); ++i) {
            ASSERT_LT(i, tsharkTotals.size()) << name;
            EXPECT_EQ(top[i].bytes, tsharkTotals[i]) << name << " rank " << i;

            const Talker& talker = t.talkers()[top[i].talker];
            const std::string address = talker.address.text();
            ASSERT_TRUE(expected.count(address)) << name << ": tshark never lists " << address;
            Bins tsharkTalker;
            for (const auto& [second, bytes] : expected.at(address)) tsharkTalker.push_back({second, bytes});
            EXPECT_EQ(talker.bins, tsharkTalker) << name << ": " << address;
            // And through the window query the chart uses.
            const std::int64_t first = talker.bins.front().second, last = talker.bins.back().second;
            const auto perSecond = t.bytesPerSecond(top[i].talker, first, last);
            for (const auto& [second, bytes] : expected.at(address))
                EXPECT_EQ(perSecond[static_cast<std::size_t>(second - first)], bytes) << name << ": " << address;
            ++talkersCompared;
            binsCompared += static_cast<int>(talker.bins.size());
        }
    }
    std::printf("%d top talkers with %d per-second bins equal tshark's fields on %d files with IP traffic (%zu "
                "files left out)\n",
                talkersCompared, binsCompared, filesCompared, kFieldExceptions.size());
}

TEST(TalkerReference, EndpointTimesEqualTsharkConversationSpans)
{
    const auto files = corpusCapturePaths();
    RCVMON_REQUIRE(!files.empty(), corpusWhat());
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    // Printed with 9 decimals (start) and 4 (duration).
    constexpr double kStartTolerance = 1e-9, kStopTolerance = 0.5e-4 + 1e-9;
    int endpoints = 0, filesWithEndpoints = 0;
    for (const fs::path& path : files) {
        const std::string name = path.filename().string();
        TrafficStatistics stats;
        readCapture(path, {&stats});
        const ProcessResult& tshark = tsharkOf(path);
        ASSERT_EQ(tshark.exitCode, 0) << name << ": " << tshark.err;
        const auto spans = tsharkConversationSpans(tshark.out);

        std::set<std::string> ours;
        for (StatKind kind : {StatKind::Ipv4, StatKind::Ipv6})
            for (const Endpoint& e : stats.endpoints(kind).endpoints()) {
                const std::string address = e.address.text();
                ours.insert(address);
                const auto it = spans.find(address);
                if (it == spans.end()) {
                    ADD_FAILURE() << name << ": " << address << " is in no tshark conversation";
                    continue;
                }
                EXPECT_NEAR(e.start.seconds(), it->second.start, kStartTolerance) << name << ": " << address;
                EXPECT_NEAR(e.stop.seconds(), it->second.stop, kStopTolerance) << name << ": " << address;
                ++endpoints;
            }
        std::set<std::string> theirs;
        for (const auto& [address, span] : spans) theirs.insert(address);
        EXPECT_EQ(ours, theirs) << name;
        if (!ours.empty()) ++filesWithEndpoints;
    }
    std::printf("%d IPv4/IPv6 endpoint start/stop times equal tshark's conversations on %d of %zu files\n",
                endpoints, filesWithEndpoints, files.size());
}

}  // namespace
}  // namespace rcvmon::test

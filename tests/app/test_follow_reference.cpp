// SPDX-License-Identifier: GPL-2.0-or-later
// rcvmon-cli -q -z follow,... against tshark 4.0 over the corpus: every capture of public/
// and every tenth of large/, the first three TCP and UDP streams of each (their indices from
// tshark's own tcp.stream / udp.stream in NAME.deep.tsv) in ascii, the first of each also in
// hex (TCP: raw, and tls without keys), and one in yaml; all requests of a file go to one tshark run. Each report must
// be identical byte for byte. Remaining differences are listed with their reason in
// follow_known_gaps.tsv; the test fails on any other difference and on a listed gap that is gone.
#include "run_process.h"
#include "known_gaps_file.h"
#include "require.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace rcvmon::test {
namespace {

namespace fs = std::filesystem;

const std::string kSection = "\n" + std::string(67, '=') + "\nFollow: ";

std::vector<fs::path> sampleCaptures()
{
    std::vector<fs::path> out;
    for (const char* dir : {"public", "large"}) {
        std::vector<fs::path> files;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(fs::path(RCVMON_CORPUS_DIR) / dir, ec)) {
            const auto ext = e.path().extension();
            if (ext == ".pcap" || ext == ".pcapng") files.push_back(e.path());
        }
        std::sort(files.begin(), files.end());
        const std::size_t step = std::string(dir) == "large" ? 10 : 1;
        for (std::size_t i = 0; i < files.size(); i += step) out.push_back(files[i]);
    }
    return out;
}

// The first `count` distinct values of a column of tshark's NAME.deep.tsv, ascending.
std::vector<unsigned> firstStreams(const fs::path& capture, const std::string& column, std::size_t count)
{
    std::ifstream in(capture.string() + ".deep.tsv");
    std::string line;
    if (!std::getline(in, line)) return {};
    std::istringstream header(line);
    int index = -1, i = 0;
    for (std::string name; std::getline(header, name, '\t'); ++i)
        if (name == column) index = i;
    if (index < 0) return {};
    std::set<unsigned> streams;
    while (std::getline(in, line)) {
        std::istringstream cells(line);
        std::string cell;
        for (int c = 0; c <= index && std::getline(cells, cell, '\t'); ++c) {
        }
        std::istringstream values(cell);
        for (std::string v; std::getline(values, v, ',');)
            if (!v.empty()) streams.insert(static_cast<unsigned>(std::stoul(v)));
    }
    std::vector<unsigned> out(streams.begin(), streams.end());
    if (out.size() > count) out.resize(count);
    return out;
}

std::vector<std::string> requestsFor(const fs::path& capture)
{
    std::vector<std::string> requests;
    std::string yaml;
    for (const char* proto : {"tcp", "udp"}) {
        const auto streams = firstStreams(capture, std::string(proto) + ".stream", 3);
        for (std::size_t i = 0; i < streams.size(); ++i) {
            const std::string s = std::to_string(streams[i]);
            requests.push_back(std::string("follow,") + proto + ",ascii," + s);
            if (i > 0) continue;
            requests.push_back(std::string("follow,") + proto + ",hex," + s);
            if (std::string(proto) == "tcp") requests.push_back("follow,tcp,raw," + s);
            // Without keys tshark's follow,tls has no decrypted data: the header alone.
            if (std::string(proto) == "tcp") requests.push_back("follow,tls,ascii," + s);
            if (yaml.empty()) yaml = std::string("follow,") + proto + ",yaml," + s;
        }
    }
    // YAML has no header to find it by: given last, it is printed first (taps draw in reverse).
    if (!yaml.empty()) requests.push_back(yaml);
    return requests;
}

// The reports of one run, in the order of the requests given (they print in reverse).
std::vector<std::string> splitReports(const std::string& text, const std::vector<std::string>& requests)
{
    std::vector<std::string> printed;
    const bool yamlFirst = !requests.empty() && requests.back().find(",yaml,") != std::string::npos;
    std::size_t pos = text.find(kSection);
    if (yamlFirst) printed.push_back(text.substr(0, pos));
    while (pos != std::string::npos) {
        const std::size_t next = text.find(kSection, pos + 1);
        printed.push_back(text.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
        pos = next;
    }
    std::reverse(printed.begin(), printed.end());
    return printed;
}

std::string firstDifference(const std::string& expected, const std::string& actual)
{
    std::size_t i = 0;
    while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) ++i;
    const std::size_t from = i > 60 ? i - 60 : 0;
    return "  at byte " + std::to_string(i) + "\n  tshark:     " + expected.substr(from, 140) +
           "\n  rcvmon-cli: " + actual.substr(from, 140) + "\n";
}

TEST(FollowReference, FollowReportsEqualTsharksOnTheCorpus)
{
    const auto files = sampleCaptures();
    RCVMON_REQUIRE(!files.empty(), corpusWhat());
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    const auto gaps = readKnownGaps(RCVMON_FOLLOW_KNOWN_GAPS);
    std::set<std::pair<std::string, std::string>> gapsSeen;
    std::map<std::string, int> identical, total;
    std::string failures;
    std::size_t followedFiles = 0;

    for (const fs::path& path : files) {
        const std::string name = path.parent_path().filename().string() + "/" + path.filename().string();
        const auto requests = requestsFor(path);
        if (requests.empty()) continue;
        ++followedFiles;
        std::string args = " -q";
        for (const std::string& r : requests) args += " -z " + r;
        const ProcessResult tshark = runProcess("LC_ALL=C tshark -n -r " + shellQuote(path.string()) + args);
        const ProcessResult ours = runProcess(std::string(RCVMON_CLI_PATH) + " -r " + shellQuote(path.string()) + args);
        ASSERT_EQ(tshark.exitCode, 0) << name << ": " << tshark.err;
        const auto expected = splitReports(tshark.out, requests);
        const auto actual = splitReports(ours.out, requests);
        ASSERT_EQ(expected.size(), requests.size()) << name << ": cannot split tshark's output";
        for (std::size_t i = 0; i < requests.size(); ++i) {
            const std::string kind = requests[i].substr(0, requests[i].rfind(','));
            ++total[kind];
            const std::string a = i < actual.size() ? actual[i] : "";
            const auto key = std::make_pair(name, requests[i]);
            if (a == expected[i]) {
                ++identical[kind];
                if (gaps.count(key)) failures += name + " " + requests[i] + ": listed in follow_known_gaps.tsv but now identical\n";
                continue;
            }
            if (gaps.count(key)) {
                gapsSeen.insert(key);
                continue;
            }
            failures += name + " -z " + requests[i] + " differs from tshark (rcvmon-cli exit " +
                        std::to_string(ours.exitCode) + "):\n" + firstDifference(expected[i], a);
        }
    }
    for (const auto& [key, reason] : gaps)
        if (key.second.rfind("follow,http,", 0) != 0 && !gapsSeen.count(key) &&
            failures.find(key.first + " " + key.second) == std::string::npos)
            failures += key.first + " " + key.second + ": listed in follow_known_gaps.tsv but not run\n";

    std::printf("rcvmon-cli -z follow against tshark over %zu of %zu sampled corpus files (identical reports):\n",
                followedFiles, files.size());
    for (const auto& [kind, n] : total)
        std::printf("  %-18s %4d/%-4d %5.1f%%\n", kind.c_str(), identical[kind], n, 100.0 * identical[kind] / n);
    std::printf("  known gaps: %zu\n", gapsSeen.size());
    EXPECT_TRUE(failures.empty()) << failures;
}

// The TCP streams whose frames tshark dissected as HTTP (frame.protocols in NAME.deep.tsv
// holds "http"), the first `count`, ascending.
std::vector<unsigned> httpStreams(const fs::path& capture, std::size_t count)
{
    std::ifstream in(capture.string() + ".deep.tsv");
    std::string line;
    if (!std::getline(in, line)) return {};
    std::istringstream header(line);
    int protocols = -1, stream = -1, i = 0;
    for (std::string name; std::getline(header, name, '\t'); ++i) {
        if (name == "frame.protocols") protocols = i;
        if (name == "tcp.stream") stream = i;
    }
    if (protocols < 0 || stream < 0) return {};
    std::set<unsigned> streams;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::istringstream row(line);
        for (std::string cell; std::getline(row, cell, '\t');) cells.push_back(cell);
        if (int(cells.size()) <= std::max(protocols, stream)) continue;
        const std::string p = ":" + cells[std::size_t(protocols)] + ":";
        if (p.find(":http:") == std::string::npos || cells[std::size_t(stream)].empty()) continue;
        if (cells[std::size_t(stream)].find(',') != std::string::npos) continue;  // tunnelled: one stream per frame only
        streams.insert(static_cast<unsigned>(std::stoul(cells[std::size_t(stream)])));
    }
    std::vector<unsigned> out(streams.begin(), streams.end());
    if (out.size() > count) out.resize(count);
    return out;
}

// Follow HTTP Stream (issue 12 item 2): every corpus capture with HTTP, the first three of its
// HTTP streams in ascii (the first also in hex): messages, de-chunked and decompressed bodies
// and nodes as tshark 4.0's follow,http prints them, gaps listed in follow_known_gaps.tsv.
TEST(FollowReference, HttpFollowEqualsTsharksOnTheCorpus)
{
    std::vector<fs::path> files;
    for (const char* dir : {"public", "large"}) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(fs::path(RCVMON_CORPUS_DIR) / dir, ec)) {
            const auto ext = e.path().extension();
            if ((ext == ".pcap" || ext == ".pcapng") && !httpStreams(e.path(), 1).empty()) files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    RCVMON_REQUIRE(!files.empty(), corpusWhat());
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    const auto gaps = readKnownGaps(RCVMON_FOLLOW_KNOWN_GAPS);
    std::set<std::pair<std::string, std::string>> gapsSeen;
    int identical = 0, total = 0;
    std::string failures;
    for (const fs::path& path : files) {
        const std::string name = path.parent_path().filename().string() + "/" + path.filename().string();
        std::vector<std::string> requests;
        for (const unsigned s : httpStreams(path, 3)) {
            requests.push_back("follow,http,ascii," + std::to_string(s));
            if (requests.size() == 1) requests.push_back("follow,http,hex," + std::to_string(s));
        }
        std::string args = " -q";
        for (const std::string& r : requests) args += " -z " + r;
        const ProcessResult tshark = runProcess("LC_ALL=C tshark -n -r " + shellQuote(path.string()) + args);
        const ProcessResult ours = runProcess(std::string(RCVMON_CLI_PATH) + " -r " + shellQuote(path.string()) + args);
        ASSERT_EQ(tshark.exitCode, 0) << name << ": " << tshark.err;
        const auto expected = splitReports(tshark.out, requests);
        const auto actual = splitReports(ours.out, requests);
        ASSERT_EQ(expected.size(), requests.size()) << name << ": cannot split tshark's output";
        for (std::size_t i = 0; i < requests.size(); ++i) {
            ++total;
            const std::string a = i < actual.size() ? actual[i] : "";
            const auto key = std::make_pair(name, requests[i]);
            if (a == expected[i]) {
                ++identical;
                if (gaps.count(key)) failures += name + " " + requests[i] + ": listed in follow_known_gaps.tsv but now identical\n";
                continue;
            }
            if (gaps.count(key)) {
                gapsSeen.insert(key);
                continue;
            }
            failures += name + " -z " + requests[i] + " differs from tshark (rcvmon-cli exit " + std::to_string(ours.exitCode) +
                        "):\n" + firstDifference(expected[i], a);
        }
    }
    for (const auto& [key, reason] : gaps)
        if (key.second.rfind("follow,http,", 0) == 0 && !gapsSeen.count(key) &&
            failures.find(key.first + " " + key.second) == std::string::npos)
            failures += key.first + " " + key.second + ": listed in follow_known_gaps.tsv but not run\n";
    std::printf("rcvmon-cli -z follow,http against tshark over %zu corpus files with HTTP: %d/%d identical, %zu known gaps\n",
                files.size(), identical, total, gapsSeen.size());
    EXPECT_GT(identical, 0);
    EXPECT_TRUE(failures.empty()) << failures;
}

// tshark's other filter form: the two endpoints instead of the stream index, and a chunk range.
TEST(FollowReference, AddressFilterAndRangeEqualTsharks)
{
    const fs::path capture = fs::path(RCVMON_CORPUS_DIR) / "public" / "http__basic-auth-with-colon.pcap";
    RCVMON_REQUIRE(fs::exists(capture), corpusWhat());
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    const std::string args = " -q -z follow,tcp,ascii,172.24.133.205:8000,172.24.133.205:43090"
                             " -z follow,tcp,hex,0,2-3 -z follow,udp,raw,172.24.133.205:1,172.24.133.205:2";
    const ProcessResult tshark = runProcess("LC_ALL=C tshark -n -r " + shellQuote(capture.string()) + args);
    const ProcessResult ours = runProcess(std::string(RCVMON_CLI_PATH) + " -r " + shellQuote(capture.string()) + args);
    ASSERT_EQ(tshark.exitCode, 0) << tshark.err;
    ASSERT_EQ(ours.exitCode, 0) << ours.err;
    EXPECT_NE(ours.out.find("Filter: ((ip.src eq 172.24.133.205 and tcp.srcport eq 8000)"), std::string::npos);
    EXPECT_EQ(ours.out, tshark.out);
}

TEST(FollowReference, BadRequestsAreUsageErrors)
{
    for (const char* bad : {"follow,tcp,utf-9,0", "follow,sctp,ascii,0", "follow,tcp,ascii", "follow,tcp,ascii,0,3-1",
                            "follow,tcp,ascii,1.2.3.4:0,1.2.3.5:80", "follow,tcp,ascii,[::1]:80,1.2.3.4:80"}) {
        const ProcessResult r = runProcess(std::string(RCVMON_CLI_PATH) + " -r /dev/null -q -z " + bad);
        EXPECT_EQ(r.exitCode, 2) << bad << ": " << r.err;
        EXPECT_NE(r.err.find("follow"), std::string::npos) << bad << ": " << r.err;
    }
}

}  // namespace
}  // namespace rcvmon::test

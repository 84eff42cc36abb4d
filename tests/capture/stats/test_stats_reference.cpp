// SPDX-License-Identifier: GPL-2.0-or-later
// rcvmon-cli -q -z against tshark 4.0 over every capture of the reference corpus: for each
// file and each table (conversations and endpoints for eth, ip, ipv6, tcp, udp; io,phs)
// the text must be identical to `tshark -n -q -z ...` (-n: RcvMon prints MAC addresses as
// numbers, without vendor names). Remaining differences are listed, with their reason, in
// known_gaps.tsv; the test fails on any other difference and on a listed gap that is gone.
#include "corpus_captures.h"
#include "stats_text_sections.h"

#include "../../app/run_process.h"
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

// (file, statistic) → reason
std::map<std::pair<std::string, std::string>, std::string> knownGaps()
{
    std::map<std::pair<std::string, std::string>, std::string> gaps;
    std::ifstream in(RCVMON_STATS_KNOWN_GAPS);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.starts_with("file\t")) continue;
        std::istringstream fields(line);
        std::string file, statistic, reason;
        std::getline(fields, file, '\t');
        std::getline(fields, statistic, '\t');
        std::getline(fields, reason);
        gaps[{file, statistic}] = reason;
    }
    return gaps;
}

std::string statisticsArgs()
{
    std::string args = " -q";
    for (const std::string& arg : allStatisticArgs()) args += " -z " + arg;
    return args;
}

// The lines only one side has, marked - (tshark) and + (rcvmon-cli).
std::string lineDiff(const std::string& expected, const std::string& actual)
{
    auto lines = [](const std::string& text) {
        std::vector<std::string> out;
        std::istringstream in(text);
        for (std::string l; std::getline(in, l);) out.push_back(l);
        return out;
    };
    const auto e = lines(expected), a = lines(actual);
    const std::multiset<std::string> es(e.begin(), e.end()), as(a.begin(), a.end());
    std::string diff;
    for (const std::string& l : e)
        if (!as.count(l)) diff += "  - " + l + "\n";
    for (const std::string& l : a)
        if (!es.count(l)) diff += "  + " + l + "\n";
    if (diff.empty()) diff = "  (same lines, different order)\n";
    return diff;
}

std::vector<std::string> titlesInOrder(const std::string& text)
{
    std::vector<std::string> titles;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        for (const std::string& arg : allStatisticArgs())
            if (l == titleOf(arg)) titles.push_back(l);
    return titles;
}

TEST(StatsReference, TablesEqualTsharksOnTheCorpus)
{
    const auto files = corpusCapturePaths();
    RCVMON_REQUIRE(!files.empty(), corpusWhat());
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    const auto gaps = knownGaps();
    std::set<std::pair<std::string, std::string>> gapsSeen;
    std::map<std::string, int> identical;
    std::string failures;

    for (const fs::path& path : files) {
        const std::string name = path.filename().string();
        const ProcessResult tshark = runProcess("LC_ALL=C tshark -n -r " + shellQuote(path.string()) + statisticsArgs());
        const ProcessResult ours = runProcess(std::string(RCVMON_CLI_PATH) + " -r " + shellQuote(path.string()) +
                                              statisticsArgs());
        ASSERT_EQ(tshark.exitCode, 0) << name << ": " << tshark.err;
        // A file cut short still gives its tables (tshark says so on stderr too).
        if (ours.exitCode != 0 && ours.err.find("cut short") == std::string::npos &&
            ours.err.find("truncated") == std::string::npos) {
            ADD_FAILURE() << name << ": rcvmon-cli exit " << ours.exitCode << ": " << ours.err;
            continue;
        }
        EXPECT_EQ(titlesInOrder(ours.out), titlesInOrder(tshark.out)) << name << ": tables in a different order";
        const auto expected = splitSections(tshark.out);
        const auto actual = splitSections(ours.out);
        for (const std::string& arg : allStatisticArgs()) {
            const std::string title = titleOf(arg);
            const auto e = expected.find(title);
            const auto a = actual.find(title);
            const std::string expectedText = e == expected.end() ? "" : e->second;
            const std::string actualText = a == actual.end() ? "" : a->second;
            const auto key = std::make_pair(name, arg);
            if (expectedText == actualText) {
                ++identical[arg];
                if (gaps.count(key)) failures += name + " " + arg + ": listed in known_gaps.tsv but now identical\n";
                continue;
            }
            if (gaps.count(key)) {
                gapsSeen.insert(key);
                continue;
            }
            failures += name + " -z " + arg + " differs from tshark:\n" + lineDiff(expectedText, actualText);
        }
    }
    for (const auto& [key, reason] : gaps)
        if (!gapsSeen.count(key) && std::none_of(files.begin(), files.end(), [&key](const fs::path& p) {
                return p.filename().string() == key.first;
            }))
            failures += key.first + ": listed in known_gaps.tsv but not in the corpus\n";

    std::printf("rcvmon-cli -z against tshark over %zu corpus files (identical tables):\n", files.size());
    for (const std::string& arg : allStatisticArgs())
        std::printf("  %-15s %3d/%zu  %5.1f%%\n", arg.c_str(), identical[arg], files.size(),
                    100.0 * identical[arg] / static_cast<double>(files.size()));
    std::printf("  known gaps: %zu\n", gapsSeen.size());
    EXPECT_TRUE(failures.empty()) << failures;
}

}  // namespace
}  // namespace rcvmon::test

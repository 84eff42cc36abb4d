// SPDX-License-Identifier: GPL-2.0-or-later
// rcvmon-cli -q -z expert against tshark 4.0 over the corpus: every capture of public/ and
// every twentieth of large/. tshark reports expert items from thousands of dissectors; RcvMon
// reports the ones its Expert Info models (malformed packets, TCP connection and analysis
// items), so tshark's report is cut down to those kinds, with the totals re-added, and must
// then equal RcvMon's byte for byte (headings, widths, order of first appearance, counts).
// Remaining differences are listed in expert_known_gaps.tsv; the test fails on any other and
// on a listed one that no longer occurs.
#include "run_process.h"
#include "known_gaps_file.h"
#include "require.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace rcvmon::test {
namespace {

namespace fs = std::filesystem;

struct Row {
    std::string severity;  // the heading: Errors, Warns, …
    std::string line;      // the row as printed
    std::string key;       // severity|group|protocol|summary
    std::string protocol, summary;
    unsigned long count = 0;
};

std::vector<Row> parseReport(const std::string& text)
{
    static const std::regex heading(R"(^(Errors|Warns|Notes|Chats|Comments) \(\d+\)$)");
    static const std::regex row(R"(^ *(\d+) (.{10}) (.{18})  (.*)$)");
    std::vector<Row> rows;
    std::string severity;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (std::regex_match(line, m, heading)) {
            severity = m[1];
        } else if (!severity.empty() && std::regex_match(line, m, row)) {
            const auto trim = [](std::string s) { return s.erase(0, s.find_first_not_of(' ')); };
            Row r{severity, line, "", trim(m[3]), m[4], std::stoul(m[1])};
            r.key = severity + "|" + trim(m[2]) + "|" + r.protocol + "|" + r.summary;
            rows.push_back(r);
        }
    }
    return rows;
}

// The kinds RcvMon's ExpertCollector reports.
bool modeled(const Row& r)
{
    if (r.summary == "Malformed Packet (Exception occurred)") return true;
    if (r.protocol != "TCP") return false;
    static const std::regex kinds(
        R"(Connection establish (request \(SYN\)|acknowledge \(SYN\+ACK\)): server port \d+|Connection finish \(FIN\)|)"
        R"(This frame (initiates|undergoes) the connection closing|Connection reset \(RST\)|)"
        R"(This frame is a \(suspected\) (retransmission|fast retransmission|spurious retransmission|out-of-order segment)|)"
        R"(A new tcp session is started with the same ports as an earlier session in this trace|)"
        R"(Previous segment\(s\) not captured \(common at capture start\)|)"
        R"(ACKed segment that wasn't captured \(common at capture start\)|TCP window update|)"
        R"(TCP window specified by the receiver is now completely full|TCP keep-alive segment|)"
        R"(ACK to a TCP keep-alive segment|Duplicate ACK \(#\d+\)|TCP Zero Window Probe|TCP Zero Window segment|)"
        R"(ACK to a TCP Zero Window Probe|The acknowledgment number field is nonzero while the ACK flag is not set)");
    return std::regex_match(r.summary, kinds);
}

// tshark's report printed again with only `rows` (in their order), totals recomputed.
std::string render(const std::vector<Row>& rows)
{
    std::string out;
    for (const char* severity : {"Errors", "Warns", "Notes", "Chats", "Comments"}) {
        unsigned long total = 0;
        for (const Row& r : rows)
            if (r.severity == severity) total += r.count;
        if (total == 0) continue;
        out += '\n';
        out += severity;
        out += " (" + std::to_string(total) + ")\n=============\n";
        out += "   Frequency      Group           Protocol  Summary\n";
        for (const Row& r : rows)
            if (r.severity == severity) out += r.line + "\n";
    }
    return out;
}

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
        const std::size_t step = std::string(dir) == "large" ? 20 : 1;
        for (std::size_t i = 0; i < files.size(); i += step) out.push_back(files[i]);
    }
    return out;
}

TEST(ExpertReference, ExpertReportsEqualTsharksOnTheCorpus)
{
    const auto files = sampleCaptures();
    RCVMON_REQUIRE(!files.empty(), corpusWhat());
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    const auto gaps = readKnownGaps(RCVMON_EXPERT_KNOWN_GAPS);
    std::set<std::pair<std::string, std::string>> gapsSeen;
    std::string failures;
    std::size_t identical = 0, withItems = 0, rowsCompared = 0;

    for (const fs::path& path : files) {
        const std::string name = path.parent_path().filename().string() + "/" + path.filename().string();
        const ProcessResult tshark = runProcess("LC_ALL=C tshark -n -r " + shellQuote(path.string()) + " -q -z expert");
        const ProcessResult ours = runProcess(std::string(RCVMON_CLI_PATH) + " -r " + shellQuote(path.string()) + " -q -z expert");
        ASSERT_EQ(tshark.exitCode, 0) << name << ": " << tshark.err;
        std::vector<Row> expected;
        for (const Row& r : parseReport(tshark.out))
            if (modeled(r)) expected.push_back(r);
        const std::vector<Row> actual = parseReport(ours.out);
        if (!expected.empty() || !actual.empty()) ++withItems;

        // Per kind first, so a listed gap names exactly what differs.
        std::map<std::string, std::pair<unsigned long, unsigned long>> counts;
        for (const Row& r : expected) counts[r.key].first = r.count;
        for (const Row& r : actual) counts[r.key].second = r.count;
        bool gapped = false;
        for (const auto& [key, n] : counts) {
            ++rowsCompared;
            const auto gap = std::make_pair(name, key);
            if (n.first == n.second) {
                if (gaps.count(gap)) failures += name + "\t" + key + ": listed in expert_known_gaps.tsv but now equal\n";
                continue;
            }
            if (gaps.count(gap)) {
                gapsSeen.insert(gap);
                gapped = true;
                continue;
            }
            failures += name + "\t" + key + "\ttshark " + std::to_string(n.first) + ", rcvmon-cli " +
                        std::to_string(n.second) + "\n";
        }
        if (gapped) continue;
        // Same kinds and counts: the text must be tshark's, byte for byte.
        if (render(expected) == ours.out) {
            ++identical;
        } else if (failures.find(name + "\t") == std::string::npos) {
            failures += name + ": same counts but the text differs\n--- tshark (cut down)\n" + render(expected) +
                        "--- rcvmon-cli\n" + ours.out;
        }
    }
    for (const auto& [gap, reason] : gaps)
        if (!gapsSeen.count(gap) && failures.find(gap.first + "\t" + gap.second) == std::string::npos)
            failures += gap.first + "\t" + gap.second + ": listed in expert_known_gaps.tsv but not seen\n";

    std::printf("rcvmon-cli -z expert against tshark over %zu corpus files (%zu with expert items): "
                "%zu kinds compared, %zu reports identical, %zu known gaps\n",
                files.size(), withItems, rowsCompared, identical + (files.size() - withItems), gapsSeen.size());
    EXPECT_TRUE(failures.empty()) << failures;
}

// The level and filter forms, against tshark on a capture with notes, warnings and chats.
TEST(ExpertReference, LevelAndFilterEqualTsharks)
{
    const fs::path capture = fs::path(RCVMON_CORPUS_DIR) / "public" / "mptcp-fclose.pcap";
    RCVMON_REQUIRE(fs::exists(capture), corpusWhat());
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    for (const char* spec : {"expert,warn", "expert,note", "expert,chat,tcp.flags.syn==1", "expert,tcp.flags.reset==1"}) {
        const std::string args = " -q -z " + shellQuote(spec);
        const ProcessResult tshark = runProcess("LC_ALL=C tshark -n -r " + shellQuote(capture.string()) + args);
        const ProcessResult ours = runProcess(std::string(RCVMON_CLI_PATH) + " -r " + shellQuote(capture.string()) + args);
        ASSERT_EQ(ours.exitCode, 0) << spec << ": " << ours.err;
        EXPECT_FALSE(ours.out.empty()) << spec;
        EXPECT_EQ(ours.out, tshark.out) << spec;
    }
    const ProcessResult bad = runProcess(std::string(RCVMON_CLI_PATH) + " -r " + shellQuote(capture.string()) +
                                         " -q -z 'expert,warn,tcp.port=='");
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("-z expert"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace rcvmon::test

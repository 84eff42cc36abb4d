// SPDX-License-Identifier: GPL-2.0-or-later
// Name resolution through the real command line against tshark 4.0 on a bounded corpus
// sample: `rcvmon-cli -N mndt` and `tshark -N mndt` print the same resolved fields
// (eth.*_resolved, eth.*.oui_resolved, ip/ipv6 *_host) and the same Source, Destination and
// Info columns. A column is compared only on rows where both tools already agree with -n, so
// what is measured is the resolution, not the dissection (the dissection has its own
// reference tests). Every mismatch must be listed in names_known_gaps.tsv, and every listed
// gap must still occur.
#include "run_process.h"
#include "tshark_tsv.h"
#include "require.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

namespace fs = std::filesystem;
using namespace rcvmon;
using rcvmon::test::runProcess;
using rcvmon::test::shellQuote;

namespace {

const fs::path kCorpus = fs::path(RCVMON_CORPUS_DIR);

const std::vector<std::string> kResolvedFields = {
    "eth.src_resolved", "eth.dst_resolved", "eth.addr_resolved", "eth.src.oui_resolved", "eth.dst.oui_resolved",
    "eth.addr.oui_resolved", "ip.src_host", "ip.dst_host", "ip.host", "ipv6.src_host", "ipv6.dst_host", "ipv6.host"};
const std::vector<std::string> kColumns = {"_ws.col.Source", "_ws.col.Destination", "_ws.col.Info"};

// Captures of large/ whose DNS answers name addresses that later packets use.
const std::vector<std::string> kLargeSample = {
    "zeek__wikipedia.pcap", "tcpdump__edns-opts.pcap", "zeek__dns__dynamic-update.pcap",
    "zeek__dns-two-responses.pcap", "zeek__dns__long-connection.pcap", "zeek__modbus__modbusSmall.pcap",
    "zeek__dns-edns-cookie.pcap", "zeek__dns__mdns-no-assoc.pcap"};

std::vector<fs::path> sample()
{
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(kCorpus / "public")) {
        const std::string name = entry.path().filename().string();
        if ((name.ends_with(".pcap") || name.ends_with(".pcapng")) && name.find(".tsv") == std::string::npos)
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& name : kLargeSample)
        if (fs::exists(kCorpus / "large" / name)) files.push_back(kCorpus / "large" / name);
    return files;
}

std::string fieldArgs()
{
    std::string args = " -T fields -E header=y";
    for (const auto* list : {&kResolvedFields, &kColumns})
        for (const std::string& f : *list) args += " -e " + f;
    return args;
}

tsv::Table run(const std::string& program, const fs::path& capture, const std::string& names)
{
    const std::string command = shellQuote(program) + " -r " + shellQuote(capture.string()) + " " + names + fieldArgs()
                                + (program == "tshark" ? " 2>/dev/null" : "");
    const auto result = runProcess(command);
    EXPECT_EQ(result.exitCode, 0) << command << "\n" << result.err;
    return tsv::parseTable(result.out);
}

// file <TAB> field <TAB> reason: the field differs somewhere in that capture.
std::set<std::pair<std::string, std::string>> readGaps(const std::string& path)
{
    std::set<std::pair<std::string, std::string>> gaps;
    std::ifstream in(path);
    EXPECT_TRUE(in.good()) << path;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab1 = line.find('\t');
        const auto tab2 = line.find('\t', tab1 + 1);
        EXPECT_NE(tab2, std::string::npos) << "bad line in " << path << ": " << line;
        if (tab2 == std::string::npos) continue;
        gaps.emplace(line.substr(0, tab1), line.substr(tab1 + 1, tab2 - tab1 - 1));
    }
    return gaps;
}

}  // namespace

TEST(CliNamesReference, ResolvedFieldsAndColumnsEqualTshark)
{
    RCVMON_REQUIRE(fs::exists(kCorpus / "public"), rcvmon::test::corpusWhat());
    RCVMON_REQUIRE(rcvmon::test::haveProgram("tshark"), rcvmon::test::toolWhat("tshark"));
    RCVMON_REQUIRE(fs::exists("/usr/share/wireshark/manuf"), "Wireshark's manuf file (wireshark-common)");
    const auto gaps = readGaps(RCVMON_NAMES_KNOWN_GAPS);
    std::set<std::pair<std::string, std::string>> seenGaps;
    std::map<std::string, std::pair<std::size_t, std::size_t>> perField;  // compared, equal
    std::size_t baselineDiffers = 0, resolvedCells = 0;
    const auto files = sample();
    ASSERT_GE(files.size(), 40u);

    for (const fs::path& capture : files) {
        const std::string file = capture.filename().string();
        SCOPED_TRACE(file);
        const tsv::Table tsharkPlain = run("tshark", capture, "-n");
        const tsv::Table oursPlain = run(RCVMON_CLI_PATH, capture, "-n");
        const tsv::Table tshark = run("tshark", capture, "-N mndt");
        const tsv::Table ours = run(RCVMON_CLI_PATH, capture, "-N mndt");
        ASSERT_EQ(ours.header, tshark.header);
        ASSERT_EQ(ours.rows.size(), tshark.rows.size());
        ASSERT_EQ(oursPlain.rows.size(), tsharkPlain.rows.size());
        ASSERT_EQ(tsharkPlain.rows.size(), tshark.rows.size());
        for (std::size_t r = 0; r < tshark.rows.size(); ++r) {
            for (std::size_t c = 0; c < tshark.header.size(); ++c) {
                const std::string& field = tshark.header[c];
                const bool column = field.starts_with("_ws.col.");
                if (column && oursPlain.rows[r][c] != tsharkPlain.rows[r][c]) {
                    ++baselineDiffers;
                    continue;
                }
                auto& [compared, equal] = perField[field];
                ++compared;
                resolvedCells += tshark.rows[r][c] != tsharkPlain.rows[r][c];
                if (ours.rows[r][c] == tshark.rows[r][c]) {
                    ++equal;
                    continue;
                }
                if (gaps.count({file, field})) {
                    seenGaps.emplace(file, field);
                    continue;
                }
                ADD_FAILURE() << "not a known gap: " << file << " frame " << r + 1 << " " << field << ": rcvmon-cli '"
                              << ours.rows[r][c] << "', tshark '" << tshark.rows[r][c] << "'";
            }
        }
    }
    std::cout << "rcvmon-cli -N mndt vs tshark 4.0 on " << files.size() << " captures (" << resolvedCells
              << " cells tshark resolves; " << baselineDiffers << " column cells skipped: -n already differs):\n";
    for (const auto& [field, counts] : perField)
        std::cout << "  " << field << ": " << counts.second << "/" << counts.first << "\n";
    EXPECT_GT(resolvedCells, 1000u);  // the sample exercises resolution, not only plain text
    for (const auto& gap : gaps)
        if (!seenGaps.count(gap)) ADD_FAILURE() << "known gap no longer occurs, remove it: " << gap.first << " " << gap.second;
}

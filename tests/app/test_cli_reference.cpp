// SPDX-License-Identifier: GPL-2.0-or-later
// The reference test of issue 2, through the real command line: for every corpus capture,
// `rcvmon-cli -r F -T fields -e ...` equals F.tshark.tsv field by field, and with
// --no-reassembly equals F.tshark.noreasm.tsv. Prints the match rate per field; every
// remaining mismatch must be a listed known gap (tests/capture/dissect/known_gaps.tsv).
#include "run_process.h"
#include "tshark_tsv.h"
#include "require.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;
using namespace rcvmon;
using rcvmon::test::runProcess;
using rcvmon::test::shellQuote;

namespace {

const fs::path kCorpus = fs::path(RCVMON_CORPUS_DIR) / "public";

// Gaps that exist only because the dissector's own test reads captures with libpcap do not
// apply here: the CLI reads with RcvMon's reader.
std::vector<tsv::Gap> cliGaps()
{
    std::vector<tsv::Gap> gaps;
    std::string error;
    EXPECT_TRUE(tsv::readKnownGaps(RCVMON_KNOWN_GAPS, gaps, error)) << error;
    std::erase_if(gaps, [](const tsv::Gap& g) { return g.reason.rfind("test harness", 0) == 0; });
    return gaps;
}

}  // namespace

TEST(CliReference, FieldsEqualTsharkOnEveryCorpusCapture)
{
    RCVMON_REQUIRE(fs::exists(kCorpus), rcvmon::test::corpusWhat());
    tsv::Comparison comparison(cliGaps());
    std::vector<fs::path> tables;
    for (const auto& entry : fs::directory_iterator(kCorpus))
        if (entry.path().string().ends_with(".tshark.tsv")) tables.push_back(entry.path());
    std::sort(tables.begin(), tables.end());
    ASSERT_GE(tables.size(), 40u);

    std::size_t protocolRows = 0, protocolMatches = 0;
    for (const fs::path& reasmTable : tables) {
        const std::string capture = reasmTable.string().substr(0, reasmTable.string().size() - std::string(".tshark.tsv").size());
        const std::string file = fs::path(capture).filename().string();
        for (const std::string mode : {"reasm", "noreasm"}) {
            SCOPED_TRACE(file + " " + mode);
            tsv::Table expected;
            std::string error;
            ASSERT_TRUE(tsv::readTable(mode == "reasm" ? reasmTable.string() : capture + ".tshark.noreasm.tsv", expected, error)) << error;
            std::string command = shellQuote(RCVMON_CLI_PATH) + " -r " + shellQuote(capture) + " -T fields -E header=y";
            if (mode == "noreasm") command += " --no-reassembly";
            for (const std::string& field : expected.header) command += " -e " + field;
            const auto run = runProcess(command);
            ASSERT_EQ(run.exitCode, 0) << run.err;
            const tsv::Table actual = tsv::parseTable(run.out);
            ASSERT_EQ(actual.header, expected.header);
            ASSERT_EQ(actual.rows.size(), expected.rows.size());
            comparison.noteCompared(file, mode);
            const auto protocolColumn = std::find(expected.header.begin(), expected.header.end(), "_ws.col.Protocol") - expected.header.begin();
            for (std::size_t i = 0; i < expected.rows.size(); ++i) {
                comparison.compareRow(file, mode, i + 1, expected.header, expected.rows[i], actual.rows[i]);
                if (protocolColumn < std::ptrdiff_t(expected.header.size())) {
                    ++protocolRows;
                    protocolMatches += expected.rows[i][protocolColumn] == actual.rows[i][protocolColumn];
                }
            }
        }
    }
    std::cout << "rcvmon-cli -T fields vs tshark 4.0, match rate per field:\n" << comparison.report();
    const double protocolAgreement = protocolRows ? double(protocolMatches) / double(protocolRows) : 1.0;
    std::cout << "_ws.col.Protocol agreement: " << protocolMatches << "/" << protocolRows << "\n";
    EXPECT_GE(protocolAgreement, 0.90);
    for (const auto& m : comparison.unlisted()) ADD_FAILURE() << "not a known gap: " << tsv::describe(m);
    for (const auto& g : comparison.stale()) ADD_FAILURE() << "known gap no longer occurs: " << tsv::describe(g);
}

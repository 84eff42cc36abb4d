// SPDX-License-Identifier: GPL-2.0-or-later
// Reference test: every corpus capture dissected frame by frame, each tsv header field
// compared with tshark 4.0's output, with reassembly (F.tshark.tsv) and without
// (F.tshark.noreasm.tsv). Mismatches must be listed in known_gaps.tsv, listed gaps must
// still occur, and the Protocol column must agree on at least 90 % of the rows.
#include "capture_frames.h"
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "require.h"
#include "tshark_tsv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace rcvmon {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> corpusCaptures(const fs::path& dir)
{
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        const std::string suffix = ".tshark.noreasm.tsv";
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            names.push_back(name.substr(0, name.size() - suffix.size()));
    }
    std::sort(names.begin(), names.end());
    return names;
}

TEST(DissectReference, MatchesTsharkOnCorpus)
{
    const fs::path dir = fs::path(RCVMON_CORPUS_DIR) / "public";
    RCVMON_REQUIRE(fs::exists(dir), rcvmon::test::corpusWhat());

    std::vector<tsv::Gap> gaps;
    std::string error;
    ASSERT_TRUE(tsv::readKnownGaps(RCVMON_DISSECT_TEST_DIR "/known_gaps.tsv", gaps, error)) << error;
    tsv::Comparison comparison(gaps);

    const auto captures = corpusCaptures(dir);
    ASSERT_GE(captures.size(), 45u) << "corpus incomplete";
    Dissection dissection;
    for (const std::string& name : captures) {
        std::vector<testing::LoadedFrame> frames;
        ASSERT_TRUE(testing::loadFrames((dir / name).string(), frames, error)) << name << ": " << error;
        for (const bool reassemble : {true, false}) {
            const std::string mode = reassemble ? "reasm" : "noreasm";
            tsv::Table expected;
            const std::string tsvName = name + (reassemble ? ".tshark.tsv" : ".tshark.noreasm.tsv");
            ASSERT_TRUE(tsv::readTable((dir / tsvName).string(), expected, error)) << error;
            ASSERT_EQ(expected.rows.size(), frames.size()) << tsvName;
            std::vector<FieldId> ids;
            for (const std::string& column : expected.header) {
                const auto id = findField(column);
                ASSERT_TRUE(id.has_value()) << "field " << column << " of " << tsvName << " is not registered";
                ids.push_back(*id);
            }
            comparison.noteCompared(name, mode);
            Dissector dissector(Dissector::Options{reassemble});
            std::vector<std::string> actual(ids.size());
            for (std::size_t i = 0; i < frames.size(); ++i) {
                dissector.dissect(frames[i].ref, i + 1, dissection);
                for (std::size_t c = 0; c < ids.size(); ++c) {
                    actual[c].clear();
                    dissection.appendFieldText(ids[c], actual[c]);
                }
                comparison.compareRow(name, mode, i + 1, expected.header, expected.rows[i], actual);
            }
        }
    }

    std::printf("Per-field match rate against tshark 4.0 (all files, reasm + noreasm):\n%s",
                comparison.report().c_str());
    const tsv::FieldTally protocol = comparison.tallies().at("_ws.col.Protocol");
    std::printf("Protocol column agreement: %zu/%zu = %.2f%%\n", protocol.matched, protocol.compared,
                100.0 * protocol.rate());
    EXPECT_GE(protocol.rate(), 0.90);

    const auto unlisted = comparison.unlisted();
    for (const tsv::Mismatch& m : unlisted) std::printf("unlisted mismatch: %s\n", tsv::describe(m).c_str());
    EXPECT_TRUE(unlisted.empty()) << unlisted.size() << " mismatches are not in known_gaps.tsv";
    for (const tsv::Gap& g : comparison.stale()) ADD_FAILURE() << "known gap no longer occurs: " << tsv::describe(g);
    std::printf("Known gaps matched: %zu\n", comparison.mismatches().size() - unlisted.size());
}

}  // namespace
}  // namespace rcvmon

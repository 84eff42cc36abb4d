// SPDX-License-Identifier: GPL-2.0-or-later
// The hand-built scenarios written to pcap files: every table RcvMon prints for them must be
// the text `tshark -n -q -z ...` prints (tshark 4.0; -n because RcvMon does not replace MAC
// vendor prefixes with names).
#include "stats_scenarios.h"
#include "stats_text_sections.h"

#include "../../app/run_process.h"
#include "statistic_request.h"
#include "statistics_text.h"
#include "require.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace rcvmon::test {
namespace {

std::string rcvmonText(const Scenario& s)
{
    TrafficStatistics stats;
    feed(s, stats);
    std::string out;
    for (const std::string& arg : allStatisticArgs()) {
        std::string error;
        const auto r = cli::parseStatisticRequest(arg, error);
        if (!r) return "bad request " + arg;
        using Table = cli::StatisticRequest::Table;
        if (r->table == Table::Conversations) cli::appendConversationText(out, r->kind, stats.conversations(r->kind));
        else if (r->table == Table::Endpoints) cli::appendEndpointText(out, r->kind, stats.endpoints(r->kind));
        else cli::appendHierarchyText(out, stats.hierarchy());
    }
    return out;
}

class StatsTsharkAgreement : public ::testing::TestWithParam<Scenario> {};

TEST_P(StatsTsharkAgreement, EveryTableMatchesTshark)
{
    RCVMON_REQUIRE(haveProgram("tshark"), toolWhat("tshark"));
    const Scenario& s = GetParam();
    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("rcvmon-stats-" + s.name + "-" + std::to_string(getpid()) + ".pcap");
    ASSERT_TRUE(writePcap(file.string(), s));
    std::string command = "LC_ALL=C tshark -n -r " + shellQuote(file.string()) + " -q";
    for (const std::string& arg : allStatisticArgs()) command += " -z " + arg;
    const ProcessResult tshark = runProcess(command);
    std::filesystem::remove(file);
    ASSERT_EQ(tshark.exitCode, 0) << tshark.err;

    const auto expected = splitSections(tshark.out);
    const auto actual = splitSections(rcvmonText(s));
    ASSERT_EQ(expected.size(), allStatisticArgs().size()) << tshark.out;
    for (const auto& [title, text] : expected) {
        const auto it = actual.find(title);
        ASSERT_NE(it, actual.end()) << title;
        EXPECT_EQ(it->second, text) << s.name << ": " << title;
    }
}

INSTANTIATE_TEST_SUITE_P(Scenarios, StatsTsharkAgreement, ::testing::ValuesIn(allScenarios()),
                         [](const ::testing::TestParamInfo<Scenario>& info) { return info.param.name; });

}  // namespace
}  // namespace rcvmon::test

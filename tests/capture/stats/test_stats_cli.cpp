// SPDX-License-Identifier: GPL-2.0-or-later
// rcvmon-cli -z as a command: bad -z arguments are usage errors (exit 2, one clear line), and
// without -q the packets come first, exactly as `rcvmon-cli -r FILE` prints them, then the
// tables — tshark's behaviour.
#include "stats_scenarios.h"

#include "../../app/run_process.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <unistd.h>

namespace rcvmon::test {
namespace {

class StatsCli : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_file = std::filesystem::temp_directory_path() / ("rcvmon-stats-cli-" + std::to_string(getpid()) + ".pcap");
        ASSERT_TRUE(writePcap(m_file.string(), dnsAndTcpScenario()));
    }
    void TearDown() override { std::filesystem::remove(m_file); }

    ProcessResult cli(const std::string& args)
    {
        return runProcess(std::string(RCVMON_CLI_PATH) + " -r " + shellQuote(m_file.string()) + " " + args);
    }

    std::filesystem::path m_file;
};

TEST_F(StatsCli, UnknownStatisticIsAUsageError)
{
    for (const char* bad : {"conv,ipx", "endpoints", "io,stat", "conv,ip,ip.addr==198.18.0.1", "io,phs,udp"}) {
        const ProcessResult r = cli(std::string("-q -z ") + shellQuote(bad));
        EXPECT_EQ(r.exitCode, 2) << bad;
        EXPECT_TRUE(r.out.empty()) << bad;
        EXPECT_NE(r.err.find(bad), std::string::npos) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
}

TEST_F(StatsCli, OptionsThatWouldChangeTheCountsAreRefused)
{
    EXPECT_EQ(cli("-q -z conv,ip --select 1-2").exitCode, 2);
    EXPECT_EQ(cli("-q -z conv,ip -w /dev/null").exitCode, 2);
}

TEST_F(StatsCli, WithoutQuietThePacketsComeFirst)
{
    const ProcessResult packets = cli("");
    const ProcessResult quiet = cli("-q -z conv,udp -z io,phs");
    const ProcessResult both = cli("-z conv,udp -z io,phs");
    ASSERT_EQ(packets.exitCode, 0) << packets.err;
    ASSERT_EQ(quiet.exitCode, 0) << quiet.err;
    ASSERT_EQ(both.exitCode, 0) << both.err;
    ASSERT_FALSE(packets.out.empty());
    EXPECT_EQ(both.out, packets.out + quiet.out);
    // The last -z is printed first, as tshark draws its taps.
    EXPECT_LT(quiet.out.find("Protocol Hierarchy Statistics"), quiet.out.find("UDP Conversations"));
}

TEST_F(StatsCli, DisplayFilterChoosesThePrintedPacketsNotTheCounts)
{
    const ProcessResult all = cli("");
    const ProcessResult filtered = cli("-Y udp");
    const ProcessResult tables = cli("-q -z conv,ip -z io,phs");
    const ProcessResult both = cli("-Y udp -z conv,ip -z io,phs");
    ASSERT_EQ(both.exitCode, 0) << both.err;
    ASSERT_FALSE(filtered.out.empty());
    EXPECT_LT(filtered.out.size(), all.out.size());
    EXPECT_EQ(both.out, filtered.out + tables.out);
    EXPECT_EQ(cli("-q -Y udp -z conv,ip -z io,phs").out, tables.out);
    // tshark's single pass counts every frame whatever -Y says.
    if (haveProgram("tshark")) {
        const ProcessResult tshark =
            runProcess("LC_ALL=C tshark -n -r " + shellQuote(m_file.string()) + " -q -Y udp -z conv,ip -z io,phs");
        ASSERT_EQ(tshark.exitCode, 0) << tshark.err;
        EXPECT_EQ(tables.out, tshark.out);
    }
    const ProcessResult bad = cli("-q -Y 'udp ==' -z conv,ip");
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("display filter"), std::string::npos) << bad.err;
}

TEST_F(StatsCli, QuietWithFieldsPrintsOnlyTheTables)
{
    const ProcessResult r = cli("-q -T fields -e frame.number -z io,phs");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.rfind("\n===", 0), 0u) << r.out;
}

}  // namespace
}  // namespace rcvmon::test

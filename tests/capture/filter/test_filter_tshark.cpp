// SPDX-License-Identifier: GPL-2.0-or-later
// The hand-built frames and filter cases of the unit tests, checked against the real
// tshark: every expected frame list is what tshark 4.0 passes, and every filter RcvMon
// rejects, tshark rejects too.
#include "filter_test_packets.h"
#include "require.h"
#include "run_process.h"
#include "tshark_filters.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace rcvmon {
namespace {

using namespace rcvmon::test;

class FilterTshark : public ::testing::Test {
protected:
    void SetUp() override
    {
        RCVMON_REQUIRE(haveProgram("tshark"), rcvmon::test::toolWhat("tshark"));
        m_capture = fs::temp_directory_path() / ("rcvmon-filter-cases-" + std::to_string(::getpid()) + ".pcap");
        std::vector<PcapFrame> frames;
        for (const Bytes& b : filterTestFrames()) {
            const FrameRef f = frameOf(b);
            frames.push_back(PcapFrame{b, f.ts.sec, f.ts.nsec});
        }
        ASSERT_TRUE(writeNanosecondPcap(m_capture.string(), link_type::Ethernet, frames));
    }
    void TearDown() override
    {
        if (!m_capture.empty()) fs::remove(m_capture);
    }

    fs::path m_capture;
};

TEST_F(FilterTshark, ExpectedFramesAreTsharks)
{
    std::vector<std::string> filters;
    for (const FilterCase& c : filterTestCases()) filters.push_back(c.filter.empty() ? "frame" : c.filter);
    std::vector<TsharkFilterResult> results;
    std::string error;
    ASSERT_TRUE(runTsharkFilters(m_capture.string(), filters, results, error)) << error;
    const auto cases = filterTestCases();
    for (std::size_t i = 0; i < cases.size(); ++i) {
        SCOPED_TRACE(cases[i].filter);
        ASSERT_TRUE(results[i].valid) << results[i].error;
        std::vector<int> frames(results[i].frames.begin(), results[i].frames.end());
        EXPECT_EQ(frames, cases[i].frames);
    }
}

TEST_F(FilterTshark, RejectedFiltersAreRejectedByTsharkToo)
{
    std::vector<std::string> filters;
    for (const FilterErrorCase& c : filterErrorCases()) filters.push_back(c.filter);
    std::vector<TsharkFilterResult> results;
    std::string error;
    ASSERT_TRUE(runTsharkFilters(m_capture.string(), filters, results, error)) << error;
    for (std::size_t i = 0; i < filters.size(); ++i) EXPECT_FALSE(results[i].valid) << filters[i];
}

}  // namespace
}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// The tsv comparison unit shared with the CLI's reference test.
#include "tshark_tsv.h"

#include <gtest/gtest.h>

namespace rcvmon::tsv {
namespace {

TEST(TsharkTsv, ParsesHeaderAndPadsShortRows)
{
    const Table t = parseTable("a\tb\tc\r\n1\t\t3\n4\n\n");
    ASSERT_EQ(t.header, (std::vector<std::string>{"a", "b", "c"}));
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0], (std::vector<std::string>{"1", "", "3"}));
    EXPECT_EQ(t.rows[1], (std::vector<std::string>{"4", "", ""}));
    EXPECT_EQ(splitTabs("x\t\ty"), (std::vector<std::string>{"x", "", "y"}));
}

TEST(TsharkTsv, ListedUnlistedAndStaleGaps)
{
    std::vector<Gap> gaps{
        {"f.pcap", "reasm", 2, "ip.src", "1.2.3.4", "listed"},
        {"f.pcap", "reasm", 3, "ip.src", "9.9.9.9", "does not happen"},
        {"other.pcap", "reasm", 1, "ip.src", "x", "file not compared: not stale"},
    };
    Comparison c(gaps);
    const std::vector<std::string> header{"frame.number", "ip.src"};
    c.compareRow("f.pcap", "reasm", 1, header, {"1", "5.6.7.8"}, {"1", "5.6.7.8"});
    c.compareRow("f.pcap", "reasm", 2, header, {"2", "1.2.3.4"}, {"2", ""});
    c.compareRow("f.pcap", "reasm", 3, header, {"3", ""}, {"3", "7.7.7.7"});
    c.compareRow("f.pcap", "noreasm", 2, header, {"2", "1.2.3.4"}, {"2", "0.0.0.0"});
    EXPECT_EQ(c.tallies().at("ip.src").compared, 4u);
    EXPECT_EQ(c.tallies().at("ip.src").matched, 1u);
    EXPECT_EQ(c.tallies().at("frame.number").matched, 4u);
    const auto unlisted = c.unlisted();
    ASSERT_EQ(unlisted.size(), 2u);  // frame 3 (expected differs from the gap) and the noreasm row
    EXPECT_EQ(unlisted[0].frame, 3u);
    EXPECT_EQ(unlisted[1].mode, "noreasm");
    const auto stale = c.stale();
    ASSERT_EQ(stale.size(), 1u);
    EXPECT_EQ(stale[0].reason, "does not happen");
    EXPECT_NE(c.report().find("ip.src"), std::string::npos);
}

}  // namespace
}  // namespace rcvmon::tsv

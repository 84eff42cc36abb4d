// SPDX-License-Identifier: GPL-2.0-or-later
// Compilation: errors name the problem and the column tshark 4.0 points at; the program
// is a flat tree with pre-parsed constants.
#include "filter/display_filter.h"
#include "filter/filter_literals.h"
#include "filter_test_packets.h"

#include <gtest/gtest.h>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

TEST(FilterParser, ErrorsGiveTheColumn)
{
    for (const FilterErrorCase& c : filterErrorCases()) {
        SCOPED_TRACE(c.filter);
        FilterError error;
        EXPECT_FALSE(DisplayFilter::compile(c.filter, error));
        EXPECT_EQ(error.column, c.column) << error.message;
        EXPECT_NE(error.message.find(c.messagePart), std::string::npos) << error.message;
    }
}

TEST(FilterParser, DescribesErrorsOnOneLine)
{
    FilterError error;
    EXPECT_FALSE(DisplayFilter::compile("tcp.prot == 80", error));
    EXPECT_EQ(error.describe("tcp.prot == 80"), "\"tcp.prot == 80\": unknown field \"tcp.prot\" at column 1");
}

TEST(FilterParser, EveryCaseCompiles)
{
    for (const FilterCase& c : filterTestCases()) {
        FilterError error;
        EXPECT_TRUE(DisplayFilter::compile(c.filter, error)) << error.describe(c.filter);
    }
}

TEST(FilterParser, ColumnsAreRejectedAsInTshark)
{
    FilterError error;
    EXPECT_FALSE(DisplayFilter::compile("_ws.col.Protocol == \"DNS\"", error));
    EXPECT_EQ(error.column, 1u);
}

TEST(FilterParser, ProgramIsCompact)
{
    FilterError error;
    const auto f = DisplayFilter::compile("tcp.port in {80, 443, 8000..8080} and not ip.src == 10.0.0.0/8", error);
    ASSERT_TRUE(f);
    const FilterProgram& p = f->program();
    EXPECT_EQ(p.nodes.size(), 4u);  // in-set, compare, not, and
    EXPECT_EQ(p.sets.size(), 3u);
    EXPECT_TRUE(p.sets[2].range);
    EXPECT_EQ(p.sets[2].low.number, 8000u);
    EXPECT_EQ(p.sets[2].high.number, 8080u);
    ASSERT_EQ(p.constants.size(), 1u);
    EXPECT_EQ(p.constants[0].number, 0x0a000000u);  // pre-parsed once
    EXPECT_EQ(p.constants[0].aux, 8u);
    EXPECT_EQ(p.nodes[p.root].op, NodeOp::And);
}

TEST(FilterParser, Literals)
{
    std::uint64_t n = 0;
    EXPECT_TRUE(parseUnsignedLiteral("0x1F", n));
    EXPECT_EQ(n, 31u);
    EXPECT_TRUE(parseUnsignedLiteral("017", n));
    EXPECT_EQ(n, 15u);
    EXPECT_FALSE(parseUnsignedLiteral("12a", n));

    std::array<std::uint8_t, 16> a{};
    std::uint32_t prefix = 0;
    std::string why;
    ASSERT_TRUE(parseIpv6Literal("::ffff:1.2.3.4/96", a, prefix, why)) << why;
    EXPECT_EQ(prefix, 96u);
    EXPECT_EQ(a[10], 0xff);
    EXPECT_EQ(a[15], 4);
    ASSERT_TRUE(parseIpv6Literal("fe80::", a, prefix, why));
    EXPECT_EQ(a[0], 0xfe);
    EXPECT_EQ(a[15], 0);
    EXPECT_FALSE(parseIpv6Literal("1:2:3:4:5:6:7:8:9", a, prefix, why));
    EXPECT_FALSE(parseIpv6Literal("1::2::3", a, prefix, why));

    std::vector<std::uint8_t> bytes;
    ASSERT_TRUE(parseBytesLiteral("0:1:ff", bytes));
    EXPECT_EQ(bytes, (std::vector<std::uint8_t>{0, 1, 0xff}));

    std::int64_t sec = 0;
    std::uint32_t nsec = 0;
    ASSERT_TRUE(parseTimeLiteral("12.5", sec, nsec));
    EXPECT_EQ(sec, 12);
    EXPECT_EQ(nsec, 500000000u);
}

}  // namespace
}  // namespace rcvmon

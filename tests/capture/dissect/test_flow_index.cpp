// SPDX-License-Identifier: GPL-2.0-or-later
// The conversation index: lookups after clear(), whichever way clear() empties the table (the
// few slots it listed, or a sweep when too many were taken), and after the table grew.
#include "dissect/flow_table.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace rcvmon {
namespace {

ConversationKey keyFor(std::uint32_t n)
{
    std::array<std::uint8_t, 16> a{}, b{};
    a[0] = 198, a[1] = 18, a[2] = static_cast<std::uint8_t>(n >> 8), a[3] = static_cast<std::uint8_t>(n);
    b[0] = 198, b[1] = 19;
    bool forward = false;
    return makeFlowKey(4, a, static_cast<std::uint16_t>(1024 + n), b, 443, forward);
}

void expectEmptiedAndReusable(FlowIndex& index, std::uint32_t count)
{
    for (std::uint32_t n = 0; n < count; ++n) index.set(keyFor(n), n);
    for (std::uint32_t n = 0; n < count; ++n) ASSERT_EQ(index.find(keyFor(n)), n);
    index.clear();
    EXPECT_EQ(index.size(), 0u);
    for (std::uint32_t n = 0; n < count; ++n) EXPECT_EQ(index.find(keyFor(n)), FlowIndex::kNone) << n;
    index.set(keyFor(count + 1), 7);
    EXPECT_EQ(index.find(keyFor(count + 1)), 7u);
    EXPECT_EQ(index.size(), 1u);
    index.clear();
}

TEST(FlowIndex, ClearForgetsAFewEntries) { FlowIndex index(100000); expectEmptiedAndReusable(index, 3); }

TEST(FlowIndex, ClearForgetsManyEntries) { FlowIndex index(100000); expectEmptiedAndReusable(index, 300); }

TEST(FlowIndex, ClearForgetsEntriesRehashedByGrowth)
{
    FlowIndex index(100000);
    expectEmptiedAndReusable(index, 5000);  // the table doubles several times on the way
    expectEmptiedAndReusable(index, 2);
}

TEST(FlowIndex, ReplacingAValueTakesNoNewSlot)
{
    FlowIndex index(100000);
    for (int round = 0; round < 100; ++round) index.set(keyFor(1), static_cast<std::uint32_t>(round));
    EXPECT_EQ(index.size(), 1u);
    EXPECT_EQ(index.find(keyFor(1)), 99u);
    index.clear();
    EXPECT_EQ(index.find(keyFor(1)), FlowIndex::kNone);
}

}  // namespace
}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// The conversation index: lookups after clear(), whichever way clear() empties the table (the
// few slots it listed, or a sweep when too many were taken), and after the table grew.
#include "dissect/flow_table.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <utility>

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

// Wireshark orders a conversation's endpoints by address bytes (memcmp), then by port: every
// byte position decides, whichever half of the 16 it is in, and both directions make one key.
TEST(FlowKey, EndpointsAreOrderedAsMemcmpOrdersTheAddresses)
{
    for (int position = 0; position < 16; ++position) {
        for (const auto& [x, y] : {std::pair<int, int>{1, 2}, {2, 1}, {0x7f, 0x80}, {0xff, 0x00}}) {
            std::array<std::uint8_t, 16> a{}, b{};
            a.fill(0x20);
            b.fill(0x20);
            a[position] = static_cast<std::uint8_t>(x);
            b[position] = static_cast<std::uint8_t>(y);
            bool forward = false, backward = true;
            const ConversationKey ab = makeFlowKey(6, a, 5000, b, 80, forward);
            const ConversationKey ba = makeFlowKey(6, b, 80, a, 5000, backward);
            EXPECT_EQ(forward, std::memcmp(a.data(), b.data(), 16) < 0) << position << ' ' << x << ' ' << y;
            EXPECT_EQ(backward, !forward) << position;
            EXPECT_TRUE(ab == ba) << position;
        }
    }
    std::array<std::uint8_t, 16> same{};
    same[0] = 10;
    bool forward = false;
    makeFlowKey(4, same, 80, same, 5000, forward);
    EXPECT_TRUE(forward);  // equal addresses: the lower port first
    makeFlowKey(4, same, 5000, same, 80, forward);
    EXPECT_FALSE(forward);
}

// Keys that differ only in their last byte (the higher port's low byte) or their first (the
// family) are different entries.
TEST(FlowIndex, KeysDifferingInTheirFirstOrLastByteAreDistinct)
{
    FlowIndex index(1000);
    ConversationKey a = keyFor(5), b = a, c = a;
    b.bytes[36] ^= 1;
    c.bytes[0] ^= 0x80;
    index.set(a, 1);
    index.set(b, 2);
    index.set(c, 3);
    EXPECT_EQ(index.size(), 3u);
    EXPECT_EQ(index.find(a), 1u);
    EXPECT_EQ(index.find(b), 2u);
    EXPECT_EQ(index.find(c), 3u);
}

}  // namespace
}  // namespace rcvmon

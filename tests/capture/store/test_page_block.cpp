// SPDX-License-Identifier: GPL-2.0-or-later
#include "store/page_block.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace rcvmon {
namespace {

TEST(PageBlock, ComesZeroedAndWritable)
{
    const PageBlock block(3 * 4096 + 100);  // not a whole number of pages
    ASSERT_TRUE(block);
    EXPECT_EQ(block.size(), 3u * 4096 + 100);
    EXPECT_TRUE(std::all_of(block.data(), block.data() + block.size(), [](std::uint8_t b) { return b == 0; }));
    std::memset(block.data(), 0xab, block.size());
    EXPECT_EQ(block.data()[block.size() - 1], 0xab);
}

TEST(PageBlock, EmptyBlockHoldsNothing)
{
    const PageBlock none;
    EXPECT_FALSE(none);
    const PageBlock zero(0);
    EXPECT_FALSE(zero);
    EXPECT_EQ(zero.size(), 0u);
}

TEST(PageBlock, MovingHandsOverThePages)
{
    PageBlock first(8192);
    first.data()[42] = 7;
    std::uint8_t* const pages = first.data();

    PageBlock second(std::move(first));
    EXPECT_FALSE(first);  // NOLINT(bugprone-use-after-move): the moved-from state is the point
    EXPECT_EQ(second.data(), pages);
    EXPECT_EQ(second.data()[42], 7);

    PageBlock third(4096);
    third = std::move(second);  // third's own pages are returned, second's taken over
    EXPECT_EQ(third.data(), pages);
    EXPECT_EQ(third.size(), 8192u);
    EXPECT_FALSE(second);  // NOLINT(bugprone-use-after-move)
}

struct Pair {
    std::uint32_t a;
    std::uint32_t b;
};

TEST(PageBlock, ServesAnArrayOfRecords)
{
    const PageBlock block(1000 * sizeof(Pair));
    Pair* pairs = block.as<Pair>();
    for (std::uint32_t i = 0; i < 1000; ++i) pairs[i] = Pair{i, 2 * i};
    EXPECT_EQ(pairs[999].b, 1998u);
    EXPECT_EQ(reinterpret_cast<std::uint8_t*>(pairs + 999), block.data() + 999 * sizeof(Pair));
}

}  // namespace
}  // namespace rcvmon

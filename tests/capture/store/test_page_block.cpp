// SPDX-License-Identifier: GPL-2.0-or-later
#include "store/page_block.h"

#include "core/huge_pages.h"
#include "core/prefaulting_allocator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif

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

#ifdef __linux__
// Pages of [data, data + bytes) the kernel has resident (mincore).
std::size_t residentPages(const std::uint8_t* data, std::size_t bytes)
{
    const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    std::vector<unsigned char> flags((bytes + page - 1) / page);
    if (mincore(const_cast<std::uint8_t*>(data), bytes, flags.data()) != 0) return SIZE_MAX;
    return static_cast<std::size_t>(std::count_if(flags.begin(), flags.end(), [](unsigned char f) { return f & 1; }));
}

// Whole 2 MiB blocks are huge pages: aligned to 2 MiB, resident only as far as written (the
// small blocks above are mapped whole at once), zeroed, and returned whole on destruction.
TEST(PageBlock, WholeHugePagesAreAlignedAndResidentAsWritten)
{
    const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    const PageBlock block(5 * HugePageBytes);
    ASSERT_TRUE(block);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(block.data()) % HugePageBytes, 0u);
    EXPECT_EQ(residentPages(block.data(), block.size()), 0u) << "nothing written, nothing resident";
    block.data()[HugePageBytes + 5] = 1;  // one write into the second huge page
    const std::size_t resident = residentPages(block.data(), block.size());
    EXPECT_GE(resident, 1u);
    EXPECT_LE(resident, HugePageBytes / page) << "at most the one huge page written";
    EXPECT_TRUE(std::all_of(block.data(), block.data() + block.size(),
                            [](std::uint8_t b) { return b == 0 || b == 1; }));

    const PageBlock small(64 * page);
    EXPECT_EQ(residentPages(small.data(), small.size()), 64u) << "small blocks are mapped ahead, whole";
}

// The dissector's tables take huge pages from 1 MiB on, through the same allocator interface.
TEST(PrefaultingAllocator, LargeTablesAreHugePageAligned)
{
    std::vector<std::uint64_t, PrefaultingAllocator<std::uint64_t>> large(HugePageBytes / 8 + 1, 7);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(large.data()) % HugePageBytes, 0u);
    EXPECT_EQ(large.back(), 7u);
    large.resize(3 * HugePageBytes / 8, 9);  // reallocates: the old block is unmapped by size
    EXPECT_EQ(large.front(), 7u);
    EXPECT_EQ(large.back(), 9u);
    std::vector<std::uint64_t, PrefaultingAllocator<std::uint64_t>> small(100, 3);
    EXPECT_EQ(small[99], 3u);
}
#endif

}  // namespace
}  // namespace rcvmon

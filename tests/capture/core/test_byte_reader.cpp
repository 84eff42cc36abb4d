// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/byte_reader.h"

#include <gtest/gtest.h>

#include <array>

using namespace rcvmon;

TEST(ByteReader, ReadsBothByteOrders)
{
    const std::array<std::uint8_t, 8> bytes{0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0};
    ByteReader r{ByteSpan{bytes}};
    EXPECT_EQ(r.be16(), 0x1234);
    EXPECT_EQ(r.le16(), 0x7856);
    EXPECT_EQ(r.be32(), 0x9abcdef0u);
    EXPECT_EQ(r.remaining(), 0u);
    EXPECT_TRUE(r.ok());
}

TEST(ByteReader, ReadPastEndLatchesTruncatedAndConsumesNothing)
{
    const std::array<std::uint8_t, 3> bytes{1, 2, 3};
    ByteReader r{ByteSpan{bytes}};
    EXPECT_EQ(r.u8(), 1);
    EXPECT_EQ(r.be32(), 0u);
    EXPECT_EQ(r.status(), ParseStatus::Truncated);
    EXPECT_EQ(r.offset(), 1u);
    EXPECT_TRUE(r.bytes(5).empty());
    EXPECT_FALSE(r.skip(3));
    EXPECT_EQ(r.be16(), 0x0203);  // reads that fit still work after a failed one
}

TEST(ByteReader, MalformedDoesNotOverrideTruncated)
{
    ByteReader r;
    r.u8();
    r.markMalformed();
    EXPECT_EQ(r.status(), ParseStatus::Truncated);
}

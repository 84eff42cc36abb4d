// SPDX-License-Identifier: GPL-2.0-or-later
#include "store/spsc_ring.h"

#include "frame_maker.h"

#include <gtest/gtest.h>

#include <deque>
#include <random>

namespace rcvmon {
namespace {

using test::fillPayload;
using test::frameOver;
using test::payloadIntact;
using test::payloadSeq;

// Length of payload whose entry is exactly `entry` bytes.
std::size_t payloadFor(std::size_t entry)
{
    return entry - SpscRing::entryBytes(0);
}

TEST(SpscRing, CapacityIsAPowerOfTwoAndAtLeastFourKiB)
{
    EXPECT_EQ(SpscRing(5000).capacity(), 8192u);
    EXPECT_EQ(SpscRing(8192).capacity(), 8192u);
    EXPECT_EQ(SpscRing(10).capacity(), 4096u);
    EXPECT_EQ(SpscRing(8192).maxEntryBytes(), 4096u);
}

TEST(SpscRing, EntryBytesArePaddedToEight)
{
    const std::size_t header = SpscRing::entryBytes(0);
    EXPECT_EQ(header % 8, 0u);
    EXPECT_EQ(SpscRing::entryBytes(1), header + 8);
    EXPECT_EQ(SpscRing::entryBytes(8), header + 8);
    EXPECT_EQ(SpscRing::entryBytes(9), header + 16);
}

TEST(SpscRing, EmptyRingHasNoFront)
{
    SpscRing ring(4096);
    RingEntry entry;
    EXPECT_FALSE(ring.front(entry));
    EXPECT_TRUE(ring.empty());
    EXPECT_EQ(ring.drain([](const FrameRef&, const PacketTags&) {}, 10), 0u);
}

TEST(SpscRing, EveryFieldAndByteSurvives)
{
    SpscRing ring(4096);
    std::vector<std::uint8_t> bytes;
    fillPayload(bytes, 42, 61);
    FrameRef in = frameOver(bytes, -5, 999'999'999);
    in.originalLength = 1514;
    in.linkType = link_type::Raw;
    in.interfaceId = 7;
    in.direction = Direction::OtherHost;
    in.flags = FrameFlag::Ipv6HeaderReconstructed;
    ASSERT_TRUE(ring.tryPush(in, PacketTags{ProtocolClass::Udp, CaptureMode::IpLevel}));
    EXPECT_EQ(ring.bytesUsed(), SpscRing::entryBytes(61));

    RingEntry out;
    ASSERT_TRUE(ring.front(out));
    EXPECT_EQ(out.frame.ts, (Timestamp{-5, 999'999'999}));
    EXPECT_EQ(out.frame.capturedLength, 61u);
    EXPECT_EQ(out.frame.originalLength, 1514u);
    EXPECT_EQ(out.frame.linkType, link_type::Raw);
    EXPECT_EQ(out.frame.interfaceId, 7u);
    EXPECT_EQ(out.frame.direction, Direction::OtherHost);
    EXPECT_EQ(out.frame.flags, FrameFlag::Ipv6HeaderReconstructed);
    EXPECT_EQ(out.tags.protocol, ProtocolClass::Udp);
    EXPECT_EQ(out.tags.mode, CaptureMode::IpLevel);
    ASSERT_EQ(out.frame.data.size(), 61u);
    EXPECT_TRUE(payloadIntact(out.frame.data, 42));
    ring.pop();
    EXPECT_TRUE(ring.empty());
    EXPECT_FALSE(ring.front(out));
}

TEST(SpscRing, FullAndEmptyOffByOne)
{
    SpscRing ring(4096);
    const std::size_t length = payloadFor(64);  // 64-byte entries: exactly 64 fit
    std::vector<std::uint8_t> bytes;
    for (std::uint64_t seq = 0; seq < 64; ++seq) {
        fillPayload(bytes, seq, length);
        ASSERT_TRUE(ring.tryPush(frameOver(bytes))) << "entry " << seq << " should still fit";
    }
    EXPECT_EQ(ring.bytesUsed(), ring.capacity());
    fillPayload(bytes, 64, length);
    EXPECT_FALSE(ring.tryPush(frameOver(bytes))) << "a full ring takes nothing more";

    RingEntry out;
    ASSERT_TRUE(ring.front(out));
    EXPECT_EQ(payloadSeq(out.frame.data), 0u);
    ring.pop();
    EXPECT_TRUE(ring.tryPush(frameOver(bytes))) << "one entry freed is one entry of room";
    EXPECT_FALSE(ring.tryPush(frameOver(bytes)));

    for (std::uint64_t seq = 1; seq <= 64; ++seq) {
        ASSERT_TRUE(ring.front(out));
        EXPECT_EQ(payloadSeq(out.frame.data), seq);
        EXPECT_TRUE(payloadIntact(out.frame.data, seq));
        ring.pop();
    }
    EXPECT_FALSE(ring.front(out));
    EXPECT_TRUE(ring.empty());
}

TEST(SpscRing, VariableSizesWrapAroundInOrderWithBytesIntact)
{
    SpscRing ring(8192);
    std::mt19937_64 random(7);
    std::deque<std::pair<std::uint64_t, std::size_t>> expected;  // seq, length
    std::vector<std::uint8_t> bytes;
    std::uint64_t next = 0;
    std::uint64_t pushed = 0, popped = 0, refused = 0, bytesPushed = 0;
    const std::size_t maxLength = payloadFor(ring.maxEntryBytes());
    for (int round = 0; round < 200'000; ++round) {
        if (random() % 3 != 0) {
            // Mostly small, sometimes the largest entry the ring accepts.
            const std::size_t length = random() % 50 == 0 ? maxLength : random() % 700;
            fillPayload(bytes, next, length);
            if (ring.tryPush(frameOver(bytes))) {
                expected.emplace_back(next, length);
                ++pushed;
                bytesPushed += SpscRing::entryBytes(length);
            } else {
                ++refused;
            }
            ++next;
        } else {
            RingEntry out;
            if (ring.front(out)) {
                ASSERT_FALSE(expected.empty());
                const auto [seq, length] = expected.front();
                ASSERT_EQ(out.frame.data.size(), length);
                if (length >= 8) {
                    ASSERT_EQ(payloadSeq(out.frame.data), seq);
                }
                ASSERT_TRUE(payloadIntact(out.frame.data, seq));
                ring.pop();
                expected.pop_front();
                ++popped;
            } else {
                ASSERT_TRUE(expected.empty());
            }
        }
        ASSERT_LE(ring.bytesUsed(), ring.capacity());
    }
    popped += ring.drain(
        [&](const FrameRef& frame, const PacketTags&) {
            ASSERT_FALSE(expected.empty());
            EXPECT_TRUE(payloadIntact(frame.data, expected.front().first));
            expected.pop_front();
        },
        SIZE_MAX);
    EXPECT_TRUE(expected.empty());
    EXPECT_EQ(pushed, popped);
    EXPECT_GT(refused, 0u) << "the sequence should have hit a full ring";
    EXPECT_GT(bytesPushed, 50 * ring.capacity()) << "the sequence should have wrapped many times";
}

TEST(SpscRing, EntriesLargerThanHalfTheRingAreRejected)
{
    SpscRing ring(4096);
    const std::size_t largest = payloadFor(ring.maxEntryBytes());
    EXPECT_TRUE(ring.canEverHold(largest));
    EXPECT_FALSE(ring.canEverHold(largest + 1));
    EXPECT_FALSE(ring.canEverHold(100'000));

    std::vector<std::uint8_t> bytes;
    fillPayload(bytes, 1, largest + 1);
    EXPECT_FALSE(ring.tryPush(frameOver(bytes)));
    fillPayload(bytes, 2, 100'000);
    EXPECT_FALSE(ring.tryPush(frameOver(bytes)));
    EXPECT_TRUE(ring.empty()) << "a rejected entry leaves nothing behind";
}

// An empty ring takes the largest entry wherever its write position is (every position
// entries can leave it at: 0, and each multiple of 8 from one header on).
TEST(SpscRing, LargestEntryFitsAnEmptyRingAtEveryOffset)
{
    const std::size_t header = SpscRing::entryBytes(0);
    std::vector<std::uint8_t> bytes;
    RingEntry out;
    for (std::size_t offset = 0; offset < 4096; offset += 8) {
        if (offset != 0 && offset < header) continue;
        SpscRing ring(4096);
        // Walk the write position to `offset` with fillers pushed and popped.
        for (std::size_t remaining = offset; remaining != 0;) {
            std::size_t piece = std::min(remaining, ring.maxEntryBytes());
            if (remaining - piece != 0 && remaining - piece < header) piece -= header;
            bytes.assign(payloadFor(piece), 0);
            ASSERT_TRUE(ring.tryPush(frameOver(bytes)));
            ASSERT_TRUE(ring.front(out));
            ring.pop();
            remaining -= piece;
        }
        ASSERT_TRUE(ring.empty());
        fillPayload(bytes, offset, payloadFor(ring.maxEntryBytes()));
        ASSERT_TRUE(ring.tryPush(frameOver(bytes))) << "at offset " << offset;
        ASSERT_TRUE(ring.front(out));
        ASSERT_TRUE(payloadIntact(out.frame.data, offset));
        ring.pop();
        ASSERT_FALSE(ring.front(out));
    }
}

// No consumer: exactly the entries that fit are kept, in order; every other push is an
// overflow the caller counts. The model of "fits" is independent of the ring's code: with
// the reader at 0 nothing can wrap, so an entry fits iff it fits in what is left.
TEST(SpscRing, OverflowAccountingIsExact)
{
    SpscRing ring(16384);
    std::mt19937_64 random(11);
    std::vector<std::uint8_t> bytes;
    std::vector<std::uint64_t> kept;
    std::size_t used = 0;
    std::uint64_t overflow = 0;
    const std::uint64_t pushes = 5000;
    for (std::uint64_t seq = 0; seq < pushes; ++seq) {
        const std::size_t length = seq % 97 == 0 ? 9000 : 8 + random() % 300;  // 9000: never fits
        fillPayload(bytes, seq, length);
        const bool expectFit = ring.canEverHold(length) && SpscRing::entryBytes(length) <= ring.capacity() - used;
        const bool pushedOk = ring.tryPush(frameOver(bytes));
        ASSERT_EQ(pushedOk, expectFit) << "push " << seq;
        if (pushedOk) {
            used += SpscRing::entryBytes(length);
            kept.push_back(seq);
        } else {
            ++overflow;
        }
    }
    EXPECT_EQ(overflow, pushes - kept.size());
    EXPECT_GT(kept.size(), 40u);
    EXPECT_EQ(ring.bytesUsed(), used);

    std::size_t i = 0;
    ring.drain(
        [&](const FrameRef& frame, const PacketTags&) {
            ASSERT_LT(i, kept.size());
            EXPECT_EQ(payloadSeq(frame.data), kept[i]);
            EXPECT_TRUE(payloadIntact(frame.data, kept[i]));
            ++i;
        },
        SIZE_MAX);
    EXPECT_EQ(i, kept.size());
}

TEST(SpscRing, DrainStopsAtMaxFrames)
{
    SpscRing ring(4096);
    std::vector<std::uint8_t> bytes;
    for (std::uint64_t seq = 0; seq < 10; ++seq) {
        fillPayload(bytes, seq, 16);
        ASSERT_TRUE(ring.tryPush(frameOver(bytes)));
    }
    std::vector<std::uint64_t> seen;
    auto collect = [&](const FrameRef& frame, const PacketTags&) { seen.push_back(payloadSeq(frame.data)); };
    EXPECT_EQ(ring.drain(collect, 4), 4u);
    EXPECT_EQ(ring.drain(collect, 100), 6u);
    EXPECT_EQ(ring.drain(collect, 100), 0u);
    ASSERT_EQ(seen.size(), 10u);
    for (std::uint64_t seq = 0; seq < 10; ++seq) EXPECT_EQ(seen[seq], seq);
}

TEST(SpscRing, HeldEntriesStayIntactUntilReleasedTogether)
{
    SpscRing ring(4096);
    std::vector<std::uint8_t> bytes;
    std::uint64_t pushed = 0;
    while (true) {  // fill the ring
        fillPayload(bytes, pushed, 100);
        if (!ring.tryPush(frameOver(bytes))) break;
        ++pushed;
    }
    ASSERT_GT(pushed, 10u);
    const std::size_t full = ring.bytesUsed();
    std::vector<ByteSpan> held;
    const std::size_t n = ring.drainHeld(
        [&](const FrameRef& frame, const PacketTags&) { held.push_back(frame.data); },
        [&] {
            // Nothing is released yet: the producer still sees a full ring and cannot overwrite.
            EXPECT_EQ(ring.bytesUsed(), full);
            fillPayload(bytes, 999, 100);
            EXPECT_FALSE(ring.tryPush(frameOver(bytes)));
            for (std::size_t i = 0; i < held.size(); ++i) EXPECT_TRUE(payloadIntact(held[i], i)) << i;
        },
        SIZE_MAX, SIZE_MAX);
    EXPECT_EQ(n, pushed);
    EXPECT_EQ(ring.bytesUsed(), 0u);  // all released at once
}

TEST(SpscRing, HeldDrainStopsAtItsByteBudgetAndResumesInOrder)
{
    SpscRing ring(65536);
    std::vector<std::uint8_t> bytes;
    for (std::uint64_t seq = 0; seq < 100; ++seq) {
        fillPayload(bytes, seq, 200);
        ASSERT_TRUE(ring.tryPush(frameOver(bytes)));
    }
    std::vector<std::uint64_t> seen;
    auto collect = [&](const FrameRef& frame, const PacketTags&) { seen.push_back(payloadSeq(frame.data)); };
    const std::size_t budget = 10 * SpscRing::entryBytes(200);
    EXPECT_EQ(ring.drainHeld(collect, [] {}, SIZE_MAX, budget), 10u);
    EXPECT_EQ(ring.drainHeld(collect, [] {}, 5, SIZE_MAX), 5u);
    EXPECT_EQ(ring.drainHeld(collect, [] {}, SIZE_MAX, SIZE_MAX), 85u);
    ASSERT_EQ(seen.size(), 100u);
    for (std::uint64_t seq = 0; seq < 100; ++seq) EXPECT_EQ(seen[seq], seq);
}

TEST(SpscRing, StagedEntriesAppearOnlyWhenPublished)
{
    SpscRing ring(4096);
    std::vector<std::uint8_t> bytes;
    fillPayload(bytes, 3, 60);
    ASSERT_TRUE(ring.tryStage(frameOver(bytes, 1, 2)));
    RingEntry out;
    EXPECT_FALSE(ring.front(out));  // staged, not yet the consumer's
    ring.publish();
    ASSERT_TRUE(ring.front(out));
    EXPECT_TRUE(payloadIntact(out.frame.data, 3));
}

TEST(SpscRing, LentEntryPointsAtTheProducersBytesUntilReturned)
{
    SpscRing ring(4096);
    std::vector<std::uint8_t> bytes;
    fillPayload(bytes, 9, 1514);
    FrameRef in = frameOver(bytes, 10, 20);
    in.interfaceId = 3;
    ASSERT_TRUE(ring.tryStageLent(in, PacketTags{ProtocolClass::Tcp, CaptureMode::On}));
    const std::uint64_t mark = ring.stagedPosition();
    ring.publish();
    // A descriptor, whatever the frame's size: the bytes stay where the producer has them.
    EXPECT_EQ(ring.bytesUsed(), SpscRing::lentEntryBytes());
    EXPECT_EQ(SpscRing::lentEntryBytes(), SpscRing::entryBytes(0) + sizeof(const std::uint8_t*));
    EXPECT_FALSE(ring.returned(mark));

    RingEntry out;
    ASSERT_TRUE(ring.front(out));
    EXPECT_EQ(out.frame.data.data(), bytes.data());
    EXPECT_EQ(out.frame.data.size(), 1514u);
    EXPECT_EQ(out.frame.capturedLength, 1514u);
    EXPECT_EQ(out.frame.ts, (Timestamp{10, 20}));
    EXPECT_EQ(out.frame.interfaceId, 3u);
    EXPECT_EQ(out.tags.protocol, ProtocolClass::Tcp);
    EXPECT_FALSE(ring.returned(mark));  // in the consumer's hands
    ring.pop();
    EXPECT_TRUE(ring.returned(mark));
    EXPECT_TRUE(ring.empty());
}

TEST(SpscRing, LentAndCopiedEntriesInterleaveAcrossTheWrap)
{
    SpscRing ring(4096);
    std::vector<std::uint8_t> lent;
    fillPayload(lent, 5, 700);
    std::vector<std::uint8_t> copied;
    fillPayload(copied, 6, 300);
    for (int round = 0; round < 200; ++round) {  // wraps the 4 KiB ring many times
        ASSERT_TRUE(ring.tryStageLent(frameOver(lent, round, 0)));
        ASSERT_TRUE(ring.tryStage(frameOver(copied, round, 1)));
        ring.publish();
        RingEntry out;
        ASSERT_TRUE(ring.front(out));
        EXPECT_EQ(out.frame.data.data(), lent.data());
        EXPECT_EQ(out.frame.ts, (Timestamp{round, 0}));
        ring.pop();
        ASSERT_TRUE(ring.front(out));
        EXPECT_NE(out.frame.data.data(), copied.data());
        EXPECT_TRUE(payloadIntact(out.frame.data, 6));
        EXPECT_EQ(out.frame.ts, (Timestamp{round, 1}));
        ring.pop();
        EXPECT_TRUE(ring.empty());
    }
}

}  // namespace
}  // namespace rcvmon

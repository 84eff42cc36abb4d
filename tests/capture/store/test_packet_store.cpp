// SPDX-License-Identifier: GPL-2.0-or-later
#include "store/packet_store.h"

#include "frame_maker.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

namespace rcvmon {
namespace {

using test::fillPayload;
using test::frameOver;
using test::payloadIntact;
using test::payloadSeq;

constexpr std::uint64_t kMiB = 1u << 20;

std::size_t lengthFor(std::uint64_t seq)
{
    return 8 + (seq * 2654435761u) % 1500;
}

TEST(PacketStore, RecordIsCompact)
{
    static_assert(sizeof(PacketRecord) <= 48);
    EXPECT_EQ(sizeof(PacketRecord), 40u);
}

TEST(PacketStore, RandomAccessByNumber)
{
    PacketStore store(PacketStoreOptions{256 * kMiB, BoundPolicy::EvictOldest});
    EXPECT_EQ(store.size(), 0u);
    EXPECT_EQ(store.firstNumber(), 1u);
    EXPECT_EQ(store.endNumber(), 1u);

    std::vector<std::uint8_t> bytes;
    const std::uint64_t count = 20'000;
    for (std::uint64_t seq = 1; seq <= count; ++seq) {
        fillPayload(bytes, seq, lengthFor(seq));
        FrameRef frame = frameOver(bytes, 1'700'000'000 + static_cast<std::int64_t>(seq), static_cast<std::uint32_t>(seq));
        frame.originalLength = static_cast<std::uint32_t>(bytes.size() + seq % 3);
        frame.direction = seq % 2 ? Direction::Incoming : Direction::Outgoing;
        frame.interfaceId = static_cast<std::uint32_t>(seq % 4);
        const PacketTags tags{seq % 5 == 0 ? ProtocolClass::Udp : ProtocolClass::Tcp,
                              seq < count / 2 ? CaptureMode::On : CaptureMode::IpLevel};
        ASSERT_TRUE(store.append(frame, tags));
    }
    EXPECT_EQ(store.size(), count);
    EXPECT_EQ(store.firstNumber(), 1u);
    EXPECT_EQ(store.endNumber(), count + 1);
    EXPECT_EQ(store.evictedCount(), 0u);

    std::mt19937_64 random(3);
    for (int i = 0; i < 5000; ++i) {
        const std::uint64_t n = 1 + random() % count;
        const PacketRecord& r = store.record(n);
        EXPECT_EQ(r.ts(), (Timestamp{1'700'000'000 + static_cast<std::int64_t>(n), static_cast<std::uint32_t>(n)}));
        EXPECT_EQ(r.capturedLength, lengthFor(n));
        EXPECT_EQ(r.originalLength, lengthFor(n) + n % 3);
        EXPECT_EQ(r.direction, n % 2 ? Direction::Incoming : Direction::Outgoing);
        EXPECT_EQ(r.interfaceId, n % 4);
        EXPECT_EQ(r.protocol, n % 5 == 0 ? ProtocolClass::Udp : ProtocolClass::Tcp);
        EXPECT_EQ(r.mode, n < count / 2 ? CaptureMode::On : CaptureMode::IpLevel);
        const FrameRef f = store.frame(n);
        ASSERT_EQ(f.data.size(), lengthFor(n));
        EXPECT_TRUE(payloadIntact(f.data, n)) << "frame " << n;
        EXPECT_EQ(f.linkType, link_type::Ethernet);
    }

    FrameRef out;
    EXPECT_FALSE(store.readFrame(0, out));
    EXPECT_FALSE(store.readFrame(count + 1, out));
    EXPECT_NE(store.error().find(std::to_string(count + 1)), std::string::npos) << store.error();
}

TEST(PacketStore, ZeroLengthFramesAndMarks)
{
    PacketStore store(PacketStoreOptions{8 * kMiB});
    std::vector<std::uint8_t> none;
    std::vector<std::uint8_t> bytes;
    fillPayload(bytes, 2, 100);
    ASSERT_TRUE(store.append(frameOver(none)));
    ASSERT_TRUE(store.append(frameOver(bytes)));
    ASSERT_TRUE(store.append(frameOver(none)));
    FrameRef f;
    ASSERT_TRUE(store.readFrame(1, f));
    EXPECT_TRUE(f.data.empty());
    ASSERT_TRUE(store.readFrame(2, f));
    EXPECT_TRUE(payloadIntact(f.data, 2));
    ASSERT_TRUE(store.readFrame(3, f));
    EXPECT_TRUE(f.data.empty());

    store.setMarks(2, PacketMark::Marked);
    EXPECT_EQ(store.record(2).marks, PacketMark::Marked);
    EXPECT_EQ(store.record(1).marks, 0);
}

TEST(PacketStore, EvictsOldestWholeChunksAndNeverExceedsTheBound)
{
    const std::uint64_t bound = 4 * kMiB;
    PacketStore store(PacketStoreOptions{bound, BoundPolicy::EvictOldest});
    ASSERT_LE(store.chunkBytes(), bound / 16);

    std::vector<std::uint8_t> bytes;
    std::set<std::uint64_t> evictionSteps;
    std::uint64_t lastEvicted = 0;
    const std::uint64_t count = 60'000;  // ~45 MB of frames through a 4 MiB bound
    for (std::uint64_t seq = 1; seq <= count; ++seq) {
        fillPayload(bytes, seq, lengthFor(seq));
        ASSERT_TRUE(store.append(frameOver(bytes)));
        ASSERT_LE(store.memoryUsed(), bound);
        if (store.evictedCount() != lastEvicted) {
            evictionSteps.insert(store.evictedCount() - lastEvicted);
            lastEvicted = store.evictedCount();
        }
    }
    EXPECT_EQ(store.evictedCount() + store.size(), count);
    EXPECT_EQ(store.firstNumber(), store.evictedCount() + 1);
    EXPECT_EQ(store.endNumber(), count + 1);
    EXPECT_EQ(store.refusedCount(), 0u);
    EXPECT_FALSE(store.stopped());

    // Whole chunks go at once: a chunk holds hundreds of these frames.
    ASSERT_FALSE(evictionSteps.empty());
    EXPECT_GT(*evictionSteps.begin(), 100u);
    // The bound is used, not just respected: at least the bound minus one chunk and block.
    EXPECT_GT(store.memoryUsed() + store.chunkBytes() + store.recordsPerBlock() * sizeof(PacketRecord), bound);

    FrameRef f;
    EXPECT_FALSE(store.readFrame(1, f)) << "the oldest packet is gone";
    EXPECT_FALSE(store.readFrame(store.firstNumber() - 1, f));
    for (std::uint64_t n = store.firstNumber(); n < store.endNumber(); ++n) {
        ASSERT_TRUE(store.readFrame(n, f)) << n;
        ASSERT_EQ(f.data.size(), lengthFor(n));
        ASSERT_TRUE(payloadIntact(f.data, n)) << n;
    }
}

TEST(PacketStore, StopAtBoundRefusesWithAClearMessage)
{
    const std::uint64_t bound = 1 * kMiB;
    PacketStore store(PacketStoreOptions{bound, BoundPolicy::StopAtBound});
    std::vector<std::uint8_t> bytes;
    std::uint64_t accepted = 0;
    for (std::uint64_t seq = 1; seq <= 10'000; ++seq) {
        fillPayload(bytes, seq, 500);
        if (!store.append(frameOver(bytes))) break;
        ++accepted;
        ASSERT_LE(store.memoryUsed(), bound);
    }
    ASSERT_TRUE(store.stopped());
    EXPECT_GT(accepted, 1000u);
    EXPECT_LT(accepted, 10'000u);
    EXPECT_EQ(store.size(), accepted);
    EXPECT_EQ(store.evictedCount(), 0u);
    EXPECT_EQ(store.refusedCount(), 1u);
    EXPECT_NE(store.stopMessage().find("memory bound of 1.0 MiB"), std::string::npos) << store.stopMessage();
    EXPECT_NE(store.stopMessage().find(std::to_string(accepted) + " packets"), std::string::npos)
        << store.stopMessage();

    fillPayload(bytes, 1, 10);
    EXPECT_FALSE(store.append(frameOver(bytes)));
    EXPECT_EQ(store.refusedCount(), 2u);
    FrameRef f;
    ASSERT_TRUE(store.readFrame(1, f));
    EXPECT_TRUE(payloadIntact(f.data, 1));
    ASSERT_TRUE(store.readFrame(accepted, f));
    EXPECT_TRUE(payloadIntact(f.data, accepted));
}

TEST(PacketStore, FrameLargerThanTheBoundIsRefusedNotFatal)
{
    PacketStore store(PacketStoreOptions{1 * kMiB});
    std::vector<std::uint8_t> huge(2 * kMiB, 0xab);
    EXPECT_FALSE(store.append(frameOver(huge)));
    EXPECT_EQ(store.refusedCount(), 1u);
    std::vector<std::uint8_t> bytes;
    fillPayload(bytes, 1, 64);
    EXPECT_TRUE(store.append(frameOver(bytes)));
    EXPECT_TRUE(payloadIntact(store.frame(1).data, 1));
}

// A stand-in file: frames laid out as [u32 length][bytes], read back by offset.
class FakeFile {
public:
    std::uint64_t add(const std::vector<std::uint8_t>& frame)
    {
        const std::uint64_t offset = m_bytes.size();
        const auto length = static_cast<std::uint32_t>(frame.size());
        m_bytes.resize(offset + 4 + frame.size());
        std::memcpy(m_bytes.data() + offset, &length, 4);
        std::memcpy(m_bytes.data() + offset + 4, frame.data(), frame.size());
        return offset;
    }
    bool readAt(std::uint64_t offset, FrameRef& out)
    {
        ++m_reads;
        if (offset + 4 > m_bytes.size()) return false;
        std::uint32_t length = 0;
        std::memcpy(&length, m_bytes.data() + offset, 4);
        if (offset + 4 + length > m_bytes.size()) return false;
        out.data = ByteSpan(m_bytes.data() + offset + 4, length);
        out.capturedLength = length;
        return true;
    }
    std::size_t size() const { return m_bytes.size(); }
    void truncate(std::size_t size) { m_bytes.resize(size); }
    std::uint64_t reads() const { return m_reads; }

private:
    std::vector<std::uint8_t> m_bytes;
    std::uint64_t m_reads = 0;
};

TEST(PacketStore, FileBackedKeepsOnlyRecordsInMemory)
{
    FakeFile file;
    PacketStore store([&file](std::uint64_t offset, FrameRef& out) { return file.readAt(offset, out); },
                      PacketStoreOptions{64 * kMiB});
    ASSERT_TRUE(store.fileBacked());
    std::vector<std::uint8_t> bytes;
    const std::uint64_t count = 5000;
    for (std::uint64_t seq = 1; seq <= count; ++seq) {
        fillPayload(bytes, seq, lengthFor(seq));
        const std::uint64_t offset = file.add(bytes);
        FrameRef meta = frameOver(bytes, static_cast<std::int64_t>(seq));
        meta.data = {};  // the store must not need the bytes
        ASSERT_TRUE(store.appendAt(offset, meta, PacketTags{ProtocolClass::Icmp, CaptureMode::Off}));
    }
    EXPECT_EQ(store.size(), count);
    EXPECT_EQ(file.reads(), 0u) << "appending reads nothing";
    // Only whole record blocks are counted: far less than the file's bytes.
    const std::uint64_t blocks = (count + store.recordsPerBlock() - 1) / store.recordsPerBlock();
    EXPECT_EQ(store.memoryUsed(), blocks * store.recordsPerBlock() * sizeof(PacketRecord));
    EXPECT_LT(store.memoryUsed(), file.size());

    for (std::uint64_t n : {std::uint64_t{1}, std::uint64_t{777}, count}) {
        FrameRef f;
        ASSERT_TRUE(store.readFrame(n, f)) << store.error();
        EXPECT_EQ(f.ts.sec, static_cast<std::int64_t>(n));
        EXPECT_EQ(store.record(n).protocol, ProtocolClass::Icmp);
        ASSERT_EQ(f.data.size(), lengthFor(n));
        EXPECT_TRUE(payloadIntact(f.data, n));
    }
    EXPECT_EQ(file.reads(), 3u);

    // The file shrank under us (or a read failed): one clear error, the record survives.
    file.truncate(file.size() - 10);
    FrameRef f;
    EXPECT_FALSE(store.readFrame(count, f));
    EXPECT_TRUE(f.data.empty());
    EXPECT_NE(store.error().find("packet " + std::to_string(count)), std::string::npos) << store.error();
    EXPECT_EQ(store.record(count).capturedLength, lengthFor(count));
    EXPECT_TRUE(store.readFrame(1, f));

    EXPECT_FALSE(store.append(frameOver(bytes))) << "a file-backed store takes offsets, not bytes";
    PacketStore arena(PacketStoreOptions{8 * kMiB});
    EXPECT_FALSE(arena.appendAt(0, frameOver(bytes)));
}

TEST(PacketStore, FileBackedEvictsWholeRecordBlocksAtTheBound)
{
    FakeFile file;
    std::vector<std::uint8_t> bytes;
    fillPayload(bytes, 0, 64);
    const std::uint64_t offset = file.add(bytes);
    const std::uint64_t bound = 1 * kMiB;
    PacketStore store([&file](std::uint64_t at, FrameRef& out) { return file.readAt(at, out); },
                      PacketStoreOptions{bound});
    const std::uint64_t count = 200'000;  // 8 MB of records through a 1 MiB bound
    for (std::uint64_t seq = 1; seq <= count; ++seq) {
        FrameRef meta = frameOver(bytes, static_cast<std::int64_t>(seq));
        ASSERT_TRUE(store.appendAt(offset, meta));
        ASSERT_LE(store.memoryUsed(), bound);
    }
    EXPECT_EQ(store.evictedCount() + store.size(), count);
    EXPECT_EQ(store.evictedCount() % store.recordsPerBlock(), 0u) << "whole blocks only";
    EXPECT_GT(store.evictedCount(), 0u);
    EXPECT_EQ(store.record(count).ts().sec, static_cast<std::int64_t>(count));
    EXPECT_EQ(store.record(store.firstNumber()).ts().sec, static_cast<std::int64_t>(store.firstNumber()));
}

// A store that expects millions of packets (a large file) keeps 2^18 records per block: 10 MiB,
// whole huge pages; small bounds still get blocks of at most a 32nd of the bound, and the
// records read back the same across block boundaries.
TEST(PacketStore, LargeRecordBlocksHoldWholeHugePages)
{
    FakeFile file;
    std::vector<std::uint8_t> bytes;
    fillPayload(bytes, 0, 64);
    const std::uint64_t offset = file.add(bytes);
    const auto accessor = [&file](std::uint64_t at, FrameRef& out) { return file.readAt(at, out); };
    PacketStoreOptions large{1024 * kMiB};
    large.largeRecordBlocks = true;
    PacketStore store(accessor, large);
    EXPECT_EQ(store.recordsPerBlock(), 1u << 18);
    EXPECT_EQ(std::uint64_t{store.recordsPerBlock()} * sizeof(PacketRecord), 10 * kMiB);
    const std::uint64_t count = 600'000;  // three blocks, the last one partly filled
    for (std::uint64_t seq = 1; seq <= count; ++seq)
        ASSERT_TRUE(store.appendAt(offset, frameOver(bytes, static_cast<std::int64_t>(seq))));
    EXPECT_EQ(store.memoryUsed(), 3 * 10 * kMiB);
    for (std::uint64_t n : {std::uint64_t{1}, std::uint64_t{262'144}, std::uint64_t{262'145}, count})
        EXPECT_EQ(store.record(n).ts().sec, static_cast<std::int64_t>(n));

    PacketStoreOptions small{64 * kMiB};
    small.largeRecordBlocks = true;
    EXPECT_LE(std::uint64_t{PacketStore(accessor, small).recordsPerBlock()} * sizeof(PacketRecord), 2 * kMiB);
    EXPECT_EQ(PacketStore(accessor, PacketStoreOptions{1024 * kMiB}).recordsPerBlock(), 4096u) << "256 KiB by default";
}

TEST(PacketStore, DefaultBoundIsAQuarterOfPhysicalMemoryAtMostTwoGiB)
{
    const std::uint64_t physical = physicalMemoryBytes();
    ASSERT_GT(physical, 0u);
    EXPECT_EQ(defaultMemoryBound(), std::min<std::uint64_t>(physical / 4, 2048 * kMiB));
    EXPECT_EQ(PacketStoreOptions{}.memoryBound, defaultMemoryBound());
#ifdef __linux__
    // Cross-check the system call against the kernel's own MemTotal.
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    std::uint64_t kib = 0;
    while (meminfo >> key >> kib) {
        if (key == "MemTotal:") break;
        meminfo.ignore(1000, '\n');
    }
    ASSERT_EQ(key, "MemTotal:");
    EXPECT_EQ(physical, kib * 1024);
#endif
}

}  // namespace
}  // namespace rcvmon

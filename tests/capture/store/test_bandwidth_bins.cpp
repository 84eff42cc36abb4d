// SPDX-License-Identifier: GPL-2.0-or-later
#include "store/bandwidth_bins.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <random>
#include <thread>

namespace rcvmon {
namespace {

constexpr std::int64_t kT0 = 1'700'000'000;

struct Expected {
    std::array<TrafficCount, kDirectionSlots> byDirection{};
    std::array<TrafficCount, kProtocolSlots> byProtocol{};
};

void count(Expected& e, Direction d, ProtocolClass c, std::uint32_t bytes)
{
    auto& dir = e.byDirection[static_cast<std::size_t>(d)];
    ++dir.packets;
    dir.bytes += bytes;
    auto& proto = e.byProtocol[static_cast<std::size_t>(c)];
    ++proto.packets;
    proto.bytes += bytes;
}

TEST(BandwidthBins, EmptyBeforeTheFirstFrame)
{
    BandwidthBins bins(60);
    std::int64_t newest = 0;
    EXPECT_FALSE(bins.newestSecond(newest));
    EXPECT_TRUE(bins.snapshot(60).empty());
}

TEST(BandwidthBins, SamplesEqualTheSumsOfWhatWasAdded)
{
    BandwidthBins bins(120);
    std::map<std::int64_t, Expected> expected;
    std::mt19937 random(5);
    const Direction directions[] = {Direction::Incoming, Direction::Outgoing, Direction::OtherHost, Direction::Unknown};
    const ProtocolClass classes[] = {ProtocolClass::Tcp, ProtocolClass::Udp, ProtocolClass::Arp, ProtocolClass::Icmpv6,
                                     ProtocolClass::Other};
    // 100 seconds, slightly out of order inside each second's neighbourhood.
    for (int i = 0; i < 50'000; ++i) {
        const std::int64_t second = kT0 + i / 500 - static_cast<std::int64_t>(random() % 2);
        const Direction d = directions[random() % 4];
        const ProtocolClass c = classes[random() % 5];
        const std::uint32_t bytes = 42 + random() % 1473;
        bins.add(Timestamp{second, static_cast<std::uint32_t>(random() % 1'000'000'000)}, d, c, bytes);
        count(expected[second], d, c, bytes);
    }
    std::int64_t newest = 0;
    ASSERT_TRUE(bins.newestSecond(newest));
    EXPECT_EQ(newest, kT0 + 99);
    EXPECT_EQ(bins.lateFrames(), 0u);

    const auto samples = bins.snapshot(120);
    ASSERT_EQ(samples.size(), 120u);
    EXPECT_EQ(samples.front().second, newest - 119);
    EXPECT_EQ(samples.back().second, newest);
    for (const BandwidthSample& s : samples) {
        const Expected& e = expected[s.second];  // zero for seconds without traffic
        EXPECT_EQ(s.byDirection, e.byDirection) << "second " << s.second;
        EXPECT_EQ(s.byProtocol, e.byProtocol) << "second " << s.second;
    }
    EXPECT_EQ(samples.back().direction(Direction::Outgoing), expected[newest].byDirection[2]);
}

TEST(BandwidthBins, WindowMovesAndOldFramesAreLate)
{
    BandwidthBins bins(10);
    bins.add(Timestamp{kT0, 0}, Direction::Incoming, ProtocolClass::Tcp, 100);
    bins.add(Timestamp{kT0 + 3, 0}, Direction::Incoming, ProtocolClass::Tcp, 200);
    auto samples = bins.snapshot(10);
    ASSERT_EQ(samples.size(), 10u);
    EXPECT_EQ(samples[6].second, kT0);
    EXPECT_EQ(samples[6].total().bytes, 100u);
    EXPECT_EQ(samples[7].total().packets, 0u) << "a gap second is zero";
    EXPECT_EQ(samples[9].total().bytes, 200u);

    // Jump far ahead: everything older leaves the window.
    bins.add(Timestamp{kT0 + 1000, 0}, Direction::Outgoing, ProtocolClass::Udp, 300);
    samples = bins.snapshot(10);
    for (std::size_t i = 0; i + 1 < samples.size(); ++i) EXPECT_EQ(samples[i].total().packets, 0u);
    EXPECT_EQ(samples.back().protocol(ProtocolClass::Udp).bytes, 300u);

    // A frame from before the window is counted as late, not binned.
    bins.add(Timestamp{kT0 + 990, 0}, Direction::Incoming, ProtocolClass::Tcp, 1);
    EXPECT_EQ(bins.lateFrames(), 1u);
    // The oldest second still inside the window is binned.
    bins.add(Timestamp{kT0 + 991, 0}, Direction::Incoming, ProtocolClass::Tcp, 7);
    samples = bins.snapshot(10);
    EXPECT_EQ(samples.front().second, kT0 + 991);
    EXPECT_EQ(samples.front().total().bytes, 7u);
    EXPECT_EQ(bins.lateFrames(), 1u);
}

TEST(BandwidthBins, ASecondThatReusesTheLastBinStartsFromZero)
{
    // kT0 and kT0 + 4 share a bin of a 4-second window: runs of one second, then the other,
    // then a late frame and the first again, must each land in the right place.
    BandwidthBins bins(4);
    for (int i = 0; i < 3; ++i) bins.add(Timestamp{kT0, 0}, Direction::Incoming, ProtocolClass::Tcp, 10);
    for (int i = 0; i < 2; ++i) bins.add(Timestamp{kT0 + 4, 0}, Direction::Incoming, ProtocolClass::Tcp, 20);
    bins.add(Timestamp{kT0, 0}, Direction::Incoming, ProtocolClass::Tcp, 10);  // left the window
    bins.add(Timestamp{kT0 + 4, 0}, Direction::Outgoing, ProtocolClass::Udp, 5);
    const auto samples = bins.snapshot(4);
    ASSERT_EQ(samples.size(), 4u);
    EXPECT_EQ(samples.back().second, kT0 + 4);
    EXPECT_EQ(samples.back().total().packets, 3u);
    EXPECT_EQ(samples.back().total().bytes, 45u);
    EXPECT_EQ(samples.back().protocol(ProtocolClass::Udp).bytes, 5u);
    EXPECT_EQ(bins.lateFrames(), 1u);
    for (std::size_t i = 0; i + 1 < samples.size(); ++i) EXPECT_EQ(samples[i].total().packets, 0u);
}

TEST(BandwidthBins, ClassesPastTheLastSlotCountAsOther)
{
    BandwidthBins bins(4);
    bins.add(Timestamp{kT0, 0}, Direction::Incoming, static_cast<ProtocolClass>(200), 10);
    EXPECT_EQ(bins.snapshot(1).back().protocol(ProtocolClass::Other).bytes, 10u);
}

// One writer, one reader, many seconds: a reader never sees two seconds mixed in a sample.
// Each second s carries (s % 7) + 1 frames of size(s) bytes, so a mixed sample shows up as
// too many packets or bytes that are not a multiple of size(s). Run under TSan as well.
TEST(BandwidthBins, ConcurrentReaderSeesConsistentSeconds)
{
    constexpr std::int64_t kWindow = 8;
    BandwidthBins bins(kWindow);
    auto size = [](std::int64_t s) { return static_cast<std::uint32_t>(64 + (s * 37) % 1400); };
    std::atomic<bool> done{false};
    std::atomic<int> snapshots{0};
    std::int64_t lastWritten = kT0 - 1;
    // The writer runs until the reader has taken enough snapshots and the window has turned
    // over many times. Every fourth second it waits until the reader has looked once more:
    // seconds pass slower than a reader can look, as they do on a real clock, and the two
    // overlap however the threads are scheduled (no sleep to guess how long that takes).
    std::thread writer([&] {
        for (std::int64_t s = kT0; s < kT0 + 8 * kWindow || snapshots.load() < 2000; ++s) {
            for (std::int64_t k = 0; k <= s % 7; ++k) bins.add(Timestamp{s, 0}, Direction::Incoming, ProtocolClass::Udp, size(s));
            lastWritten = s;
            if (s % 4 == 0)
                for (const int seen = snapshots.load(); snapshots.load() == seen;) std::this_thread::yield();
        }
        done = true;
    });
    std::uint64_t bad = 0, seen = 0;
    while (!done.load()) {
        const std::vector<BandwidthSample> samples = bins.snapshot(kWindow);
        if (samples.empty()) continue;  // the writer has not started yet
        for (const BandwidthSample& sample : samples) {
            const TrafficCount t = sample.direction(Direction::Incoming);
            const TrafficCount p = sample.protocol(ProtocolClass::Udp);
            const auto limit = static_cast<std::uint64_t>(sample.second % 7 + 1);
            if (t.packets > limit || t.bytes % size(sample.second) != 0 || t.bytes > limit * size(sample.second) ||
                p.packets > limit || p.bytes % size(sample.second) != 0)
                ++bad;
            seen += t.packets;
        }
        ++snapshots;
    }
    writer.join();
    EXPECT_EQ(bad, 0u);
    // Once the writer is done, the window holds its last kWindow seconds, each complete.
    ASSERT_GE(lastWritten, kT0 + 8 * kWindow - 1);
    const auto last = bins.snapshot(kWindow);
    ASSERT_EQ(last.size(), static_cast<std::size_t>(kWindow));
    EXPECT_EQ(last.back().second, lastWritten);
    for (const BandwidthSample& sample : last)
        EXPECT_EQ(sample.total().packets, static_cast<std::uint64_t>(sample.second % 7 + 1)) << "second " << sample.second;
    EXPECT_GT(seen, 0u);
}

}  // namespace
}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// SourceMerger's per-interface side, over scripted sources: a lost member restarted from a new
// source as the same interface id with its earlier frames kept, a merge that outlives all its
// members when asked to, the mode each interface's frames are tagged with after a switch of
// that interface alone, and each interface's own bandwidth bins.
#include "live/source_merger.h"

#include "../store/fake_source.h"
#include "../store/frame_maker.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>

namespace rcvmon::test {
namespace {

using namespace std::chrono_literals;

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

QueuedFrame frameAt(std::int64_t ns, std::uint64_t seq)
{
    QueuedFrame q;
    fillPayload(q.bytes, seq, 64);
    q.ts = Timestamp{ns / 1'000'000'000, static_cast<std::uint32_t>(ns % 1'000'000'000)};
    return q;
}

class Collect final : public FrameSink {
public:
    void onFrame(const FrameRef& frame) override
    {
        std::uint64_t seq = 0;
        std::memcpy(&seq, frame.data.data(), 8);
        frames.emplace_back(seq, frame.interfaceId);
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>> frames;
};

PollResult pollUntil(SourceMerger& merger, Collect& sink, std::size_t count, std::chrono::seconds limit = 10s)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    PollResult result = PollResult::Frames;
    while (sink.frames.size() < count && std::chrono::steady_clock::now() < deadline) {
        result = merger.poll(sink, 50);
        if (result != PollResult::Frames) break;
    }
    return result;
}

std::unique_ptr<SourceMerger> twoMembers(std::shared_ptr<FakeWire> a, std::shared_ptr<FakeWire> b, bool endWhenAllEnd)
{
    std::vector<SourceMerger::Member> list;
    list.push_back({std::make_unique<FakeSource>("a", CaptureMode::IpLevel, a), 200ms});
    list.push_back({std::make_unique<FakeSource>("host:b", CaptureMode::IpLevel, b), 200ms});
    SourceMerger::Options options;
    options.endWhenAllEnd = endWhenAllEnd;
    std::string error;
    return SourceMerger::create(std::move(list), options, error);
}

TEST(SourceMergerMembers, ALostMemberRestartsAsTheSameInterfaceAndKeepsWhatItDelivered)
{
    auto a = std::make_shared<FakeWire>();
    auto b = std::make_shared<FakeWire>();
    auto merger = twoMembers(a, b, false);
    ASSERT_TRUE(merger);
    const std::int64_t base = nowNs() - 5'000'000'000;
    b->queue(frameAt(base, 1));
    b->fail("the ssh connection for host:b ended");
    Collect sink;
    pollUntil(*merger, sink, 1);
    std::string error;
    // Still running: a is not replaced; an id out of range is refused.
    EXPECT_FALSE(merger->replaceMember(0, std::make_unique<FakeSource>("a", CaptureMode::IpLevel, a), error));
    EXPECT_FALSE(merger->replaceMember(5, std::make_unique<FakeSource>("x", CaptureMode::IpLevel, a), error));
    for (int i = 0; i < 100 && merger->members()[1].state == SourceMerger::MemberState::Running; ++i) merger->poll(sink, 20);
    ASSERT_EQ(merger->members()[1].state, SourceMerger::MemberState::Failed);
    EXPECT_EQ(merger->members()[1].message, "the ssh connection for host:b ended");

    auto again = std::make_shared<FakeWire>();
    ASSERT_TRUE(merger->replaceMember(1, std::make_unique<FakeSource>("host:b", CaptureMode::On, again), error)) << error;
    EXPECT_EQ(merger->members()[1].state, SourceMerger::MemberState::Running);
    EXPECT_EQ(merger->members()[1].mode, CaptureMode::On);
    EXPECT_EQ(merger->interfaceName(1), "host:b");
    // A restarted capture delivers frames stamped after the restart; the merge still orders them.
    const std::int64_t restarted = nowNs();
    again->queue(frameAt(restarted + 10, 2));
    a->queue(frameAt(restarted + 20, 3));
    pollUntil(*merger, sink, 3);
    ASSERT_EQ(sink.frames.size(), 3u);
    EXPECT_EQ(sink.frames[0], std::make_pair(std::uint64_t{1}, 1u));
    EXPECT_EQ(sink.frames[1], std::make_pair(std::uint64_t{2}, 1u));  // the new source, the same interface id
    EXPECT_EQ(sink.frames[2], std::make_pair(std::uint64_t{3}, 0u));
    const auto notices = merger->notices();
    ASSERT_EQ(notices.size(), 2u);
    EXPECT_EQ(notices[1], "host:b captures again");
}

TEST(SourceMergerMembers, AMergeThatOutlivesItsMembersGoesOnUntilFinished)
{
    auto a = std::make_shared<FakeWire>();
    auto b = std::make_shared<FakeWire>();
    auto merger = twoMembers(a, b, false);
    ASSERT_TRUE(merger);
    a->fail("a ended");
    b->fail("b ended");
    Collect sink;
    // Every member is gone, yet the capture is not over: one may be restarted.
    EXPECT_EQ(pollUntil(*merger, sink, 1, 2s), PollResult::Frames);
    merger->finishMembers();
    EXPECT_EQ(pollUntil(*merger, sink, 1, 5s), PollResult::End);
}

TEST(SourceMergerMembers, FramesCarryTheirOwnInterfacesModeAndBandwidth)
{
    auto a = std::make_shared<FakeWire>();
    auto b = std::make_shared<FakeWire>();
    auto merger = twoMembers(a, b, true);
    ASSERT_TRUE(merger);
    const std::int64_t before = nowNs() - 1'000'000'000;
    std::string error;
    ASSERT_TRUE(merger->setMemberMode(1, CaptureMode::On, error)) << error;
    const std::int64_t after = nowNs() + 1'000'000;
    const auto at = [](std::int64_t ns) { return Timestamp{ns / 1'000'000'000, static_cast<std::uint32_t>(ns % 1'000'000'000)}; };
    // b's frames stamped before its switch keep IpLevel, later ones are On; a is untouched.
    EXPECT_EQ(merger->interfaceModeAt(1, at(before)), CaptureMode::IpLevel);
    EXPECT_EQ(merger->interfaceModeAt(1, at(after)), CaptureMode::On);
    EXPECT_EQ(merger->interfaceModeAt(0, at(after)), CaptureMode::IpLevel);
    EXPECT_EQ(merger->interfaceModeAt(7, at(after)), std::nullopt);
    // A switch of the whole capture goes through Off: the mode before the Off is kept.
    ASSERT_TRUE(merger->setMode(CaptureMode::Off, error));
    ASSERT_TRUE(merger->setMode(CaptureMode::IpLevel, error));
    EXPECT_EQ(merger->interfaceModeAt(1, at(nowNs() - 1'000'000)), CaptureMode::On);

    const std::int64_t base = (nowNs() / 1'000'000'000 - 3) * 1'000'000'000;
    for (std::uint64_t i = 0; i < 4; ++i) a->queue(frameAt(base + std::int64_t(i), i));
    b->queue(frameAt(base + 10, 9));
    Collect sink;
    pollUntil(*merger, sink, 5);
    ASSERT_EQ(sink.frames.size(), 5u);
    std::int64_t newest = 0;
    ASSERT_TRUE(merger->memberBandwidth(0)->newestSecond(newest));
    EXPECT_EQ(newest, base / 1'000'000'000);
    EXPECT_EQ(merger->memberBandwidth(0)->snapshot(1).back().total().packets, 4u);
    EXPECT_EQ(merger->memberBandwidth(1)->snapshot(1).back().total().packets, 1u);
    EXPECT_EQ(merger->memberBandwidth(2), nullptr);
}

}  // namespace
}  // namespace rcvmon::test

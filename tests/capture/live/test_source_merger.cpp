// SPDX-License-Identifier: GPL-2.0-or-later
// SourceMerger over scripted sources: frames of several members come out in time-stamp
// order with their member's interface id, also when one member delivers late; one member
// failing leaves the others running; a mode switch touches only its member.
#include "live/source_merger.h"
#include "store/capture_session.h"

#include "../store/fake_source.h"
#include "../store/frame_maker.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <thread>

namespace rcvmon::test {
namespace {

using namespace std::chrono_literals;

Timestamp fromNanoseconds(std::int64_t ns)
{
    return Timestamp{ns / 1'000'000'000, static_cast<std::uint32_t>(ns % 1'000'000'000)};
}

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

QueuedFrame frameAt(std::int64_t ns, std::uint64_t seq)
{
    QueuedFrame q;
    fillPayload(q.bytes, seq, 64);
    q.ts = fromNanoseconds(ns);
    return q;
}

struct Got {
    std::uint64_t seq;
    std::uint32_t interfaceId;
    std::int64_t ns;
};

class Collect final : public FrameSink {
public:
    void onFrame(const FrameRef& frame) override
    {
        std::uint64_t seq = 0;
        std::memcpy(&seq, frame.data.data(), 8);
        frames.push_back({seq, frame.interfaceId, frame.ts.totalNanoseconds()});
    }
    std::vector<Got> frames;
};

// Polls until `count` frames came or End; bounded.
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

std::vector<SourceMerger::Member> members(std::shared_ptr<FakeWire> a, std::shared_ptr<FakeWire> b)
{
    std::vector<SourceMerger::Member> list;
    list.push_back({std::make_unique<FakeSource>("a", CaptureMode::On, a), 200ms});
    list.push_back({std::make_unique<FakeSource>("b", CaptureMode::IpLevel, b), 200ms});
    return list;
}

TEST(SourceMerger, InterleavesMembersByTimeStampWithTheirInterfaceIds)
{
    auto a = std::make_shared<FakeWire>();
    auto b = std::make_shared<FakeWire>();
    const std::int64_t base = nowNs() - 5'000'000'000;  // long past every watermark
    for (std::uint64_t i = 0; i < 100; i += 2) a->queue(frameAt(base + std::int64_t(i) * 1000, i));
    for (std::uint64_t i = 1; i < 100; i += 2) b->queue(frameAt(base + std::int64_t(i) * 1000, i));
    std::string error;
    auto merger = SourceMerger::create(members(a, b), error);
    ASSERT_TRUE(merger) << error;
    EXPECT_EQ(merger->interfaceCount(), 2u);
    EXPECT_EQ(merger->interfaceName(1), "b");
    Collect sink;
    pollUntil(*merger, sink, 100);
    ASSERT_EQ(sink.frames.size(), 100u);
    for (std::uint64_t i = 0; i < 100; ++i) {
        EXPECT_EQ(sink.frames[i].seq, i);
        EXPECT_EQ(sink.frames[i].interfaceId, i % 2) << i;
    }
}

// b's frames reach the merger 80 ms after a's, within b's delivery lag: a's later frames
// wait for them instead of going out first.
TEST(SourceMerger, HoldsFramesBackForAMemberThatDeliversLate)
{
    auto a = std::make_shared<FakeWire>();
    auto b = std::make_shared<FakeWire>();
    b->hold(true);
    std::string error;
    auto merger = SourceMerger::create(members(a, b), error);
    ASSERT_TRUE(merger) << error;
    ASSERT_TRUE(b->waitUntilPolling());
    const std::int64_t base = nowNs();
    for (std::uint64_t i = 1; i < 20; i += 2) b->queue(frameAt(base + std::int64_t(i) * 1'000'000, i));
    for (std::uint64_t i = 0; i < 20; i += 2) a->queue(frameAt(base + std::int64_t(i) * 1'000'000, i));
    std::thread release([&] {
        std::this_thread::sleep_for(80ms);
        b->hold(false);
    });
    Collect sink;
    pollUntil(*merger, sink, 20);
    release.join();
    ASSERT_EQ(sink.frames.size(), 20u);
    for (std::uint64_t i = 0; i < 20; ++i) EXPECT_EQ(sink.frames[i].seq, i) << "position " << i;
}

TEST(SourceMerger, AFailedMemberIsReportedAndTheOthersGoOn)
{
    auto a = std::make_shared<FakeWire>();
    auto b = std::make_shared<FakeWire>();
    std::string error;
    auto merger = SourceMerger::create(members(a, b), error);
    ASSERT_TRUE(merger) << error;
    const std::int64_t base = nowNs() - 5'000'000'000;
    b->queue(frameAt(base, 0));
    b->fail("the ssh connection for host:eth0 ended");
    Collect sink;
    pollUntil(*merger, sink, 1);
    // a goes on after b is gone, and b's frame is kept.
    for (std::uint64_t i = 1; i <= 5; ++i) a->queue(frameAt(base + std::int64_t(i), i));
    pollUntil(*merger, sink, 6);
    ASSERT_EQ(sink.frames.size(), 6u);
    EXPECT_EQ(sink.frames[0].interfaceId, 1u);
    const auto status = merger->members();
    EXPECT_EQ(status[1].state, SourceMerger::MemberState::Failed);
    EXPECT_EQ(status[0].state, SourceMerger::MemberState::Running);
    ASSERT_EQ(merger->notices().size(), 1u);
    EXPECT_EQ(merger->notices()[0], "the ssh connection for host:eth0 ended");
    a->end();
    EXPECT_EQ(pollUntil(*merger, sink, 100, 5s), PollResult::End);
}

TEST(SourceMerger, SwitchingOneMemberLeavesTheOtherAlone)
{
    auto a = std::make_shared<FakeWire>();
    auto b = std::make_shared<FakeWire>();
    std::string error;
    auto merger = SourceMerger::create(members(a, b), error);
    ASSERT_TRUE(merger) << error;
    ASSERT_TRUE(merger->setMemberMode(1, CaptureMode::On, error)) << error;
    EXPECT_EQ(b->calls(), (std::vector<std::string>{"b:off", "b:on"}));  // Off first (seed)
    EXPECT_TRUE(a->calls().empty());
    EXPECT_EQ(merger->members()[1].mode, CaptureMode::On);
    EXPECT_EQ(merger->members()[0].mode, CaptureMode::On);
    EXPECT_FALSE(merger->setMemberMode(2, CaptureMode::On, error));
}

// In a session the merged interfaces keep their names, and finishing lets held frames out.
TEST(SourceMerger, ASessionNamesEveryInterfaceAndFinishingKeepsHeldFrames)
{
    auto a = std::make_shared<FakeWire>();
    auto b = std::make_shared<FakeWire>();
    std::string error;
    SourceMerger::Options options;
    options.maxHold = 600s;  // only finishing can let the frame out within the test
    auto merger = SourceMerger::create(members(a, b), options, error);
    ASSERT_TRUE(merger) << error;
    SourceMerger* raw = merger.get();
    CaptureSession session(std::move(merger));
    EXPECT_EQ(session.interfaces(), (std::vector<std::string>{"a", "b"}));
    ASSERT_TRUE(session.start());
    // Stamped in the future: held for ordering until the capture finishes.
    a->queue(frameAt(nowNs() + 60'000'000'000, 7));
    ASSERT_TRUE(a->waitUntilPolling());
    raw->finishMembers();
    std::vector<std::uint64_t> got;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (got.empty() && std::chrono::steady_clock::now() < deadline) {
        session.waitForFrames(50ms);
        session.drain([&](const FrameRef& f, const PacketTags&) {
            std::uint64_t seq = 0;
            std::memcpy(&seq, f.data.data(), 8);
            got.push_back(seq);
        }, 10);
    }
    EXPECT_EQ(got, std::vector<std::uint64_t>{7});
    session.stop();
}

}  // namespace
}  // namespace rcvmon::test

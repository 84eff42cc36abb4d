// SPDX-License-Identifier: GPL-2.0-or-later
// The capture thread with a scripted source: frames flow, stop is prompt, switches are Off
// then On and recorded, errors keep what was captured, bandwidth bins add up. Run under
// ThreadSanitizer as well (ctest label "tsan").
#include "store/capture_session.h"

#include "fake_source.h"
#include "store/packet_store.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <functional>
#include <map>
#include <thread>

namespace rcvmon {
namespace {

using namespace std::chrono_literals;
using test::FakeSource;
using test::FakeWire;
using test::QueuedFrame;
using Clock = std::chrono::steady_clock;

constexpr std::int64_t kT0 = 1'700'000'000;

bool waitUntil(const std::function<bool()>& done, std::chrono::milliseconds limit = 10s)
{
    const auto deadline = Clock::now() + limit;
    while (!done()) {
        if (Clock::now() > deadline) return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

// Real headers, so the capture thread's classifier has something to classify; the last
// 8 bytes carry the sequence number.
enum class Kind { Ipv4Tcp, Ipv4Udp, Ipv6Icmpv6, Arp, Ipv6Tcp, Count };

ProtocolClass classOf(Kind kind)
{
    switch (kind) {
    case Kind::Ipv4Tcp: return ProtocolClass::Tcp;
    case Kind::Ipv4Udp: return ProtocolClass::Udp;
    case Kind::Ipv6Icmpv6: return ProtocolClass::Icmpv6;
    case Kind::Arp: return ProtocolClass::Arp;
    case Kind::Ipv6Tcp: return ProtocolClass::Tcp;
    default: return ProtocolClass::Other;
    }
}

Kind kindOf(std::uint64_t seq)
{
    return static_cast<Kind>(seq % static_cast<std::uint64_t>(Kind::Count));
}

std::vector<std::uint8_t> makeFrame(std::uint64_t seq)
{
    std::vector<std::uint8_t> f = {0x02, 0, 0, 0, 0, 1, 0x02, 0, 0, 0, 0, 2};
    auto put16 = [&f](std::uint16_t v) {
        f.push_back(static_cast<std::uint8_t>(v >> 8));
        f.push_back(static_cast<std::uint8_t>(v));
    };
    const Kind kind = kindOf(seq);
    const std::size_t payload = 8 + seq % 40;
    switch (kind) {
    case Kind::Ipv4Tcp:
    case Kind::Ipv4Udp: {
        put16(0x0800);
        const std::uint8_t proto = kind == Kind::Ipv4Tcp ? 6 : 17;
        const std::size_t l4 = kind == Kind::Ipv4Tcp ? 20 : 8;
        put16(0x4500);
        put16(static_cast<std::uint16_t>(20 + l4 + payload));
        f.insert(f.end(), {0, 1, 0, 0, 64, proto, 0, 0, 198, 18, 0, 1, 198, 18, 0, 2});
        f.resize(f.size() + l4, 0);
        break;
    }
    case Kind::Ipv6Icmpv6:
    case Kind::Ipv6Tcp: {
        put16(0x86dd);
        const std::uint8_t next = kind == Kind::Ipv6Tcp ? 6 : 58;
        const std::size_t l4 = kind == Kind::Ipv6Tcp ? 20 : 8;
        f.insert(f.end(), {0x60, 0, 0, 0});
        put16(static_cast<std::uint16_t>(l4 + payload));
        f.push_back(next);
        f.push_back(64);
        f.resize(f.size() + 32, 0x20);
        f.resize(f.size() + l4, 0);
        break;
    }
    case Kind::Arp:
        put16(0x0806);
        f.insert(f.end(), {0, 1, 8, 0, 6, 4, 0, 1});
        f.resize(f.size() + 20, 0);
        break;
    default:
        break;
    }
    f.resize(f.size() + payload - 8, static_cast<std::uint8_t>(seq));
    const std::size_t at = f.size();
    f.resize(at + 8);
    std::memcpy(f.data() + at, &seq, 8);
    return f;
}

std::uint64_t seqOf(ByteSpan data)
{
    std::uint64_t seq = 0;
    if (data.size() >= 8) std::memcpy(&seq, data.data() + data.size() - 8, 8);
    return seq;
}

QueuedFrame queued(std::uint64_t seq)
{
    QueuedFrame q;
    q.bytes = makeFrame(seq);
    q.ts = Timestamp{kT0 + static_cast<std::int64_t>(seq / 100), static_cast<std::uint32_t>(seq)};
    q.direction = seq % 3 == 0 ? Direction::Outgoing : Direction::Incoming;
    q.originalLength = static_cast<std::uint32_t>(q.bytes.size() + seq % 4);
    return q;
}

void queueRange(FakeWire& wire, std::uint64_t from, std::uint64_t to)
{
    for (std::uint64_t seq = from; seq < to; ++seq) wire.queue(queued(seq));
}

// Drains into the store until it holds `count` packets (or time runs out).
bool drainUntil(CaptureSession& session, PacketStore& store, std::size_t count)
{
    return waitUntil([&] {
        session.drainInto(store, 512);
        return store.size() >= count;
    });
}

// Every packet in the store is frame seq (first + i), intact, with the right class.
void expectSequence(const PacketStore& store, std::uint64_t firstSeq, std::uint64_t count)
{
    ASSERT_EQ(store.size(), count);
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::uint64_t seq = firstSeq + i;
        const FrameRef f = store.frame(store.firstNumber() + i);
        const std::vector<std::uint8_t> want = makeFrame(seq);
        ASSERT_EQ(seqOf(f.data), seq) << "packet " << i;
        ASSERT_TRUE(std::equal(want.begin(), want.end(), f.data.begin(), f.data.end())) << "packet " << i;
        ASSERT_EQ(store.record(store.firstNumber() + i).protocol, classOf(kindOf(seq))) << "packet " << i;
    }
}

struct Rig {
    std::shared_ptr<FakeWire> wire = std::make_shared<FakeWire>();
    FakeSource* source = nullptr;  // owned by the session
    std::unique_ptr<CaptureSession> session;

    explicit Rig(CaptureMode mode = CaptureMode::On, CaptureSessionOptions options = {})
    {
        auto fake = std::make_unique<FakeSource>("eth0", mode, wire);
        source = fake.get();
        session = std::make_unique<CaptureSession>(std::move(fake), options);
    }
};

TEST(CaptureSession, FramesFlowIntoTheStoreInOrder)
{
    Rig rig;
    PacketStore store(PacketStoreOptions{64u << 20});
    queueRange(*rig.wire, 0, 3000);
    ASSERT_TRUE(rig.session->start());
    EXPECT_FALSE(rig.session->start()) << "one thread per session";
    ASSERT_TRUE(drainUntil(*rig.session, store, 3000));
    rig.session->stop();
    EXPECT_EQ(rig.session->state(), SessionState::Stopped);

    expectSequence(store, 0, 3000);
    const PacketRecord& r = store.record(4);  // seq 3
    EXPECT_EQ(r.direction, Direction::Outgoing);
    EXPECT_EQ(r.mode, CaptureMode::On);
    EXPECT_EQ(r.originalLength, r.capturedLength + 3);
    EXPECT_EQ(r.interfaceId, 0u);
    EXPECT_EQ(r.ts(), (Timestamp{kT0, 3}));

    const SessionCounters c = rig.session->counters();
    EXPECT_EQ(c.received, 3000u);
    EXPECT_EQ(c.droppedRing, 0u);
    EXPECT_EQ(c.evicted, 0u);
    EXPECT_TRUE(rig.session->error().empty());
    EXPECT_EQ(rig.session->interfaces(), std::vector<std::string>{"eth0"});
}

TEST(CaptureSession, StopReturnsPromptlyWhilePollIsWaiting)
{
    CaptureSessionOptions options;
    options.pollTimeoutMs = 60'000;  // only a wake-up can end this poll in time
    Rig rig(CaptureMode::On, options);
    ASSERT_TRUE(rig.session->start());
    ASSERT_TRUE(rig.wire->waitUntilPolling());  // the thread waits in poll()
    const auto before = Clock::now();
    rig.session->stop();
    const auto took = Clock::now() - before;
    EXPECT_LT(took, 100ms);
    EXPECT_EQ(rig.session->state(), SessionState::Stopped);
}

TEST(CaptureSession, WaitForFramesWakesWhenFramesArriveAndWhenTheCaptureEnds)
{
    Rig rig;
    ASSERT_TRUE(rig.session->start());
    ASSERT_TRUE(rig.wire->waitUntilPolling());  // the thread waits in poll(); the ring is empty

    // Nothing arrives: the wait lasts its timeout.
    auto before = Clock::now();
    rig.session->waitForFrames(50ms);
    EXPECT_GE(Clock::now() - before, 45ms);

    // A frame arriving during a long wait ends it at once, with the frame in the ring.
    std::thread sender([&] {
        std::this_thread::sleep_for(30ms);
        queueRange(*rig.wire, 0, 1);
    });
    before = Clock::now();
    rig.session->waitForFrames(10s);
    const auto waited = Clock::now() - before;
    sender.join();
    EXPECT_LT(waited, 2s);
    std::size_t drained = rig.session->drain([](const FrameRef&, const PacketTags&) {}, 10);
    EXPECT_EQ(drained, 1u);

    // The capture ending wakes a waiting consumer too.
    std::thread stopper([&] {
        std::this_thread::sleep_for(30ms);
        rig.wire->end();
    });
    before = Clock::now();
    rig.session->waitForFrames(10s);
    EXPECT_LT(Clock::now() - before, 2s);
    stopper.join();
    rig.session->stop();
}

TEST(CaptureSession, ModeSwitchIsOffThenNewModeAndIsRecorded)
{
    CaptureSessionOptions options;
    options.pollTimeoutMs = 60'000;  // the switch must wake the poll, not wait it out
    Rig rig(CaptureMode::On, options);
    PacketStore store(PacketStoreOptions{64u << 20});
    queueRange(*rig.wire, 0, 500);
    ASSERT_TRUE(rig.session->start());
    ASSERT_TRUE(drainUntil(*rig.session, store, 500));

    ASSERT_TRUE(rig.session->requestMode(CaptureMode::IpLevel));
    ASSERT_TRUE(waitUntil([&] { return rig.session->eventCount() == 1; }, 2s));
    EXPECT_EQ(rig.session->mode(), CaptureMode::IpLevel);
    queueRange(*rig.wire, 500, 1000);
    ASSERT_TRUE(drainUntil(*rig.session, store, 1000));
    rig.session->stop();

    // Off then IpLevel for the switch; Off again when the capture stops.
    EXPECT_EQ(rig.wire->calls(), (std::vector<std::string>{"eth0:off", "eth0:iplevel", "eth0:off"}));
    EXPECT_EQ(rig.session->mode(), CaptureMode::Off);
    const std::vector<CaptureEvent> events = rig.session->events();
    ASSERT_EQ(events.size(), 1u);
    const CaptureEvent& e = events[0];
    EXPECT_TRUE(e.ok) << e.message;
    EXPECT_EQ(e.interfaceName, "eth0");
    EXPECT_EQ(e.newInterface, "eth0");
    EXPECT_EQ(e.oldMode, CaptureMode::On);
    EXPECT_EQ(e.newMode, CaptureMode::IpLevel);
    EXPECT_EQ(e.framesBefore, 500u);
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
    EXPECT_NEAR(static_cast<double>(e.time.sec), static_cast<double>(now), 60.0) << "wall-clock time of the switch";

    // Packets before and after are all there, tagged with the mode they were caught in.
    expectSequence(store, 0, 1000);
    EXPECT_EQ(store.record(500).mode, CaptureMode::On);
    EXPECT_EQ(store.record(501).mode, CaptureMode::IpLevel);
    EXPECT_EQ(store.record(1000).mode, CaptureMode::IpLevel);
}

TEST(CaptureSession, SourceSwitchTurnsTheOldOffThenTheNewOn)
{
    Rig rig(CaptureMode::On);
    PacketStore store(PacketStoreOptions{64u << 20});
    queueRange(*rig.wire, 0, 200);
    ASSERT_TRUE(rig.session->start());
    ASSERT_TRUE(drainUntil(*rig.session, store, 200));

    auto wire1 = std::make_shared<FakeWire>();
    auto next = std::make_unique<FakeSource>("eth1", CaptureMode::Off, wire1);
    ASSERT_TRUE(rig.session->requestSource(std::move(next)));
    ASSERT_TRUE(waitUntil([&] { return rig.session->eventCount() == 1; }, 2s));
    queueRange(*wire1, 200, 400);
    ASSERT_TRUE(drainUntil(*rig.session, store, 400));
    rig.session->stop();

    EXPECT_EQ(rig.wire->calls(), (std::vector<std::string>{"eth0:off", "eth0:closed"}));
    EXPECT_EQ(wire1->calls(), (std::vector<std::string>{"eth1:on", "eth1:off"}));
    const CaptureEvent e = rig.session->events().at(0);
    EXPECT_TRUE(e.ok);
    EXPECT_EQ(e.interfaceName, "eth0");
    EXPECT_EQ(e.newInterface, "eth1");
    EXPECT_EQ(e.oldMode, CaptureMode::On);
    EXPECT_EQ(e.newMode, CaptureMode::On);
    EXPECT_EQ(e.framesBefore, 200u);
    EXPECT_EQ(rig.session->interfaces(), (std::vector<std::string>{"eth0", "eth1"}));

    expectSequence(store, 0, 400);
    EXPECT_EQ(store.record(200).interfaceId, 0u);
    EXPECT_EQ(store.record(201).interfaceId, 1u);
    rig.session.reset();
    EXPECT_EQ(wire1->calls(), (std::vector<std::string>{"eth1:on", "eth1:off", "eth1:closed"}));
}

Timestamp wallNow()
{
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::system_clock::now().time_since_epoch()).count();
    return Timestamp{ns / 1'000'000'000, static_cast<std::uint32_t>(ns % 1'000'000'000)};
}

// Frames caught before a switch but handed over after it keep the mode they were caught in.
TEST(CaptureSession, ModeTagFollowsCaptureTimeNotDeliveryTime)
{
    Rig rig(CaptureMode::On);
    PacketStore store(PacketStoreOptions{64u << 20});
    rig.wire->hold(true);
    ASSERT_TRUE(rig.session->start());
    for (std::uint64_t seq = 0; seq < 50; ++seq) {
        QueuedFrame q = queued(seq);
        q.ts = wallNow();
        rig.wire->queue(q);
    }
    std::this_thread::sleep_for(5ms);
    ASSERT_TRUE(rig.session->requestMode(CaptureMode::IpLevel));
    ASSERT_TRUE(waitUntil([&] { return rig.session->eventCount() == 1; }, 2s));
    rig.wire->hold(false);
    ASSERT_TRUE(drainUntil(*rig.session, store, 50));
    for (std::uint64_t seq = 50; seq < 100; ++seq) {
        QueuedFrame q = queued(seq);
        q.ts = wallNow();
        rig.wire->queue(q);
    }
    ASSERT_TRUE(drainUntil(*rig.session, store, 100));
    rig.session->stop();
    expectSequence(store, 0, 100);
    for (std::uint64_t n = 1; n <= 50; ++n) ASSERT_EQ(store.record(n).mode, CaptureMode::On) << n;
    for (std::uint64_t n = 51; n <= 100; ++n) ASSERT_EQ(store.record(n).mode, CaptureMode::IpLevel) << n;
}

// An interface switch collects what the old source still holds before it is closed.
TEST(CaptureSession, SourceSwitchCollectsWhatTheOldSourceStillHolds)
{
    Rig rig(CaptureMode::On);
    PacketStore store(PacketStoreOptions{64u << 20});
    rig.wire->hold(true);
    ASSERT_TRUE(rig.session->start());
    queueRange(*rig.wire, 0, 30);
    auto wire1 = std::make_shared<FakeWire>();
    ASSERT_TRUE(rig.session->requestSource(std::make_unique<FakeSource>("eth1", CaptureMode::Off, wire1),
                                           CaptureMode::IpLevel));
    ASSERT_TRUE(waitUntil([&] { return rig.session->eventCount() == 1; }, 2s));
    queueRange(*wire1, 30, 60);
    ASSERT_TRUE(drainUntil(*rig.session, store, 60));
    rig.session->stop();
    expectSequence(store, 0, 60);
    EXPECT_EQ(store.record(30).interfaceId, 0u);
    EXPECT_EQ(store.record(30).mode, CaptureMode::On);
    EXPECT_EQ(store.record(31).interfaceId, 1u);
    EXPECT_EQ(store.record(31).mode, CaptureMode::IpLevel);
    EXPECT_EQ(rig.session->events().at(0).framesBefore, 0u) << "counted before the old source was emptied";
    EXPECT_EQ(wire1->calls(), (std::vector<std::string>{"eth1:iplevel", "eth1:off"}));
}

TEST(CaptureSession, RequestsBeforeStartApplyAtStart)
{
    Rig rig(CaptureMode::On);
    ASSERT_TRUE(rig.session->requestMode(CaptureMode::IpLevel));
    ASSERT_TRUE(rig.session->start());
    ASSERT_TRUE(waitUntil([&] { return rig.session->eventCount() == 1; }, 2s));
    rig.session->stop();
    EXPECT_EQ(rig.wire->calls(), (std::vector<std::string>{"eth0:off", "eth0:iplevel", "eth0:off"}));
    EXPECT_FALSE(rig.session->requestMode(CaptureMode::On)) << "a stopped capture takes no more switches";
}

TEST(CaptureSession, SourceErrorKeepsWhatWasCapturedAndSaysWhy)
{
    Rig rig;
    PacketStore store(PacketStoreOptions{64u << 20});
    queueRange(*rig.wire, 0, 300);
    rig.wire->fail("interface eth0 went away (ENETDOWN)");
    ASSERT_TRUE(rig.session->start());
    ASSERT_TRUE(waitUntil([&] { return rig.session->state() == SessionState::Failed; }));
    EXPECT_EQ(rig.session->error(), "interface eth0 went away (ENETDOWN)");
    ASSERT_TRUE(drainUntil(*rig.session, store, 300));
    expectSequence(store, 0, 300);
    rig.session->stop();  // harmless after the thread ended
    EXPECT_EQ(rig.session->state(), SessionState::Failed);
}

TEST(CaptureSession, FailedModeSwitchEndsTheCaptureWithAMessage)
{
    Rig rig(CaptureMode::IpLevel);
    rig.source->refuseMode(CaptureMode::On);
    PacketStore store(PacketStoreOptions{64u << 20});
    queueRange(*rig.wire, 0, 100);
    ASSERT_TRUE(rig.session->start());
    ASSERT_TRUE(drainUntil(*rig.session, store, 100));
    ASSERT_TRUE(rig.session->requestMode(CaptureMode::On));
    ASSERT_TRUE(waitUntil([&] { return rig.session->state() == SessionState::Failed; }));
    // Off, the refused On; the source is already Off so nothing more.
    EXPECT_EQ(rig.wire->calls(), (std::vector<std::string>{"eth0:off", "eth0:on"}));
    const CaptureEvent e = rig.session->events().at(0);
    EXPECT_FALSE(e.ok);
    EXPECT_NE(rig.session->error().find("CAP_NET_ADMIN"), std::string::npos) << rig.session->error();
    EXPECT_NE(rig.session->error().find("from iplevel to on"), std::string::npos) << rig.session->error();
    rig.session->drainInto(store, 1000);
    expectSequence(store, 0, 100);
}

TEST(CaptureSession, EndOfSourceLeavesEverythingDrainable)
{
    Rig rig;
    queueRange(*rig.wire, 0, 1000);
    rig.wire->end();
    ASSERT_TRUE(rig.session->start());
    ASSERT_TRUE(waitUntil([&] { return rig.session->state() == SessionState::Ended; }));
    PacketStore store(PacketStoreOptions{64u << 20});
    rig.session->drainInto(store, 100'000);
    expectSequence(store, 0, 1000);
}

TEST(CaptureSession, BandwidthBinsEqualTheSumsOfWhatWasSent)
{
    Rig rig;
    std::map<std::int64_t, BandwidthSample> expected;
    for (std::uint64_t seq = 0; seq < 2000; ++seq) {
        const QueuedFrame q = queued(seq);
        BandwidthSample& s = expected[q.ts.sec];
        auto& d = s.byDirection[static_cast<std::size_t>(q.direction)];
        auto& p = s.byProtocol[static_cast<std::size_t>(classOf(kindOf(seq)))];
        ++d.packets;
        d.bytes += q.originalLength;
        ++p.packets;
        p.bytes += q.originalLength;
        rig.wire->queue(q);
    }
    ASSERT_TRUE(rig.session->start());
    ASSERT_TRUE(waitUntil([&] { return rig.session->counters().received == 2000; }));
    rig.session->stop();

    const auto samples = rig.session->bandwidth().snapshot(20);
    ASSERT_EQ(samples.size(), 20u);
    EXPECT_EQ(samples.back().second, kT0 + 19);
    for (const BandwidthSample& s : samples) {
        const BandwidthSample& want = expected[s.second];
        EXPECT_EQ(s.byDirection, want.byDirection) << s.second;
        EXPECT_EQ(s.byProtocol, want.byProtocol) << s.second;
    }
    EXPECT_GT(samples.back().protocol(ProtocolClass::Arp).packets, 0u);
    EXPECT_GT(samples.back().direction(Direction::Outgoing).bytes, 0u);
}

TEST(CaptureSession, RingOverflowAndKernelDropsAreCountedExactly)
{
    CaptureSessionOptions options;
    options.ringBytes = 4096;  // holds a few dozen small frames; takes none over 2 KiB
    Rig rig(CaptureMode::On, options);
    rig.wire->kernelDrops = 17;
    queueRange(*rig.wire, 0, 1000);
    QueuedFrame jumbo = queued(1000);
    jumbo.bytes.resize(3000);
    rig.wire->queue(jumbo);
    ASSERT_TRUE(rig.session->start());
    ASSERT_TRUE(waitUntil([&] { return rig.session->counters().received == 1001; }));
    rig.session->stop();

    std::uint64_t drained = 0;
    std::uint64_t last = 0;
    bool ordered = true;
    rig.session->drain(
        [&](const FrameRef& f, const PacketTags&) {
            if (drained && seqOf(f.data) <= last) ordered = false;
            last = seqOf(f.data);
            ++drained;
        },
        SIZE_MAX);
    const SessionCounters c = rig.session->counters();
    EXPECT_EQ(c.received, 1001u);
    EXPECT_EQ(c.droppedRing + drained, 1001u);
    EXPECT_GT(c.droppedRing, 900u);
    EXPECT_EQ(c.oversized, 1u);
    EXPECT_EQ(c.droppedKernel, 17u);
    EXPECT_TRUE(ordered);
}

TEST(CaptureSession, StoreStoppingAtItsBoundStopsTheCapture)
{
    Rig rig;
    PacketStore store(PacketStoreOptions{1u << 20, BoundPolicy::StopAtBound});
    ASSERT_TRUE(rig.session->start());
    std::uint64_t seq = 0;
    ASSERT_TRUE(waitUntil([&] {
        if (seq < 200'000) queueRange(*rig.wire, seq, seq + 500), seq += 500;
        rig.session->drainInto(store, 1000);
        return rig.session->state() == SessionState::Stopped;
    }));
    EXPECT_TRUE(store.stopped());
    EXPECT_EQ(rig.session->error(), store.stopMessage());
    expectSequence(store, 0, store.size());
}

}  // namespace
}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// AfPacketSource against real traffic: a veth pair between two namespaces the test creates,
// hand-built frames sent from B, the capture in A.
#include "live/linux/af_packet_source.h"

#include "capture_runner.h"
#include "live_fixture.h"

#include <gtest/gtest.h>

#include <set>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace rcvmon::test {
namespace {

using namespace std::chrono_literals;

struct NullSink : FrameSink {
    void onFrame(const FrameRef&) override {}
};

class AfPacketSourceTest : public LiveFixture {
protected:
    // n frames of each of the four destinations, interleaved and paced, then a sentinel.
    void sendFourKinds(FrameSender& sender, int n, std::uint32_t sentinel)
    {
        for (int i = 0; i < n; ++i) {
            const auto seq = static_cast<std::uint32_t>(i);
            ASSERT_TRUE(sender.send(udpFrame(ForeignMac, m_macB, "198.18.0.99", 9, {Kind::ForeignUnicast, seq})));
            ASSERT_TRUE(sender.send(udpFrame(m_macA, m_macB, "198.18.0.1", 9, {Kind::HostUnicast, seq})));
            ASSERT_TRUE(sender.send(udpFrame(BroadcastMac, m_macB, "198.18.0.255", 9, {Kind::Broadcast, seq})));
            ASSERT_TRUE(sender.send(udpFrame(MulticastMac, m_macB, "239.255.0.1", 9, {Kind::Multicast, seq})));
            std::this_thread::sleep_for(200us);
        }
        sendSentinel(sender, sentinel);
    }

    void sendSentinel(FrameSender& sender, std::uint32_t sequence)
    {
        ASSERT_TRUE(sender.send(udpFrame(m_macA, m_macB, "198.18.0.1", 9, {Kind::Sentinel, sequence})));
    }
};

TEST_F(AfPacketSourceTest, OnModeCapturesForeignUnicastAndIsPromiscuous)
{
    std::string error;
    auto source = openInA(optionsFor(CaptureMode::On), error);
    ASSERT_TRUE(source) << error;
    EXPECT_EQ(source->mode(), CaptureMode::On);
    EXPECT_EQ(source->linkType(), 1u);
    EXPECT_TRUE(isPromiscuous(m_pair.a(), NetnsPair::VethA));
    auto sender = senderInB();
    ASSERT_TRUE(sender);

    CaptureRunner runner(*source);
    sendFourKinds(*sender, 20, 1);
    ASSERT_TRUE(runner.waitForCount(Kind::Sentinel, 1));
    EXPECT_EQ(runner.count(Kind::ForeignUnicast, Direction::OtherHost), 20);
    EXPECT_EQ(runner.count(Kind::HostUnicast, Direction::Incoming), 20);
    EXPECT_EQ(runner.count(Kind::Broadcast, Direction::Incoming), 20);
    EXPECT_EQ(runner.count(Kind::Multicast, Direction::Incoming), 20);
}

TEST_F(AfPacketSourceTest, IpLevelSkipsForeignUnicastButKeepsHostBroadcastMulticast)
{
    std::string error;
    auto source = openInA(optionsFor(CaptureMode::IpLevel), error);
    ASSERT_TRUE(source) << error;
    EXPECT_FALSE(isPromiscuous(m_pair.a(), NetnsPair::VethA));
    auto sender = senderInB();
    ASSERT_TRUE(sender);

    CaptureRunner runner(*source);
    sendFourKinds(*sender, 20, 1);
    ASSERT_TRUE(runner.waitForCount(Kind::Sentinel, 1));
    EXPECT_EQ(runner.count(Kind::ForeignUnicast), 0);
    EXPECT_EQ(runner.count(Kind::HostUnicast, Direction::Incoming), 20);
    EXPECT_EQ(runner.count(Kind::Broadcast, Direction::Incoming), 20);
    EXPECT_EQ(runner.count(Kind::Multicast, Direction::Incoming), 20);
}

class ProtocolSelection : public AfPacketSourceTest {
protected:
    // 5 each of ARP, VLAN-tagged ARP, IPv6 and VLAN-tagged IPv4, then a sentinel.
    void sendMixture(CaptureRunner& runner, FrameSender& sender)
    {
        for (std::uint32_t i = 0; i < 5; ++i) {
            ASSERT_TRUE(sender.send(arpRequestFrame(m_macB, {Kind::Arp, i})));
            ASSERT_TRUE(sender.send(arpRequestFrame(m_macB, {Kind::VlanArp, i}, 42)));
            ASSERT_TRUE(sender.send(ipv6UdpFrame(m_macA, m_macB, {Kind::Ipv6, i})));
            ASSERT_TRUE(sender.send(udpFrame(m_macA, m_macB, "198.18.0.1", 9, {Kind::VlanIpv4, i}, 42)));
            std::this_thread::sleep_for(1ms);
        }
        sendSentinel(sender, 1);
        ASSERT_TRUE(runner.waitForCount(Kind::Sentinel, 1));
    }

    // The kernel takes the tag out of the frame; the source must put it back in place.
    void expectTagKept(const CaptureRunner& runner, Kind kind)
    {
        const std::size_t expectedLength = kind == Kind::VlanIpv4 ? 18 + 20 + 8 + 32 : 18 + 28 + 32;
        for (const auto& frame : runner.frames()) {
            if (!frame.marker || frame.marker->kind != kind) continue;
            ASSERT_GE(frame.bytes.size(), 18u);
            EXPECT_EQ(frame.bytes[12], 0x81);
            EXPECT_EQ(frame.bytes[13], 0x00);
            EXPECT_EQ((frame.bytes[14] << 8 | frame.bytes[15]) & 0x0fff, 42);
            EXPECT_EQ(frame.bytes.size(), expectedLength);
            EXPECT_EQ(frame.originalLength, expectedLength);
        }
    }
};

TEST_F(ProtocolSelection, ArpIsExcludedByDefaultIpv4AndIpv6WithOrWithoutVlanKept)
{
    std::string error;
    auto source = openInA(optionsFor(CaptureMode::On), error);
    ASSERT_TRUE(source) << error;
    auto sender = senderInB();
    ASSERT_TRUE(sender);
    CaptureRunner runner(*source);
    sendMixture(runner, *sender);
    EXPECT_EQ(runner.count(Kind::Arp), 0);
    EXPECT_EQ(runner.count(Kind::VlanArp), 0);
    EXPECT_EQ(runner.count(Kind::Ipv6), 5);
    EXPECT_EQ(runner.count(Kind::VlanIpv4), 5);
    expectTagKept(runner, Kind::VlanIpv4);
    for (const auto& frame : runner.frames()) {
        ASSERT_GE(frame.bytes.size(), 14u);
        const int type = frame.bytes[12] << 8 | frame.bytes[13];
        const int inner = type == 0x8100 && frame.bytes.size() >= 18 ? frame.bytes[16] << 8 | frame.bytes[17] : type;
        EXPECT_TRUE(inner == 0x0800 || inner == 0x86dd) << "ethertype " << std::hex << inner;
    }
}

TEST_F(ProtocolSelection, AllProtocolsKeepsArp)
{
    auto options = optionsFor(CaptureMode::On);
    options.allProtocols = true;
    std::string error;
    auto source = openInA(options, error);
    ASSERT_TRUE(source) << error;
    auto sender = senderInB();
    ASSERT_TRUE(sender);
    CaptureRunner runner(*source);
    sendMixture(runner, *sender);
    EXPECT_EQ(runner.count(Kind::Arp, Direction::Incoming), 5);
    EXPECT_EQ(runner.count(Kind::VlanArp), 5);
    EXPECT_EQ(runner.count(Kind::Ipv6), 5);
    EXPECT_EQ(runner.count(Kind::VlanIpv4), 5);
    expectTagKept(runner, Kind::VlanArp);
}

TEST_F(AfPacketSourceTest, OutgoingPacketsAreCapturedAndMarked)
{
    std::string error;
    auto source = openInA(optionsFor(CaptureMode::IpLevel), error);
    ASSERT_TRUE(source) << error;
    CaptureRunner runner(*source);

    int udp = -1;
    {
        ScopedNetns inA(m_pair.a());
        ASSERT_TRUE(inA.ok());
        udp = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    }
    ASSERT_GE(udp, 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(5001);
    inet_pton(AF_INET, "198.18.0.2", &to.sin_addr);
    for (std::uint8_t i = 0; i < 10; ++i) {
        std::uint8_t payload[32] = {'R', 'C', 'V', 'M', static_cast<std::uint8_t>(Kind::Outgoing), 0, 0, 0, i};
        EXPECT_EQ(sendto(udp, payload, sizeof payload, 0, reinterpret_cast<sockaddr*>(&to), sizeof to),
                  static_cast<ssize_t>(sizeof payload));
        std::this_thread::sleep_for(5ms);
    }
    close(udp);
    EXPECT_TRUE(runner.waitForCount(Kind::Outgoing, 10));
    EXPECT_EQ(runner.count(Kind::Outgoing, Direction::Outgoing), 10);
    EXPECT_EQ(runner.count(Kind::Outgoing), 10);
}

TEST_F(AfPacketSourceTest, ModeSwitchMidCaptureKeepsDelivering)
{
    std::string error;
    auto source = openInA(optionsFor(CaptureMode::On), error);
    ASSERT_TRUE(source) << error;
    auto sender = senderInB();
    ASSERT_TRUE(sender);
    CaptureRunner runner(*source);
    auto sendBoth = [&](int n) {
        for (int i = 0; i < n; ++i) {
            sender->send(udpFrame(ForeignMac, m_macB, "198.18.0.99", 9, {Kind::ForeignUnicast, 0}));
            sender->send(udpFrame(m_macA, m_macB, "198.18.0.1", 9, {Kind::HostUnicast, 0}));
            std::this_thread::sleep_for(200us);
        }
    };

    // Send, switch at once (frames may still sit in the ring), send again.
    sendBoth(50);
    ASSERT_TRUE(source->setMode(CaptureMode::IpLevel, error)) << error;
    EXPECT_EQ(source->mode(), CaptureMode::IpLevel);
    EXPECT_FALSE(isPromiscuous(m_pair.a(), NetnsPair::VethA));
    sendBoth(50);
    sendSentinel(*sender, 1);
    ASSERT_TRUE(runner.waitForCount(Kind::Sentinel, 1));
    EXPECT_EQ(runner.count(Kind::HostUnicast), 100);
    EXPECT_EQ(runner.count(Kind::ForeignUnicast), 50);  // On saw them; IpLevel must not

    ASSERT_TRUE(source->setMode(CaptureMode::On, error)) << error;
    EXPECT_TRUE(isPromiscuous(m_pair.a(), NetnsPair::VethA));
    sendBoth(50);
    sendSentinel(*sender, 2);
    ASSERT_TRUE(runner.waitForCount(Kind::Sentinel, 2));
    EXPECT_EQ(runner.count(Kind::HostUnicast), 150);
    EXPECT_EQ(runner.count(Kind::ForeignUnicast), 100);

    // Off: nothing new arrives, the source still answers; back On it delivers again.
    ASSERT_TRUE(source->setMode(CaptureMode::Off, error)) << error;
    EXPECT_FALSE(isPromiscuous(m_pair.a(), NetnsPair::VethA));
    sendBoth(10);
    sendSentinel(*sender, 3);
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(runner.count(Kind::HostUnicast), 150);
    EXPECT_EQ(runner.count(Kind::Sentinel), 2);
    ASSERT_TRUE(source->setMode(CaptureMode::IpLevel, error)) << error;
    sendSentinel(*sender, 4);
    EXPECT_TRUE(runner.waitForCount(Kind::Sentinel, 3));
    for (const auto& frame : runner.frames()) {
        if (frame.marker && frame.marker->kind == Kind::Sentinel) {
            EXPECT_NE(frame.marker->sequence, 3u) << "a frame sent while Off was captured";
        }
    }
    EXPECT_EQ(runner.lastResult(), PollResult::Frames);
}

TEST_F(AfPacketSourceTest, DrainAfterOffCollectsEverythingCapturedBefore)
{
    std::string error;
    auto source = openInA(optionsFor(CaptureMode::On), error);
    ASSERT_TRUE(source) << error;
    auto sender = senderInB();
    ASSERT_TRUE(sender);
    for (std::uint32_t i = 0; i < 20; ++i)
        ASSERT_TRUE(sender->send(udpFrame(m_macA, m_macB, "198.18.0.1", 9, {Kind::HostUnicast, i})));
    // At once, as a capture thread switching interface does: Off, then a few quick polls.
    ASSERT_TRUE(source->setMode(CaptureMode::Off, error)) << error;
    struct CountingSink : FrameSink {
        void onFrame(const FrameRef& frame) override
        {
            const auto marker = findMarker(frame.data);
            if (marker && marker->kind == Kind::HostUnicast) ++frames;
        }
        int frames = 0;
    } sink;
    for (int i = 0; i < 4; ++i) {
        const int before = sink.frames;
        ASSERT_EQ(source->poll(sink, 0), PollResult::Frames);
        if (sink.frames == before) break;
    }
    EXPECT_EQ(sink.frames, 20);
    EXPECT_FALSE(isPromiscuous(m_pair.a(), NetnsPair::VethA));
}

TEST_F(AfPacketSourceTest, InterfaceIsNotPromiscuousAfterStop)
{
    std::string error;
    EXPECT_FALSE(isPromiscuous(m_pair.a(), NetnsPair::VethA));
    auto source = openInA(optionsFor(CaptureMode::On), error);
    ASSERT_TRUE(source) << error;
    EXPECT_TRUE(isPromiscuous(m_pair.a(), NetnsPair::VethA));
    source.reset();
    EXPECT_FALSE(isPromiscuous(m_pair.a(), NetnsPair::VethA));
}

TEST_F(AfPacketSourceTest, CountsEqualWhatWasSentAtAModerateRate)
{
    std::string error;
    auto source = openInA(optionsFor(CaptureMode::IpLevel), error);
    ASSERT_TRUE(source) << error;
    auto sender = senderInB();
    ASSERT_TRUE(sender);
    CaptureRunner runner(*source);
    const int sent = sendPaced(*sender, 1000, 100us, [&](int i) {
        return udpFrame(m_macA, m_macB, "198.18.0.1", 9, {Kind::Bulk, static_cast<std::uint32_t>(i)});
    });
    ASSERT_EQ(sent, 1000);
    ASSERT_TRUE(runner.waitForCount(Kind::Bulk, 1000));
    std::this_thread::sleep_for(100ms);  // anything extra (a duplicate) would show up now
    EXPECT_EQ(runner.count(Kind::Bulk, Direction::Incoming), 1000);
    std::set<std::uint32_t> sequences;
    for (const auto& frame : runner.frames())
        if (frame.marker && frame.marker->kind == Kind::Bulk) sequences.insert(frame.marker->sequence);
    EXPECT_EQ(sequences.size(), 1000u);
    const CaptureStats stats = source->stats();
    EXPECT_EQ(stats.received, runner.frames().size());
    EXPECT_EQ(stats.droppedKernel, 0u);
}

TEST_F(AfPacketSourceTest, KernelDropsAreCountedExactly)
{
    // One 64 KiB block and nobody polling: the kernel has to drop most of 2000 frames.
    auto options = optionsFor(CaptureMode::IpLevel);
    options.blockSize = 65536;
    options.blockCount = 1;
    options.snapLength = 1500;
    options.filter = "udp port 9";  // only the generator's frames, no neighbour discovery
    std::string error;
    auto source = openInA(options, error);
    ASSERT_TRUE(source) << error;
    auto sender = senderInB();
    ASSERT_TRUE(sender);
    const int sent = sendPaced(*sender, 2000, 0us, [&](int i) {
        return udpFrame(m_macA, m_macB, "198.18.0.1", 9, {Kind::Bulk, static_cast<std::uint32_t>(i)});
    });
    ASSERT_EQ(sent, 2000);
    const CaptureStats before = source->stats();  // read twice: the kernel resets on read
    EXPECT_GT(before.droppedKernel, 0u);

    CaptureRunner runner(*source);
    // Every frame is accounted for once the block the kernel filled is handed over.
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (runner.count(Kind::Bulk) + static_cast<int>(source->stats().droppedKernel) < 2000 &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(1ms);
    const CaptureStats after = source->stats();
    const int captured = runner.count(Kind::Bulk);
    EXPECT_GT(captured, 0);
    EXPECT_LT(captured, 2000);
    EXPECT_EQ(after.received, static_cast<std::uint64_t>(captured));
    EXPECT_EQ(after.droppedKernel, static_cast<std::uint64_t>(2000 - captured));
    EXPECT_GE(after.droppedKernel, before.droppedKernel);
}

TEST_F(AfPacketSourceTest, CaptureFilterPassesOnlyWhatItMatches)
{
    auto options = optionsFor(CaptureMode::On);
    options.filter = "udp port 5001";
    std::string error;
    auto source = openInA(options, error);
    ASSERT_TRUE(source) << error;
    auto sender = senderInB();
    ASSERT_TRUE(sender);
    CaptureRunner runner(*source);
    for (std::uint32_t i = 0; i < 100; ++i) {
        ASSERT_TRUE(sender->send(udpFrame(m_macA, m_macB, "198.18.0.1", 5001, {Kind::Port5001, i})));
        ASSERT_TRUE(sender->send(udpFrame(m_macA, m_macB, "198.18.0.1", 5002, {Kind::Port5002, i})));
        std::this_thread::sleep_for(200us);
    }
    ASSERT_TRUE(sender->send(udpFrame(m_macA, m_macB, "198.18.0.1", 5001, {Kind::Sentinel, 1})));
    ASSERT_TRUE(runner.waitForCount(Kind::Sentinel, 1));
    EXPECT_EQ(runner.count(Kind::Port5001), 100);
    EXPECT_EQ(runner.count(Kind::Port5002), 0);
    for (const auto& frame : runner.frames()) {
        ASSERT_GE(frame.bytes.size(), 38u);
        EXPECT_EQ(frame.bytes[23], 17) << "not UDP";
        const int sourcePort = frame.bytes[34] << 8 | frame.bytes[35];
        const int destinationPort = frame.bytes[36] << 8 | frame.bytes[37];
        EXPECT_TRUE(sourcePort == 5001 || destinationPort == 5001);
    }
}

TEST_F(AfPacketSourceTest, MissingAndDownInterfacesAreClearErrors)
{
    std::string error;
    auto options = optionsFor(CaptureMode::On);
    options.interfaceName = "rcvmon-nope0";
    EXPECT_FALSE(openInA(options, error));
    EXPECT_NE(error.find("no such interface \"rcvmon-nope0\""), std::string::npos) << error;

    ASSERT_EQ(runCommand("ip -n " + m_pair.a() + " link add down-a type veth peer name down-b"), 0);
    options.interfaceName = "down-a";
    EXPECT_FALSE(openInA(options, error));
    EXPECT_NE(error.find("interface down-a is down"), std::string::npos) << error;
    EXPECT_FALSE(isPromiscuous(m_pair.a(), "down-a"));
}

TEST_F(AfPacketSourceTest, WakeupEndsAWaitingPollAtOnce)
{
    std::string error;
    // A filter nothing here matches, so no frame (IPv6 neighbour discovery...) ends the wait.
    auto options = optionsFor(CaptureMode::IpLevel);
    options.filter = "udp port 1";
    auto source = openInA(options, error);
    ASSERT_TRUE(source) << error;
    NullSink sink;
    std::atomic<bool> returned{false};
    PollResult result = PollResult::Error;
    std::thread capture([&] {
        result = source->poll(sink, 10'000);
        returned = true;
    });
    std::this_thread::sleep_for(200ms);
    EXPECT_FALSE(returned.load());  // it really was waiting
    const auto start = std::chrono::steady_clock::now();
    source->wakeup();
    capture.join();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_LT(elapsed, 100ms);
    EXPECT_EQ(result, PollResult::Frames);
}

TEST_F(AfPacketSourceTest, VanishedInterfaceIsAnErrorAndKeepsWhatWasDelivered)
{
    const std::string a = "ip -n " + m_pair.a() + " ";
    ASSERT_EQ(runCommand(a + "link add gone-a type veth peer name gone-b"), 0);
    ASSERT_EQ(runCommand(a + "link set gone-a up"), 0);
    ASSERT_EQ(runCommand(a + "link set gone-b up"), 0);
    auto options = optionsFor(CaptureMode::IpLevel);
    options.interfaceName = "gone-a";
    std::string error;
    auto source = openInA(options, error);
    ASSERT_TRUE(source) << error;
    std::unique_ptr<FrameSender> sender;
    {
        ScopedNetns inA(m_pair.a());
        sender = std::make_unique<FrameSender>("gone-b");
    }
    ASSERT_TRUE(sender->ok());

    CaptureRunner runner(*source);
    for (std::uint32_t i = 0; i < 5; ++i)
        ASSERT_TRUE(sender->send(udpFrame(BroadcastMac, m_macB, "198.18.0.255", 9, {Kind::Broadcast, i})));
    ASSERT_TRUE(runner.waitForCount(Kind::Broadcast, 5));
    ASSERT_EQ(runCommand(a + "link del gone-a"), 0);
    runner.waitFor([](const auto&) { return false; }, 5s);  // returns once poll reports an error
    EXPECT_EQ(runner.lastResult(), PollResult::Error);
    EXPECT_EQ(source->error().rfind("interface gone-a ", 0), 0u) << source->error();
    EXPECT_NE(source->error().find("removed during the capture; the frames captured before are kept"),
              std::string::npos) << source->error();
    NullSink sink;
    EXPECT_EQ(source->poll(sink, 0), PollResult::Error);  // it stays failed
    EXPECT_EQ(runner.count(Kind::Broadcast), 5);
}

TEST(AfPacketSourceErrors, BadCaptureFilterNamesTheFilterAndLibpcapsReason)
{
    AfPacketSource::Options options;
    options.interfaceName = "lo";
    options.filter = "udp prt 5001";
    std::string error;
    EXPECT_FALSE(AfPacketSource::open(options, error));
    EXPECT_NE(error.find("capture filter \"udp prt 5001\" is not valid: "), std::string::npos) << error;
    EXPECT_NE(error.find("syntax error"), std::string::npos) << error;  // libpcap's own words
}

TEST(AfPacketSourceErrors, NoInterfaceOrAnyIsRefused)
{
    AfPacketSource::Options options;
    std::string error;
    EXPECT_FALSE(AfPacketSource::open(options, error));
    EXPECT_NE(error.find("no interface given"), std::string::npos) << error;
    options.interfaceName = "any";
    EXPECT_FALSE(AfPacketSource::open(options, error));
    EXPECT_NE(error.find("never \"any\""), std::string::npos) << error;
}

TEST(AfPacketSourceErrors, BadRingOptionsAreRefused)
{
    AfPacketSource::Options options;
    options.interfaceName = "lo";
    options.blockSize = 5000;
    std::string error;
    EXPECT_FALSE(AfPacketSource::open(options, error));
    EXPECT_NE(error.find("block size"), std::string::npos) << error;
    options = {};
    options.interfaceName = "lo";
    options.snapLength = options.blockSize;
    EXPECT_FALSE(AfPacketSource::open(options, error));
    EXPECT_NE(error.find("snap length"), std::string::npos) << error;
}

}  // namespace
}  // namespace rcvmon::test

// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/flow_key.h"
#include "live/flow_key_queue.h"
#include "live/flow_seen_filter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <unordered_set>
#include <vector>

namespace rcvmon {
namespace {

FlowEndpoint v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d, std::uint16_t port)
{
    const std::uint8_t bytes[4] = {a, b, c, d};
    return makeFlowEndpoint(bytes, 4, port);
}

FlowKey udpKey(std::uint16_t localPort, std::uint16_t remotePort = 9)
{
    return {FlowTransport::Udp, FlowFamily::Ipv4, v4(198, 18, 0, 1, localPort), v4(198, 18, 0, 2, remotePort)};
}

TEST(FlowKey, PrintsAddressesInTheirUsualShortForms)
{
    EXPECT_EQ(toString(udpKey(5000)), "udp 198.18.0.1:5000 -> 198.18.0.2:9");
    const std::uint8_t loopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    const std::uint8_t doc[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0, 0x0a};
    const std::uint8_t twoRuns[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0};
    const FlowKey key{FlowTransport::Tcp, FlowFamily::Ipv6, makeFlowEndpoint(loopback, 16, 80),
                      makeFlowEndpoint(doc, 16, 41000)};
    EXPECT_EQ(toString(key), "tcp [::1]:80 -> [2001:db8::1:a]:41000");
    const FlowKey other{FlowTransport::Tcp, FlowFamily::Ipv6, makeFlowEndpoint(twoRuns, 16, 1), {}};
    // The longer zero run is the one shortened; the all-zero address is "::".
    EXPECT_EQ(toString(other), "tcp [2001:db8:0:0:1::]:1 -> [::]:0");
}

TEST(FlowKey, PacketDirectionChoosesTheLocalEnd)
{
    const FlowEndpoint source = v4(10, 0, 0, 1, 1234);
    const FlowEndpoint destination = v4(10, 0, 0, 2, 53);
    const FlowKey sent = flowKeyForPacket(FlowTransport::Udp, FlowFamily::Ipv4, source, destination, Direction::Outgoing);
    EXPECT_EQ(sent.local, source);
    EXPECT_EQ(sent.remote, destination);
    const FlowKey received =
        flowKeyForPacket(FlowTransport::Udp, FlowFamily::Ipv4, destination, source, Direction::Incoming);
    EXPECT_EQ(received, sent);  // the reply belongs to the same flow
}

TEST(FlowKey, EqualKeysHashEqualAndFieldsMatter)
{
    const FlowKeyHash hash;
    EXPECT_EQ(hash(udpKey(1)), hash(udpKey(1)));
    std::unordered_set<std::size_t> hashes;
    for (std::uint16_t port = 1; port <= 1000; ++port) hashes.insert(hash(udpKey(port)));
    EXPECT_EQ(hashes.size(), 1000u);
    FlowKey tcp = udpKey(1);
    tcp.transport = FlowTransport::Tcp;
    EXPECT_NE(tcp, udpKey(1));
    EXPECT_NE(hash(tcp), hash(udpKey(1)));
}

TEST(FlowKeyQueue, FullAndEmptyAtTheExactBoundAndAcrossWrapAround)
{
    FlowKeyQueue queue(5);
    ASSERT_EQ(queue.capacity(), 8u);
    FlowKey out;
    EXPECT_FALSE(queue.tryPop(out));
    std::uint16_t next = 0, expected = 0;
    for (int lap = 0; lap < 5; ++lap) {
        for (int i = 0; i < 8; ++i) ASSERT_TRUE(queue.tryPush(udpKey(next++)));
        EXPECT_FALSE(queue.tryPush(udpKey(60000)));
        for (int i = 0; i < 3; ++i) {
            ASSERT_TRUE(queue.tryPop(out));
            EXPECT_EQ(out.local.port, expected++);
        }
        for (int i = 0; i < 3; ++i) ASSERT_TRUE(queue.tryPush(udpKey(next++)));
        EXPECT_FALSE(queue.tryPush(udpKey(60000)));
        for (int i = 0; i < 8; ++i) {
            ASSERT_TRUE(queue.tryPop(out));
            EXPECT_EQ(out.local.port, expected++);
        }
        EXPECT_FALSE(queue.tryPop(out));
    }
}

TEST(FlowKeyQueue, ManyProducersLoseNothingTheyWereToldWasQueued)
{
    constexpr int kProducers = 4;
    constexpr int kPerProducer = 20000;
    FlowKeyQueue queue(256);
    std::atomic<int> accepted{0};
    std::atomic<bool> producing{true};
    std::vector<int> seen(kProducers * kPerProducer, 0);
    std::thread consumer([&] {
        FlowKey key;
        for (;;) {
            if (queue.tryPop(key)) {
                ++seen[static_cast<std::size_t>(key.remote.port) * kPerProducer + key.local.port];
            } else if (!producing.load()) {
                if (!queue.tryPop(key)) break;
                ++seen[static_cast<std::size_t>(key.remote.port) * kPerProducer + key.local.port];
            }
        }
    });
    std::vector<std::thread> producers;
    std::vector<std::vector<bool>> pushed(kProducers, std::vector<bool>(kPerProducer, false));
    for (int p = 0; p < kProducers; ++p) {
        producers.emplace_back([&, p] {
            for (int i = 0; i < kPerProducer; ++i) {
                FlowKey key = udpKey(static_cast<std::uint16_t>(i), static_cast<std::uint16_t>(p));
                // Retry a bounded number of times, as a capture thread would not; count what got in.
                for (int attempt = 0; attempt < 1000; ++attempt) {
                    if (queue.tryPush(key)) {
                        pushed[p][i] = true;
                        ++accepted;
                        break;
                    }
                    std::this_thread::yield();
                }
            }
        });
    }
    for (auto& producer : producers) producer.join();
    producing.store(false);
    consumer.join();
    int delivered = 0;
    for (int p = 0; p < kProducers; ++p) {
        for (int i = 0; i < kPerProducer; ++i) {
            const int count = seen[static_cast<std::size_t>(p) * kPerProducer + i];
            ASSERT_EQ(count, pushed[p][i] ? 1 : 0) << "producer " << p << " key " << i;
            delivered += count;
        }
    }
    EXPECT_EQ(delivered, accepted.load());
    EXPECT_GT(accepted.load(), 0);
}

TEST(FlowSeenFilter, LetsAFlowThroughOncePerInterval)
{
    FlowSeenFilter filter(64, 1000);
    EXPECT_TRUE(filter.shouldSubmit(udpKey(1), 0));
    EXPECT_FALSE(filter.shouldSubmit(udpKey(1), 10));
    EXPECT_FALSE(filter.shouldSubmit(udpKey(1), 999));
    EXPECT_TRUE(filter.shouldSubmit(udpKey(1), 1000));
    EXPECT_TRUE(filter.shouldSubmit(udpKey(2), 1000));
    EXPECT_FALSE(filter.shouldSubmit(udpKey(2), 1001));
    // A flood of distinct flows is never held back by the filter: each is new.
    int passed = 0;
    for (std::uint16_t port = 100; port < 1100; ++port) passed += filter.shouldSubmit(udpKey(port), 2000) ? 1 : 0;
    EXPECT_EQ(passed, 1000);
}

}  // namespace
}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// The optional external resolver: off unless switched on, never blocking the caller, answers
// arriving later from its own thread. Driven by an injected lookup, never a real network.
#include "names/name_resolver.h"
#include "names/reverse_dns.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace rcvmon::names {
namespace {

using namespace std::chrono_literals;

const IpAddress kAddress = *IpAddress::fromBytes(ByteSpan(std::array<std::uint8_t, 4>{198, 18, 3, 4}));
const IpAddress kOther = *IpAddress::fromBytes(ByteSpan(std::array<std::uint8_t, 4>{198, 18, 3, 5}));

// A lookup that blocks until the test releases it, and counts its calls.
struct GatedLookup {
    std::mutex mutex;
    std::condition_variable changed;
    bool open = false;
    int calls = 0;

    ReverseDns::Lookup function()
    {
        return [this](const IpAddress& a) -> std::optional<std::string> {
            std::unique_lock lock(mutex);
            ++calls;
            changed.notify_all();
            changed.wait(lock, [this] { return open; });
            if (a == kAddress) return std::string("gw.example.test");
            return std::nullopt;
        };
    }
    void release()
    {
        std::lock_guard lock(mutex);
        open = true;
        changed.notify_all();
    }
    bool waitForCalls(int n)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, 30s, [&] { return calls >= n; });
    }
};

template <typename Condition>
bool waitUntil(Condition condition)
{
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::yield();
    }
    return true;
}

TEST(ReverseDns, RequestsReturnAtOnceAndAnswersArriveLater)
{
    GatedLookup gate;
    std::mutex mutex;
    std::condition_variable answered;
    int callbacks = 0;
    ReverseDns dns(gate.function());
    dns.setOnAnswer([&] {
        std::lock_guard lock(mutex);
        ++callbacks;
        answered.notify_all();
    });
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(dns.request(kAddress));
    EXPECT_TRUE(dns.request(kAddress));  // pending: not asked twice
    EXPECT_TRUE(dns.request(kOther));
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);  // the lookup is still blocked
    ASSERT_TRUE(gate.waitForCalls(1));
    EXPECT_EQ(dns.find(kAddress), "");
    gate.release();
    {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(answered.wait_for(lock, 30s, [&] { return callbacks >= 1; }));
    }
    EXPECT_EQ(dns.find(kAddress), "gw.example.test");
    ASSERT_TRUE(waitUntil([&] { return dns.pending() == 0; }));
    EXPECT_TRUE(gate.waitForCalls(2));
    EXPECT_EQ(gate.calls, 2);
    EXPECT_EQ(dns.find(kOther), "");  // no name: never a callback, never asked again
    EXPECT_TRUE(dns.request(kOther));
    EXPECT_EQ(dns.pending(), 0u);
    EXPECT_EQ(dns.answered(), 1u);
    EXPECT_EQ(dns.generation(), 1u);
    const auto answers = dns.answers();
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].first, kAddress);
}

TEST(ReverseDns, QueueIsBoundedAndShutdownDoesNotWaitForQueuedLookups)
{
    GatedLookup gate;
    auto dns = std::make_unique<ReverseDns>(gate.function(), 2);
    EXPECT_TRUE(dns->request(kAddress));
    ASSERT_TRUE(gate.waitForCalls(1));  // the worker holds the first one
    for (std::uint8_t i = 0; i < 2; ++i)
        EXPECT_TRUE(dns->request(*IpAddress::fromBytes(ByteSpan(std::array<std::uint8_t, 4>{198, 18, 4, i}))));
    EXPECT_FALSE(dns->request(kOther));  // full
    gate.release();
    dns.reset();  // joins: the one lookup in progress ends, the queued ones are dropped
    EXPECT_LE(gate.calls, 3);
}

TEST(NameResolver, ExternalResolverIsOffByDefaultAndAskedOnlyWhenSwitchedOn)
{
    int calls = 0;
    std::mutex mutex;
    NameResolver resolver;
    resolver.setExternalLookup([&](const IpAddress&) -> std::optional<std::string> {
        std::lock_guard lock(mutex);
        ++calls;
        return std::string("gw.example.test");
    });
    EXPECT_EQ(resolver.externalResolver(), nullptr);
    EXPECT_EQ(resolver.hostText(kAddress), "198.18.3.4");
    resolver.setFlags(ResolutionFlags{.network = true});
    EXPECT_EQ(resolver.externalResolver(), nullptr);  // n alone: no external resolver
    EXPECT_EQ(resolver.hostText(kAddress), "198.18.3.4");
    {
        std::lock_guard lock(mutex);
        EXPECT_EQ(calls, 0);
    }

    std::atomic<int> answers{0};
    resolver.setOnExternalAnswer([&] { ++answers; });
    const std::uint64_t generation = resolver.generation();
    resolver.setFlags(ResolutionFlags{.network = true, .external = true});
    ASSERT_NE(resolver.externalResolver(), nullptr);
    EXPECT_GT(resolver.generation(), generation);
    resolver.hostText(kAddress);  // asks, answers later
    ASSERT_TRUE(waitUntil([&] { return answers.load() == 1; }));
    EXPECT_EQ(resolver.hostText(kAddress), "gw.example.test");

    resolver.setFlags(ResolutionFlags{.network = true});
    EXPECT_EQ(resolver.externalResolver(), nullptr);
    EXPECT_EQ(resolver.hostText(kAddress), "198.18.3.4");
}

}  // namespace
}  // namespace rcvmon::names

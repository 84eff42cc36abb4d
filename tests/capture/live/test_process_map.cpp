// SPDX-License-Identifier: GPL-2.0-or-later
// ProcessMap's threading, caching, rate limit and bounded queue, over a resolver the test
// controls (the platform resolvers are tested against real processes in the platform folders).
#include "live/process_map.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace rcvmon {
namespace {

using namespace std::chrono_literals;
using Status = FlowOwner::Status;

FlowKey udpKey(std::uint16_t localPort)
{
    FlowKey key{FlowTransport::Udp, FlowFamily::Ipv4, {}, {}};
    key.local.address = {198, 18, 0, 1};
    key.local.port = localPort;
    key.remote.address = {198, 18, 0, 2};
    key.remote.port = 9;
    return key;
}

// Answers from a table the test edits; records every call. Can be held shut to stall the worker.
struct FakeState {
    std::mutex mutex;
    std::condition_variable opened;
    std::condition_variable entered;
    bool gateOpen = true;
    int blocked = 0;  // resolver calls waiting at the gate
    std::map<std::uint16_t, ProcessInfo> owners;  // by local port; absent is Unknown
    bool fail = false;
    int calls = 0;
    std::size_t keysSeen = 0;
    std::vector<std::chrono::steady_clock::time_point> callTimes;
};

class FakeResolver : public FlowOwnerResolver {
public:
    explicit FakeResolver(std::shared_ptr<FakeState> state) : m_state(std::move(state)) {}
    bool resolve(std::span<const FlowKey> keys, std::vector<FlowOwner>& owners, std::string& error) override
    {
        std::unique_lock lock(m_state->mutex);
        ++m_state->blocked;
        m_state->entered.notify_all();
        m_state->opened.wait(lock, [this] { return m_state->gateOpen; });
        --m_state->blocked;
        ++m_state->calls;
        m_state->keysSeen += keys.size();
        m_state->callTimes.push_back(std::chrono::steady_clock::now());
        if (m_state->fail) {
            error = "socket tables unreadable";
            return false;
        }
        owners.clear();
        for (const FlowKey& key : keys) {
            const auto found = m_state->owners.find(key.local.port);
            owners.push_back(found == m_state->owners.end() ? FlowOwner{Status::Unknown, {}}
                                                            : FlowOwner{Status::Known, found->second});
        }
        return true;
    }

private:
    std::shared_ptr<FakeState> m_state;
};

ProcessMap::Options fastOptions()
{
    ProcessMap::Options options;
    options.pollInterval = 2ms;
    options.minRefreshInterval = 20ms;
    options.recheckAfter = 100ms;
    return options;
}

// Polls until the answer is no longer Pending (or 5 s pass).
FlowOwner waitForAnswer(const ProcessMap& map, const FlowKey& key)
{
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    FlowOwner owner = map.lookup(key);
    while (owner.status == Status::Pending && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(2ms);
        owner = map.lookup(key);
    }
    return owner;
}

class ProcessMapTest : public ::testing::Test {
protected:
    std::shared_ptr<FakeState> m_state = std::make_shared<FakeState>();
    std::unique_ptr<ProcessMap> make(ProcessMap::Options options = fastOptions())
    {
        return std::make_unique<ProcessMap>(std::make_unique<FakeResolver>(m_state), options);
    }
    void setOwner(std::uint16_t port, ProcessInfo info)
    {
        std::lock_guard lock(m_state->mutex);
        m_state->owners[port] = std::move(info);
    }
    int calls()
    {
        std::lock_guard lock(m_state->mutex);
        return m_state->calls;
    }
};

TEST_F(ProcessMapTest, SubmittedFlowsGetTheirOwnerAndOthersStayPending)
{
    setOwner(5000, {1234, "python3", 1});
    auto map = make();
    EXPECT_EQ(map->lookup(udpKey(5000)).status, Status::Pending);
    const std::uint64_t before = map->version();
    ASSERT_TRUE(map->submit(udpKey(5000)));
    ASSERT_TRUE(map->submit(udpKey(5001)));
    const FlowOwner known = waitForAnswer(*map, udpKey(5000));
    EXPECT_EQ(known.status, Status::Known);
    EXPECT_EQ(known.process, (ProcessInfo{1234, "python3", 1}));
    EXPECT_EQ(describeOwner(known), "python3 (1234)");
    const FlowOwner unknown = waitForAnswer(*map, udpKey(5001));
    EXPECT_EQ(unknown.status, Status::Unknown);
    EXPECT_EQ(describeOwner(unknown), "unknown");
    EXPECT_EQ(map->lookup(udpKey(5002)).status, Status::Pending);
    EXPECT_EQ(describeOwner(map->lookup(udpKey(5002))), "");
    EXPECT_GT(map->version(), before);
    const ProcessMap::Stats stats = map->stats();
    EXPECT_EQ(stats.submitted, 2u);
    EXPECT_EQ(stats.dropped, 0u);
}

TEST_F(ProcessMapTest, AFloodOfNewFlowsIsResolvedInAFewRateLimitedBatches)
{
    ProcessMap::Options options = fastOptions();
    options.queueCapacity = 1 << 15;
    options.minRefreshInterval = 100ms;
    for (std::uint16_t port = 1; port <= 20000; ++port) setOwner(port, {port, "p", 1});
    auto map = make(options);
    const auto start = std::chrono::steady_clock::now();
    // Spread over about half a second, as a capture would see them arrive.
    for (std::uint16_t port = 1; port <= 20000; ++port) {
        ASSERT_TRUE(map->submit(udpKey(port)));
        if (port % 2000 == 0) std::this_thread::sleep_for(50ms);
    }
    for (std::uint16_t port = 1; port <= 20000; port = static_cast<std::uint16_t>(port + 997))
        EXPECT_EQ(waitForAnswer(*map, udpKey(port)).process.pid, std::uint32_t{port});
    EXPECT_EQ(waitForAnswer(*map, udpKey(20000)).process.pid, 20000u);
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::lock_guard lock(m_state->mutex);
    // One scan per refresh interval at most (plus the first), never one per flow.
    EXPECT_LE(m_state->calls, static_cast<int>(elapsed / 0.1) + 2) << "elapsed " << elapsed << " s";
    EXPECT_EQ(m_state->keysSeen, 20000u);
    for (std::size_t i = 1; i < m_state->callTimes.size(); ++i)
        EXPECT_GE(m_state->callTimes[i] - m_state->callTimes[i - 1], 50ms) << "call " << i;  // 100 ms less scheduling noise
}

TEST_F(ProcessMapTest, AFullQueueDropsAndCountsWithoutWaiting)
{
    ProcessMap::Options options = fastOptions();
    options.queueCapacity = 8;
    options.maxKeysPerRefresh = 4;
    {
        std::lock_guard lock(m_state->mutex);
        m_state->gateOpen = false;  // the worker blocks in its first scan
    }
    auto map = make(options);
    // Whatever happens below, the worker must be let out of the scan before map is destroyed.
    struct OpenGate {
        FakeState& state;
        void open()
        {
            {
                std::lock_guard lock(state.mutex);
                state.gateOpen = true;
            }
            state.opened.notify_all();
        }
        ~OpenGate() { open(); }
    } openGate{*m_state};
    ASSERT_TRUE(map->submit(udpKey(1)));
    // Wait until the worker is stuck in the scan with key 1: nothing drains the queue now.
    {
        std::unique_lock lock(m_state->mutex);
        ASSERT_TRUE(m_state->entered.wait_for(lock, 5s, [this] { return m_state->blocked > 0; }));
    }
    int accepted = 0, refused = 0;
    const auto start = std::chrono::steady_clock::now();
    for (std::uint16_t port = 100; port < 10100; ++port) (map->submit(udpKey(port)) ? accepted : refused)++;
    const auto spent = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(accepted, 8);
    EXPECT_EQ(refused, 10000 - 8);
    // 10,000 submits against a stalled worker take microseconds each at most: nobody waited.
    EXPECT_LT(spent, 1s);
    ProcessMap::Stats stats = map->stats();
    EXPECT_EQ(stats.dropped, static_cast<std::uint64_t>(refused));
    EXPECT_EQ(stats.submitted, static_cast<std::uint64_t>(accepted) + 1);
    openGate.open();
    EXPECT_EQ(waitForAnswer(*map, udpKey(1)).status, Status::Unknown);
    // Dropped keys are not lost for good: the capture side submits them again on a later
    // packet, once the worker has drained the queue.
    bool queued = false;
    for (int attempt = 0; attempt < 1000 && !queued; ++attempt) {
        queued = map->submit(udpKey(9999));
        if (!queued) std::this_thread::sleep_for(5ms);
    }
    EXPECT_TRUE(queued);
    EXPECT_EQ(waitForAnswer(*map, udpKey(9999)).status, Status::Unknown);
}

TEST_F(ProcessMapTest, FreshAnswersAreNotLookedUpAgainUntilRecheckAfter)
{
    setOwner(5000, {1, "a", 1});
    ProcessMap::Options options = fastOptions();
    options.recheckAfter = 10s;
    auto map = make(options);
    map->submit(udpKey(5000));
    ASSERT_EQ(waitForAnswer(*map, udpKey(5000)).status, Status::Known);
    const int after = calls();
    for (int i = 0; i < 50; ++i) map->submit(udpKey(5000));
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(calls(), after);
}

TEST_F(ProcessMapTest, RechecksReplaceAnOwnerButNeverForgetOne)
{
    setOwner(5000, {1, "first", 1});
    auto map = make();  // recheckAfter 100 ms
    map->submit(udpKey(5000));
    ASSERT_EQ(waitForAnswer(*map, udpKey(5000)).process.name, "first");

    // The process exits: the flow keeps its last owner.
    {
        std::lock_guard lock(m_state->mutex);
        m_state->owners.clear();
    }
    const int before = calls();
    const std::uint64_t refreshes = map->stats().refreshes;
    std::this_thread::sleep_for(150ms);  // past recheckAfter
    map->submit(udpKey(5000));
    // A refresh is counted once its answers are published.
    for (int i = 0; i < 2500 && map->stats().refreshes == refreshes; ++i) std::this_thread::sleep_for(2ms);
    ASSERT_GT(map->stats().refreshes, refreshes);
    ASSERT_GT(calls(), before);
    EXPECT_EQ(map->lookup(udpKey(5000)).process.name, "first");

    // Another process binds the port: the answer follows it.
    setOwner(5000, {2, "second", 1});
    const std::uint64_t version = map->version();
    std::this_thread::sleep_for(150ms);
    map->submit(udpKey(5000));
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (map->lookup(udpKey(5000)).process.pid != 2 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(2ms);
    EXPECT_EQ(map->lookup(udpKey(5000)).process, (ProcessInfo{2, "second", 1}));
    EXPECT_GT(map->version(), version);
}

TEST_F(ProcessMapTest, APlatformThatCannotTellAnswersUnknownAndSaysWhy)
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->fail = true;
    }
    auto map = make();
    map->submit(udpKey(5000));
    EXPECT_EQ(waitForAnswer(*map, udpKey(5000)).status, Status::Unknown);
    const ProcessMap::Stats stats = map->stats();
    EXPECT_GE(stats.failedRefreshes, 1u);
    EXPECT_EQ(stats.lastError, "socket tables unreadable");
}

TEST_F(ProcessMapTest, TheCacheStaysBounded)
{
    ProcessMap::Options options = fastOptions();
    options.maxFlows = 100;
    options.queueCapacity = 1024;
    auto map = make(options);
    for (std::uint16_t port = 1; port <= 300; ++port) {
        map->submit(udpKey(port));
        if (port % 50 == 0) std::this_thread::sleep_for(30ms);  // several refreshes
    }
    EXPECT_EQ(waitForAnswer(*map, udpKey(300)).status, Status::Unknown);
    int cached = 0;
    for (std::uint16_t port = 1; port <= 300; ++port) cached += map->lookup(udpKey(port)).status != Status::Pending;
    EXPECT_LE(cached, 100);
    EXPECT_GT(cached, 0);
}

TEST_F(ProcessMapTest, ProducersAndReadersOnManyThreadsAtOnce)
{
    for (std::uint16_t port = 1; port <= 500; ++port) setOwner(port, {port, "p", 1});
    auto map = make();
    std::atomic<bool> reading{true};
    std::thread reader([&] {
        while (reading.load())
            for (std::uint16_t port = 1; port <= 500; port = static_cast<std::uint16_t>(port + 7)) {
                const FlowOwner owner = map->lookup(udpKey(port));
                if (owner.status == Status::Known) {
                    ASSERT_EQ(owner.process.pid, std::uint32_t{port});
                }
            }
    });
    std::vector<std::thread> producers;
    for (int p = 0; p < 3; ++p)
        producers.emplace_back([&] {
            for (std::uint16_t port = 1; port <= 500; ++port) map->submit(udpKey(port));
        });
    for (auto& producer : producers) producer.join();
    for (std::uint16_t port = 1; port <= 500; ++port)
        EXPECT_EQ(waitForAnswer(*map, udpKey(port)).process.pid, std::uint32_t{port});
    reading.store(false);
    reader.join();
    EXPECT_EQ(map->stats().dropped, 0u);
}

}  // namespace
}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/flow_key.h"
#include "live/flow_key_queue.h"
#include "live/flow_owner.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace rcvmon {

// Which process owns each live TCP/UDP flow, found off the capture thread.
//
// The capture thread calls submit(key) for flows it sees (once per flow, or filtered through
// FlowSeenFilter): a lock-free push that never waits and never allocates; when the queue is
// full the key is dropped and counted. A worker thread drains the queue, asks the platform's
// FlowOwnerResolver about every key it has no fresh answer for — at most once per
// minRefreshInterval, so a flood of new flows costs a few table scans a second, not thousands —
// and publishes the answers. Anyone (the GUI) reads them with lookup(), which never waits on a
// scan: it returns the cached answer or Pending.
//
// Answers are refreshed when a flow is submitted again after recheckAfter: a different owner
// replaces the old one (the port went to another process); Unknown replaces Unknown. A flow whose
// process has gone keeps the last owner seen, since the packets seen so far were that process's.
class ProcessMap {
public:
    struct Options {
        std::size_t queueCapacity = 4096;
        std::chrono::milliseconds pollInterval{20};         // how often the worker drains the queue
        std::chrono::milliseconds minRefreshInterval{250};  // at most 4 table scans a second
        std::chrono::milliseconds recheckAfter{2000};       // a resubmitted answer older than this is looked up again
        std::size_t maxFlows = 65536;                       // answers kept; the oldest half goes when full
        std::size_t maxKeysPerRefresh = 16384;              // the rest waits in the queue
    };
    struct Stats {
        std::uint64_t submitted = 0;  // keys pushed
        std::uint64_t dropped = 0;    // keys lost to a full queue
        std::uint64_t refreshes = 0;  // resolver calls
        std::uint64_t keysResolved = 0;
        std::uint64_t failedRefreshes = 0;
        std::string lastError;  // why the platform could not tell, from the last failed refresh
    };

    ProcessMap(std::unique_ptr<FlowOwnerResolver> resolver, Options options);
    explicit ProcessMap(std::unique_ptr<FlowOwnerResolver> resolver);
    // The platform's resolver (/proc, IP Helper); the worker starts in the calling thread's
    // network namespace and stays there.
    static std::unique_ptr<ProcessMap> createForThisPlatform(Options options);
    ~ProcessMap();
    ProcessMap(const ProcessMap&) = delete;
    ProcessMap& operator=(const ProcessMap&) = delete;

    // Any thread; never waits. False when the key was dropped (queue full).
    bool submit(const FlowKey& key) noexcept;
    // Any thread; the cached answer, Pending when there is none yet.
    FlowOwner lookup(const FlowKey& key) const;
    // Grows whenever a published answer changes: a view repaints when it moves.
    std::uint64_t version() const noexcept { return m_version.load(std::memory_order_acquire); }
    Stats stats() const;

private:
    using Clock = std::chrono::steady_clock;
    struct Entry {
        FlowOwner owner;
        Clock::time_point checkedAt;
    };

    void run();
    void collectSubmitted(Clock::time_point now);
    void refresh(Clock::time_point now);
    void publish(const std::vector<FlowKey>& keys, const std::vector<FlowOwner>& owners, Clock::time_point now);
    void evictOldest();

    const Options m_options;
    std::unique_ptr<FlowOwnerResolver> m_resolver;
    FlowKeyQueue m_queue;
    std::atomic<std::uint64_t> m_submitted{0};
    std::atomic<std::uint64_t> m_dropped{0};
    std::atomic<std::uint64_t> m_version{0};

    mutable std::shared_mutex m_answersMutex;  // written by the worker only
    std::unordered_map<FlowKey, Entry, FlowKeyHash> m_answers;
    mutable std::mutex m_statsMutex;
    Stats m_workerStats;  // refreshes, keysResolved, failedRefreshes, lastError

    // Worker-only state.
    std::unordered_set<FlowKey, FlowKeyHash> m_waiting;
    Clock::time_point m_lastRefresh{};

    std::mutex m_stopMutex;
    std::condition_variable m_stopChanged;
    bool m_stop = false;
    std::thread m_worker;  // last: starts after everything above exists
};

}  // namespace rcvmon

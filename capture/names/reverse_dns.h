// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "names/ip_address.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rcvmon::names {

// Asynchronous reverse DNS ("Use an external network name resolver"): request() only queues
// the address and returns, one worker thread asks the resolver, and find() answers from what
// came back. Whoever shows names is told through the callback (on the worker thread) and
// repaints; nothing ever waits for the network. The lookup is injectable so tests drive it
// without any network. The queue and the answers are bounded.
class ReverseDns {
public:
    // The name for an address, or nothing when it has none (or the lookup failed).
    using Lookup = std::function<std::optional<std::string>(const IpAddress&)>;

    explicit ReverseDns(Lookup lookup = systemLookup(), std::size_t maxPending = 256, std::size_t maxAnswers = 1 << 16);
    ~ReverseDns();
    ReverseDns(const ReverseDns&) = delete;
    ReverseDns& operator=(const ReverseDns&) = delete;

    // Queues a lookup unless one is pending or answered; returns at once. False when the
    // queue is full (the address is asked again the next time it is shown).
    bool request(const IpAddress& address);
    // The answered name; empty while pending, when there is none, or never asked.
    std::string find(const IpAddress& address) const;
    // Called on the worker thread after each answer with a name.
    void setOnAnswer(std::function<void()> callback);
    // Moves each time an answer with a name arrives.
    std::uint64_t generation() const { return m_generation.load(std::memory_order_acquire); }
    std::size_t pending() const;
    // Every address answered with a name so far.
    std::vector<std::pair<IpAddress, std::string>> answers() const;
    std::size_t answered() const;

    // getnameinfo(NI_NAMEREQD): the system's resolver (hosts file, DNS).
    static Lookup systemLookup();

private:
    void run();

    Lookup m_lookup;
    std::size_t m_maxPending;
    std::size_t m_maxAnswers;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<IpAddress> m_queue;
    // Empty string: asked (pending or no name). Kept so an address is asked once.
    std::unordered_map<IpAddress, std::string, IpAddressHash> m_answers;
    std::function<void()> m_onAnswer;
    std::atomic<std::uint64_t> m_generation{0};
    bool m_stopping = false;
    std::thread m_worker;  // last: starts after everything it uses exists
};

}  // namespace rcvmon::names

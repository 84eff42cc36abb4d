// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/process_map.h"

#include <algorithm>

namespace rcvmon {

ProcessMap::ProcessMap(std::unique_ptr<FlowOwnerResolver> resolver, Options options)
    : m_options(options),
      m_resolver(std::move(resolver)),
      m_queue(options.queueCapacity),
      m_worker([this] { run(); })
{
}

ProcessMap::ProcessMap(std::unique_ptr<FlowOwnerResolver> resolver) : ProcessMap(std::move(resolver), Options{}) {}

std::unique_ptr<ProcessMap> ProcessMap::createForThisPlatform(Options options)
{
    return std::make_unique<ProcessMap>(makePlatformFlowOwnerResolver(), options);
}

ProcessMap::~ProcessMap()
{
    {
        std::lock_guard lock(m_stopMutex);
        m_stop = true;
    }
    m_stopChanged.notify_all();
    m_worker.join();
}

bool ProcessMap::submit(const FlowKey& key) noexcept
{
    if (!m_queue.tryPush(key)) {
        m_dropped.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    m_submitted.fetch_add(1, std::memory_order_relaxed);
    return true;
}

FlowOwner ProcessMap::lookup(const FlowKey& key) const
{
    std::shared_lock lock(m_answersMutex);
    const auto found = m_answers.find(key);
    return found == m_answers.end() ? FlowOwner{} : found->second.owner;
}

ProcessMap::Stats ProcessMap::stats() const
{
    Stats stats;
    {
        std::lock_guard lock(m_statsMutex);
        stats = m_workerStats;
    }
    stats.submitted = m_submitted.load(std::memory_order_relaxed);
    stats.dropped = m_dropped.load(std::memory_order_relaxed);
    return stats;
}

void ProcessMap::run()
{
    std::unique_lock lock(m_stopMutex);
    while (!m_stopChanged.wait_for(lock, m_options.pollInterval, [this] { return m_stop; })) {
        lock.unlock();
        const Clock::time_point now = Clock::now();
        collectSubmitted(now);
        if (!m_waiting.empty() && now - m_lastRefresh >= m_options.minRefreshInterval) refresh(now);
        lock.lock();
    }
}

void ProcessMap::collectSubmitted(Clock::time_point now)
{
    FlowKey key;
    while (m_waiting.size() < m_options.maxKeysPerRefresh && m_queue.tryPop(key)) {
        // Only this thread writes m_answers, so it may read it without the lock.
        const auto known = m_answers.find(key);
        if (known != m_answers.end() && now - known->second.checkedAt < m_options.recheckAfter) continue;
        m_waiting.insert(key);
    }
}

void ProcessMap::refresh(Clock::time_point now)
{
    const std::vector<FlowKey> keys(m_waiting.begin(), m_waiting.end());
    m_waiting.clear();
    std::vector<FlowOwner> owners;
    std::string error;
    const bool ok = m_resolver->resolve(keys, owners, error);
    // Whatever the resolver could not answer is Unknown: never a guess.
    owners.resize(keys.size());
    for (FlowOwner& owner : owners)
        if (!ok || owner.status == FlowOwner::Status::Pending) owner = {FlowOwner::Status::Unknown, {}};
    publish(keys, owners, now);
    m_lastRefresh = now;

    std::lock_guard lock(m_statsMutex);
    ++m_workerStats.refreshes;
    m_workerStats.keysResolved += keys.size();
    if (!ok) {
        ++m_workerStats.failedRefreshes;
        m_workerStats.lastError = error;
    }
}

void ProcessMap::publish(const std::vector<FlowKey>& keys, const std::vector<FlowOwner>& owners, Clock::time_point now)
{
    bool changed = false;
    std::unique_lock lock(m_answersMutex);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const FlowOwner& fresh = owners[i];
        const auto [entry, added] = m_answers.try_emplace(keys[i], Entry{fresh, now});
        if (added) {
            changed = true;
            continue;
        }
        entry->second.checkedAt = now;
        FlowOwner& cached = entry->second.owner;
        // A process that has gone leaves its name on the flow it owned.
        const bool keepLastOwner = cached.status == FlowOwner::Status::Known && fresh.status != FlowOwner::Status::Known;
        if (!keepLastOwner && cached != fresh) {
            cached = fresh;
            changed = true;
        }
    }
    if (m_answers.size() > m_options.maxFlows) {
        evictOldest();
        changed = true;
    }
    if (changed) m_version.fetch_add(1, std::memory_order_acq_rel);
}

// Called with m_answersMutex held: keeps the half of the answers checked most recently.
void ProcessMap::evictOldest()
{
    std::vector<std::pair<Clock::time_point, FlowKey>> byAge;
    byAge.reserve(m_answers.size());
    for (const auto& [key, entry] : m_answers) byAge.emplace_back(entry.checkedAt, key);
    const std::size_t drop = byAge.size() - std::min(byAge.size(), m_options.maxFlows / 2);
    const auto older = [](const auto& a, const auto& b) { return a.first < b.first; };
    std::nth_element(byAge.begin(), byAge.begin() + static_cast<std::ptrdiff_t>(drop), byAge.end(), older);
    for (std::size_t i = 0; i < drop; ++i) m_answers.erase(byAge[i].second);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "process_traffic.h"

#include "flow_traffic.h"
#include "core/time_span.h"
#include "live/process_map.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

namespace rcvmon {

namespace {
constexpr std::chrono::seconds ResubmitAfter{2};

double averageBitsPerSecond(std::uint64_t bytes, const Timestamp& first, const Timestamp& last)
{
    return bitsPerSecond(bytes, secondsBetween(first, last));
}

void add(ProcessTraffic::Row& row, const FlowTraffic::Flow& flow)
{
    if (row.flows == 0 || earlierThan(flow.first, row.first)) row.first = flow.first;
    if (row.flows == 0 || earlierThan(row.last, flow.last)) row.last = flow.last;
    ++row.flows;
    row.packetsIn += flow.packetsIn;
    row.bytesIn += flow.bytesIn;
    row.packetsOut += flow.packetsOut;
    row.bytesOut += flow.bytesOut;
    row.bitsPerSecondIn += flow.bitsPerSecondIn;
    row.bitsPerSecondOut += flow.bitsPerSecondOut;
}
}  // namespace

double ProcessTraffic::Row::averageBitsPerSecondIn() const
{
    return averageBitsPerSecond(bytesIn, first, last);
}

double ProcessTraffic::Row::averageBitsPerSecondOut() const
{
    return averageBitsPerSecond(bytesOut, first, last);
}

ProcessTraffic::ProcessTraffic(FlowTraffic* flows) : m_flows(flows) {}

void ProcessTraffic::setProcessMap(ProcessMap* map)
{
    m_map = map;
    m_mapVersion = 0;
    m_submitted.clear();
    m_rows.clear();
    m_pendingFlows = 0;
    ++m_generation;
}

bool ProcessTraffic::answersChanged() const
{
    return m_map && m_map->version() != m_mapVersion;
}

void ProcessTraffic::submitIfDue(const FlowKey& key, Clock::time_point now)
{
    const auto [found, added] = m_submitted.try_emplace(key, now);
    if (!added && now - found->second < ResubmitAfter) return;
    // A full queue drops the key: it stays due and goes again on the next update.
    if (m_map->submit(key)) found->second = now;
    else if (added) found->second = now - ResubmitAfter;
}

void ProcessTraffic::update(bool newRateInterval)
{
    if (m_flows->generation() != m_flowsGeneration) {
        m_flowsGeneration = m_flows->generation();
        m_submitted.clear();
        ++m_generation;
    }
    if (newRateInterval) m_flows->markRates();
    m_rows.clear();
    m_pendingFlows = 0;
    if (!m_map) return;
    // Read the version first: an answer published during the walk moves it again.
    m_mapVersion = m_map->version();
    const Clock::time_point now = Clock::now();
    std::map<std::pair<std::uint32_t, std::string>, Row> processes;
    Row unknown, pending;
    unknown.kind = Kind::Unknown;
    pending.kind = Kind::Pending;
    for (const auto& [key, flow] : m_flows->flows()) {
        const FlowOwner owner = m_map->lookup(key);
        if (owner.status == FlowOwner::Status::Pending) {
            submitIfDue(key, now);
            add(pending, flow);
            continue;
        }
        m_submitted.erase(key);
        if (owner.status == FlowOwner::Status::Unknown) {
            add(unknown, flow);
            continue;
        }
        Row& row = processes[{owner.process.pid, owner.process.name}];
        if (row.flows == 0) {
            row.kind = Kind::Process;
            row.process = owner.process;
        }
        add(row, flow);
    }
    m_rows.reserve(processes.size() + 2);
    for (auto& [id, row] : processes) m_rows.push_back(std::move(row));
    if (unknown.flows > 0) m_rows.push_back(unknown);
    if (pending.flows > 0) m_rows.push_back(pending);
    m_pendingFlows = pending.flows;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/timestamp.h"
#include "live/flow_key.h"
#include "live/flow_owner.h"

#include <chrono>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace rcvmon {

class FlowTraffic;
class ProcessMap;

// Statistics ▸ Processes: the flows of a FlowTraffic (all live TCP/UDP traffic with a local
// end) grouped by the process that owns them, as the ProcessMap knows it now. update() costs
// work in flows, never in packets: one lookup per flow, and a submit for the flows the map has
// not answered yet. A flow it has no answer for counts under one "pending" row, never under a
// guessed name; flows nobody owns under one "unknown" row.
class ProcessTraffic {
public:
    enum class Kind : std::uint8_t { Process, Unknown, Pending };
    struct Row {
        Kind kind = Kind::Unknown;
        ProcessInfo process;  // Kind::Process only
        std::uint64_t flows = 0;
        std::uint64_t packetsIn = 0, bytesIn = 0, packetsOut = 0, bytesOut = 0;
        // Current rate: over the capture time between the last two rate intervals.
        double bitsPerSecondIn = 0, bitsPerSecondOut = 0;
        Timestamp first, last;  // earliest and latest frame of its flows

        std::uint64_t packets() const { return packetsIn + packetsOut; }
        std::uint64_t bytes() const { return bytesIn + bytesOut; }
        // Average rate over its flows' lifetime (first to last frame); 0 when that is no time.
        double averageBitsPerSecondIn() const;
        double averageBitsPerSecondOut() const;
    };

    explicit ProcessTraffic(FlowTraffic* flows);

    // The live capture's map; null (a file, nothing captured) leaves no rows.
    void setProcessMap(ProcessMap* map);
    ProcessMap* processMap() const { return m_map; }
    const FlowTraffic* flowTraffic() const { return m_flows; }

    // Groups the flows again under the owners the map knows now. With newRateInterval the
    // flows' current rates first take the traffic since the last interval (the dialog's 1 s
    // tick); without, only owners change (an answer came in).
    void update(bool newRateInterval);
    // The map published answers since the last update().
    bool answersChanged() const;

    // Known processes by pid then name, then "unknown", then "pending", each only when it has flows.
    const std::vector<Row>& rows() const { return m_rows; }
    // Flows still waiting for the map's answer at the last update().
    std::uint64_t pendingFlows() const { return m_pendingFlows; }
    // Changes when the flows were cleared or the map replaced: a model over this resets.
    std::uint64_t generation() const { return m_generation; }

private:
    using Clock = std::chrono::steady_clock;
    void submitIfDue(const FlowKey& key, Clock::time_point now);

    FlowTraffic* m_flows;
    ProcessMap* m_map = nullptr;
    std::vector<Row> m_rows;
    std::uint64_t m_pendingFlows = 0;
    std::uint64_t m_generation = 0;
    std::uint64_t m_flowsGeneration = 0;
    std::uint64_t m_mapVersion = 0;
    // Pending flows and when they were last submitted: a key the map's full queue dropped,
    // or whose answer it evicted, is submitted again after a while.
    std::unordered_map<FlowKey, Clock::time_point, FlowKeyHash> m_submitted;
};

}  // namespace rcvmon

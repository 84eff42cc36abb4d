// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/timestamp.h"
#include "live/flow_key.h"
#include "on_demand_pass.h"

#include <cstdint>
#include <unordered_map>

namespace rcvmon {

// bytes over seconds as bits per second; 0 over no measurable time.
inline double bitsPerSecond(std::uint64_t bytes, double seconds)
{
    return seconds > 0.0 ? static_cast<double>(bytes) * 8.0 / seconds : 0.0;
}

// Packets and bytes, in and out, of every TCP/UDP flow with a local end, over all retained
// frames: once enabled it reads each frame's headers (localFlowKey, no dissection) in capture
// order, in slices, then each frame as it arrives, and adds the frame to its flow with one
// hash lookup. Nothing is allocated per frame but a new flow's entry, so a capture of millions
// of packets costs memory in flows, not packets. Statistics ▸ Processes groups the flows by
// owner (ProcessTraffic). Off until first asked for, as the StatisticsFeed is.
class FlowTraffic : public OnDemandPass {
    Q_OBJECT
public:
    struct Flow {
        std::uint64_t packetsIn = 0, bytesIn = 0, packetsOut = 0, bytesOut = 0;  // bytes on the wire
        Timestamp first, last;  // capture times of its first and last frame
        // Current rate: bits per second over the capture time between the last two markRates().
        double bitsPerSecondIn = 0, bitsPerSecondOut = 0;
        std::uint64_t bytesInAtMark = 0, bytesOutAtMark = 0;
    };
    using Flows = std::unordered_map<FlowKey, Flow, FlowKeyHash>;

    explicit FlowTraffic(QObject* parent = nullptr);

    const Flows& flows() const { return m_flows; }
    // Frames added to a flow; frames without a local TCP/UDP end are passed over.
    std::uint64_t framesCounted() const { return m_framesCounted; }
    // Capture time of the latest frame counted (all zero before the first).
    Timestamp latest() const { return m_latest; }
    // Starts a new rate interval: each flow's rate becomes the bytes it gained since the last
    // mark over the capture time that passed (from the first frame, the first time). Capture
    // time, not wall time, so catching up on retained frames or a file reads true rates, and a
    // stopped capture reads zero. Work proportional to the flows.
    void markRates();

protected:
    void clearResults() override;
    void visit(const FrameRef& frame, std::uint64_t number) override;

private:
    Flows m_flows;
    std::uint64_t m_framesCounted = 0;
    Timestamp m_earliest, m_latest;
    bool m_haveMark = false;
    Timestamp m_mark;  // capture time of the last mark
};

}  // namespace rcvmon

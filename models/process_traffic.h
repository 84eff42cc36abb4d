// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"
#include "live/flow_owner.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace rcvmon {

// Packets and bytes per process, in and out, for the frames the packet table has attributed:
// each frame counts once, under the owner its Process cell showed first (Known, or the one
// "unknown" row). The table attributes the rows a view asks for, so this grows with what the
// user has looked at, never with every captured packet.
class ProcessTraffic {
public:
    struct Row {
        FlowOwner owner;  // Known or Unknown
        std::uint64_t packetsIn = 0, bytesIn = 0, packetsOut = 0, bytesOut = 0;
        std::uint64_t packets() const { return packetsIn + packetsOut; }
        std::uint64_t bytes() const { return bytesIn + bytesOut; }
    };

    // Counts frame `number` unless it was counted before; a Pending owner is not counted.
    void count(std::uint64_t number, const FlowOwner& owner, Direction direction, std::uint32_t bytes);
    void clear();

    // In the order first seen.
    const std::vector<Row>& rows() const { return m_rows; }
    std::uint64_t framesCounted() const { return static_cast<std::uint64_t>(m_counted.size()); }
    // Grows on clear(): a model over this resets.
    std::uint64_t generation() const { return m_generation; }

private:
    std::vector<Row> m_rows;
    std::map<std::pair<std::uint32_t, std::string>, std::size_t> m_rowOfProcess;  // (pid, name) → row
    std::size_t m_unknownRow = SIZE_MAX;
    std::unordered_set<std::uint64_t> m_counted;
    std::uint64_t m_generation = 0;
};

}  // namespace rcvmon

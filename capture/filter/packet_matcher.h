// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/dissection.h"
#include "dissect/dissector.h"
#include "filter/display_filter.h"
#include "filter/quick_packet.h"

#include <cstdint>

namespace rcvmon {

// Filters frames read in file order, as tshark's single pass does (rcvmon-cli -r -Y).
// When the filter needs dissection, or the caller prints every frame it passes, every
// frame is dissected in order so cross-frame state (reassembly, TCP) is right. Otherwise
// the quick header pass decides the frames it can and only the others are dissected:
// the fields such a filter reads (addresses, ports, lengths, protocol presence) never
// depend on TCP state, and every IP fragment still reaches the reassembler.
class SequentialMatcher {
public:
    SequentialMatcher(const DisplayFilter& filter, Dissector& dissector, Dissection& dissection,
                      bool dissectEveryFrame);

    bool matches(const FrameRef& frame, std::uint64_t number);
    // Whether `dissection` now holds the frame last passed to matches().
    bool dissected() const { return m_dissected; }
    std::uint64_t dissectedCount() const { return m_dissectedCount; }

private:
    const DisplayFilter& m_filter;
    Dissector& m_dissector;
    Dissection& m_dissection;
    bool m_dissectEveryFrame;
    bool m_dissected = false;
    std::uint64_t m_dissectedCount = 0;
    QuickPacket m_quick;
};

// Filters stored packets in any order — the GUI's packet list over the store. The quick
// header pass decides what it can; any other frame is dissected alone, as the packet
// table shows it (no state from other frames; reassembly off by default, as there).
class StoredPacketMatcher {
public:
    explicit StoredPacketMatcher(const DisplayFilter& filter, DissectorOptions options = DissectorOptions{false});

    bool matches(const FrameRef& frame, std::uint64_t number);
    std::uint64_t dissectedCount() const { return m_dissectedCount; }
    const DisplayFilter& filter() const { return m_filter; }

private:
    const DisplayFilter& m_filter;
    Dissector m_dissector;
    Dissection m_dissection;
    QuickPacket m_quick;
    std::uint64_t m_dissectedCount = 0;
};

}  // namespace rcvmon

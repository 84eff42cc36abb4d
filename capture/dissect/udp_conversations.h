// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/flow_table.h"

#include <array>
#include <cstdint>

namespace rcvmon {

// UDP conversations as Wireshark numbers them (udp.stream): one index per address/port pair,
// in order of first appearance, quoted datagrams in ICMP errors included. Bounded like the
// TCP table: at kMaxFlows pairs it starts over, the numbering goes on.
class UdpConversations {
public:
    static constexpr std::uint32_t kMaxFlows = 131072;

    UdpConversations() : m_index(kMaxFlows) {}
    std::uint32_t stream(std::uint8_t family, const std::array<std::uint8_t, 16>& src, std::uint16_t srcPort,
                         const std::array<std::uint8_t, 16>& dst, std::uint16_t dstPort);
    void clear()
    {
        m_index.clear();
        m_next = 0;
    }

private:
    FlowIndex m_index;
    std::uint32_t m_next = 0;
};

}  // namespace rcvmon

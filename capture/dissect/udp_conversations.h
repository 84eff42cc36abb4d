// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/flow_table.h"

#include <array>
#include <cstdint>
#include <vector>

namespace rcvmon {

// UDP conversations as Wireshark numbers them (udp.stream): one index per address/port pair,
// in order of first appearance, quoted datagrams in ICMP errors included. Bounded like the
// TCP table: at kMaxFlows pairs it starts over, the numbering goes on.
//
// A protocol may also announce a conversation with one port left open (Wireshark's
// conversation_new with NO_PORT2: SNMP expects its answer from any port). Datagrams it
// matches take the newest of the conversations they fit, as Wireshark's lookup finds them,
// and it gets its own index on the first of them. At most kMaxOpenPort such announcements are
// kept; past that they start over.
class UdpConversations {
public:
    static constexpr std::uint32_t kMaxFlows = 131072;
    static constexpr std::uint32_t kMaxOpenPort = 4096;

    UdpConversations() : m_index(kMaxFlows), m_openPort(kMaxOpenPort) {}
    std::uint32_t stream(std::uint8_t family, const std::array<std::uint8_t, 16>& src, std::uint16_t srcPort,
                         const std::array<std::uint8_t, 16>& dst, std::uint16_t dstPort);
    // The index slot stream() will read for this pair starts loading (as TcpConversations').
    void prefetch(std::uint8_t family, const std::array<std::uint8_t, 16>& src, std::uint16_t srcPort,
                  const std::array<std::uint8_t, 16>& dst, std::uint16_t dstPort) const;
    // (a, aPort) ↔ (b, any port); nothing when one is announced already.
    void announceOpenPort(std::uint8_t family, const std::array<std::uint8_t, 16>& a, std::uint16_t aPort,
                          const std::array<std::uint8_t, 16>& b);
    void clear()
    {
        m_index.clear();
        m_openPort.clear();
        m_open.clear();
        m_next = 0;
    }

private:
    static constexpr std::uint32_t kNoStream = 0xffffffffu;
    struct OpenPort {
        std::uint32_t createdAt = 0;  // the next index when it was announced: newer than lower ones
        std::uint32_t stream = kNoStream;
    };
    static ConversationKey openPortKey(std::uint8_t family, const std::array<std::uint8_t, 16>& a, std::uint16_t aPort,
                                       const std::array<std::uint8_t, 16>& b);
    OpenPort* findOpenPort(std::uint8_t family, const std::array<std::uint8_t, 16>& src, std::uint16_t srcPort,
                           const std::array<std::uint8_t, 16>& dst, std::uint16_t dstPort);

    FlowIndex m_index;
    FlowIndex m_openPort;          // key → index into m_open
    std::vector<OpenPort> m_open;
    std::uint32_t m_next = 0;
};

}  // namespace rcvmon

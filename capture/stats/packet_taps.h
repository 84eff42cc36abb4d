// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stats/stat_address.h"
#include "stats/stat_kind.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace rcvmon {

class Dissection;
class LayerFields;

// One address pair a frame contributes to a conversation table (Wireshark's "tap").
struct AddressTap {
    StatKind kind = StatKind::Ethernet;
    StatAddress src, dst;
    std::uint16_t srcPort = 0, dstPort = 0;
    // TCP only, to tell a new connection on a reused port pair.
    std::uint32_t tcpSeq = 0, tcpAck = 0;
    bool tcpSyn = false, tcpHasAck = false;
};

// The taps of one dissected frame, outermost first, as Wireshark's dissectors queue them:
// each Ethernet, IPv4, IPv6, TCP and UDP header that was read whole (tunnels give several);
// none for the packet an ICMP error quotes. TCP and UDP use the addresses Wireshark keeps
// for the packet at that point (an IPv6 home address option or type 0 routing header
// changes them). Fixed capacity: collecting allocates nothing.
class PacketTaps {
public:
    static constexpr std::size_t kMaxTaps = 32;

    void collect(const Dissection& dissection, const LayerFields& fields);
    std::span<const AddressTap> taps() const { return std::span<const AddressTap>(m_taps).first(m_count); }

private:
    void push(const AddressTap& tap)
    {
        if (m_count < kMaxTaps) m_taps[m_count++] = tap;
    }

    std::array<AddressTap, kMaxTaps> m_taps{};
    std::size_t m_count = 0;
};

}  // namespace rcvmon

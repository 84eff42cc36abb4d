// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stats/stat_address.h"

#include <array>
#include <cstddef>
#include <cstdint>

namespace rcvmon {

class Dissection;

// The few fields statistics need, gathered per layer in one pass over a dissection.
struct LayerAddresses {
    StatAddress src, dst;
    StatAddress homeAddress;   // IPv6 Mobile IPv6 home address option: the real source
    StatAddress routingLast;   // IPv6 type 0 routing header: the final destination
    std::uint16_t srcPort = 0, dstPort = 0;
    std::uint32_t tcpSeqRaw = 0, tcpAckRaw = 0;
    std::uint16_t tcpFlags = 0;
    bool hasSrcPort = false, hasDstPort = false, hasTcpFlags = false;
    bool fragment = false;          // IPv4 or IPv6 fragment (more fragments, or an offset)
    std::uint32_t mplsLabels = 0;   // label stack entries (Wireshark shows one item each)
    std::uint32_t fieldCount = 0;
};

class LayerFields {
public:
    static constexpr std::size_t kMaxLayers = 64;

    void collect(const Dissection& dissection);
    std::size_t layerCount() const { return m_count; }
    const LayerAddresses& operator[](std::size_t layer) const { return m_layers[layer]; }

private:
    std::array<LayerAddresses, kMaxLayers> m_layers{};
    std::size_t m_count = 0;
};

}  // namespace rcvmon

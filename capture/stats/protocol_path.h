// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

namespace rcvmon {

class Dissection;
class LayerFields;

// A frame's protocols as tshark's protocol hierarchy counts them: the top-level items of
// Wireshark's tree. That is frame.protocols without "frame" and "ethertype"; without the
// headers nested inside another protocol's tree (IPv6 extension headers, the packet an ICMP
// error quotes); with "raw" for LINKTYPE_RAW, one "mpls" per label, "data" for a fragment
// that completes no datagram, only "tcp" for a segment that starts an application PDU
// continuing later, and "_ws.short" / "_ws.malformed" where the bytes ran out or a value
// was impossible. Fixed capacity: no allocation.
class ProtocolPath {
public:
    static constexpr std::size_t kMaxDepth = 48;

    void collect(const FrameRef& frame, const Dissection& dissection, const LayerFields& fields);
    std::span<const std::string_view> names() const
    {
        return std::span<const std::string_view>(m_names).first(m_count);
    }

private:
    void push(std::string_view name)
    {
        if (m_count < kMaxDepth) m_names[m_count++] = name;
    }

    std::array<std::string_view, kMaxDepth> m_names{};
    std::size_t m_count = 0;
};

}  // namespace rcvmon

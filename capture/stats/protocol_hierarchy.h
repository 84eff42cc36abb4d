// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace rcvmon {

// One protocol at one place in the hierarchy (eth ▸ ip ▸ tcp): how many frames carried it
// there and their bytes.
struct ProtocolNode {
    static constexpr std::uint32_t kNone = 0xffffffffu;

    std::string_view name;  // Wireshark's filter name; points at static text
    std::uint64_t frames = 0;
    std::uint64_t bytes = 0;
    std::uint32_t parent = kNone;
    std::uint32_t firstChild = kNone;
    std::uint32_t nextSibling = kNone;  // children in the order first seen
    std::uint32_t depth = 0;
};

// Protocol hierarchy statistics (tshark -z io,phs): a tree of protocol paths, each frame
// adding its path from the outermost protocol in. Only a new path allocates.
class ProtocolHierarchy {
public:
    // Names must outlive the hierarchy (layer names from the dissector are static).
    void add(std::span<const std::string_view> path, std::uint64_t bytes);

    std::span<const ProtocolNode> nodes() const { return m_nodes; }
    std::uint32_t firstRoot() const { return m_firstRoot; }
    // Node indices depth first, siblings in the order first seen: the order tshark prints.
    std::vector<std::uint32_t> preorder() const;
    void clear();

private:
    std::uint32_t child(std::uint32_t parent, std::string_view name);

    std::vector<ProtocolNode> m_nodes;
    std::uint32_t m_firstRoot = ProtocolNode::kNone;
};

}  // namespace rcvmon

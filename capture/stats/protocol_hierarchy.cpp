// SPDX-License-Identifier: GPL-2.0-or-later
#include "stats/protocol_hierarchy.h"

namespace rcvmon {

std::uint32_t ProtocolHierarchy::child(std::uint32_t parent, std::string_view name)
{
    std::uint32_t* link = parent == ProtocolNode::kNone ? &m_firstRoot : &m_nodes[parent].firstChild;
    while (*link != ProtocolNode::kNone) {
        if (m_nodes[*link].name == name) return *link;
        link = &m_nodes[*link].nextSibling;
    }
    const auto index = static_cast<std::uint32_t>(m_nodes.size());
    ProtocolNode node;
    node.name = name;
    node.parent = parent;
    node.depth = parent == ProtocolNode::kNone ? 0 : m_nodes[parent].depth + 1;
    m_nodes.push_back(node);
    // `link` may point into m_nodes, which push_back can move: find the tail again.
    link = parent == ProtocolNode::kNone ? &m_firstRoot : &m_nodes[parent].firstChild;
    while (*link != ProtocolNode::kNone) link = &m_nodes[*link].nextSibling;
    *link = index;
    return index;
}

void ProtocolHierarchy::add(std::span<const std::string_view> path, std::uint64_t bytes)
{
    std::uint32_t at = ProtocolNode::kNone;
    for (std::string_view name : path) {
        at = child(at, name);
        ++m_nodes[at].frames;
        m_nodes[at].bytes += bytes;
    }
}

std::vector<std::uint32_t> ProtocolHierarchy::preorder() const
{
    std::vector<std::uint32_t> out;
    out.reserve(m_nodes.size());
    std::vector<std::uint32_t> stack;
    if (m_firstRoot != ProtocolNode::kNone) stack.push_back(m_firstRoot);
    // Each stack entry is the next sibling still to visit at its depth.
    while (!stack.empty()) {
        const std::uint32_t node = stack.back();
        stack.pop_back();
        out.push_back(node);
        if (m_nodes[node].nextSibling != ProtocolNode::kNone) stack.push_back(m_nodes[node].nextSibling);
        if (m_nodes[node].firstChild != ProtocolNode::kNone) stack.push_back(m_nodes[node].firstChild);
    }
    return out;
}

void ProtocolHierarchy::clear()
{
    m_nodes.clear();
    m_firstRoot = ProtocolNode::kNone;
}

}  // namespace rcvmon

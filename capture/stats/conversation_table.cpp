// SPDX-License-Identifier: GPL-2.0-or-later
#include "stats/conversation_table.h"

#include "stats/row_order.h"

namespace rcvmon {

std::size_t ConversationTable::KeyHash::operator()(const Key& k) const
{
    std::size_t h = k.low.hash();
    h = mixHash(h, k.high.hash());
    return mixHash(h, (std::uint64_t{k.lowPort} << 48) | (std::uint64_t{k.highPort} << 32) | k.stream);
}

void ConversationTable::add(const StatAddress& src, const StatAddress& dst, std::uint16_t srcPort,
                            std::uint16_t dstPort, std::uint32_t stream, std::uint64_t bytes, const RelativeTime& when)
{
    const bool srcLow = src != dst ? src < dst : srcPort <= dstPort;
    Key key;
    key.low = srcLow ? src : dst;
    key.high = srcLow ? dst : src;
    key.lowPort = srcLow ? srcPort : dstPort;
    key.highPort = srcLow ? dstPort : srcPort;
    key.stream = stream;

    auto [it, inserted] = m_index.try_emplace(key, static_cast<std::uint32_t>(m_rows.size()));
    if (inserted) {
        Conversation c;
        c.addressA = src;
        c.addressB = dst;
        c.portA = srcPort;
        c.portB = dstPort;
        c.stream = stream;
        c.start = c.stop = when;
        m_rows.push_back(c);
    }
    Conversation& c = m_rows[it->second];
    // Wireshark's rule: the packet goes A→B only when it matches the first packet's ends exactly.
    const bool forward = src == c.addressA && dst == c.addressB && srcPort == c.portA && dstPort == c.portB;
    FlowCount& flow = forward ? c.aToB : c.bToA;
    ++flow.frames;
    flow.bytes += bytes;
    if (c.stop < when) c.stop = when;
    else if (when < c.start) c.start = when;
}

std::vector<std::size_t> ConversationTable::tsharkOrder() const
{
    return rowsByFramesDescending(std::span<const Conversation>(m_rows));
}

void ConversationTable::clear()
{
    m_rows.clear();
    m_index.clear();
}

}  // namespace rcvmon

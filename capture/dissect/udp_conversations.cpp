// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/udp_conversations.h"

namespace rcvmon {

std::uint32_t UdpConversations::stream(std::uint8_t family, const std::array<std::uint8_t, 16>& src,
                                       std::uint16_t srcPort, const std::array<std::uint8_t, 16>& dst,
                                       std::uint16_t dstPort)
{
    bool forward = true;
    const ConversationKey key = makeFlowKey(family, src, srcPort, dst, dstPort, forward);
    std::uint32_t s = m_index.find(key);
    if (s != FlowIndex::kNone) return s;
    if (m_index.size() + 1 >= kMaxFlows) m_index.clear();
    s = m_next++;
    m_index.set(key, s);
    return s;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/udp_conversations.h"

namespace rcvmon {

ConversationKey UdpConversations::openPortKey(std::uint8_t family, const std::array<std::uint8_t, 16>& a,
                                              std::uint16_t aPort, const std::array<std::uint8_t, 16>& b)
{
    bool forward = true;
    ConversationKey key = makeFlowKey(family, a, aPort, b, 0, forward);
    key.bytes[0] |= 0x80;  // never equal to a full pair's key
    return key;
}

UdpConversations::OpenPort* UdpConversations::findOpenPort(std::uint8_t family, const std::array<std::uint8_t, 16>& src,
                                                           std::uint16_t srcPort, const std::array<std::uint8_t, 16>& dst,
                                                           std::uint16_t dstPort)
{
    std::uint32_t i = m_openPort.find(openPortKey(family, src, srcPort, dst));
    if (i == FlowIndex::kNone) i = m_openPort.find(openPortKey(family, dst, dstPort, src));
    return i == FlowIndex::kNone ? nullptr : &m_open[i];
}

void UdpConversations::announceOpenPort(std::uint8_t family, const std::array<std::uint8_t, 16>& a, std::uint16_t aPort,
                                        const std::array<std::uint8_t, 16>& b)
{
    const ConversationKey key = openPortKey(family, a, aPort, b);
    if (m_openPort.find(key) != FlowIndex::kNone) return;
    if (m_open.size() + 1 >= kMaxOpenPort) {
        m_openPort.clear();
        m_open.clear();
    }
    m_openPort.set(key, static_cast<std::uint32_t>(m_open.size()));
    m_open.push_back(OpenPort{m_next, kNoStream});
}

void UdpConversations::prefetch(std::uint8_t family, const std::array<std::uint8_t, 16>& src, std::uint16_t srcPort,
                                const std::array<std::uint8_t, 16>& dst, std::uint16_t dstPort) const
{
    bool forward = true;
    m_index.prefetch(makeFlowKey(family, src, srcPort, dst, dstPort, forward));
}

std::uint32_t UdpConversations::stream(std::uint8_t family, const std::array<std::uint8_t, 16>& src,
                                       std::uint16_t srcPort, const std::array<std::uint8_t, 16>& dst,
                                       std::uint16_t dstPort)
{
    bool forward = true;
    const ConversationKey key = makeFlowKey(family, src, srcPort, dst, dstPort, forward);
    std::uint32_t s = m_index.find(key);
    if (!m_open.empty()) {
        // The announced conversation wins over a pair seen before it was announced.
        if (OpenPort* open = findOpenPort(family, src, srcPort, dst, dstPort);
            open && (s == FlowIndex::kNone || s < open->createdAt)) {
            if (open->stream == kNoStream) open->stream = m_next++;
            return open->stream;
        }
    }
    if (s != FlowIndex::kNone) return s;
    if (m_index.size() + 1 >= kMaxFlows) m_index.clear();
    s = m_next++;
    m_index.set(key, s);
    return s;
}

}  // namespace rcvmon

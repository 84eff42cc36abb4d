// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/tcp_conversations.h"

#include <algorithm>

namespace rcvmon {

std::size_t TcpConversations::KeyHash::operator()(const Key& k) const
{
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (std::uint8_t b : k.bytes) h = (h ^ b) * 1099511628211ull;
    return static_cast<std::size_t>(h);
}

TcpConversations::Result TcpConversations::observe(std::uint8_t family, const Endpoint& src, const Endpoint& dst,
                                                   const Segment& s)
{
    // One key for both directions: the lower endpoint first; `me` says which one sent.
    const auto less = [](const Endpoint& a, const Endpoint& b) {
        return a.addr != b.addr ? a.addr < b.addr : a.port < b.port;
    };
    const bool forward = !less(dst, src);
    const Endpoint& lo = forward ? src : dst;
    const Endpoint& hi = forward ? dst : src;
    Key key;
    key.bytes[0] = family;
    std::copy(lo.addr.begin(), lo.addr.end(), key.bytes.begin() + 1);
    std::copy(hi.addr.begin(), hi.addr.end(), key.bytes.begin() + 17);
    key.bytes[33] = static_cast<std::uint8_t>(lo.port >> 8);
    key.bytes[34] = static_cast<std::uint8_t>(lo.port);
    key.bytes[35] = static_cast<std::uint8_t>(hi.port >> 8);
    key.bytes[36] = static_cast<std::uint8_t>(hi.port);
    if (m_flows.size() >= kMaxFlows && m_flows.find(key) == m_flows.end()) m_flows.clear();
    TcpConversation& conv = m_flows[key];
    const int me = forward ? 0 : 1;
    TcpDirectionState& mine = conv.dir[me];
    TcpDirectionState& peer = conv.dir[1 - me];
    // A new SYN with a different number starts a new connection on the same ports.
    if (s.syn && !s.hasAck && mine.baseKnown && mine.base != s.seq) conv = TcpConversation{};
    if (!mine.baseKnown) {
        mine.base = s.syn ? s.seq : s.seq - 1;
        mine.baseKnown = true;
    }
    if (s.hasAck && !peer.baseKnown) {
        peer.base = s.ack - 1;
        peer.baseKnown = true;
    }
    Result r;
    r.relSeq = s.seq - mine.base;
    r.relAck = s.hasAck ? s.ack - peer.base : 0;
    const std::uint32_t end = s.seq + s.length + (s.syn ? 1 : 0) + (s.fin ? 1 : 0);
    if (mine.nextKnown && s.length > 0 && static_cast<std::int32_t>(end - mine.nextSeq) <= 0) r.retransmission = true;
    if (!mine.nextKnown || static_cast<std::int32_t>(end - mine.nextSeq) > 0) {
        mine.nextSeq = end;
        mine.nextKnown = true;
    }
    r.conversation = &conv;
    r.direction = &mine;
    return r;
}

}  // namespace rcvmon

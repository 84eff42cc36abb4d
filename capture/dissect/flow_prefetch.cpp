// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/flow_prefetch.h"

#include "core/link_type.h"
#include "dissect/tcp_conversations.h"
#include "dissect/udp_conversations.h"

#include <algorithm>
#include <array>

namespace rcvmon {

namespace {

struct FlowOf {
    std::uint8_t protocol = 0;  // 6 TCP, 17 UDP, 0 none found
    std::uint8_t family = 0;
    TcpConversations::Endpoint src, dst;
};

// The endpoints as the IP dissectors put them in DissectContext::net (IPv4: 4 bytes, zeros).
FlowOf flowOf(std::uint32_t linkType, ByteSpan frame)
{
    FlowOf f;
    if (linkType != link_type::Ethernet || frame.size() < 14) return f;
    const std::uint8_t* b = frame.data();
    std::size_t at = 12;
    unsigned type = b[at] << 8 | b[at + 1];
    if (type == 0x8100 && frame.size() >= 18) {
        at += 4;
        type = b[at] << 8 | b[at + 1];
    }
    at += 2;
    std::uint8_t protocol = 0;
    std::size_t l4 = 0;
    if (type == 0x0800) {
        if (frame.size() < at + 20) return f;
        const std::uint8_t* ip = b + at;
        const std::size_t ihl = std::size_t{ip[0] & 0x0fu} * 4;
        if ((ip[0] >> 4) != 4 || ihl < 20 || (((ip[6] & 0x3f) << 8) | ip[7]) != 0) return f;  // fragments: no ports
        f.family = 4;
        protocol = ip[9];
        std::copy(ip + 12, ip + 16, f.src.addr.begin());
        std::copy(ip + 16, ip + 20, f.dst.addr.begin());
        l4 = at + ihl;
    } else if (type == 0x86dd) {
        if (frame.size() < at + 40) return f;
        const std::uint8_t* ip = b + at;
        f.family = 6;
        protocol = ip[6];
        std::copy(ip + 8, ip + 24, f.src.addr.begin());
        std::copy(ip + 24, ip + 40, f.dst.addr.begin());
        l4 = at + 40;
    } else {
        return f;
    }
    if ((protocol != 6 && protocol != 17) || frame.size() < l4 + 4) return f;
    f.src.port = static_cast<std::uint16_t>(b[l4] << 8 | b[l4 + 1]);
    f.dst.port = static_cast<std::uint16_t>(b[l4 + 2] << 8 | b[l4 + 3]);
    f.protocol = protocol;
    return f;
}

// What the last two prefetchConversationAhead() calls found (the frame being dissected and the one
// read ahead of it), for the record step on the same frame: its headers are not parsed twice
// and the step runs only for a frame whose slot was asked for before. Per thread, as
// dissectors are.
struct Pending {
    const std::uint8_t* frame = nullptr;
    FlowOf flow;
};
thread_local std::array<Pending, 2> t_pending;
thread_local unsigned t_nextPending = 0;

}  // namespace

void prefetchConversation(const TcpConversations& tcp, const UdpConversations& udp, std::uint32_t linkType,
                          ByteSpan frame)
{
    const FlowOf f = flowOf(linkType, frame);
    if (f.protocol == 6) tcp.prefetch(f.family, f.src, f.dst);
    else if (f.protocol == 17) udp.prefetch(f.family, f.src.addr, f.src.port, f.dst.addr, f.dst.port);
}

void prefetchConversationAhead(const TcpConversations& tcp, const UdpConversations& udp, std::uint32_t linkType,
                               ByteSpan frame)
{
    const FlowOf f = flowOf(linkType, frame);
    t_pending[t_nextPending] = Pending{frame.data(), f};
    t_nextPending ^= 1;
    if (f.protocol == 6) tcp.prefetch(f.family, f.src, f.dst);
    else if (f.protocol == 17) udp.prefetch(f.family, f.src.addr, f.src.port, f.dst.addr, f.dst.port);
}

bool prefetchConversationRecord(const TcpConversations& tcp, ByteSpan frame)
{
    for (const Pending& p : t_pending) {
        if (p.frame != frame.data() || !p.frame) continue;
        if (p.flow.protocol == 6) tcp.prefetchRecord(p.flow.family, p.flow.src, p.flow.dst);
        return true;
    }
    return false;
}

}  // namespace rcvmon

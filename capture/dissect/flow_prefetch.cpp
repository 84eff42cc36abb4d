// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/flow_prefetch.h"

#include "core/link_type.h"
#include "dissect/tcp_conversations.h"
#include "dissect/udp_conversations.h"

#include <algorithm>

namespace rcvmon {

void prefetchConversation(const TcpConversations& tcp, const UdpConversations& udp, std::uint32_t linkType,
                          ByteSpan frame)
{
    if (linkType != link_type::Ethernet || frame.size() < 14) return;
    const std::uint8_t* b = frame.data();
    std::size_t at = 12;
    unsigned type = b[at] << 8 | b[at + 1];
    if (type == 0x8100 && frame.size() >= 18) {
        at += 4;
        type = b[at] << 8 | b[at + 1];
    }
    at += 2;
    // The addresses as the IP dissectors put them in DissectContext::net (IPv4: 4 bytes, zeros).
    TcpConversations::Endpoint src, dst;
    std::uint8_t family = 0, protocol = 0;
    std::size_t l4 = 0;
    if (type == 0x0800) {
        if (frame.size() < at + 20) return;
        const std::uint8_t* ip = b + at;
        const std::size_t ihl = std::size_t{ip[0] & 0x0fu} * 4;
        if ((ip[0] >> 4) != 4 || ihl < 20 || (((ip[6] & 0x3f) << 8) | ip[7]) != 0) return;  // fragments: no ports
        family = 4;
        protocol = ip[9];
        std::copy(ip + 12, ip + 16, src.addr.begin());
        std::copy(ip + 16, ip + 20, dst.addr.begin());
        l4 = at + ihl;
    } else if (type == 0x86dd) {
        if (frame.size() < at + 40) return;
        const std::uint8_t* ip = b + at;
        family = 6;
        protocol = ip[6];
        std::copy(ip + 8, ip + 24, src.addr.begin());
        std::copy(ip + 24, ip + 40, dst.addr.begin());
        l4 = at + 40;
    } else {
        return;
    }
    if ((protocol != 6 && protocol != 17) || frame.size() < l4 + 4) return;
    src.port = static_cast<std::uint16_t>(b[l4] << 8 | b[l4 + 1]);
    dst.port = static_cast<std::uint16_t>(b[l4 + 2] << 8 | b[l4 + 3]);
    if (protocol == 6) tcp.prefetch(family, src, dst);
    else udp.prefetch(family, src.addr, src.port, dst.addr, dst.port);
}

}  // namespace rcvmon

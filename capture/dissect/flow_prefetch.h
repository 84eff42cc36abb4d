// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"

#include <cstdint>

namespace rcvmon {

class TcpConversations;
class UdpConversations;

// Asks the cache for the conversation index slot that TCP's or UDP's dissection of this frame
// will read, before the frame's lower layers are dissected: with many conversations the index
// is larger than the caches, and the load then overlaps that work instead of stalling on it.
// Only plain Ethernet (one VLAN tag at most) with IPv4/IPv6 and TCP/UDP right after; anything
// else is left to the lookup itself. A hint only: it changes no state.
void prefetchConversation(const TcpConversations& tcp, const UdpConversations& udp, std::uint32_t linkType,
                          ByteSpan frame);
// The same for a frame read ahead, remembered for prefetchConversationRecord.
void prefetchConversationAhead(const TcpConversations& tcp, const UdpConversations& udp, std::uint32_t linkType,
                               ByteSpan frame);
// The next step, once the index slot is cached (prefetchConversationAhead ran for this frame a
// frame earlier): looks the TCP conversation up and asks for its record, which the TCP
// dissection reads and writes. False when the frame's slot was not asked for: nothing done.
bool prefetchConversationRecord(const TcpConversations& tcp, ByteSpan frame);

}  // namespace rcvmon

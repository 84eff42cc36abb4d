// SPDX-License-Identifier: GPL-2.0-or-later
// What an application dissector over TCP may ask about its connection: the innermost TCP
// header's ports, and one word of the connection's application state, for a protocol that,
// like Wireshark's conversation_set_dissector, claims a whole connection from one segment.
#pragma once

#include "dissect/field_list.h"
#include "dissect/protocols/context.h"
#include "dissect/tcp_conversations.h"

namespace rcvmon {

// The innermost TCP header's destination (or source) port; 0 outside TCP.
inline std::uint16_t tcpHeaderPort(const DissectContext& ctx, bool destination)
{
    const FieldId id = destination ? field::TcpDstPort : field::TcpSrcPort;
    const auto fields = ctx.out.fields();
    for (std::size_t i = fields.size(); i > 0; --i)
        if (fields[i - 1].id == id) return static_cast<std::uint16_t>(fields[i - 1].number);
    return 0;
}

inline std::uint16_t tcpDestinationPort(const DissectContext& ctx) { return tcpHeaderPort(ctx, true); }

// The word of TcpConversation::app a connection-claiming protocol marks (SMTP's STARTTLS
// uses word 7, SSH words 0-6 on its own connections); null outside a TCP connection. `n` 0
// is the claim, 1 a second word for the protocol's own use.
inline std::uint32_t* appConversationWord(DissectContext& ctx, int n = 0)
{
    return ctx.tcpConversation ? &ctx.tcpConversation->app[n == 0 ? 6 : 5] : nullptr;
}

}  // namespace rcvmon

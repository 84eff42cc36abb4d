// SPDX-License-Identifier: GPL-2.0-or-later
// One ONC-RPC message (rpc.cpp), for the transports that carry it (rpc_transport.cpp).
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon::rpc {

enum class MessageCheck : std::uint8_t { NotRpc, Call, Reply };

// Whether the bytes (from the XID on) are an RPC message Wireshark takes: a version 2 call
// of a known program, or a reply to a call seen in this conversation.
MessageCheck checkMessage(DissectContext& ctx, ByteSpan message, bool tcp);

enum class InfoStart : std::uint8_t {
    Set,     // the frame's first message: replaces the Info column
    Append,  // first of a later pass over the segment (after a reassembled one): appended as is
    None,    // a later message of the same pass: the first one's writer shows it after "  ; "
};

struct MessageOptions {
    bool tcp = false;
    bool recordMark = false;  // the message starts with its 4-byte record mark (RFC 5531 §11)
    InfoStart info = InfoStart::Set;
};

// Dissects a message checkMessage accepted, and the program's data after it.
void dissectMessage(DissectContext& ctx, const Payload& p, const MessageOptions& o);
// Bytes of a conversation known as RPC that start no message: "Continuation".
void dissectContinuation(DissectContext& ctx, const Payload& p);
// The TCP connection carried RPC before (see CallTable::markConversation).
bool knownConversation(DissectContext& ctx);
void markConversation(DissectContext& ctx);
void registerRpcFields(ProtocolRegistrar& r);

}  // namespace rcvmon::rpc

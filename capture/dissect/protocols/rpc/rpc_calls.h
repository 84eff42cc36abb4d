// SPDX-License-Identifier: GPL-2.0-or-later
// Calls waiting for their replies, as packet-rpc.c keeps them per conversation in one pass:
// keyed by the conversation and the XID, a call leaves its program, version, procedure and
// frame; the reply finds them there, and a second call or reply with the same XID is a
// retransmission or a duplicate. Bounded: a fixed table allocated on first use, where a new
// call takes the place of the oldest in its bucket.
#pragma once

#include "dissect/protocol_registry.h"

#include <cstdint>
#include <vector>

namespace rcvmon::rpc {

struct CallRecord {
    std::uint64_t conversation = 0;
    std::uint32_t xid = 0;
    std::uint32_t program = 0, version = 0, procedure = 0;
    std::uint64_t callFrame = 0;
    bool used = false;
    std::uint64_t replyFrame = 0;  // 0: no reply seen yet
    std::int64_t callTime = 0;     // ns
    std::uint32_t saved = 0;       // see Message::saved
};

class CallTable final : public ProtocolState {
public:
    static constexpr std::size_t kBuckets = 2048, kWays = 4;

    CallRecord* find(std::uint64_t conversation, std::uint32_t xid);
    // A new record for the call (the oldest of a full bucket gives way).
    CallRecord& insert(std::uint64_t conversation, std::uint32_t xid);
    // TCP connections that carried RPC: later segments are RPC (or its continuation) without
    // the heuristic's doubts, as Wireshark's conversation dissector. Direct-mapped, bounded.
    void markConversation(std::uint64_t conversation);
    bool knownConversation(std::uint64_t conversation) const;
    void clear() override;

private:
    static constexpr std::size_t kConversations = 4096;
    std::vector<CallRecord> m_slots;
    std::vector<std::uint64_t> m_conversations;
};

}  // namespace rcvmon::rpc

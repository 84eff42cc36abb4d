// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/protocols/rpc/rpc_calls.h"

namespace rcvmon::rpc {
namespace {

std::size_t bucketOf(std::uint64_t conversation, std::uint32_t xid)
{
    std::uint64_t h = (conversation ^ (std::uint64_t{xid} * 0x9e3779b97f4a7c15ull)) * 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return static_cast<std::size_t>(h % CallTable::kBuckets);
}

}  // namespace

CallRecord* CallTable::find(std::uint64_t conversation, std::uint32_t xid)
{
    if (m_slots.empty()) return nullptr;
    CallRecord* bucket = &m_slots[bucketOf(conversation, xid) * kWays];
    for (std::size_t i = 0; i < kWays; ++i)
        if (bucket[i].used && bucket[i].conversation == conversation && bucket[i].xid == xid) return &bucket[i];
    return nullptr;
}

CallRecord& CallTable::insert(std::uint64_t conversation, std::uint32_t xid)
{
    if (m_slots.empty()) m_slots.resize(kBuckets * kWays);
    CallRecord* bucket = &m_slots[bucketOf(conversation, xid) * kWays];
    CallRecord* victim = &bucket[0];
    for (std::size_t i = 0; i < kWays; ++i) {
        if (!bucket[i].used) {
            victim = &bucket[i];
            break;
        }
        if (bucket[i].callFrame < victim->callFrame) victim = &bucket[i];
    }
    *victim = CallRecord{};
    victim->conversation = conversation;
    victim->xid = xid;
    victim->used = true;
    return *victim;
}

void CallTable::markConversation(std::uint64_t conversation)
{
    if (m_conversations.empty()) m_conversations.resize(kConversations);
    m_conversations[conversation % kConversations] = conversation | 1;
}

bool CallTable::knownConversation(std::uint64_t conversation) const
{
    return !m_conversations.empty() && m_conversations[conversation % kConversations] == (conversation | 1);
}

void CallTable::clear()
{
    m_slots.clear();
    m_conversations.clear();
}

}  // namespace rcvmon::rpc

// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/expected_conversations.h"

#include <algorithm>
#include <cstring>

namespace rcvmon {

ExpectedConversation& ExpectedConversations::expect(const ExpectedConversation& e)
{
    for (ExpectedConversation& old : m_entries) {
        if (old.family == e.family && old.portA == e.portA && old.addrA == e.addrA && old.addrB == e.addrB) {
            old = e;
            return old;
        }
    }
    if (m_entries.size() < kMax) {
        m_entries.push_back(e);
        return m_entries.back();
    }
    ExpectedConversation& slot = m_entries[m_next];
    m_next = (m_next + 1) % kMax;
    slot = e;
    return slot;
}

const ExpectedConversation* ExpectedConversations::find(std::uint8_t family, const std::array<std::uint8_t, 16>& src,
                                                        std::uint16_t srcPort,
                                                        const std::array<std::uint8_t, 16>& dst,
                                                        std::uint16_t dstPort) const
{
    // The latest announcement wins, as Wireshark finds the newest conversation first.
    const ExpectedConversation* found = nullptr;
    for (const ExpectedConversation& e : m_entries) {
        if (e.family != family) continue;
        if ((e.addrA == src && e.addrB == dst && e.portA == srcPort) ||
            (e.addrA == dst && e.addrB == src && e.portA == dstPort)) {
            if (!found || e.setupFrame >= found->setupFrame) found = &e;
        }
    }
    return found;
}

void ExpectedConversations::noteFromOwner(const void* owner, std::uint64_t frame, std::string_view text)
{
    for (ExpectedConversation& e : m_entries) {
        if (e.owner != owner || e.noteSet) continue;
        e.noteSet = true;
        e.noteFrame = frame;
        e.noteLength = static_cast<std::uint16_t>(std::min(text.size(), e.note.size()));
        std::memcpy(e.note.data(), text.data(), e.noteLength);
    }
}

}  // namespace rcvmon

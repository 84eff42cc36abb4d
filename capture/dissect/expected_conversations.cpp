// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/expected_conversations.h"

#include <algorithm>
#include <cstring>

namespace rcvmon {

void ExpectedConversation::setNote(std::string_view text)
{
    noteSet = true;
    noteLength = static_cast<std::uint16_t>(std::min(text.size(), note.size()));
    std::memcpy(note.data(), text.data(), noteLength);
}

std::string_view ExpectedConversation::formatName(std::uint8_t payloadType) const
{
    for (std::size_t i = 0; i < formatCount; ++i)
        if (formats[i].payloadType == payloadType) return formats[i].text();
    return {};
}

ExpectedConversation& ExpectedConversations::expect(const ExpectedConversation& e)
{
    for (ExpectedConversation& old : m_entries) {
        if (old.family == e.family && old.udp == e.udp && old.anyPeer == e.anyPeer && old.portA == e.portA &&
            old.addrA == e.addrA && old.addrB == e.addrB) {
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

ExpectedConversation* ExpectedConversations::find(bool udp, std::uint8_t family, const std::array<std::uint8_t, 16>& src,
                                                  std::uint16_t srcPort, const std::array<std::uint8_t, 16>& dst,
                                                  std::uint16_t dstPort)
{
    // The latest announcement wins, as Wireshark finds the newest conversation first. An exact
    // pair comes before an address and port with any peer; of those, the packet's destination
    // before its source, as RTP looks its conversation up (net_dst, destport first).
    ExpectedConversation *exact = nullptr, *toDestination = nullptr, *fromSource = nullptr;
    const auto newer = [](ExpectedConversation* best, ExpectedConversation& e) {
        return !best || e.setupFrame >= best->setupFrame ? &e : best;
    };
    for (ExpectedConversation& e : m_entries) {
        if (e.family != family || e.udp != udp) continue;
        if (!e.anyPeer) {
            if ((e.addrA == src && e.addrB == dst && e.portA == srcPort) ||
                (e.addrA == dst && e.addrB == src && e.portA == dstPort))
                exact = newer(exact, e);
        } else if (e.addrA == dst && e.portA == dstPort) {
            toDestination = newer(toDestination, e);
        } else if (e.addrA == src && e.portA == srcPort) {
            fromSource = newer(fromSource, e);
        }
    }
    return exact ? exact : toDestination ? toDestination : fromSource;
}

void ExpectedConversations::noteFromOwner(const void* owner, std::uint64_t frame, std::string_view text)
{
    for (ExpectedConversation& e : m_entries) {
        if (e.owner != owner || e.noteSet) continue;
        e.noteFrame = frame;
        e.setNote(text);
    }
}

}  // namespace rcvmon

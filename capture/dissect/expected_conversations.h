// SPDX-License-Identifier: GPL-2.0-or-later
// Connections one protocol announces for another (Wireshark's conversation_new with a
// wildcard port plus conversation_set_dissector): an FTP PASV/EPSV reply or PORT/EPRT command
// names the address and port of the data connection to come, an SDP body the address and
// port its RTP and RTCP will use with any peer; their packets are that protocol's whatever
// ports they use. Bounded: the oldest announcement gives way.
#pragma once

#include "dissect/protocol_registry.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace rcvmon {

// An RTP payload type an SDP a=rtpmap line named ("101 telephone-event").
struct AnnouncedFormat {
    std::uint8_t payloadType = 0;
    std::uint8_t nameLength = 0;
    std::array<char, 30> name{};

    std::string_view text() const { return {name.data(), nameLength}; }
};

struct ExpectedConversation {
    std::uint8_t family = 0;                  // 4 or 6
    bool udp = false;                         // else TCP
    bool anyPeer = false;                     // addrB and its port are any (SDP media)
    std::array<std::uint8_t, 16> addrA{}, addrB{};
    std::uint16_t portA = 0;                  // the port on addrA's side; addrB's is any
    SubDissector dissector = nullptr;
    const void* owner = nullptr;              // the connection that announced it (identity only)
    std::uint64_t setupFrame = 0;
    std::string_view method;                  // static text ("PASV", "SDP")
    // What the announcing connection said next (FTP: the command the data serves), or what
    // it said around the announcement (SDP: the SIP Call-ID).
    std::uint64_t noteFrame = 0;
    std::array<char, 240> note{};
    std::uint16_t noteLength = 0;
    bool noteSet = false;
    // The formats the announcement named (SDP's dynamic RTP payload types).
    std::array<AnnouncedFormat, 8> formats{};
    std::uint8_t formatCount = 0;
    // The announced protocol's own running state (RTP: the last extended sequence number).
    std::uint64_t progress = 0;

    std::string_view noteText() const { return {note.data(), noteLength}; }
    void setNote(std::string_view text);
    // The name a format was given, empty when none.
    std::string_view formatName(std::uint8_t payloadType) const;
};

class ExpectedConversations {
public:
    static constexpr std::size_t kMax = 256;

    // Replaces an earlier announcement of the same address pair and port.
    ExpectedConversation& expect(const ExpectedConversation& e);
    // The announcement a segment or datagram between these endpoints matches, if any.
    ExpectedConversation* find(bool udp, std::uint8_t family, const std::array<std::uint8_t, 16>& src,
                               std::uint16_t srcPort, const std::array<std::uint8_t, 16>& dst, std::uint16_t dstPort);
    // Announcements of `owner` still waiting for their note get `text`.
    void noteFromOwner(const void* owner, std::uint64_t frame, std::string_view text);
    void clear() { m_entries.clear(); m_next = 0; }
    bool empty() const { return m_entries.empty(); }

private:
    std::vector<ExpectedConversation> m_entries;
    std::size_t m_next = 0;  // the slot replaced next once full
};

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// RTP, RTCP and the SDP that announces them: SDP (in SIP) names the address and port its media
// will arrive on; RTP there and RTCP on the next port are dissected whatever their peer's port,
// as Wireshark's rtp_add_address / rtcp_add_address set up.
#pragma once

#include "dissect/protocols/context.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace rcvmon {

struct ExpectedConversation;

// Where an SDP body came from: the frame Wireshark names as the streams' setup (a SIP
// request's own frame, or for a response the request it answers) and the SIP Call-ID.
struct SdpOrigin {
    std::uint64_t setupFrame = 0;
    std::string_view callId;
};

// An SDP body (RFC 8866): its fields, and the RTP/RTCP streams its media lines announce.
void dissectSdp(DissectContext& ctx, const Payload& p, const SdpOrigin& origin);

// The dissectors of the announced streams (ExpectedConversation::dissector).
bool dissectRtp(DissectContext& ctx, const Payload& p);
bool dissectRtcp(DissectContext& ctx, const Payload& p);
// RFC 4733 telephone events: an RTP payload of type 100 or 101, or the type SDP named so.
void dissectRtpEvent(DissectContext& ctx, const Payload& p);
// G.723.1 speech, static payload type 4.
void dissectG723(DissectContext& ctx, const Payload& p);

// The "Stream setup by SDP (frame N)" items RTP and RTCP start with.
void addStreamSetup(LayerCursor& c, const ExpectedConversation& stream, FieldId setup, FieldId frame, FieldId method);

// RTP's and RTCP's version names ("RFC 1889 Version").
extern const std::span<const ValueName> kRtpVersionNames;
// Wireshark's names of the RTP payload types ("ITU-T G.711 PCMU", "DynamicRTP-Type-96") and
// of the telephone events ("DTMF One 1").
extern const std::span<const ValueName> kRtpPayloadTypeNames;
extern const std::span<const ValueName> kRtpEventNames;

}  // namespace rcvmon

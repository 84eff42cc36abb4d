// SPDX-License-Identifier: GPL-2.0-or-later
// The OSI-over-TCP family (RFC 1006 TPKT, ISO 8073 COTP) and RDP's connection negotiation,
// which rides in COTP's connection request and confirm.
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon {

// The connection's application word (tcp_conversations_app.h): the I/O channel the server
// named in its low 16 bits (0 unknown), and these flags. The second word holds RDP's server
// port once MCS Connect-Initial was seen.
inline constexpr std::uint32_t kTpktClaimed = 0x10000;  // a TPKT packet took the connection
inline constexpr std::uint32_t kMcsConnected = 0x20000; // RDP's GCC client data was seen

// One COTP TPDU (the payload of a TPKT packet); `tpktLayer` is the TPKT layer around it.
void dissectCotp(DissectContext& ctx, const Payload& p, std::uint16_t tpktLayer);

// RDP's negotiation in a connection request (`request`) or confirm, as Wireshark's "cotp_cr"
// and "cotp_cc" heuristics: false when the bytes are not RDP's.
bool dissectRdpNegotiation(DissectContext& ctx, const Payload& p, bool request, std::uint16_t tpktLayer);

// T.125 (MCS) in COTP data of an RDP connection; looksLikeMcs: a domain PDU's choice or a
// BER connect PDU starts `b`.
bool looksLikeMcs(ByteSpan b);
void dissectT125(DissectContext& ctx, const Payload& p);

// RDP inside MCS: the GCC client/server data of Connect-Initial (`initial`) / Connect-Response,
// and the data of a send-data PDU on `channel` (a request from the client, or an indication).
void dissectRdpConnectData(DissectContext& ctx, const Payload& p, bool initial);
void dissectRdpSendData(DissectContext& ctx, const Payload& p, std::uint16_t channel, bool request);
// Whether the Info column's current text is RDP send data of this frame (which Wireshark
// fences: what follows is appended).
bool rdpSendDataInInfo(const DissectContext& ctx);
void rdpSegmentStarts();
// Whether RDP dissects send data: only after the connection's MCS Connect-Initial.
bool rdpReadsSendData(DissectContext& ctx);

// RDP's fast-path PDUs, which start with no TPKT header: the PDU's length when `b` starts one
// (low two bits of the first byte 0), else 0; and its dissection.
std::size_t rdpFastPathLength(ByteSpan b);
void dissectRdpFastPath(DissectContext& ctx, const Payload& p);

}  // namespace rcvmon

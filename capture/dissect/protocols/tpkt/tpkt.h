// SPDX-License-Identifier: GPL-2.0-or-later
// The OSI-over-TCP family (RFC 1006 TPKT, ISO 8073 COTP) and RDP's connection negotiation,
// which rides in COTP's connection request and confirm.
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon {

// The connection's application word (tcp_conversations_app.h) once a TPKT packet claimed it;
// RDP keeps its I/O channel there instead when the server names one (always <= 0xffff).
inline constexpr std::uint32_t kTpktClaimed = 0x10000;

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

// RDP's fast-path PDUs, which start with no TPKT header: the PDU's length when `b` starts one
// (low two bits of the first byte 0), else 0; and its dissection.
std::size_t rdpFastPathLength(ByteSpan b);
void dissectRdpFastPath(DissectContext& ctx, const Payload& p);

}  // namespace rcvmon

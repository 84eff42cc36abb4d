// SPDX-License-Identifier: GPL-2.0-or-later
// The OSI-over-TCP family (RFC 1006 TPKT, ISO 8073 COTP) and RDP's connection negotiation,
// which rides in COTP's connection request and confirm.
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon {

// One COTP TPDU (the payload of a TPKT packet); `tpktLayer` is the TPKT layer around it.
void dissectCotp(DissectContext& ctx, const Payload& p, std::uint16_t tpktLayer);

// RDP's negotiation in a connection request (`request`) or confirm, as Wireshark's "cotp_cr"
// and "cotp_cc" heuristics: false when the bytes are not RDP's.
bool dissectRdpNegotiation(DissectContext& ctx, const Payload& p, bool request, std::uint16_t tpktLayer);

}  // namespace rcvmon

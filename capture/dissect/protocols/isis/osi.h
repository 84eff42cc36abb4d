// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

namespace rcvmon {

struct DissectContext;
struct Payload;

// OSI network-layer PDUs told apart by their first byte, the NLPID (ISO/TR 9577), as
// packet-osi.c does for LLC's DSAP 0xFE, GRE's 0x00FE and Cisco HDLC's 0xFEFE (isis.cpp).
void dissectOsi(DissectContext& ctx, const Payload& p);

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon {

// Spanning tree BPDUs, carried by LLC SAP 0x42 (llc.cpp calls it).
void dissectStp(DissectContext& ctx, const Payload& p);
// Cisco Discovery Protocol, carried by SNAP with Cisco's OUI and protocol id 0x2000.
void dissectCdp(DissectContext& ctx, const Payload& p);

}  // namespace rcvmon

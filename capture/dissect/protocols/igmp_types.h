// SPDX-License-Identifier: GPL-2.0-or-later
// Protocols that ride in IGMP under their own IGMP type, as Wireshark's "igmp.type" table:
// IGMP hands them the whole message and adds no tree item of its own.
#pragma once

namespace rcvmon {

struct DissectContext;
struct Payload;

// DVMRP, IGMP type 0x13 (dvmrp.cpp).
void dissectDvmrp(DissectContext& ctx, const Payload& p);
// PIM version 1, IGMP type 0x14 (pimv1.cpp).
void dissectPimv1(DissectContext& ctx, const Payload& p);

}  // namespace rcvmon

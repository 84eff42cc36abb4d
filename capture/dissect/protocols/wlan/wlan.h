// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon {

// Aruba's WLAN tunnels carry 802.11 frames (no FCS) in GRE protocol types 0x8200-0x8370,
// every 0x10 (Wireshark's gre.proto registrations of wlan_withoutfcs).
inline bool isArubaWlanGreType(std::uint16_t type) { return type >= 0x8200 && type <= 0x8370 && (type & 0xf) == 0; }

// An IEEE 802.11 frame without FCS (wlan.cpp).
void dissectWlanWithoutFcs(DissectContext& ctx, const Payload& p);

}  // namespace rcvmon

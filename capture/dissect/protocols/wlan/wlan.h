// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon {

// Aruba's WLAN tunnels carry 802.11 frames (no FCS) in GRE protocol types 0x8200-0x8370,
// every 0x10 (Wireshark's gre.proto registrations of wlan_withoutfcs).
inline bool isArubaWlanGreType(std::uint16_t type) { return type >= 0x8200 && type <= 0x8370 && (type & 0xf) == 0; }

// An IEEE 802.11 frame without FCS (wlan.cpp).
void dissectWlanWithoutFcs(DissectContext& ctx, const Payload& p);

// What the capture's radio header says about the frame that follows it (radiotap's Flags).
struct WlanOptions {
    bool fcs = false;      // the last 4 bytes are the frame check sequence
    bool dataPad = false;  // the MAC header is padded to a multiple of 4 bytes
};
void dissectWlan(DissectContext& ctx, const Payload& p, WlanOptions options);

}  // namespace rcvmon

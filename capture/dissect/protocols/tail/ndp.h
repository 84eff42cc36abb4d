// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon {

// Nortel (Bay Networks) SNAP OUI 00:00:81 and its NDP hello protocol ids.
inline constexpr std::uint32_t kBayNetworksOui = 0x000081;
inline bool isNdpPid(std::uint16_t pid) { return pid == 0x01a1 || pid == 0x01a2; }

// A Nortel Discovery Protocol hello (flatnet or segment).
void dissectNdp(DissectContext& ctx, const Payload& p);

}  // namespace rcvmon

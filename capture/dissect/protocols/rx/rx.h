// SPDX-License-Identifier: GPL-2.0-or-later
// RX's header as AFS (afs.cpp) needs it for the DATA packets it carries.
#pragma once

#include "dissect/protocols/context.h"

#include <cstdint>

namespace rcvmon::rx {

struct Header {
    std::uint32_t epoch = 0, cid = 0, callNumber = 0, seq = 0;
    std::uint8_t type = 0, flags = 0;
    std::uint16_t serviceId = 0;
};

constexpr std::uint8_t kClientInitiated = 0x01;

// An RX DATA packet's payload: AFS on ports 7000-7009.
void dissectAfs(DissectContext& ctx, const Payload& p, const Header& h);

}  // namespace rcvmon::rx

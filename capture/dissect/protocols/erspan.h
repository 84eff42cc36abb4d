// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon {

// ERSPAN carried by GRE: type I and II use protocol 0x88be (type I has no GRE sequence
// number), type III 0x22eb.
void dissectErspan(DissectContext& ctx, const Payload& p, std::uint16_t greProto, bool greSequence);

}  // namespace rcvmon

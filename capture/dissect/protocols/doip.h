// SPDX-License-Identifier: GPL-2.0-or-later
// Between DoIP (doip.cpp) and the UDS it carries (uds.cpp).
#pragma once

#include "dissect/protocols/context.h"

#include <string_view>

namespace rcvmon {

// A UDS message of a DoIP diagnostic message between the two logical addresses.
void dissectUds(DissectContext& ctx, const Payload& p, std::uint16_t source, std::uint16_t target);

// Bytes as text, for fields that are printable strings on the wire (a VIN).
std::string_view asText(ByteSpan b);

}  // namespace rcvmon

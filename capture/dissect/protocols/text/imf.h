// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/protocols/context.h"

#include <string_view>

namespace rcvmon {

// An Internet Message Format message (imf.cpp) carried by POP or SMTP: `protocol` is the
// column the carrier shows with it ("POP/IMF", Wireshark's "/" fence then "IMF").
void dissectImf(DissectContext& ctx, const Payload& p, std::string_view protocol);

}  // namespace rcvmon

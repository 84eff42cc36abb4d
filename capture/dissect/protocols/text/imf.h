// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/protocols/context.h"

#include <string_view>

namespace rcvmon {

// An Internet Message Format message (imf.cpp) carried by POP or SMTP: `protocol` is the
// column the carrier shows with it ("POP/IMF", Wireshark's "/" fence then "IMF").
void dissectImf(DissectContext& ctx, const Payload& p, std::string_view protocol);

// A message that comes in parts (POP's DATA fragments, SMTP's lines after DATA), as Wireshark
// reassembles it: each part but the last is kept (the first PduPrefixes::kBytes of the
// message, per TCP direction); the last one's segment shows the message kept with it.
void keepMessagePart(DissectContext& ctx, ByteSpan part);
void dissectKeptMessage(DissectContext& ctx, ByteSpan last, std::uint32_t at, std::string_view protocol);
// Forgets what this direction kept (a new message starts).
void dropMessageParts(DissectContext& ctx);

}  // namespace rcvmon

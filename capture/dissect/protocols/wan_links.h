// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon {

// Link layers of serial lines and WANs, entered from the capture's link type.
void dissectPppLink(DissectContext& ctx, const Payload& p);     // DLT_PPP, DLT_PPP_SERIAL
void dissectCiscoHdlc(DissectContext& ctx, const Payload& p);   // DLT_C_HDLC
void dissectFrameRelay(DissectContext& ctx, const Payload& p);  // DLT_FRELAY

}  // namespace rcvmon

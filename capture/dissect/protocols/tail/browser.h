// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon {

// A browser protocol message (MS-BRWS) written to \MAILSLOT\BROWSE or \MAILSLOT\LANMAN.
void dissectBrowserMessage(DissectContext& ctx, const Payload& p);

}  // namespace rcvmon

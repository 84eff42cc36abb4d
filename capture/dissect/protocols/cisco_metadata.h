// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon {

// Cisco MetaData behind GRE, whose layout puts the EtherType first.
void dissectCiscoMetadataInGre(DissectContext& ctx, const Payload& p);

}  // namespace rcvmon

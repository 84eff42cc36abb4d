// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/protocols/smb/smb.h"

namespace rcvmon {

bool dissectDcerpcOnPipe(DissectContext&, const Payload&) { return false; }

void registerDcerpc(ProtocolRegistrar&) {}

}  // namespace rcvmon

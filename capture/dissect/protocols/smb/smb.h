// SPDX-License-Identifier: GPL-2.0-or-later
// Entry points of the SMB family (NetBIOS session service, SMB, SMB2, DCE/RPC on pipes).
#pragma once

#include "dissect/protocols/context.h"

namespace rcvmon {

// One SMB2 message (MS-SMB2 §2.2.1) with the commands compounded in it, or an SMB 3
// transform (encrypted) message. `index` counts the NetBIOS messages of this segment.
void dissectSmb2(DissectContext& ctx, const Payload& p, int index);
// One SMB message (MS-CIFS §2.2.3) over the session service.
void dissectSmb1(DissectContext& ctx, const Payload& p, int index);
// SMB's "smb.file" field (File Name), which SMB2 also shows for a DFS referral request.
FieldId smbFileField();

// DCE/RPC connection-oriented PDUs written to or read from a named pipe; false when the
// bytes are not DCE/RPC.
bool dissectDcerpcOnPipe(DissectContext& ctx, const Payload& p);

}  // namespace rcvmon

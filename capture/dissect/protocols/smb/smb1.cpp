// SPDX-License-Identifier: GPL-2.0-or-later
// SMB (MS-CIFS §2.2.3.1) over the session service: the header and the command name.
#include "dissect/protocols/smb/smb.h"

namespace rcvmon {

void dissectSmb1(DissectContext& ctx, const Payload& p, int)
{
    ctx.setProtocol("SMB");
    LayerCursor c(ctx, "SMB", "smb", p.data, p.at, p.reported);
    c.skip(4);
    c.u8(field::SmbCmd);
}

void registerSmb(ProtocolRegistrar&) {}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// M3UA (RFC 4666 §3.1): the common message header of an SCTP DATA chunk with PPID 3.
#include "dissect/protocols/context.h"

namespace rcvmon {

void dissectM3ua(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "M3UA", "m3ua", p.data, p.at, p.reported);
    ctx.setProtocol("M3UA (RFC 4666)");
    c.u8(field::M3uaVersion);
    c.u8();  // reserved
    c.u8(field::M3uaMessageClass);
    c.u8(field::M3uaMessageType);
    c.u32(field::M3uaMessageLength);
}

}  // namespace rcvmon

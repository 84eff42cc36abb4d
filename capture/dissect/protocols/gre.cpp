// SPDX-License-Identifier: GPL-2.0-or-later
// GRE (RFC 2784, key and sequence number per RFC 2890; version 1 is PPTP's enhanced GRE,
// RFC 2637). The protocol type is an EtherType; 0x6558 carries whole Ethernet frames.
#include "dissect/protocols/context.h"

namespace rcvmon {

void dissectGre(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "GRE", "gre", p.data, p.at, p.reported);
    ctx.setProtocol("GRE");
    ctx.setInfo(InfoKind::Gre, c.layer());
    const std::uint16_t flags = c.u16(field::GreFlagsAndVersion);
    const std::uint16_t proto = c.u16(field::GreProto);
    if (!c.ok()) return;
    const unsigned version = flags & 7;
    if (flags & 0xc000) c.skip(4);                // checksum (+offset) present
    if ((flags & 0x2000) || version == 1) c.skip(4);  // key (PPTP: payload length + call id)
    if (flags & 0x1000) c.skip(4);                // sequence number
    if (version == 1 && (flags & 0x0080)) c.skip(4);  // PPTP acknowledgment
    if (!c.ok()) return;
    c.setLength(c.pos());
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (proto == 0x6558) {
        dissectEthernet(ctx, next);
        return;
    }
    if (!dissectEtherType(ctx, proto, next)) dissectData(ctx, next);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// MPLS label stack encoding (RFC 3032). After the bottom label the payload carries no type:
// the IP version nibble decides, as Wireshark's default does.
#include "dissect/protocols/context.h"

namespace rcvmon {

void dissectMpls(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "MPLS", "mpls", p.data, p.at, p.reported);
    ctx.setProtocol("MPLS");
    for (;;) {
        const std::size_t at = c.pos();
        const std::uint32_t entry = c.u32();
        if (!c.ok()) return;
        c.add(field::MplsLabel, at, 3, entry >> 12);
        c.add(field::MplsExp, at + 2, 1, (entry >> 9) & 7);
        c.add(field::MplsBottom, at + 2, 1, (entry >> 8) & 1);
        c.add(field::MplsTtl, at + 3, 1, entry & 0xff);
        if (entry & 0x100) break;
    }
    const Payload next = payloadAfter(c, c.reportedRemaining());
    const unsigned version = next.data.empty() ? 0 : next.data[0] >> 4;
    if (version == 4) {
        dissectIpv4(ctx, next);
    } else if (version == 6) {
        dissectIpv6(ctx, next);
    } else {
        dissectData(ctx, next);
    }
}

}  // namespace rcvmon

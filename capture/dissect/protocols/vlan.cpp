// SPDX-License-Identifier: GPL-2.0-or-later
// IEEE 802.1Q VLAN tags and IEEE 802.1ad (QinQ) service tags; stacked tags recurse.
#include "dissect/protocols/context.h"

namespace rcvmon {

void dissectVlan(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "VLAN", "vlan", p.data, p.at, p.reported);
    ctx.setProtocol("VLAN");
    if (!c.need(4)) return;
    const std::uint16_t tci = c.u16();
    c.add(field::VlanPriority, 0, 2, tci >> 13);
    c.add(field::VlanDei, 0, 2, (tci >> 12) & 1);
    c.add(field::VlanId, 0, 2, tci & 0x0fff);
    const std::uint16_t type = c.u16();
    if (type <= 1500) {
        c.add(field::EthLen, 2, 2, type);
        dissectLlc(ctx, payloadAfter(c, type));
        return;
    }
    c.add(field::VlanEtype, 2, 2, type);
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (!dissectEtherType(ctx, type, next)) dissectData(ctx, next);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// IEEE 802.1X EAPOL; packet type 0 carries EAP (RFC 3748), which names the Protocol column.
#include "dissect/protocols/context.h"

namespace rcvmon {

void dissectEapol(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "EAPOL", "eapol", p.data, p.at, p.reported);
    ctx.setProtocol("EAPOL");
    ctx.setInfo(InfoKind::Eapol, c.layer());
    c.u8();
    const std::uint8_t type = c.u8();
    const std::uint16_t length = c.u16();
    constexpr std::uint8_t EapPacket = 0;
    if (!c.ok() || type != EapPacket || c.remaining() == 0) return;
    ctx.setProtocol("EAP");
    dissectEap(ctx, payloadAfter(c, length));
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// BSD loopback encapsulation: LINKTYPE_NULL (0, address family in the capturing host's byte
// order) and LINKTYPE_LOOP (108, network order) (https://www.tcpdump.org/linktypes/LINKTYPE_NULL.html).
#include "dissect/protocols/context.h"

namespace rcvmon {

void dissectNullLoopback(DissectContext& ctx, const Payload& p, bool networkOrder)
{
    LayerCursor c(ctx, "NULL", "null", p.data, p.at, p.reported);
    ctx.setProtocol("NULL");
    if (!c.need(4)) return;
    const ByteSpan b = c.bytes(4);
    std::uint32_t family = (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) | b[3];
    // NULL is host order: a family small enough to sit in the low bytes tells us which.
    if (!networkOrder && (family & 0xffff0000u) != 0) {
        family = (std::uint32_t{b[3]} << 24) | (std::uint32_t{b[2]} << 16) | (std::uint32_t{b[1]} << 8) | b[0];
    }
    c.add(field::NullFamily, 0, 4, family);
    const Payload next = payloadAfter(c, c.reportedRemaining());
    switch (family) {
    case 2: dissectIpv4(ctx, next); break;                     // AF_INET everywhere
    case 10: case 24: case 28: case 30: dissectIpv6(ctx, next); break;  // AF_INET6: Linux, BSDs, FreeBSD, Darwin
    default: dissectData(ctx, next); break;
    }
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// ICMPv6 (RFC 4443), with Neighbor Discovery (RFC 4861), MLD (RFC 2710, RFC 3810) and
// router renumbering (RFC 2894) named for the Info column. Error messages quote the
// offending IPv6 packet without touching the columns, as for ICMP.
#include "dissect/protocols/context.h"

namespace rcvmon {

void dissectIcmpv6(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "ICMPv6", "icmpv6", p.data, p.at, p.reported);
    ctx.setProtocol("ICMPv6");
    ctx.setInfo(InfoKind::Icmpv6, c.layer());
    const std::uint8_t type = c.u8(field::Icmpv6Type);
    c.u8(field::Icmpv6Code);
    c.u16(field::Icmpv6Checksum);
    if (!c.ok()) return;
    if (type == 128 || type == 129) {
        // An echo request to the Teredo port is Teredo's direct connectivity test (RFC 4380 §5.2.9).
        if (type == 128 && ctx.udpDstPort == 3544) ctx.setProtocol("Teredo");
        c.u16(field::Icmpv6EchoId);
        c.u16(field::Icmpv6EchoSeq);
        return;
    }
    if (type < 1 || type > 4 || !c.skip(4)) return;
    Payload quoted = payloadAfter(c, c.reportedRemaining());
    quoted.reported = quoted.data.size() + 65536;
    const bool writable = ctx.columnsWritable, inError = ctx.inIcmpError;
    ctx.columnsWritable = false;
    ctx.inIcmpError = true;
    if (!quoted.data.empty() && (quoted.data[0] >> 4) == 6) {
        dissectIpv6(ctx, quoted);
    } else {
        dissectData(ctx, quoted);
    }
    ctx.columnsWritable = writable;
    ctx.inIcmpError = inError;
}

}  // namespace rcvmon

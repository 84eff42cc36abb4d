// SPDX-License-Identifier: GPL-2.0-or-later
// Raw IP link types (LINKTYPE_RAW 101, DLT_RAW 12/14, LINKTYPE_IPV4 228, LINKTYPE_IPV6 229):
// the version nibble picks IPv4 or IPv6.
#include "dissect/protocols/context.h"

namespace rcvmon {

void dissectRawIp(DissectContext& ctx, const Payload& p)
{
    const unsigned version = p.data.empty() ? 0 : p.data[0] >> 4;
    if (version == 6) {
        dissectIpv6(ctx, p);
    } else if (version == 4) {
        dissectIpv4(ctx, p);
    } else {
        ctx.setProtocol("Raw");
        LayerCursor c(ctx, "Raw", "raw", p.data, p.at, p.reported);
        c.fail(p.data.empty() ? ParseStatus::Truncated : ParseStatus::Malformed);
    }
}

// LINKTYPE_IPV4 (228): Wireshark's ip handle, which sends a version-6 header straight to IPv6
// before it adds an item of its own: "ip" is in frame.protocols, the ip filter does not match
// (behind EtherType 0x0800 it shows the bogus IPv4 header first, ipv4.cpp).
void dissectRawIpv4(DissectContext& ctx, const Payload& p)
{
    if (!p.data.empty() && (p.data[0] >> 4) == 6) {
        LayerCursor c(ctx, "IPv4", "ip", p.data, p.at, p.reported);
        c.notInTree();
        dissectIpv6(ctx, p);
        return;
    }
    dissectIpv4(ctx, p);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// Linux Classical IP over ATM (LINKTYPE_ATM_CLIP 106, RFC 2225): no link header is captured,
// so Wireshark's "clip" names the frame and hands all of it to IPv4.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

constexpr std::uint32_t kLinkTypeAtmClip = 106;

bool dissectClip(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "Classical IP frame", "clip", p.data, p.at, p.reported);
    ctx.setProtocol("CLIP");
    c.setLength(0);
    dissectIpv4(ctx, p);
    return true;
}

}  // namespace

void registerClip(ProtocolRegistrar& r)
{
    r.protocol("clip");
    r.linkType(kLinkTypeAtmClip, dissectClip);
}

}  // namespace rcvmon

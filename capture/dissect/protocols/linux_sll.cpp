// SPDX-License-Identifier: GPL-2.0-or-later
// Linux cooked capture: LINKTYPE_LINUX_SLL (113) and LINKTYPE_LINUX_SLL2 (276)
// (https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html, ..._SLL2.html).
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

constexpr std::uint16_t kArphrdEther = 1;

// The protocol field is an EtherType, except for a few Linux pseudo-types below 1536.
void dispatchProtocol(DissectContext& ctx, std::uint16_t protocol, const Payload& next)
{
    if (protocol == 0x0004) {  // ETH_P_802_2: LLC frame
        dissectLlc(ctx, next);
        return;
    }
    if (!dissectEtherType(ctx, protocol, next)) dissectData(ctx, next);
}

}  // namespace

void dissectLinuxSll(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "SLL", "sll", p.data, p.at, p.reported);
    ctx.setProtocol("SLL");
    if (!c.need(16)) return;
    c.u16(field::SllPktType);
    const std::uint16_t hatype = c.u16(field::SllHaType);
    const std::uint16_t halen = c.u16(field::SllHaLen);
    if (hatype == kArphrdEther && halen == 6) {
        const std::uint32_t src = (c.bytes(6, field::SllSrcEth), c.lastField());
        if (ctx.columnsWritable) ctx.out.setLinkAddresses(src, Dissection::kNoField);
        c.skip(2);
    } else {
        c.skip(8);
    }
    const std::uint16_t protocol = c.u16(field::SllEtype);
    dispatchProtocol(ctx, protocol, payloadAfter(c, c.reportedRemaining()));
}

void dissectLinuxSll2(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "SLL2", "sll", p.data, p.at, p.reported);
    ctx.setProtocol("SLL2");
    if (!c.need(20)) return;
    const std::uint16_t protocol = c.u16(field::SllEtype);
    c.skip(2);  // reserved
    c.u32(field::SllIfIndex);
    const std::uint16_t hatype = c.u16(field::SllHaType);
    c.u8(field::SllPktType);
    const std::uint8_t halen = c.u8(field::SllHaLen);
    if (hatype == kArphrdEther && halen == 6) {
        const std::uint32_t src = (c.bytes(6, field::SllSrcEth), c.lastField());
        if (ctx.columnsWritable) ctx.out.setLinkAddresses(src, Dissection::kNoField);
        c.skip(2);
    } else {
        c.skip(8);
    }
    dispatchProtocol(ctx, protocol, payloadAfter(c, c.reportedRemaining()));
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// Cisco VN-Tag (IEEE 802.1Qbh draft, EtherType 0x8926): direction, pointer, destination and
// source virtual interfaces in four bytes, then an EtherType.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct VntagFields {
    FieldId dir, ptr, dst, looped, r, version, src, etype;
} hf;

bool dissectVntag(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "VN-Tag", "vntag", p.data, p.at, p.reported);
    ctx.setProtocol("VNTAG");
    const std::uint32_t tag = c.u32();
    if (!c.ok()) return true;
    c.add(hf.dir, 0, 4, tag >> 31);
    c.add(hf.ptr, 0, 4, (tag >> 30) & 1);
    c.add(hf.dst, 0, 4, (tag >> 16) & 0x3fff);
    c.add(hf.looped, 0, 4, (tag >> 15) & 1);
    c.add(hf.r, 0, 4, (tag >> 14) & 1);
    c.add(hf.version, 0, 4, (tag >> 12) & 3);
    c.add(hf.src, 0, 4, tag & 0xfff);
    const std::uint16_t type = c.u16(hf.etype);
    if (!c.ok()) return true;
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (!dissectEtherType(ctx, type, next)) dissectData(ctx, next);
    return true;
}

}  // namespace

void registerVntag(ProtocolRegistrar& r)
{
    r.protocol("vntag");
    hf.dir = r.field({"vntag.dir", "Direction", FieldKind::Bool, 32, {}, 0x80000000});
    hf.ptr = r.field({"vntag.ptr", "Pointer", FieldKind::Bool, 32, {}, 0x40000000});
    hf.dst = r.field({"vntag.dst", "Destination", FieldKind::Unsigned, 32, {}, 0x3fff0000});
    hf.looped = r.field({"vntag.looped", "Looped", FieldKind::Bool, 32, {}, 0x00008000});
    hf.r = r.field({"vntag.r", "Reserved", FieldKind::Unsigned, 32, {}, 0x00004000});
    hf.version = r.field({"vntag.version", "Version", FieldKind::Unsigned, 32, {}, 0x00003000});
    hf.src = r.field({"vntag.src", "Source", FieldKind::Unsigned, 32, {}, 0x00000fff});
    hf.etype = r.field({"vntag.etype", "Type", FieldKind::Hex, 16});
    r.etherType(0x8926, dissectVntag);
}

}  // namespace rcvmon

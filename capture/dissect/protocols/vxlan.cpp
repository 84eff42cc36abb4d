// SPDX-License-Identifier: GPL-2.0-or-later
// Tunnels over UDP: VXLAN (RFC 7348, with the Group Policy bits of draft-smith-vxlan-group-
// policy), UDP port 4789, and Geneve (RFC 8926), UDP port 6081, which carry Ethernet frames;
// GRE-in-UDP (RFC 8086), UDP port 4754, hands its payload to GRE.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct VxlanFields {
    FieldId flags, flagG, flagI, flagD, flagA, flagsReserved, gbp, vni, reserved8;
} vx;

struct GeneveFields {
    FieldId version, flags, flagOam, flagCritical, protoType, vni, reserved, options;
} gn;

void dissectInner(DissectContext& ctx, LayerCursor& c, std::uint16_t etherType)
{
    c.setLength(c.pos());
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (etherType == 0x6558) {
        dissectEthernet(ctx, next);
    } else if (!dissectEtherType(ctx, etherType, next)) {
        dissectData(ctx, next);
    }
}

bool dissectVxlan(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "VXLAN", "vxlan", p.data, p.at, p.reported);
    ctx.setProtocol("VXLAN");
    const std::uint16_t flags = c.u16(vx.flags);
    if (c.ok()) {
        c.add(vx.flagG, 0, 2, flags >> 15);
        c.add(vx.flagI, 0, 2, (flags >> 11) & 1);
        c.add(vx.flagD, 0, 2, (flags >> 6) & 1);
        c.add(vx.flagA, 0, 2, (flags >> 3) & 1);
        c.add(vx.flagsReserved, 0, 2, flags & 0x77b7);
    }
    c.u16(vx.gbp);
    c.u24(vx.vni);
    c.u8(vx.reserved8);
    if (!c.ok()) return true;
    dissectInner(ctx, c, 0x6558);
    return true;
}

bool dissectGeneve(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "Geneve", "geneve", p.data, p.at, p.reported);
    ctx.setProtocol("Geneve");
    const std::uint8_t first = c.u8();
    if (!c.ok()) return true;
    c.add(gn.version, 0, 1, first >> 6);
    const std::size_t optionsLength = std::size_t{first & 0x3fu} * 4;
    const std::uint8_t flags = c.u8(gn.flags);
    if (c.ok()) {
        c.add(gn.flagOam, 1, 1, flags >> 7);
        c.add(gn.flagCritical, 1, 1, (flags >> 6) & 1);
    }
    const std::uint16_t etherType = c.u16(gn.protoType);
    c.u24(gn.vni);
    c.u8(gn.reserved);
    if (optionsLength > 0) c.bytes(optionsLength, gn.options);
    if (!c.ok()) return true;
    dissectInner(ctx, c, etherType);
    return true;
}

bool dissectGreInUdp(DissectContext& ctx, const Payload& p)
{
    dissectGre(ctx, p);
    return true;
}

}  // namespace

void registerVxlan(ProtocolRegistrar& r)
{
    r.protocol("vxlan");
    vx.flags = r.field({"vxlan.flags", "Flags", FieldKind::Hex, 16});
    vx.flagG = r.field({"vxlan.flag_g", "GBP Extension", FieldKind::Bool, 16, {}, 0x8000});
    vx.flagI = r.field({"vxlan.flag_i", "VXLAN Network ID (VNI)", FieldKind::Bool, 16, {}, 0x800});
    vx.flagD = r.field({"vxlan.flag_d", "Don't Learn", FieldKind::Bool, 16, {}, 0x40});
    vx.flagA = r.field({"vxlan.flag_a", "Policy Applied", FieldKind::Bool, 16, {}, 0x8});
    vx.flagsReserved = r.field({"vxlan.flags_reserved", "Reserved(R)", FieldKind::Hex, 16, {}, 0x77b7});
    vx.gbp = r.field({"vxlan.gbp", "Group Policy ID", FieldKind::Unsigned, 16});
    vx.vni = r.field({"vxlan.vni", "VXLAN Network Identifier (VNI)", FieldKind::Unsigned, 24});
    vx.reserved8 = r.field({"vxlan.reserved8", "Reserved", FieldKind::Unsigned, 8});
    r.udpPort(4789, dissectVxlan);
    r.protocol("geneve");
    gn.version = r.field({"geneve.version", "Version", FieldKind::Unsigned, 8});
    gn.flags = r.field({"geneve.flags", "Flags", FieldKind::Hex, 8});
    gn.flagOam =
        r.field({"geneve.flags.oam", "Operations, Administration and Management Frame", FieldKind::Bool, 8, {}, 0x80});
    gn.flagCritical = r.field({"geneve.flags.critical", "Critical Options Present", FieldKind::Bool, 8, {}, 0x40});
    gn.protoType = r.field({"geneve.proto_type", "Protocol Type", FieldKind::Hex, 16});
    gn.vni = r.field({"geneve.vni", "Virtual Network Identifier (VNI)", FieldKind::Hex, 24});
    gn.reserved = r.field({"geneve.reserved", "Reserved", FieldKind::Hex, 8});
    gn.options = r.field({"geneve.options", "Geneve Options", FieldKind::Bytes});
    r.udpPort(6081, dissectGeneve);
    r.protocol("gre");
    r.udpPort(4754, dissectGreInUdp);
}

}  // namespace rcvmon

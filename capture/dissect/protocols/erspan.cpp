// SPDX-License-Identifier: GPL-2.0-or-later
// ERSPAN, Cisco's Encapsulated Remote Switch Port Analyzer (draft-foschiano-erspan): a
// mirrored Ethernet frame behind a small header, as packet-erspan.c reads it.
#include "dissect/protocols/erspan.h"

namespace rcvmon {
namespace {

struct ErspanFields {
    FieldId version, vlan, cos, encap, bso, truncated, spanid, reserved, index, timestamp, sgt, p, ft, hw,
        direction, gra, o;
} hf;

void writeInfo(const LayerView&, std::string& out) { out += "ERSPAN:"; }

}  // namespace

void dissectErspan(DissectContext& ctx, const Payload& p, std::uint16_t greProto, bool greSequence)
{
    LayerCursor c(ctx, "ERSPAN", "erspan", p.data, p.at, p.reported);
    ctx.setProtocol("ERSPAN");
    ctx.setInfo(writeInfo, c.layer());
    bool ethernet = true;
    if (greProto == 0x22eb) {
        const std::uint16_t first = c.u16();
        const std::uint16_t second = c.u16();
        c.u32(hf.timestamp);
        c.u16(hf.sgt);
        const std::uint16_t flags = c.u16();
        if (!c.ok()) return;
        c.add(hf.version, 0, 2, first >> 12);
        c.add(hf.vlan, 0, 2, first & 0xfff);
        c.add(hf.cos, 2, 2, second >> 13);
        c.add(hf.bso, 2, 2, (second >> 11) & 3);
        c.add(hf.truncated, 2, 2, (second >> 10) & 1);
        c.add(hf.spanid, 2, 2, second & 0x3ff);
        c.add(hf.p, 10, 2, flags >> 15);
        c.add(hf.ft, 10, 2, (flags >> 10) & 0x1f);
        c.add(hf.hw, 10, 2, (flags >> 4) & 0x3f);
        c.add(hf.direction, 10, 2, (flags >> 3) & 1);
        c.add(hf.gra, 10, 2, (flags >> 1) & 3);
        c.add(hf.o, 10, 2, flags & 1);
        if ((flags & 1) && !c.skip(8)) return;  // platform specific sub-header
        ethernet = ((flags >> 10) & 0x1f) == 0;
    } else if (greSequence) {  // type II; type I has no header at all
        const std::uint16_t first = c.u16();
        const std::uint16_t second = c.u16();
        const std::uint32_t third = c.u32();
        if (!c.ok()) return;
        c.add(hf.version, 0, 2, first >> 12);
        c.add(hf.vlan, 0, 2, first & 0xfff);
        c.add(hf.cos, 2, 2, second >> 13);
        c.add(hf.encap, 2, 2, (second >> 11) & 3);
        c.add(hf.truncated, 2, 2, (second >> 10) & 1);
        c.add(hf.spanid, 2, 2, second & 0x3ff);
        c.add(hf.reserved, 4, 4, third >> 20);
        c.add(hf.index, 4, 4, third & 0xfffff);
    }
    c.setLength(c.pos());
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (ethernet && !next.data.empty()) {
        dissectEthernet(ctx, next);
    } else {
        dissectData(ctx, next);
    }
}

void registerErspan(ProtocolRegistrar& r)
{
    r.protocol("erspan");
    hf.version = r.field({"erspan.version", "Version", FieldKind::Unsigned, 16, {}, 0xf000});
    hf.vlan = r.field({"erspan.vlan", "Vlan", FieldKind::Unsigned, 16, {}, 0xfff});
    hf.cos = r.field({"erspan.cos", "COS", FieldKind::Unsigned, 16, {}, 0xe000});
    hf.encap = r.field({"erspan.encap", "Encap", FieldKind::Unsigned, 16, {}, 0x1800});
    hf.bso = r.field({"erspan.bso", "Bad/Short/Oversized", FieldKind::Unsigned, 16, {}, 0x1800});
    hf.truncated = r.field({"erspan.truncated", "Truncated", FieldKind::Unsigned, 16, {}, 0x400});
    hf.spanid = r.field({"erspan.spanid", "SpanID", FieldKind::Unsigned, 16, {}, 0x3ff});
    hf.reserved = r.field({"erspan.reserved", "Reserved", FieldKind::Unsigned, 32, {}, 0xfff00000});
    hf.index = r.field({"erspan.index", "Index", FieldKind::Unsigned, 32, {}, 0xfffff});
    hf.timestamp = r.field({"erspan.timestamp", "Timestamp", FieldKind::Unsigned, 32});
    hf.sgt = r.field({"erspan.sgt", "Security Group Tag", FieldKind::Unsigned, 16});
    hf.p = r.field({"erspan.p", "Has Ethernet PDU", FieldKind::Unsigned, 16, {}, 0x8000});
    hf.ft = r.field({"erspan.ft", "Frame Type", FieldKind::Unsigned, 16, {}, 0x7c00});
    hf.hw = r.field({"erspan.hw", "Hardware ID", FieldKind::Unsigned, 16, {}, 0x3f0});
    hf.direction = r.field({"erspan.direction", "Direction", FieldKind::Bool, 16, {}, 0x8});
    hf.gra = r.field({"erspan.gra", "Timestamp granularity", FieldKind::Unsigned, 16, {}, 0x6});
    hf.o = r.field({"erspan.o", "Optional Sub headers", FieldKind::Unsigned, 16, {}, 0x1});
}

}  // namespace rcvmon

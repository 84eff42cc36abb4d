// SPDX-License-Identifier: GPL-2.0-or-later
// Arista Vendor Specific Protocol (EtherType 0xd28b, Arista's switch timestamping): a subtype,
// the timestamp format's version (64-bit seconds and nanoseconds, or 48-bit, TAI or UTC), the
// timestamp, then the EtherType of the frame it stamped. As Wireshark's packet-arista.c.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct AvspFields {
    FieldId subType, version, ts64, sec64, ns64, ts48, sec48, ns48, etype;
} hf;

constexpr ValueName kSubTypes[] = {{1, "timestamp"}};
constexpr ValueName kVersions[] = {
    {0x0010, "Version 1"}, {0x0020, "Version 2"}, {0x0110, "Version 11"}, {0x0120, "Version 12"}};

void writeNoInfo(const LayerView&, std::string&) {}

bool dissectAvsp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "AVSP", "avsp", p.data, p.at, p.reported);
    ctx.setProtocol("AVSP");
    ctx.setInfo(writeNoInfo, c.layer());
    const std::uint16_t subType = c.u16(hf.subType);
    if (!c.ok() || subType != 1) return true;
    const std::uint16_t version = c.u16(hf.version);
    const std::size_t at = c.pos();
    if (version == 0x0010 || version == 0x0110) {  // 32-bit seconds, 32-bit nanoseconds
        c.ctx().out.addField(hf.ts64, c.layer(), c.absolute(at), 8, 0);
        c.u32(hf.sec64);
        c.u32(hf.ns64);
    } else if (version == 0x0020 || version == 0x0120) {  // 16-bit seconds, 32-bit nanoseconds
        c.ctx().out.addField(hf.ts48, c.layer(), c.absolute(at), 6, 0);
        c.u16(hf.sec48);
        c.u32(hf.ns48);
    } else {
        return true;  // an unknown format: its length, and what follows, are unknown
    }
    const std::uint16_t type = c.u16(hf.etype);
    if (!c.ok()) return true;
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (!dissectEtherType(ctx, type, next)) dissectData(ctx, next);
    return true;
}

}  // namespace

void registerAvsp(ProtocolRegistrar& r)
{
    r.protocol("avsp");
    hf.subType = r.field({"avsp.sub_type", "Sub Type", FieldKind::Unsigned, 16, kSubTypes});
    hf.version = r.field({"avsp.ver", "Version", FieldKind::Hex, 16, kVersions});
    hf.ts64 = r.field({"avsp.64ts", "Timestamp (TAI)", FieldKind::None});
    hf.sec64 = r.field({"avsp.64sec", "Seconds", FieldKind::Unsigned, 32});
    hf.ns64 = r.field({"avsp.64ns", "Nanoseconds", FieldKind::Unsigned, 32});
    hf.ts48 = r.field({"avsp.48ts", "Timestamp (TAI)", FieldKind::None});
    hf.sec48 = r.field({"avsp.48sec", "Seconds", FieldKind::Unsigned, 16});
    hf.ns48 = r.field({"avsp.48ns", "Nanoseconds", FieldKind::Unsigned, 32});
    hf.etype = r.field({"avsp.etype", "Type", FieldKind::Hex, 16});
    r.etherType(0xd28b, dissectAvsp);
}

}  // namespace rcvmon

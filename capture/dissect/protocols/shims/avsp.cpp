// SPDX-License-Identifier: GPL-2.0-or-later
// Arista Vendor Specific Protocol (EtherType 0xd28b): a sub type, a version that says how the
// TAI timestamp is written (64-bit: seconds and nanoseconds in 4 bytes each; 48-bit: seconds
// in 2), then the EtherType of what follows.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct AvspFields {
    FieldId subType, ver, sec64, ns64, sec48, ns48, etype;
} hf;

// The version's low byte gives the timestamp's size (0x10 64-bit, 0x20 48-bit); its high byte
// says TAI (0x00) or UTC (0x01).
constexpr std::uint16_t kTimestamp = 1, kVersion64 = 0x10, kVersion48 = 0x20;

bool dissectAvsp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "Arista Vendor Specific Protocol", "avsp", p.data, p.at, p.reported);
    ctx.setProtocol("AVSP");
    const std::uint16_t subType = c.u16(hf.subType);
    if (!c.ok()) return true;
    if (subType == kTimestamp) {
        const std::uint16_t version = c.u16(hf.ver);
        if ((version & 0xff) == kVersion64) {
            c.u32(hf.sec64);
            c.u32(hf.ns64);
        } else if ((version & 0xff) == kVersion48) {
            c.u16(hf.sec48);
            c.u32(hf.ns48);
        } else {
            if (c.ok()) dissectData(ctx, payloadAfter(c, c.reportedRemaining()));
            return true;
        }
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
    hf.subType = r.field({"avsp.sub_type", "Sub Type", FieldKind::Unsigned, 16});
    hf.ver = r.field({"avsp.ver", "Version", FieldKind::Hex, 16});
    hf.sec64 = r.field({"avsp.64sec", "Seconds", FieldKind::Unsigned, 32});
    hf.ns64 = r.field({"avsp.64ns", "Nanoseconds", FieldKind::Unsigned, 32});
    hf.sec48 = r.field({"avsp.48sec", "Seconds", FieldKind::Unsigned, 16});
    hf.ns48 = r.field({"avsp.48ns", "Nanoseconds", FieldKind::Unsigned, 32});
    hf.etype = r.field({"avsp.etype", "Type", FieldKind::Hex, 16});
    r.etherType(0xd28b, dissectAvsp);
}

}  // namespace rcvmon

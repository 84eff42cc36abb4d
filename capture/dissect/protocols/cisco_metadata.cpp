// SPDX-License-Identifier: GPL-2.0-or-later
// Cisco MetaData (EtherType 0x8909): a TrustSec Security Group Tag inserted before the
// EtherType of the frame it tags, as packet-cisco-metadata.c reads it; behind GRE the
// EtherType comes first.
#include "dissect/protocols/cisco_metadata.h"

namespace rcvmon {
namespace {

struct CmdFields {
    FieldId version, length, options, sgt, type;
} hf;

bool dissectCmd(DissectContext& ctx, const Payload& p, bool typeFirst)
{
    LayerCursor c(ctx, "CMD", "cmd", p.data, p.at, p.reported);
    std::uint16_t type = typeFirst ? c.u16(hf.type) : 0;
    c.u8(hf.version);
    c.u8(hf.length);
    c.u16(hf.options);
    c.u16(hf.sgt);
    if (!typeFirst) type = c.u16(hf.type);
    if (!c.ok()) return true;
    c.setLength(c.pos());
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (!dissectEtherType(ctx, type, next)) dissectData(ctx, next);
    return true;
}

bool dissectCiscoMetadata(DissectContext& ctx, const Payload& p)
{
    return dissectCmd(ctx, p, false);
}

}  // namespace

void dissectCiscoMetadataInGre(DissectContext& ctx, const Payload& p)
{
    dissectCmd(ctx, p, true);
}

void registerCiscoMetadata(ProtocolRegistrar& r)
{
    r.protocol("cmd");
    hf.version = r.field({"cmd.version", "Version", FieldKind::Unsigned, 8});
    hf.length = r.field({"cmd.length", "Length", FieldKind::Unsigned, 8});
    hf.options = r.field({"cmd.options", "Options", FieldKind::Hex, 16});
    hf.sgt = r.field({"cmd.sgt", "SGT", FieldKind::Unsigned, 16});
    hf.type = r.field({"cmd.type", "Type", FieldKind::Hex, 16});
    r.etherType(0x8909, dissectCiscoMetadata);
}

}  // namespace rcvmon

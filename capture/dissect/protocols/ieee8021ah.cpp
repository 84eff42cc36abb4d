// SPDX-License-Identifier: GPL-2.0-or-later
// IEEE 802.1ah Provider Backbone Bridges (mac-in-mac, EtherType 0x88e7): the I-Tag (priority,
// drop eligibility, no-customer-addresses bit, I-SID), the customer's destination and source
// addresses and the EtherType of what the backbone carries.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct Ieee8021ahFields {
    FieldId priority, drop, nca, res1, res2, isid, cdst, csrc, etype;
} hf;

// packet-ieee8021ah.c's Info, set before the payload's protocol replaces it.
void writeInfo(const LayerView& l, std::string& out)
{
    out += "PRI: ";
    appendDecimal(out, l.number(hf.priority));
    out += "  Drop: ";
    appendDecimal(out, l.number(hf.drop));
    out += "  NCA: ";
    appendDecimal(out, l.number(hf.nca));
    out += "  Res1: ";
    appendDecimal(out, l.number(hf.res1));
    out += "  Res2: ";
    appendDecimal(out, l.number(hf.res2));
    out += "  I-SID: ";
    appendDecimal(out, l.number(hf.isid));
}

bool dissectIeee8021ah(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "IEEE 802.1ah", "ieee8021ah", p.data, p.at, p.reported);
    ctx.setProtocol("802.1ah");
    const std::uint32_t tag = c.u32();
    if (!c.ok()) return true;
    c.add(hf.priority, 0, 4, tag >> 29);
    c.add(hf.drop, 0, 4, (tag >> 28) & 1);
    c.add(hf.nca, 0, 4, (tag >> 27) & 1);
    c.add(hf.res1, 0, 4, (tag >> 26) & 1);
    c.add(hf.res2, 0, 4, (tag >> 24) & 3);
    c.add(hf.isid, 0, 4, tag & 0xffffff);
    ctx.setInfo(writeInfo, c.layer());
    c.bytes(6, hf.cdst);
    c.bytes(6, hf.csrc);
    const std::uint16_t type = c.u16(hf.etype);
    if (!c.ok()) return true;
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (!dissectEtherType(ctx, type, next)) dissectData(ctx, next);
    return true;
}

}  // namespace

void registerIeee8021ah(ProtocolRegistrar& r)
{
    r.protocol("ieee8021ah");
    hf.priority = r.field({"ieee8021ah.priority", "Priority", FieldKind::Unsigned, 32, {}, 0xe0000000});
    hf.drop = r.field({"ieee8021ah.drop", "DROP", FieldKind::Unsigned, 32, {}, 0x10000000});
    hf.nca = r.field({"ieee8021ah.nca", "NCA", FieldKind::Unsigned, 32, {}, 0x08000000});
    hf.res1 = r.field({"ieee8021ah.res1", "RES1", FieldKind::Unsigned, 32, {}, 0x04000000});
    hf.res2 = r.field({"ieee8021ah.res2", "RES2", FieldKind::Unsigned, 32, {}, 0x03000000});
    hf.isid = r.field({"ieee8021ah.isid", "I-SID", FieldKind::Unsigned, 32, {}, 0x00ffffff});
    hf.cdst = r.field({"ieee8021ah.cdst", "C-Destination", FieldKind::Mac});
    hf.csrc = r.field({"ieee8021ah.csrc", "C-Source", FieldKind::Mac});
    hf.etype = r.field({"ieee8021ah.etype", "Type", FieldKind::Hex, 16});
    r.etherType(0x88e7, dissectIeee8021ah);
}

}  // namespace rcvmon

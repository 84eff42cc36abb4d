// SPDX-License-Identifier: GPL-2.0-or-later
// IEEE 802.1ah Provider Backbone Bridges (mac-in-mac, EtherType 0x88e7): the I-Tag (priority,
// drop eligible, no customer addresses, I-SID), the customer's addresses, then an EtherType.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct PbbFields {
    FieldId priority, drop, nca, res1, res2, isid, cdst, csrc, etype;
} hf;

constexpr std::uint16_t kPbbType = 0x88e7;

bool dissectPbb(DissectContext& ctx, const Payload& p)
{
    // Stacked I-Tags are walked here, not by recursion: each consumes 18 bytes, so the loop
    // ends with the frame, and the EtherType dispatch's depth bound is kept for the rest.
    Payload at = p;
    while (true) {
        LayerCursor c(ctx, "IEEE 802.1ah", "ieee8021ah", at.data, at.at, at.reported);
        ctx.setProtocol("IEEE 802.1ah");
        const std::uint32_t tag = c.u32();
        if (!c.ok()) return true;
        c.add(hf.priority, 0, 4, tag >> 29);
        c.add(hf.drop, 0, 4, (tag >> 28) & 1);
        c.add(hf.nca, 0, 4, (tag >> 27) & 1);
        c.add(hf.res1, 0, 4, (tag >> 26) & 1);
        c.add(hf.res2, 0, 4, (tag >> 24) & 3);
        c.add(hf.isid, 0, 4, tag & 0xffffff);
        c.bytes(6, hf.cdst);
        c.bytes(6, hf.csrc);
        const std::uint16_t type = c.u16(hf.etype);
        if (!c.ok()) return true;
        at = payloadAfter(c, c.reportedRemaining());
        if (type == kPbbType) continue;
        if (!dissectEtherType(ctx, type, at)) dissectData(ctx, at);
        return true;
    }
}

}  // namespace

void registerPbb(ProtocolRegistrar& r)
{
    r.protocol("ieee8021ah");
    hf.priority = r.field({"ieee8021ah.priority", "Priority", FieldKind::Unsigned, 32, {}, 0xe0000000});
    hf.drop = r.field({"ieee8021ah.drop", "DROP", FieldKind::Unsigned, 32, {}, 0x10000000});
    hf.nca = r.field({"ieee8021ah.nca", "NCA", FieldKind::Unsigned, 32, {}, 0x08000000});
    hf.res1 = r.field({"ieee8021ah.res1", "RES1", FieldKind::Unsigned, 32, {}, 0x04000000});
    hf.res2 = r.field({"ieee8021ah.res2", "RES2", FieldKind::Unsigned, 32, {}, 0x03000000});
    hf.isid = r.field({"ieee8021ah.isid", "I-SID", FieldKind::Unsigned, 32, {}, 0x00ffffff});
    hf.cdst = r.field({"ieee8021ah.cdst", "C-Destination", FieldKind::Mac, 48});
    hf.csrc = r.field({"ieee8021ah.csrc", "C-Source", FieldKind::Mac, 48});
    hf.etype = r.field({"ieee8021ah.etype", "Type", FieldKind::Hex, 16});
    r.etherType(kPbbType, dissectPbb);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// Cisco FabricPath (DCE, EtherType 0x8903): a 16-byte outer header of hierarchical MAC
// addresses (switch id, sub-switch id, port), the FTAG/TTL word, then the original Ethernet
// frame and a 4-byte FCS of its own (packet-cisco-fp.c). Wireshark finds it by a heuristic
// that runs before Ethernet adds its header, so the outer Ethernet layer has no fields.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

constexpr std::uint16_t kEtherType = 0x8903;

struct CfpFields {
    FieldId dHmac, dHmacMc, sHmac, ul, ig, ooodl, swid, sswid, lid, etype, ftag, ttl, fcs;
} hf;

// One hierarchical MAC: 24 bits of flags and switch id, the sub-switch id, the port (LID).
void hmac(LayerCursor& c, std::size_t at)
{
    const std::uint32_t v = c.u24();
    if (!c.ok()) return;
    c.add(hf.ul, at, 3, (v >> 17) & 1);
    c.add(hf.ig, at, 3, (v >> 16) & 1);
    c.add(hf.ooodl, at, 3, (v >> 12) & 1);
    c.add(hf.swid, at, 3, v & 0xfff);
    c.u8(hf.sswid);
    c.u16(hf.lid);
}

}  // namespace

bool dissectFabricPath(DissectContext& ctx, const Payload& p)
{
    if (p.data.size() < 16 || (p.data[12] << 8 | p.data[13]) != kEtherType) return false;
    if (++ctx.depth > DissectContext::kMaxDepth) return false;  // FabricPath in FabricPath in …
    LayerCursor c(ctx, "CFP", "cfp", p.data, p.at, p.reported);
    ctx.setProtocol("CFP");
    if (p.data[0] & 1) {  // a group destination is an ordinary multicast MAC
        c.bytes(6, hf.dHmacMc);
    } else {
        c.add(hf.dHmac, 0, 6, 0);
        hmac(c, 0);
    }
    c.add(hf.sHmac, 6, 6, 0);
    hmac(c, 6);
    c.u16(hf.etype);
    const std::uint16_t word = c.u16();
    if (!c.ok()) return true;
    c.add(hf.ftag, 14, 2, word >> 6);
    c.add(hf.ttl, 14, 2, word & 0x3f);
    // The inner frame ends before FabricPath's own FCS, when the capture holds it.
    const std::size_t reported = c.reportedRemaining() >= 4 ? c.reportedRemaining() - 4 : 0;
    Payload inner = payloadAfter(c, reported);
    if (c.remaining() >= reported + 4) {
        const ByteSpan f = c.rest().subspan(reported, 4);
        c.add(hf.fcs, c.pos() + reported, 4, std::uint32_t{f[0]} << 24 | std::uint32_t{f[1]} << 16 | f[2] << 8 | f[3]);
    }
    c.setLength(c.size());
    dissectEthernet(ctx, inner);
    return true;
}

void registerCiscoFabricPath(ProtocolRegistrar& r)
{
    r.protocol("cfp");
    hf.dHmac = r.field({"cfp.d_hmac", "Destination HMAC", FieldKind::None});
    hf.dHmacMc = r.field({"cfp.d_hmac_mc", "MC Destination", FieldKind::Mac});
    hf.sHmac = r.field({"cfp.s_hmac", "Source HMAC", FieldKind::None});
    hf.ul = r.field({"cfp.ul", "U/L bit", FieldKind::Bool, 24, {}, 0x20000});
    hf.ig = r.field({"cfp.ig", "I/G bit", FieldKind::Bool, 24, {}, 0x10000});
    hf.ooodl = r.field({"cfp.ooodl", "OOO/DL Bit", FieldKind::Bool, 24, {}, 0x1000});
    hf.swid = r.field({"cfp.swid", "switch-id", FieldKind::Unsigned, 24, {}, 0xfff});
    hf.sswid = r.field({"cfp.sswid", "sub-switch-id", FieldKind::Unsigned, 8});
    hf.lid = r.field({"cfp.lid", "Source LID", FieldKind::Unsigned, 16});
    hf.etype = r.field({"cfp.etype", "FP Ethertype", FieldKind::Hex, 16});
    hf.ftag = r.field({"cfp.ftag", "FTAG", FieldKind::Unsigned, 16, {}, 0xffc0});
    hf.ttl = r.field({"cfp.ttl", "TTL", FieldKind::Unsigned, 16, {}, 0x3f});
    hf.fcs = r.field({"cfp.fcs", "Frame check sequence", FieldKind::Hex, 32});
}

}  // namespace rcvmon

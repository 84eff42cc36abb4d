// SPDX-License-Identifier: GPL-2.0-or-later
// Mobile IPv6 mobility header (RFC 6275 §6.1), IPv6 next header 135 (and 62, its number
// before the RFC): the header, the fixed part of the common messages and the options' extent
// up to the declared length. Info is the message type, as packet-mip6.c sets it.
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct Mip6Fields {
    FieldId proto, hlen, mhtype, reserved, csum, hotiCookie, cotiCookie, hotNindex, hotCookie, hotToken, cotNindex,
        cotCookie, buSeq, buLifetime, baStatus, baSeq, baLifetime, beStatus, beHaddr;
} hf;

constexpr ValueName kTypes[] = {
    {0, "Binding Refresh Request"}, {1, "Home Test Init"},        {2, "Care-of Test Init"},
    {3, "Home Test"},               {4, "Care-of Test"},          {5, "Binding Update"},
    {6, "Binding Acknowledgement"}, {7, "Binding Error"},         {8, "Fast Binding Update"},
    {9, "Fast Binding Acknowledgment"}, {10, "Fast Neighbor Advertisement"}, {11, "Experimental Mobility Header"},
    {12, "Home Agent Switch"},      {13, "Heartbeat"},            {14, "Handover Initiate"},
    {15, "Handover Acknowledge"},   {16, "Binding Revocation"},   {17, "Localized Routing Initiation"},
    {18, "Localized Routing Acknowledgment"},
};

// A 64-bit field (FT_UINT64), which the cursor reads as two halves.
void u64(LayerCursor& c, FieldId id)
{
    const std::size_t at = c.pos();
    const std::uint64_t high = c.u32();
    const std::uint64_t low = c.u32();
    if (c.ok()) c.add(id, at, 8, high << 32 | low);
}

void writeInfo(const LayerView& l, std::string& out)
{
    out += valueName(kTypes, l.number(hf.mhtype), "Unknown MH Type");
}

bool dissectMip6(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "MIPv6", "mipv6", p.data, p.at, p.reported);
    ctx.setProtocol("MIPv6");
    c.u8(hf.proto);
    const std::uint8_t hlen = c.u8(hf.hlen);
    const std::uint8_t type = c.u8(hf.mhtype);
    if (!c.ok()) return true;
    ctx.setInfo(writeInfo, c.layer());
    c.u8(hf.reserved);
    c.u16(hf.csum);
    const std::size_t length = (std::size_t{hlen} + 1) * 8;
    c.setLength(length);
    switch (type) {
    case 0: c.skip(2); break;
    case 1:
        c.skip(2);
        u64(c, hf.hotiCookie);
        break;
    case 2:
        c.skip(2);
        u64(c, hf.cotiCookie);
        break;
    case 3:
    case 4:
        c.u16(type == 3 ? hf.hotNindex : hf.cotNindex);
        u64(c, type == 3 ? hf.hotCookie : hf.cotCookie);
        if (type == 3) u64(c, hf.hotToken); else c.skip(8);
        break;
    case 5:
        c.u16(hf.buSeq);
        c.skip(2);
        c.u16(hf.buLifetime);
        break;
    case 6:
        c.u8(hf.baStatus);
        c.skip(1);
        c.u16(hf.baSeq);
        c.u16(hf.baLifetime);
        break;
    case 7:
        c.u8(hf.beStatus);
        c.skip(1);
        c.bytes(16, hf.beHaddr);
        break;
    default: break;
    }
    // The mobility options run to the declared length.
    if (c.ok() && length > c.pos()) c.skip(length - c.pos());
    return true;
}

}  // namespace

void registerMip6(ProtocolRegistrar& r)
{
    r.protocol("mipv6");
    hf.proto = r.field({"mip6.proto", "Payload protocol", FieldKind::Unsigned, 8});
    hf.hlen = r.field({"mip6.hlen", "Header length", FieldKind::Unsigned, 8});
    hf.mhtype = r.field({"mip6.mhtype", "Mobility Header Type", FieldKind::Unsigned, 8, kTypes});
    hf.reserved = r.field({"mip6.reserved", "Reserved", FieldKind::Hex, 8});
    hf.csum = r.field({"mip6.csum", "Checksum", FieldKind::Hex, 16});
    hf.hotiCookie = r.field({"mip6.hoti.cookie", "Home Init Cookie", FieldKind::Hex, 64});
    hf.cotiCookie = r.field({"mip6.coti.cookie", "Care-of Init Cookie", FieldKind::Hex, 64});
    hf.hotNindex = r.field({"mip6.hot.nindex", "Home Nonce Index", FieldKind::Unsigned, 16});
    hf.hotCookie = r.field({"mip6.hot.cookie", "Home Init Cookie", FieldKind::Hex, 64});
    hf.hotToken = r.field({"mip6.hot.token", "Home Keygen Token", FieldKind::Hex, 64});
    hf.cotNindex = r.field({"mip6.cot.nindex", "Care-of Nonce Index", FieldKind::Unsigned, 16});
    hf.cotCookie = r.field({"mip6.cot.cookie", "Care-of Init Cookie", FieldKind::Hex, 64});
    hf.buSeq = r.field({"mip6.bu.seqnr", "Sequence number", FieldKind::Unsigned, 16});
    hf.buLifetime = r.field({"mip6.bu.lifetime", "Lifetime", FieldKind::Unsigned, 16});
    hf.baStatus = r.field({"mip6.ba.status", "Status", FieldKind::Unsigned, 8});
    hf.baSeq = r.field({"mip6.ba.seqnr", "Sequence number", FieldKind::Unsigned, 16});
    hf.baLifetime = r.field({"mip6.ba.lifetime", "Lifetime", FieldKind::Unsigned, 16});
    hf.beStatus = r.field({"mip6.be.status", "Status", FieldKind::Unsigned, 8});
    hf.beHaddr = r.field({"mip6.be.haddr", "Home Address", FieldKind::Ipv6});
    r.ipProtocol(135, dissectMip6);
    r.ipProtocol(62, dissectMip6);
}

}  // namespace rcvmon

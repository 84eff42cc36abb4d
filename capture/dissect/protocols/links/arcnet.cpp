// SPDX-License-Identifier: GPL-2.0-or-later
// ARCNET as Linux captures it (LINKTYPE_ARCNET_LINUX 129): source and destination ids, a
// two-byte offset, the protocol id; RFC 1201 encapsulations add a split flag and a sequence
// number, RFC 1051 ones do not (packet-arcnet.c).
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

constexpr std::uint32_t kLinkTypeArcnetLinux = 129;

struct ArcnetFields {
    FieldId src, dst, offset, protId, splitFlag, exceptionFlag, sequence;
} hf;

constexpr ValueName kProtocols[] = {
    {0x80, "Diagnose"}, {0xc4, "RFC 1201 IPv6"}, {0xcd, "BACnet"}, {0xd4, "RFC 1201 IP"},
    {0xd5, "RFC 1201 ARP"}, {0xd6, "RFC 1201 RARP"}, {0xf0, "RFC 1051 IP"}, {0xf1, "RFC 1051 ARP"},
};

void writeInfo(const LayerView&, std::string& out) { out += "ARCNET"; }

bool dissectArcnet(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "ARCNET", "arcnet", p.data, p.at, p.reported);
    ctx.setProtocol("ARCNET");
    ctx.setInfo(writeInfo, c.layer());
    c.u8(hf.src);
    c.u8(hf.dst);
    c.bytes(2, hf.offset);
    const std::uint8_t protId = c.u8(hf.protId);
    if (!c.ok()) return true;
    // RFC 1051, diagnostics and BACnet have no fragmentation fields.
    if (protId != 0xf0 && protId != 0xf1 && protId != 0x80 && protId != 0xcd) {
        const std::uint8_t split = c.u8(hf.splitFlag);
        if (c.ok() && split == 0xff) {
            // An exception packet (RFC 1201 §2.3): flag, two bytes of padding, the real header.
            c.u8(hf.exceptionFlag);
            c.skip(2);
            c.u8(hf.splitFlag);
        }
        c.u16(hf.sequence);
        if (!c.ok()) return true;
    }
    const Payload next = payloadAfter(c, c.reportedRemaining());
    switch (protId) {
    case 0xd4:
    case 0xf0: dissectIpv4(ctx, next); break;
    case 0xc4: dissectIpv6(ctx, next); break;
    case 0xd5:
    case 0xd6:
    case 0xf1: dissectArp(ctx, next); break;
    default: dissectData(ctx, next); break;
    }
    return true;
}

}  // namespace

void registerArcnet(ProtocolRegistrar& r)
{
    r.protocol("arcnet");
    hf.src = r.field({"arcnet.src", "Source", FieldKind::Hex, 8});
    hf.dst = r.field({"arcnet.dst", "Dest", FieldKind::Hex, 8});
    hf.offset = r.field({"arcnet.offset", "Offset", FieldKind::Bytes});
    hf.protId = r.field({"arcnet.protID", "Protocol ID", FieldKind::Hex, 8, kProtocols});
    hf.splitFlag = r.field({"arcnet.split_flag", "Split Flag", FieldKind::Unsigned, 8});
    hf.exceptionFlag = r.field({"arcnet.exception_flag", "Exception Flag", FieldKind::Hex, 8});
    hf.sequence = r.field({"arcnet.sequence", "Sequence", FieldKind::Unsigned, 16});
    r.linkType(kLinkTypeArcnetLinux, dissectArcnet);
}

}  // namespace rcvmon

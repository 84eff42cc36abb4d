// SPDX-License-Identifier: GPL-2.0-or-later
// Juniper Ethernet (LINKTYPE_JUNIPER_ETHER 178), the header JUNOS captures put before each
// frame: the magic "MGC", flags (direction, whether an L2 header follows, whether TLV
// extensions follow), the extensions' total length, then the Ethernet frame.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

constexpr std::uint32_t kLinkTypeJuniperEther = 178, kMagic = 0x4d4743;
constexpr std::uint8_t kFlagExtension = 0x80, kFlagNoL2 = 0x02, kFlagDirection = 0x01;

struct JuniperFields {
    FieldId magic, direction, l2hdr, extTotalLen;
} hf;

constexpr ValueName kDirections[] = {{0, "Out"}, {1, "In"}};

bool dissectJuniperEther(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "Juniper Ethernet", "juniper", p.data, p.at, p.reported);
    ctx.setProtocol("Juniper");
    const std::uint32_t magic = c.u24(hf.magic);
    const std::uint8_t flags = c.u8();
    if (!c.ok()) return true;
    if (magic != kMagic) {
        dissectData(ctx, payloadAfter(c, c.reportedRemaining()));
        return true;
    }
    c.add(hf.direction, 3, 1, flags & kFlagDirection);
    c.add(hf.l2hdr, 3, 1, (flags & kFlagNoL2) ? 1 : 0);
    if (flags & kFlagExtension) {
        const std::uint16_t extLength = c.u16(hf.extTotalLen);
        if (!c.skip(extLength)) return true;
    }
    if (!c.ok()) return true;
    c.setLength(c.pos());
    const Payload next = payloadAfter(c, c.reportedRemaining());
    // Without an L2 header the payload is an IP datagram (JUNIPER_FLAG_NO_L2).
    if (flags & kFlagNoL2) dissectRawIp(ctx, next);
    else dissectEthernet(ctx, next);
    return true;
}

}  // namespace

void registerJuniperEther(ProtocolRegistrar& r)
{
    r.protocol("juniper");
    hf.magic = r.field({"juniper.magic-number", "Magic Number", FieldKind::Hex, 24});
    hf.direction = r.field({"juniper.direction", "Direction", FieldKind::Unsigned, 8, kDirections});
    hf.l2hdr = r.field({"juniper.l2hdr", "L2 header presence", FieldKind::Unsigned, 8});
    hf.extTotalLen = r.field({"juniper.ext_total_len", "Extension(s) Total length", FieldKind::Unsigned, 16});
    r.linkType(kLinkTypeJuniperEther, dissectJuniperEther);
}

}  // namespace rcvmon

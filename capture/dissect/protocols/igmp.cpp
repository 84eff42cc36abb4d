// SPDX-License-Identifier: GPL-2.0-or-later
// IGMP v1 (RFC 1112), v2 (RFC 2236), v3 (RFC 3376). The version is told from the type and,
// for queries, from the message length, as RFC 3376 §7.1 says.
#include "dissect/protocols/context.h"

namespace rcvmon {

void dissectIgmp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "IGMP", "igmp", p.data, p.at, p.reported);
    ctx.setProtocol("IGMP");
    ctx.setInfo(InfoKind::Igmp, c.layer());
    const std::uint8_t type = c.u8();
    const std::uint8_t maxResp = c.u8();
    if (!c.ok()) return;
    unsigned version = 0;
    switch (type) {
    case 0x11: version = p.reported >= 12 ? 3 : (maxResp == 0 ? 1 : 2); break;
    case 0x12: version = 1; break;
    case 0x16: case 0x17: version = 2; break;
    case 0x22: version = 3; break;
    default: break;
    }
    if (version) {
        c.add(field::IgmpVersion, 0, 1, version);
        ctx.setProtocol(version == 1 ? "IGMPv1" : version == 2 ? "IGMPv2" : "IGMPv3");
    }
    c.add(field::IgmpType, 0, 1, type);
    c.u16();  // checksum
    if (type != 0x22) {
        c.bytes(4, field::IgmpMaddr);
        return;
    }
    // IGMPv3 report: group records, each naming its multicast address.
    c.u16();
    const std::uint16_t records = c.u16();
    for (unsigned i = 0; i < records && c.ok(); ++i) {
        c.u8();
        const std::uint8_t auxWords = c.u8();
        const std::uint16_t sources = c.u16();
        c.bytes(4, field::IgmpMaddr);
        c.skip(std::size_t{sources} * 4 + std::size_t{auxWords} * 4);
    }
}

}  // namespace rcvmon

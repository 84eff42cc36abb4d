// SPDX-License-Identifier: GPL-2.0-or-later
// ARP (RFC 826) and RARP (RFC 903): same packet, opcodes 3/4 for reverse requests.
#include "dissect/protocols/context.h"

namespace rcvmon {

void dissectArp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "ARP", "arp", p.data, p.at, p.reported);
    ctx.setProtocol("ARP");
    ctx.setInfo(InfoKind::Arp, c.layer());
    c.u16(field::ArpHwType);
    const std::uint16_t ptype = c.u16(field::ArpProtoType);
    const std::uint8_t hsize = c.u8(field::ArpHwSize);
    const std::uint8_t psize = c.u8(field::ArpProtoSize);
    const std::uint16_t opcode = c.u16(field::ArpOpcode);
    if (!c.ok()) return;
    if (opcode == 3 || opcode == 4) ctx.setProtocol("RARP");
    const bool mac = hsize == 6;
    const bool ipv4 = psize == 4 && ptype == 0x0800;
    c.bytes(hsize, mac ? FieldId{field::ArpSrcHwMac} : LayerCursor::kNone);
    c.bytes(psize, ipv4 ? FieldId{field::ArpSrcProtoIpv4} : LayerCursor::kNone);
    c.bytes(hsize, mac ? FieldId{field::ArpDstHwMac} : LayerCursor::kNone);
    c.bytes(psize, ipv4 ? FieldId{field::ArpDstProtoIpv4} : LayerCursor::kNone);
    if (c.ok()) c.setLength(c.pos());
}

}  // namespace rcvmon

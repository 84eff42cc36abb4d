// SPDX-License-Identifier: GPL-2.0-or-later
// IEEE 802.2 LLC and the SNAP extension (RFC 1042): enough to reach EtherType payloads
// carried in 802.3 frames, and to name XID and STP frames as Wireshark does.
#include "dissect/protocols/context.h"
#include "dissect/protocols/isis/osi.h"
#include "dissect/protocols/stp.h"
#include "dissect/protocols/tail/ndp.h"

namespace rcvmon {

void dissectLlc(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "LLC", "llc", p.data, p.at, p.reported);
    ctx.setProtocol("LLC");
    ctx.setInfo(InfoKind::Llc, c.layer());
    const std::uint8_t dsap = c.u8(field::LlcDsap);
    c.u8(field::LlcSsap);
    std::uint8_t control = c.peek();
    if (!c.ok()) return;
    // I- and S-format control fields are two bytes, U-format one.
    if ((control & 3) == 3) {
        control = c.u8(field::LlcControl);
        if ((control & 0xef) == 0xaf) ctx.setProtocol("XID");
    } else {
        c.u16(field::LlcControl);
    }
    if (!c.ok()) return;
    if (dsap == 0xaa) {
        const std::uint32_t oui = c.u24(field::LlcOui);
        // With the zero OUI the protocol id is an EtherType (Wireshark's llc.type).
        const std::uint16_t pid = c.u16(oui == 0 ? FieldId{field::LlcType} : FieldId{field::LlcPid});
        if (!c.ok()) return;
        const Payload next = payloadAfter(c, c.reportedRemaining());
        if (oui == 0 && dissectEtherType(ctx, pid, next)) return;
        if (oui == 0x00000c && pid == 0x2000) {  // Cisco's OUI: CDP
            dissectCdp(ctx, next);
            return;
        }
        if (oui == kBayNetworksOui && isNdpPid(pid)) {
            dissectNdp(ctx, next);
            return;
        }
        if (oui == 0x00000c && pid == 0x010b) {  // Cisco's per-VLAN spanning tree (PVST+)
            dissectStp(ctx, next);
            return;
        }
        dissectData(ctx, next);
        return;
    }
    if (dsap == 0x42 && (control & 0xef) != 0xaf) {  // bridge spanning tree, not an XID
        dissectStp(ctx, payloadAfter(c, c.reportedRemaining()));
        return;
    }
    if (dsap == 0xfe && (control & 0xef) != 0xaf) {  // ISO network layer (IS-IS, CLNP)
        dissectOsi(ctx, payloadAfter(c, c.reportedRemaining()));
        return;
    }
    if ((control & 0xef) == 0xaf && c.remaining() > 0) {
        dissectBasicXid(ctx, payloadAfter(c, c.reportedRemaining()));
        return;
    }
    dissectData(ctx, payloadAfter(c, c.reportedRemaining()));
}

// The information field of an XID command or response in IEEE 802.2's basic format.
void dissectBasicXid(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "Basic XID", "basicxid", p.data, p.at, p.reported);
    c.unlisted();
    c.u8(field::BasicxidFormat);
    c.u8(field::BasicxidTypes);
    const std::uint8_t window = c.u8();
    if (c.ok()) c.add(field::BasicxidWsize, c.pos() - 1, 1, window >> 1);  // bit 0 is reserved
}

}  // namespace rcvmon

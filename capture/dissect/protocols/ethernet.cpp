// SPDX-License-Identifier: GPL-2.0-or-later
// Ethernet II (IEEE 802.3 clause 3.2.6 type field; RFC 894) and IEEE 802.3 length framing,
// whose payload is LLC (IEEE 802.2).
#include "dissect/protocols/context.h"

namespace rcvmon {

void dissectEthernet(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "Ethernet", "eth", p.data, p.at, p.reported);
    ctx.setProtocol("Ethernet");
    // Wireshark adds nothing unless the whole 14-byte header is there, but it has already
    // taken the addresses for its columns as far as the bytes went (6 for the destination,
    // 12 for both).
    if (!c.need(14)) {
        const ByteSpan d = p.data;
        if (ctx.columnsWritable && d.size() >= 6)
            ctx.out.setColumnLinkAddresses(d.size() >= 12 ? d.subspan(6, 6) : ByteSpan(), d.first(6));
        return;
    }
    // Heuristics Wireshark tries before adding the Ethernet header (FabricPath).
    if (dissectFabricPath(ctx, p)) return;
    const std::uint32_t dst = (c.bytes(6, field::EthDst), c.lastField());
    const std::uint32_t src = (c.bytes(6, field::EthSrc), c.lastField());
    if (ctx.columnsWritable) ctx.out.setLinkAddresses(src, dst);
    ctx.setInfo(InfoKind::Ethernet, c.layer());
    const std::uint16_t type = c.u16();
    if (type <= 1500) {
        c.add(field::EthLen, 12, 2, type);
        // 802.3: the length field bounds the LLC payload; the rest is padding.
        dissectLlc(ctx, payloadAfter(c, type));
        return;
    }
    c.add(field::EthType, 12, 2, type);
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (!dissectEtherType(ctx, type, next)) dissectData(ctx, next);
}

}  // namespace rcvmon

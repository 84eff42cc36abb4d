// SPDX-License-Identifier: GPL-2.0-or-later
// SCTP (RFC 9260): common header and chunk walk, far enough to name the payload protocol of
// DATA chunks (PPID 3 is M3UA, RFC 4666) for the Protocol column.
#include "dissect/protocols/context.h"

namespace rcvmon {

void dissectSctp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "SCTP", "sctp", p.data, p.at, p.reported);
    ctx.setProtocol("SCTP");
    ctx.setInfo(InfoKind::Sctp, c.layer());
    if (!c.skip(12)) return;
    for (int guard = 0; guard < 64 && c.ok() && c.remaining() >= 4; ++guard) {
        const std::size_t at = c.pos();
        const std::uint8_t type = c.u8();
        c.u8();
        const std::uint16_t length = c.u16();
        if (!c.ok()) return;
        if (length < 4) {
            c.malformed();
            return;
        }
        if (type == 0 && length >= 16) {
            c.skip(8);
            const std::uint32_t ppid = c.u32();
            constexpr std::uint32_t PpidM3ua = 3;
            if (c.ok() && ppid == PpidM3ua) dissectM3ua(ctx, payloadAfter(c, length - 16u));
        }
        const std::size_t padded = (std::size_t{length} + 3) & ~std::size_t{3};
        if (at + padded > c.size()) return;
        c.skip(at + padded - c.pos());
    }
}

}  // namespace rcvmon

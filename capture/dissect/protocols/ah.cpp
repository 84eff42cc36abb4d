// SPDX-License-Identifier: GPL-2.0-or-later
// IP Authentication Header (RFC 4302): skipped over to the protected protocol.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

// packet-ipsec.c names the SPI before the protected protocol replaces the column.
void writeInfo(const LayerView& l, std::string& out)
{
    out += "AH (SPI=";
    appendHex(out, l.number(field::AhSpi), 8);
    out += ')';
}

}  // namespace

void dissectAh(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "AH", "ah", p.data, p.at, p.reported);
    ctx.setProtocol("AH");
    const std::uint8_t next = c.u8();
    const std::uint8_t len = c.u8();
    c.u16();
    c.u32(field::AhSpi);
    if (c.ok()) ctx.setInfo(writeInfo, c.layer());
    c.u32(field::AhSequence);
    if (!c.ok()) return;
    const std::size_t hdrLen = (std::size_t{len} + 2) * 4;
    if (hdrLen < 12) {
        c.malformed();
        return;
    }
    if (!c.skip(hdrLen - 12)) return;
    c.setLength(hdrLen);
    const Payload rest = payloadAfter(c, c.reportedRemaining());
    if (!dissectIpProtocol(ctx, next, rest)) dissectData(ctx, rest);
}

}  // namespace rcvmon

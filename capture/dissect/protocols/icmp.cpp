// SPDX-License-Identifier: GPL-2.0-or-later
// ICMP (RFC 792). Error messages quote the offending datagram's IP header and the start of
// its payload; Wireshark dissects the quote (its fields follow the outer ones) but does not
// let it change the packet's columns.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

bool isError(std::uint8_t type)
{
    return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
}

bool isEchoLike(std::uint8_t type)
{
    return type == 0 || type == 8 || type == 13 || type == 14 || type == 15 || type == 16 || type == 17 ||
           type == 18;
}

}  // namespace

void dissectIcmp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "ICMP", "icmp", p.data, p.at, p.reported);
    ctx.setProtocol("ICMP");
    ctx.setInfo(InfoKind::Icmp, c.layer());
    const std::uint8_t type = c.u8(field::IcmpType);
    c.u8(field::IcmpCode);
    c.u16(field::IcmpChecksum);
    if (!c.ok()) return;
    if (isEchoLike(type)) {
        c.u16(field::IcmpIdent);
        c.u16(field::IcmpSeq);
        return;
    }
    if (!isError(type) || !c.skip(4)) return;
    Payload quoted = payloadAfter(c, c.reportedRemaining());
    // The quote is cut by design: running out inside it is truncation, never malformation.
    quoted.reported = quoted.data.size() + 65536;
    const bool writable = ctx.columnsWritable, inError = ctx.inIcmpError;
    ctx.columnsWritable = false;
    ctx.inIcmpError = true;
    if (!quoted.data.empty() && (quoted.data[0] >> 4) == 4) {
        dissectIpv4(ctx, quoted);
    } else {
        dissectData(ctx, quoted);
    }
    ctx.columnsWritable = writable;
    ctx.inIcmpError = inError;
}

}  // namespace rcvmon

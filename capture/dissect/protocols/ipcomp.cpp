// SPDX-License-Identifier: GPL-2.0-or-later
// IP Payload Compression (RFC 3173, IP protocol 108): next header, flags, CPI, then the
// compressed datagram. Like Wireshark, the payload is shown as data and then inflated as if
// it were DEFLATE (RFC 2394) whatever the CPI says (a negotiated CPI names no algorithm);
// when that works, the inner protocol is dissected from the inflated bytes.
#include "dissect/protocols/context.h"
#include "dissect/protocols/http_body.h"

#include <array>

namespace rcvmon {
namespace {

constexpr std::uint8_t kIpProtocol = 108;

struct IpcompFields {
    FieldId nextHeader, flags, cpi;
} hf;

constexpr ValueName kCpis[] = {{1, "OUI"}, {2, "DEFLATE"}, {3, "LZS"}, {4, "LZJH"}};

void writeNoInfo(const LayerView&, std::string&) {}

bool dissectIpcomp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "IPComp", "ipcomp", p.data, p.at, p.reported);
    ctx.setProtocol("IPComp");
    ctx.setInfo(writeNoInfo, c.layer());  // packet-ipsec.c clears the column first
    const std::uint8_t next = c.u8(hf.nextHeader);
    c.u8(hf.flags);
    c.u16(hf.cpi);
    if (!c.ok()) return true;
    const Payload compressed = payloadAfter(c, c.reportedRemaining());
    dissectData(ctx, compressed);
    // One inflated datagram per thread at a time: IPComp inside an inflated IPComp stays data.
    thread_local std::array<std::uint8_t, 65535> inflated;
    thread_local bool busy = false;
    if (busy || compressed.data.empty()) return true;
    const std::size_t n = decodeBodyPrefix(compressed.data, ContentCoding::Deflate, inflated);
    if (n == 0) return true;
    busy = true;
    const bool wasReassembled = ctx.inReassembled;
    ctx.inReassembled = true;  // offsets now refer to the inflated bytes, not the frame
    const Payload inner{ByteSpan(inflated.data(), n), n, 0};
    if (!dissectIpProtocol(ctx, next, inner)) dissectData(ctx, inner);
    ctx.inReassembled = wasReassembled;
    busy = false;
    return true;
}

}  // namespace

void registerIpcomp(ProtocolRegistrar& r)
{
    r.protocol("ipcomp");
    hf.nextHeader = r.field({"ipcomp.next_header", "Next Header", FieldKind::Hex, 8});
    hf.flags = r.field({"ipcomp.flags", "IPComp Flags", FieldKind::Hex, 8});
    hf.cpi = r.field({"ipcomp.cpi", "IPComp CPI", FieldKind::Hex, 16, kCpis});
    r.ipProtocol(kIpProtocol, dissectIpcomp);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// IPv6 (RFC 8200): fixed header, then the extension header chain — hop-by-hop options,
// routing, fragment, destination options (RFC 8200 §4) and AH (RFC 4302) — then the
// upper-layer dispatch. Fragments are reassembled when enabled.
#include "dissect/ip_reassembly.h"
#include "dissect/protocols/context.h"

#include <algorithm>

namespace rcvmon {
namespace {

constexpr std::uint8_t kHopByHop = 0, kRouting = 43, kFragment = 44, kAh = 51, kDestOptions = 60;

}  // namespace

void dissectIpv6(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "IPv6", "ipv6", p.data, p.at, p.reported);
    ctx.setProtocol("IPv6");
    ctx.setInfo(InfoKind::Ipv6, c.layer());
    const std::uint32_t first = c.u32();
    if (!c.ok()) return;
    c.add(field::IpVersion, 0, 1, first >> 28);  // Wireshark adds the generic ip.version too
    c.add(field::Ipv6Version, 0, 1, first >> 28);
    c.add(field::Ipv6Tclass, 0, 2, (first >> 20) & 0xff);
    c.add(field::Ipv6Flow, 1, 3, first & 0xfffff);
    std::size_t plen = c.u16(field::Ipv6Plen);
    std::uint8_t next = c.u8(field::Ipv6Nxt);
    c.u8(field::Ipv6Hlim);
    const ByteSpan src = c.bytes(16, field::Ipv6Src);
    const std::uint32_t srcField = c.lastField();
    const ByteSpan dst = c.bytes(16, field::Ipv6Dst);
    if (!c.ok()) return;
    if (ctx.columnsWritable) ctx.out.setNetAddresses(srcField, c.lastField());
    ctx.net.family = 6;
    std::copy(src.begin(), src.end(), ctx.net.src.begin());
    std::copy(dst.begin(), dst.end(), ctx.net.dst.begin());
    if ((first >> 28) != 6) {
        c.malformed();
        return;
    }
    const std::size_t reportedPayload = p.reported > 40 ? p.reported - 40 : 0;
    if (plen == 0) plen = std::max(c.remaining(), reportedPayload);  // jumbogram or TSO
    plen = std::min(plen, reportedPayload);
    c.setLength(std::min(c.size(), 40 + plen));
    Payload rest = payloadAfter(c, plen);

    bool fragment = false, more = false;
    std::uint32_t fragOffset = 0, fragId = 0;
    for (int guard = 0; guard < 16; ++guard) {
        if (next != kHopByHop && next != kRouting && next != kFragment && next != kDestOptions && next != kAh) break;
        std::string_view filter = next == kHopByHop ? "ipv6.hopopts"
                                  : next == kRouting ? "ipv6.routing"
                                  : next == kFragment ? "ipv6.fragment"
                                  : next == kAh ? "ah" : "ipv6.dstopts";
        LayerCursor e(ctx, next == kAh ? "AH" : "IPv6", filter, rest.data, rest.at, rest.reported);
        const std::uint8_t nxt = e.u8();
        const std::uint8_t len = e.u8();
        if (!e.ok()) return;
        std::size_t hdrLen = next == kFragment ? 8 : next == kAh ? (std::size_t{len} + 2) * 4 : (std::size_t{len} + 1) * 8;
        if (next == kFragment) {
            const std::uint16_t offFlags = e.u16();
            fragId = e.u32(field::Ipv6FragmentId);
            if (!e.ok()) return;
            fragOffset = offFlags & 0xfff8u;
            more = (offFlags & 1) != 0;
            e.add(field::Ipv6FragmentOffset, 2, 2, fragOffset >> 3);
            e.add(field::Ipv6FragmentMore, 2, 2, more);
            fragment = true;
        } else if (next == kRouting) {
            // Type 0 (RFC 2460, deprecated by RFC 5095) lists the hops; the last is the destination.
            const std::uint8_t type = e.u8(field::Ipv6RoutingType);
            e.u8(field::Ipv6RoutingSegleft);
            if (type == 0 && e.skip(4)) {
                std::uint32_t last = Dissection::kNoField;
                while (e.ok() && e.pos() + 16 <= hdrLen) {
                    e.bytes(16, field::Ipv6RoutingSrcAddr);
                    if (e.ok()) last = e.lastField();
                }
                if (last != Dissection::kNoField && ctx.columnsWritable) ctx.out.setNetAddresses(srcField, last);
            }
            if (!e.ok()) return;
            if (e.pos() > hdrLen) {
                e.malformed();
                return;
            }
        } else if (next == kDestOptions) {
            // Mobile IPv6 Home Address option (RFC 6275 §6.3): the packet's real source.
            while (e.ok() && e.pos() + 2 <= hdrLen) {
                const std::uint8_t type = e.u8();
                if (type == 0) continue;  // Pad1
                const std::uint8_t optLen = e.u8();
                if (type == 0xc9 && optLen == 16) {
                    e.bytes(16, field::Ipv6HomeAddress);
                    if (e.ok() && ctx.columnsWritable) ctx.out.setNetAddresses(e.lastField(), c.lastField());
                } else if (e.pos() + optLen <= hdrLen) {
                    e.skip(optLen);
                } else {
                    break;
                }
            }
            if (!e.ok()) return;
            if (e.pos() > hdrLen) {
                e.malformed();
                return;
            }
        } else if (next == kAh) {
            e.u16();
            e.u32(field::AhSpi);
            e.u32(field::AhSequence);
        }
        if (!e.skip(hdrLen - e.pos())) return;
        e.setLength(hdrLen);
        next = nxt;
        rest = payloadAfter(e, e.reportedRemaining());
        if (fragment) break;
    }

    if (fragment) {
        ctx.setInfo(InfoKind::Ipv6Fragment, c.layer());
        if (ctx.reassembler && !ctx.inReassembled) {
            IpReassembler::Key key;
            key.family = 6;
            key.id = fragId;
            std::copy(src.begin(), src.end(), key.src.begin());
            std::copy(dst.begin(), dst.end(), key.dst.begin());
            if (rest.data.size() != rest.reported) return;
            auto whole = ctx.reassembler->add(key, fragOffset, more, rest.data);
            if (!whole) return;
            ctx.inReassembled = true;
            rest = Payload{*whole, whole->size(), 0};
        } else if (fragOffset != 0) {
            return;
        } else {
            ctx.inFragment = true;
        }
    }
    if (!dissectIpProtocol(ctx, next, rest)) dissectData(ctx, rest);
}

}  // namespace rcvmon

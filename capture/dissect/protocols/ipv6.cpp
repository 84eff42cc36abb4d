// SPDX-License-Identifier: GPL-2.0-or-later
// IPv6 (RFC 8200): fixed header, then the extension header chain — hop-by-hop options,
// routing, fragment, destination options (RFC 8200 §4) and AH (RFC 4302) — then the
// upper-layer dispatch. Fragments are reassembled when enabled.
#include "dissect/field_format.h"
#include "dissect/ip_reassembly.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/ip_proto_names.h"

#include <algorithm>

namespace rcvmon {
namespace {

constexpr std::uint8_t kHopByHop = 0, kRouting = 43, kFragment = 44, kAh = 51, kNoNext = 59, kDestOptions = 60;

struct Ipv6Fields {
    FieldId hopoptsNxt, routingNxt, fraghdrNxt, dstoptsNxt;
} hf;

// The Next Header of the header that ends the chain: the fixed header's or an extension's.
std::uint64_t lastNextHeader(const LayerView& l)
{
    for (const FieldId id : {FieldId{field::Ipv6Nxt}, hf.hopoptsNxt, hf.routingNxt, hf.fraghdrNxt, hf.dstoptsNxt})
        if (const FieldRecord* f = l.field(id)) return f->number;
    return 0;
}

void writeUnknownInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t nxt = lastNextHeader(l);
    out += "Unknown IP Protocol: ";
    out += ipProtocolName(static_cast<unsigned>(nxt));
    out += " (";
    appendDecimal(out, nxt);
    out += ')';
}

// packet-ipv6.c clears the column; a header with no payload leaves it empty.
void writeNoInfo(const LayerView&, std::string&) {}

void writeNoNextInfo(const LayerView&, std::string& out) { out += "IPv6 no next header"; }

void writeBogusVersionInfo(const LayerView& l, std::string& out)
{
    out += "Bogus IPv6 version (";
    appendDecimal(out, l.number(field::Ipv6Version));
    out += ", must be 6)";
}

// Fewer bytes than the fixed header: the reported length rides on the first field's aux.
void writeShortHeaderInfo(const LayerView& l, std::string& out)
{
    const FieldRecord* f = l.field(field::IpVersion);
    out += "Invalid IPv6 header (";
    appendDecimal(out, f ? f->aux : 0);
    out += " bytes, need exactly 40)";
}

// Each extension header names itself in the column; the payload's protocol replaces it, so
// it shows only when the header is where the dissection ended.
void writeHopOptsInfo(const LayerView&, std::string& out) { out += "IPv6 hop-by-hop options"; }
void writeRoutingInfo(const LayerView&, std::string& out) { out += "IPv6 routing"; }
void writeDstOptsInfo(const LayerView&, std::string& out) { out += "IPv6 destination options"; }

// A fragment not (yet) reassembled, as packet-ipv6.c words it; the offset in bytes.
void writeFragmentInfo(const LayerView& l, std::string& out)
{
    out += "IPv6 fragment (off=";
    appendDecimal(out, l.number(field::Ipv6FragmentOffset) * 8);
    out += " more=";
    out += l.number(field::Ipv6FragmentMore) ? 'y' : 'n';
    out += " ident=";
    appendHex(out, l.number(field::Ipv6FragmentId), 8);
    out += " nxt=";
    appendDecimal(out, l.number(hf.fraghdrNxt));
    out += ')';
}

// IPv6 inside IPv4 or IPv6 (protocol 41). Wireshark's IPv6 dissector refuses a header of
// another version there: its tree item stays, it leaves frame.protocols, and the outer
// layer shows the payload as an unknown protocol.
bool dissectTunnelledIpv6(DissectContext& ctx, const Payload& p)
{
    if (!p.data.empty() && (p.data[0] >> 4) != 6) {
        LayerCursor c(ctx, "IPv6", "ipv6", p.data, p.at, p.reported);
        const std::uint8_t version = c.u8();
        c.add(field::IpVersion, 0, 1, version >> 4);
        c.add(field::Ipv6Version, 0, 1, version >> 4);
        c.unlisted();
        c.invalid();
        return false;
    }
    dissectIpv6(ctx, p);
    return true;
}

}  // namespace

void registerIpv6(ProtocolRegistrar& r)
{
    r.protocol("ipv6");
    r.ipProtocol(41, dissectTunnelledIpv6);
    r.protocol("ipv6.hopopts");
    hf.hopoptsNxt = r.field({"ipv6.hopopts.nxt", "Next Header", FieldKind::Unsigned, 8});
    r.protocol("ipv6.routing");
    hf.routingNxt = r.field({"ipv6.routing.nxt", "Next Header", FieldKind::Unsigned, 8});
    r.protocol("ipv6.fraghdr");
    hf.fraghdrNxt = r.field({"ipv6.fraghdr.nxt", "Next header", FieldKind::Unsigned, 8});
    r.protocol("ipv6.dstopts");
    hf.dstoptsNxt = r.field({"ipv6.dstopts.nxt", "Next Header", FieldKind::Unsigned, 8});
}

void dissectIpv6(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "IPv6", "ipv6", p.data, p.at, p.reported);
    ctx.setProtocol("IPv6");
    ctx.setInfo(writeNoInfo, c.layer());
    // packet-ipv6.c checks the version first: a bogus one shows the version alone and the
    // dissector rejects the packet, so frame.protocols does not list IPv6.
    if (!p.data.empty() && (p.data[0] >> 4) != 6) {
        c.add(field::Ipv6Version, 0, 1, p.data[0] >> 4);
        ctx.setInfo(writeBogusVersionInfo, c.layer());
        c.unlisted();
        c.invalid();
        return;
    }
    const std::uint32_t first = c.u32();
    if (!c.ok()) return;
    const std::uint32_t versionField = c.add(field::IpVersion, 0, 1, first >> 28);  // Wireshark adds the generic ip.version too
    c.add(field::Ipv6Version, 0, 1, first >> 28);
    // packet-ipv6.c notes a datagram shorter than its fixed header, then reads on (and throws).
    if (p.reported < 40) {
        ctx.out.setAux(versionField, static_cast<std::uint32_t>(p.reported));
        ctx.setInfo(writeShortHeaderInfo, c.layer());
    }
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
    const std::size_t reportedPayload = p.reported > 40 ? p.reported - 40 : 0;
    // Zero: a jumbogram's length is in its Hop-by-Hop option; otherwise (TSO) Wireshark 4.0
    // hands the next header an empty payload, which it finds malformed.
    // An unknown next header is still named then.
    const bool zeroLength = plen == 0;
    if (zeroLength && next == kHopByHop) plen = std::max(c.remaining(), reportedPayload);
    plen = std::min(plen, reportedPayload);
    c.setLength(std::min(c.size(), 40 + plen));
    Payload rest = payloadAfter(c, plen);

    bool fragment = false, more = false;
    std::uint16_t last = c.layer();  // the header whose Next Header names the payload
    std::uint32_t fragOffset = 0, fragId = 0;
    for (int guard = 0; guard < 16; ++guard) {
        if (next != kHopByHop && next != kRouting && next != kFragment && next != kDestOptions && next != kAh) break;
        std::string_view filter = next == kHopByHop ? "ipv6.hopopts"
                                  : next == kRouting ? "ipv6.routing"
                                  : next == kFragment ? "ipv6.fraghdr"
                                  : next == kAh ? "ah" : "ipv6.dstopts";
        LayerCursor e(ctx, next == kAh ? "AH" : "IPv6", filter, rest.data, rest.at, rest.reported);
        if (next == kHopByHop || next == kRouting || next == kDestOptions)
            ctx.setInfo(next == kHopByHop ? writeHopOptsInfo : next == kRouting ? writeRoutingInfo : writeDstOptsInfo,
                        e.layer());
        const FieldId nxtField = next == kHopByHop ? hf.hopoptsNxt
                                 : next == kRouting ? hf.routingNxt
                                 : next == kFragment ? hf.fraghdrNxt
                                 : next == kAh ? LayerCursor::kNone : hf.dstoptsNxt;
        const std::uint8_t nxt = e.u8(nxtField);
        const std::uint8_t len = e.u8();
        if (!e.ok()) {
            if (next == kFragment && rest.reported == 0) e.notInTree();  // its item needs 8 bytes
            return;
        }
        last = e.layer();
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
            // An AH shorter than its fixed part (length 0: 8 bytes) still shows a sequence
            // number in Wireshark, read from what follows; the payload starts at its length.
            const ByteSpan b = e.data();
            if (b.size() >= 12)
                e.add(field::AhSequence, 8, 4,
                      std::uint32_t{b[8]} << 24 | std::uint32_t{b[9]} << 16 | std::uint32_t{b[10]} << 8 | b[11]);
            if (hdrLen >= 12) e.skip(4);
        }
        if (!e.skip(hdrLen - e.pos())) return;
        e.setLength(hdrLen);
        next = nxt;
        rest = payloadAfter(e, e.reportedRemaining());
        if (fragment) break;
    }

    if (fragment) {
        ctx.setInfo(writeFragmentInfo, last);
        // A fragment cut by the capture cannot be reassembled: shown as if reassembly were off.
        if (ctx.reassembler && !ctx.inReassembled && rest.data.size() == rest.reported) {
            IpReassembler::Key key;
            key.family = 6;
            key.id = fragId;
            std::copy(src.begin(), src.end(), key.src.begin());
            std::copy(dst.begin(), dst.end(), key.dst.begin());
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
    if (next == kNoNext) {
        ctx.setInfo(writeNoNextInfo, c.layer());
        return;
    }
    if (!dissectIpProtocol(ctx, next, rest)) {
        if (rest.reported != 0 || zeroLength) ctx.setInfo(writeUnknownInfo, last);
        dissectData(ctx, rest);
    }
}

}  // namespace rcvmon

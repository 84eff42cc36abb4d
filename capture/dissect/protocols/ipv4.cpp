// SPDX-License-Identifier: GPL-2.0-or-later
// IPv4 (RFC 791): header and options, fragments (reassembled when enabled), then the
// IP protocol dispatch. The total length cuts link-layer padding off the payload.
#include "dissect/field_format.h"
#include "dissect/ip_reassembly.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/ip_proto_names.h"

#include <algorithm>

namespace rcvmon {
namespace {

void appendProtocol(const LayerView& l, std::string& out)
{
    const std::uint64_t proto = l.number(field::IpProto);
    out += ipProtocolName(static_cast<unsigned>(proto));
    out += ' ';
    appendDecimal(out, proto);
}

// A fragment that is not (yet) reassembled: packet-ip.c's text, the offset in bytes.
void writeFragmentInfo(const LayerView& l, std::string& out)
{
    out += "Fragmented IP protocol (proto=";
    appendProtocol(l, out);
    out += ", off=";
    appendDecimal(out, l.number(field::IpFragOffset) * 8);
    out += ", ID=";
    static constexpr char kDigits[] = "0123456789abcdef";
    const std::uint64_t id = l.number(field::IpId);
    for (int shift = 12; shift >= 0; shift -= 4) out += kDigits[(id >> shift) & 0xf];
    out += ')';
}

// A payload no dissector takes.
void writeUnknownInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t proto = l.number(field::IpProto);
    out += ipProtocolName(static_cast<unsigned>(proto));
    out += " (";
    appendDecimal(out, proto);
    out += ')';
}

// packet-ip.c clears the column; a header with no payload leaves it empty.
void writeNoInfo(const LayerView&, std::string&) {}

void writeBogusVersionInfo(const LayerView& l, std::string& out)
{
    out += "Bogus IPv4 version (";
    appendDecimal(out, l.number(field::IpVersion));
    out += ", must be 4)";
}

void writeBogusLengthInfo(const LayerView& l, std::string& out)
{
    out += "Bogus IP header length (";
    appendDecimal(out, l.number(field::IpHdrLen));
    out += ", must be at least 20)";
}

// packet-ip.c: a total length shorter than the header stops the dissection.
void writeBogusTotalLengthInfo(const LayerView& l, std::string& out)
{
    out += "Bogus IP length (";
    appendDecimal(out, l.number(field::IpLen));
    out += ", less than header length ";
    appendDecimal(out, l.number(field::IpHdrLen));
    out += ')';
}

}  // namespace

void dissectIpv4(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "IPv4", "ip", p.data, p.at, p.reported);
    // Wireshark hands a version-6 header behind an IPv4 type to its IPv6 dissector.
    if (!p.data.empty() && (p.data[0] >> 4) == 6) {
        c.add(field::IpVersion, 0, 1, 6);
        dissectIpv6(ctx, p);
        return;
    }
    ctx.setProtocol("IPv4");
    ctx.setInfo(writeNoInfo, c.layer());
    const std::uint8_t vh = c.u8();
    if (!c.ok()) return;
    c.add(field::IpVersion, 0, 1, vh >> 4);
    const std::size_t hlen = std::size_t{vh & 0x0fu} * 4;
    c.add(field::IpHdrLen, 0, 1, hlen);
    if ((vh >> 4) != 4 || hlen < 20) {
        ctx.setInfo((vh >> 4) != 4 ? writeBogusVersionInfo : writeBogusLengthInfo, c.layer());
        c.invalid();
        return;
    }
    c.u8(field::IpDsfield);
    std::size_t totalLen = c.u16();
    if (!c.ok()) return;
    if (totalLen == 0) totalLen = c.size() > p.reported ? c.size() : p.reported;  // TSO: length left to the NIC
    c.add(field::IpLen, 2, 2, totalLen);
    if (totalLen < hlen) {
        ctx.setInfo(writeBogusTotalLengthInfo, c.layer());
        c.invalid();
        return;
    }
    const std::uint16_t id = c.u16(field::IpId);
    const std::uint16_t flagsFrag = c.u16();
    if (!c.ok()) return;
    c.add(field::IpFlags, 6, 1, flagsFrag >> 13);
    c.add(field::IpFlagsDf, 6, 1, (flagsFrag >> 14) & 1);
    const bool more = (flagsFrag & 0x2000) != 0;
    c.add(field::IpFlagsMf, 6, 1, more);
    // tshark 4.0 prints the offset in 8-byte units, as the header stores it.
    c.add(field::IpFragOffset, 6, 2, flagsFrag & 0x1fffu);
    const std::uint32_t fragOffset = std::uint32_t{flagsFrag & 0x1fffu} * 8;
    c.u8(field::IpTtl);
    const std::uint8_t proto = c.u8(field::IpProto);
    c.u16(field::IpChecksum);
    const ByteSpan src = c.bytes(4, field::IpSrc);
    const std::uint32_t srcField = c.lastField();
    if (c.ok() && ctx.columnsWritable) ctx.out.setNetAddresses(srcField, Dissection::kNoField);
    // Wireshark looks through the options (source routes) before it adds the destination.
    if (c.ok() && hlen > 20 && c.size() < hlen) {
        c.need(hlen);
        return;
    }
    const ByteSpan dst = c.bytes(4, field::IpDst);
    if (!c.ok()) return;
    const std::uint32_t dstField = c.lastField();
    if (ctx.columnsWritable) ctx.out.setNetAddresses(srcField, dstField);
    ctx.net.family = 4;
    ctx.net.src.fill(0);
    ctx.net.dst.fill(0);
    std::copy(src.begin(), src.end(), ctx.net.src.begin());
    std::copy(dst.begin(), dst.end(), ctx.net.dst.begin());
    if (!c.skip(hlen - 20)) return;  // options

    // The declared length bounds the payload; a frame shorter than declared is a capture cut.
    const std::size_t declared = std::min(totalLen, p.reported) - hlen;
    c.setLength(std::min(totalLen, c.size()));
    Payload next = payloadAfter(c, declared);

    const bool fragment = more || fragOffset != 0;
    if (fragment) {
        ctx.setInfo(writeFragmentInfo, c.layer());
        // Only captured bytes can be reassembled; a cut fragment would leave a hole. Such a
        // fragment is shown as if reassembly were off: the first one's payload is dissected.
        // "Cut" measures against the total length, as packet-ip.c: a frame shorter than its
        // header declares is cut too.
        if (ctx.reassembler && !ctx.inReassembled && totalLen > hlen && next.data.size() == totalLen - hlen) {
            IpReassembler::Key key;
            key.family = 4;
            key.protocol = proto;
            key.id = id;
            std::copy(src.begin(), src.end(), key.src.begin());
            std::copy(dst.begin(), dst.end(), key.dst.begin());
            auto whole = ctx.reassembler->add(key, fragOffset, more, next.data);
            if (!whole) return;
            ctx.inReassembled = true;
            next = Payload{*whole, whole->size(), 0};
        } else if (fragOffset != 0) {
            return;  // later fragments carry no transport header
        } else {
            ctx.inFragment = true;  // the first one does, with a cut payload
        }
    }
    // Wireshark hands an empty payload to no protocol (a PIM Null-Register's inner header).
    if (next.reported == 0) return;
    if (!dissectIpProtocol(ctx, proto, next)) {
        ctx.setInfo(writeUnknownInfo, c.layer());
        dissectData(ctx, next);
    }
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// Serial and WAN link layers: PPP in HDLC-like framing (RFC 1662, protocol numbers RFC 1661),
// Cisco HDLC (an EtherType after address and control) and Frame Relay (Q.922 address, then
// RFC 2427's NLPID or Cisco's EtherType encapsulation), as packet-ppp.c, packet-chdlc.c
// and packet-fr.c read them.
#include "dissect/protocols/wan_links.h"

#include "dissect/field_format.h"
#include "dissect/protocols/stp.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct WanFields {
    FieldId pppCode, slarpPtype, slarpMysequence, slarpYoursequence, pppAddress, pppControl, pppProtocol, chdlcAddress, chdlcControl, chdlcProtocol, frDlci, frCr, frEa,
        frFecn, frBecn, frDe, frControl, frNlpid;
} hf;

constexpr ValueName kCpCodes[] = {
    {1, "Configuration Request"}, {2, "Configuration Ack"}, {3, "Configuration Nak"},
    {4, "Configuration Reject"}, {5, "Termination Request"}, {6, "Termination Ack"}, {7, "Code Reject"},
    {8, "Protocol Reject"}, {9, "Echo Request"}, {10, "Echo Reply"}, {11, "Discard Request"},
    {12, "Identification"}, {13, "Time Remaining"},
};

void writeControlInfo(const LayerView& l, std::string& out)
{
    if (const FieldRecord* f = l.field(hf.pppCode)) out += valueName(kCpCodes, f->number, "Unknown");
}

// PPP's control protocols (RFC 1661 §5, RFC 1332, RFC 5072): code, identifier, length.
void dissectControlProtocol(DissectContext& ctx, const Payload& p, std::string_view name, std::string_view filter)
{
    LayerCursor c(ctx, name, filter, p.data, p.at, p.reported);
    ctx.setProtocol(name);
    c.u8(hf.pppCode);
    if (!c.ok()) return;
    ctx.setInfo(writeControlInfo, c.layer());
}

// PPP's network-layer and control protocols this dissector hands on; false for the rest.
bool dissectPppPayload(DissectContext& ctx, std::uint16_t protocol, const Payload& p)
{
    switch (protocol) {
    case 0xc021: dissectControlProtocol(ctx, p, "PPP LCP", "lcp"); return true;
    case 0x8021: dissectControlProtocol(ctx, p, "PPP IPCP", "ipcp"); return true;
    case 0x8057: dissectControlProtocol(ctx, p, "PPP IPV6CP", "ipv6cp"); return true;
    case 0x0021: dissectIpv4(ctx, p); return true;
    case 0x0057: dissectIpv6(ctx, p); return true;
    case 0x0281:
    case 0x0283: dissectMpls(ctx, p); return true;
    default: return false;
    }
}

void writeSlarpInfo(const LayerView& l, std::string& out)
{
    if (l.number(hf.slarpPtype) != 2) return;
    out += "Line keepalive, outgoing sequence ";
    appendDecimal(out, l.number(hf.slarpMysequence));
    out += ", returned sequence ";
    appendDecimal(out, l.number(hf.slarpYoursequence));
}

// Cisco SLARP: a keepalive carries both ends' sequence numbers.
void dissectSlarp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "SLARP", "slarp", p.data, p.at, p.reported);
    ctx.setProtocol("SLARP");
    ctx.setInfo(writeSlarpInfo, c.layer());
    const std::uint32_t code = c.u32(hf.slarpPtype);
    if (code == 2) {
        c.u32(hf.slarpMysequence);
        c.u32(hf.slarpYoursequence);
    }
}

}  // namespace

void dissectPppLink(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "PPP", "ppp", p.data, p.at, p.reported);
    ctx.setProtocol("PPP");
    // Address and control (0xff 0x03) may be left out (RFC 1662 §3.2).
    if (c.peek() == 0xff && c.remaining() >= 2 && c.peek(1) == 0x03) {
        c.u8(hf.pppAddress);
        c.u8(hf.pppControl);
    }
    // A protocol number with its low bit set in the first byte is compressed to one byte.
    std::uint16_t protocol = 0;
    if (c.peek() & 1) {
        protocol = c.u8();
        if (c.ok()) c.add(hf.pppProtocol, c.pos() - 1, 1, protocol);
    } else {
        protocol = c.u16(hf.pppProtocol);
    }
    if (!c.ok()) return;
    c.setLength(c.pos());
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (!dissectPppPayload(ctx, protocol, next)) dissectData(ctx, next);
}

void dissectCiscoHdlc(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "CHDLC", "chdlc", p.data, p.at, p.reported);
    ctx.setProtocol("CHDLC");
    c.u8(hf.chdlcAddress);
    c.u8(hf.chdlcControl);
    const std::uint16_t protocol = c.u16(hf.chdlcProtocol);
    if (!c.ok()) return;
    c.setLength(c.pos());
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (protocol == 0x2000) {
        dissectCdp(ctx, next);
        return;
    }
    if (protocol == 0x8035) {  // Cisco's serial line ARP keepalives
        dissectSlarp(ctx, next);
        return;
    }
    if (!dissectEtherType(ctx, protocol, next)) dissectData(ctx, next);
}

void dissectFrameRelay(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "FR", "fr", p.data, p.at, p.reported);
    ctx.setProtocol("FR");
    const std::uint8_t first = c.u8();
    const std::uint8_t second = c.u8();
    if (!c.ok()) return;
    c.add(hf.frCr, 0, 1, (first >> 1) & 1);
    c.add(hf.frFecn, 1, 1, (second >> 3) & 1);
    c.add(hf.frBecn, 1, 1, (second >> 2) & 1);
    c.add(hf.frDe, 1, 1, (second >> 1) & 1);
    c.add(hf.frEa, 1, 1, second & 1);
    // Q.922 addresses run on while EA is 0: the last octet adds 6 DLCI bits, one between 7.
    std::uint32_t dlci = (static_cast<std::uint32_t>(first >> 2) << 4) | (second >> 4u);
    std::size_t addressLength = 2;
    for (std::uint8_t octet = second; !(octet & 1) && addressLength < 4 && c.ok();) {
        octet = c.u8();
        ++addressLength;
        dlci = (octet & 1) ? dlci << 6 | (octet >> 2) : dlci << 7 | (octet >> 1);
    }
    if (!c.ok()) return;
    c.add(hf.frDlci, 0, addressLength, dlci);
    // Q.933 UI frames carry an NLPID (RFC 2427); Cisco's encapsulation an EtherType.
    if (c.peek() == 0x03) {
        c.u8(hf.frControl);
        std::uint8_t nlpid = c.u8(hf.frNlpid);
        if (nlpid == 0 && c.ok()) nlpid = c.u8(hf.frNlpid);  // one byte of padding
        if (!c.ok()) return;
        c.setLength(c.pos());
        const Payload next = payloadAfter(c, c.reportedRemaining());
        if (nlpid == 0xcc) {
            dissectIpv4(ctx, next);
        } else if (nlpid == 0x8e) {
            dissectIpv6(ctx, next);
        } else if (nlpid == 0x80 && next.data.size() >= 5) {  // SNAP: OUI and EtherType
            const Payload inner{next.data.subspan(5), next.reported - 5, next.at + 5};
            const std::uint16_t type = static_cast<std::uint16_t>(next.data[3] << 8 | next.data[4]);
            if (!dissectEtherType(ctx, type, inner)) dissectData(ctx, inner);
        } else {
            dissectData(ctx, next);
        }
        return;
    }
    const std::uint16_t type = c.u16();
    if (!c.ok()) return;
    c.setLength(c.pos());
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (!dissectEtherType(ctx, type, next)) dissectData(ctx, next);
}

void registerWanLinks(ProtocolRegistrar& r)
{
    r.protocol("ppp");
    hf.pppAddress = r.field({"ppp.address", "Address", FieldKind::Hex, 8});
    hf.pppControl = r.field({"ppp.control", "Control", FieldKind::Hex, 8});
    hf.pppProtocol = r.field({"ppp.protocol", "Protocol", FieldKind::Hex, 16});
    hf.pppCode = r.field({"ppp.code", "Code", FieldKind::Unsigned, 8, kCpCodes});
    r.protocol("lcp");
    r.protocol("ipcp");
    r.protocol("ipv6cp");
    r.protocol("chdlc");
    hf.chdlcAddress = r.field({"chdlc.address", "Address", FieldKind::Hex, 8});
    hf.chdlcControl = r.field({"chdlc.control", "Control", FieldKind::Hex, 8});
    hf.chdlcProtocol = r.field({"chdlc.protocol", "Protocol", FieldKind::Hex, 16});
    r.protocol("slarp");
    hf.slarpPtype = r.field({"slarp.ptype", "Packet type", FieldKind::Unsigned, 32});
    hf.slarpMysequence = r.field({"slarp.mysequence", "Outgoing sequence number", FieldKind::Unsigned, 32});
    hf.slarpYoursequence = r.field({"slarp.yoursequence", "Returned sequence number", FieldKind::Unsigned, 32});
    r.protocol("fr");
    hf.frDlci = r.field({"fr.dlci", "DLCI", FieldKind::Unsigned, 32});
    hf.frCr = r.field({"fr.cr", "CR", FieldKind::Bool, 8, {}, 0x2});
    hf.frEa = r.field({"fr.ea", "EA", FieldKind::Bool, 8, {}, 0x1});
    hf.frFecn = r.field({"fr.fecn", "FECN", FieldKind::Bool, 8, {}, 0x8});
    hf.frBecn = r.field({"fr.becn", "BECN", FieldKind::Bool, 8, {}, 0x4});
    hf.frDe = r.field({"fr.de", "DE", FieldKind::Bool, 8, {}, 0x2});
    hf.frControl = r.field({"fr.control", "Control Field", FieldKind::Hex, 8});
    hf.frNlpid = r.field({"fr.nlpid", "NLPID", FieldKind::Hex, 8});
}

}  // namespace rcvmon

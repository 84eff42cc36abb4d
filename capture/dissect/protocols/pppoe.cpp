// SPDX-License-Identifier: GPL-2.0-or-later
// PPPoE (RFC 2516): discovery packets (EtherType 0x8863) named by their code, with the
// access concentrator's name as packet-pppoe.c adds it to Info, and session packets
// (0x8864) carrying PPP.
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"
#include "dissect/protocols/wan_links.h"

namespace rcvmon {
namespace {

struct PppoeFields {
    FieldId version, type, code, sessionId, payloadLength, tag, tagLength, acName;
} hf;

constexpr ValueName kCodes[] = {
    {0x00, "Session Data"}, {0x07, "Active Discovery Offer (PADO)"}, {0x09, "Active Discovery Initiation (PADI)"},
    {0x0a, "Active Discovery Session-Grant (PADG)"}, {0x0b, "Active Discovery Session-Credit Resp.(PADC)"},
    {0x0c, "Active Discovery Quality (PADQ)"}, {0x19, "Active Discovery Request (PADR)"},
    {0x65, "Active Discovery Session-confirmation (PADS)"}, {0xa7, "Active Discovery Terminate (PADT)"},
    {0xd3, "Active Discovery Message (PADM)"}, {0xd4, "Active Discovery Network (PADN)"},
};

void writeDiscoveryInfo(const LayerView& l, std::string& out)
{
    out += valueName(kCodes, l.number(hf.code), "Unknown");
    if (const FieldRecord* name = l.field(hf.acName)) {
        out += " AC-Name='";
        out += l.dissection().valueText(*name);
        out += '\'';
    }
}

// Version/type, code, session id and payload length: both kinds start with them.
std::uint16_t readHeader(LayerCursor& c)
{
    const std::uint8_t vt = c.u8();
    if (c.ok()) {
        c.add(hf.version, 0, 1, vt >> 4);
        c.add(hf.type, 0, 1, vt & 0xf);
    }
    c.u8(hf.code);
    c.u16(hf.sessionId);
    return c.u16(hf.payloadLength);
}

bool dissectDiscovery(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "PPPoED", "pppoed", p.data, p.at, p.reported);
    ctx.setProtocol("PPPoED");
    const std::uint16_t length = readHeader(c);
    if (!c.ok()) return true;
    ctx.setInfo(writeDiscoveryInfo, c.layer());
    const std::size_t end = c.pos() + length;
    for (int guard = 0; guard < 64 && c.ok() && c.pos() + 4 <= end; ++guard) {
        const std::uint16_t tag = c.u16(hf.tag);
        const std::uint16_t tagLength = c.u16(hf.tagLength);
        if (!c.need(tagLength)) return true;
        if (tag == 0x0102) {  // AC-Name
            const ByteSpan name = c.data().subspan(c.pos(), tagLength);
            ctx.out.addTextField(hf.acName, c.layer(), c.absolute(c.pos()), tagLength,
                                 std::string_view(reinterpret_cast<const char*>(name.data()), name.size()));
        }
        c.skip(tagLength);
    }
    return true;
}

bool dissectSession(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "PPPoES", "pppoes", p.data, p.at, p.reported);
    ctx.setProtocol("PPPoES");
    const std::uint16_t length = readHeader(c);
    if (!c.ok()) return true;
    c.setLength(c.pos());
    dissectPppLink(ctx, payloadAfter(c, length < c.reportedRemaining() ? length : c.reportedRemaining()));
    return true;
}

}  // namespace

void registerPppoe(ProtocolRegistrar& r)
{
    r.protocol("pppoe");
    hf.version = r.field({"pppoe.version", "Version", FieldKind::Unsigned, 8});
    hf.type = r.field({"pppoe.type", "Type", FieldKind::Unsigned, 8});
    hf.code = r.field({"pppoe.code", "Code", FieldKind::Hex, 8, kCodes});
    hf.sessionId = r.field({"pppoe.session_id", "Session ID", FieldKind::Hex, 16});
    hf.payloadLength = r.field({"pppoe.payload_length", "Payload Length", FieldKind::Unsigned, 16});
    r.protocol("pppoed");
    hf.tag = r.field({"pppoed.tag", "Tag", FieldKind::Hex, 16});
    hf.tagLength = r.field({"pppoed.tag_length", "Tag Length", FieldKind::Unsigned, 16});
    hf.acName = r.field({"pppoed.tags.ac_name", "AC-Name", FieldKind::String});
    r.etherType(0x8863, dissectDiscovery);
    r.protocol("pppoes");
    r.etherType(0x8864, dissectSession);
}

}  // namespace rcvmon

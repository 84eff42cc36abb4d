// SPDX-License-Identifier: GPL-2.0-or-later
// Service Location Protocol v1 (RFC 2165 §7) and v2 (RFC 2608 §8), UDP and TCP port 427:
// the header up to the language tag. Info as packet-srvloc.c writes it: "Service Request,
// V2 XID - 23516" (v1: "V1 Transaction ID - …").
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct SrvlocFields {
    FieldId version, function, pktlen, flagsV2, nextExt, xid, langTagLen, langTag;
} hf;

constexpr ValueName kFunctions[] = {{1, "Service Request"},    {2, "Service Reply"},       {3, "Service Registration"},
                                    {4, "Service Deregister"}, {5, "Service Acknowledge"}, {6, "Attribute Request"},
                                    {7, "Attribute Reply"},    {8, "DA Advertisement"},    {9, "Service Type Request"},
                                    {10, "Service Type Reply"}, {11, "SA Advertisement"}};

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t function = l.number(hf.function);
    const std::string_view name = valueName(kFunctions, function);
    if (name.empty()) {
        out += "Unknown Function (";
        appendDecimal(out, function);
        out += ')';
    } else {
        out += name;
    }
    const std::uint64_t version = l.number(hf.version);
    out += version == 2 ? ", V2 XID - " : ", V1 Transaction ID - ";
    appendDecimal(out, l.number(hf.xid));
}

bool dissectSrvloc(DissectContext& ctx, const Payload& p)
{
    if (p.data.empty() || (p.data[0] != 1 && p.data[0] != 2)) return false;
    LayerCursor c(ctx, "SRVLOC", "srvloc", p.data, p.at, p.reported);
    ctx.setProtocol("SRVLOC");
    const std::uint8_t version = c.u8(hf.version);
    c.u8(hf.function);
    if (version == 2) {
        c.u24(hf.pktlen);
        c.u16(hf.flagsV2);
        c.u24(hf.nextExt);
        c.u16(hf.xid);
        if (!c.ok()) return true;
        ctx.setInfo(writeInfo, c.layer());
        const std::uint16_t tagLength = c.u16(hf.langTagLen);
        const ByteSpan tag = c.bytes(tagLength);
        if (c.ok())
            ctx.out.addTextField(hf.langTag, c.layer(), c.absolute(c.pos() - tagLength), tagLength,
                                 std::string_view(reinterpret_cast<const char*>(tag.data()), tag.size()));
        return true;
    }
    c.u16(hf.pktlen);
    c.skip(2);  // flags, dialect
    c.skip(2);  // language
    c.skip(2);  // character encoding
    c.u16(hf.xid);
    if (c.ok()) ctx.setInfo(writeInfo, c.layer());
    return true;
}

}  // namespace

void registerSrvloc(ProtocolRegistrar& r)
{
    r.protocol("srvloc");
    hf.version = r.field({"srvloc.version", "Version", FieldKind::Unsigned, 8});
    hf.function = r.field({"srvloc.function", "Function", FieldKind::Unsigned, 8, kFunctions});
    hf.pktlen = r.field({"srvloc.pktlen", "Packet Length", FieldKind::Unsigned, 24});
    hf.flagsV2 = r.field({"srvloc.flags_v2", "Flags", FieldKind::Hex, 16});
    hf.nextExt = r.field({"srvloc.nextextoff", "Next Extension Offset", FieldKind::Unsigned, 24});
    hf.xid = r.field({"srvloc.xid", "XID", FieldKind::Unsigned, 24});
    hf.langTagLen = r.field({"srvloc.langtaglen", "Lang Tag Len", FieldKind::Unsigned, 16});
    hf.langTag = r.field({"srvloc.langtag", "Lang Tag", FieldKind::String});
    r.udpPort(427, dissectSrvloc);
    r.tcpPort(427, dissectSrvloc);
}

}  // namespace rcvmon

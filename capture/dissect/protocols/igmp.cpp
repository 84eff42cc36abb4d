// SPDX-License-Identifier: GPL-2.0-or-later
// IGMP v1 (RFC 1112), v2 (RFC 2236), v3 (RFC 3376). The version is told from the type and,
// for queries, from the message length, as RFC 3376 §7.1 says. Info follows packet-igmp.c:
// v3 reports list their group records (" / Join group G for any sources").
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/igmp_types.h"

namespace rcvmon {
namespace {

struct IgmpFields {
    FieldId maxResp, checksum, s, qrv, qqic, numSrc, saddr, numGrpRecs, recordType, auxDataLen;
} hf;

bool allZero(ByteSpan b)
{
    for (std::uint8_t byte : b)
        if (byte) return false;
    return true;
}

// One v3 group record: its type, source count and group, then its sources.
void appendGroupRecord(const LayerView& l, std::uint64_t type, std::uint64_t sources, const FieldRecord& group,
                       std::size_t& nextSource, std::string& out)
{
    const Dissection& d = l.dissection();
    const auto groupText = [&] { d.appendValue(group, out); };
    if (sources == 0) {
        switch (type) {
        case 1:
        case 3: out += " / Leave group "; groupText(); return;
        case 2:
        case 4: out += " / Join group "; groupText(); out += " for any sources"; return;
        case 5: out += " / Group "; groupText(); out += ", ALLOW_NEW_SOURCES but no source specified (?)"; return;
        case 6: out += " / Group "; groupText(); out += ", BLOCK_OLD_SOURCES but no source specified (?)"; return;
        default: out += " / Group "; groupText(); out += ", Unknown record type (?)"; return;
        }
    }
    const bool many = sources > 1;
    switch (type) {
    case 1:
    case 3: out += " / Join group "; groupText(); out += many ? " for sources in {" : " for source {"; break;
    case 2:
    case 4: out += " / Join group "; groupText(); out += many ? ", for sources not in {" : ", for source not {"; break;
    case 5: out += " / Group "; groupText(); out += many ? ", new sources {" : ", new source {"; break;
    case 6: out += " / Group "; groupText(); out += many ? ", block sources {" : ", block source {"; break;
    default: out += " / Group "; groupText(); out += many ? ", Unknown record type (?), sources {" : ", Unknown record type (?), source {"; break;
    }
    // The record's sources are the next `sources` igmp.saddr fields of the layer.
    const auto fields = d.fields();
    std::uint64_t written = 0;
    for (; nextSource < fields.size() && written < sources; ++nextSource) {
        const FieldRecord& f = fields[nextSource];
        if (f.layer != l.layer() || f.id != hf.saddr) continue;
        d.appendValue(f, out);
        ++written;
        out += written == sources ? "}" : ", ";
    }
}

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t type = l.number(field::IgmpType);
    const std::uint64_t version = l.number(field::IgmpVersion);
    switch (type) {
    case 0x11: {
        out += "Membership Query";
        if (version == 1) return;
        const FieldRecord* g = l.field(field::IgmpMaddr);
        if (!g) return;
        if (allZero(l.dissection().valueBytes(*g))) {
            out += ", general";
        } else {
            out += ", specific for group ";
            l.dissection().appendValue(*g, out);
        }
        return;
    }
    case 0x12:
    case 0x16:
        out += "Membership Report";
        if (version == 1) return;
        out += " group ";
        l.appendValue(field::IgmpMaddr, out);
        return;
    case 0x17:
        out += "Leave Group ";
        l.appendValue(field::IgmpMaddr, out);
        return;
    case 0x22: {
        out += "Membership Report";
        // Records appear in field order: type, source count, group, sources.
        std::uint64_t recordType = 0, sources = 0;
        std::size_t index = 0;
        for (const FieldRecord& f : l.dissection().fields()) {
            ++index;
            if (f.layer != l.layer()) continue;
            if (f.id == hf.recordType) recordType = f.number;
            else if (f.id == hf.numSrc) sources = f.number;
            else if (f.id == field::IgmpMaddr) {
                std::size_t next = index;
                appendGroupRecord(l, recordType, sources, f, next, out);
            }
        }
        return;
    }
    case 0x1e: out += "Traceroute Response"; return;
    case 0x1f: out += "Traceroute Query"; return;
    default:
        out += "Unknown Type:";
        appendHex(out, type, 2);
        return;
    }
}

// Types packet-igmp.c hands through its "igmp.type" table to a handle of proto_igmp again, so
// frame.protocols names igmp twice ("ip:igmp:igmp"); unknown types it dissects in place.
bool dispatchedAgain(std::uint8_t type)
{
    return type <= 0x0f || type == 0x11 || type == 0x12 || type == 0x16 || type == 0x17 || type == 0x1e ||
           type == 0x1f || type == 0x22;
}

bool dissectIgmpMessage(DissectContext& ctx, const Payload& p)
{
    if (!p.data.empty() && dispatchedAgain(p.data[0])) {
        // The dispatcher's own layer: listed, with no tree item of its own.
        const std::uint16_t outer = ctx.out.addLayer("IGMP", "igmp", p.at, 0, ctx.inReassembled);
        ctx.out.layer(outer).inTree = false;
    }
    LayerCursor c(ctx, "IGMP", "igmp", p.data, p.at, p.reported);
    ctx.setProtocol("IGMP");
    // packet-igmp.c tries its "igmp.type" table first: DVMRP and PIMv1 take the whole message
    // and IGMP adds no tree item (frame.protocols still lists it).
    if (!p.data.empty() && (p.data[0] == 0x13 || p.data[0] == 0x14)) {
        c.notInTree();
        if (p.data[0] == 0x13) {
            dissectDvmrp(ctx, p);
        } else {
            dissectPimv1(ctx, p);
        }
        return true;
    }
    ctx.setInfo(writeInfo, c.layer());
    const std::uint8_t type = c.u8();
    const std::uint8_t maxResp = c.u8();
    if (!c.ok()) return true;
    unsigned version = 0;
    switch (type) {
    case 0x11: version = p.reported >= 12 ? 3 : (maxResp == 0 ? 1 : 2); break;
    case 0x12: version = 1; break;
    case 0x16: case 0x17: version = 2; break;
    case 0x22: version = 3; break;
    default: break;
    }
    if (version) {
        c.add(field::IgmpVersion, 0, 1, version);
        ctx.setProtocol(version == 1 ? "IGMPv1" : version == 2 ? "IGMPv2" : "IGMPv3");
    }
    c.add(field::IgmpType, 0, 1, type);
    if (version >= 2 && type != 0x22) c.add(hf.maxResp, 1, 1, maxResp);
    c.u16(hf.checksum);
    if (type != 0x22) {
        c.bytes(4, field::IgmpMaddr);
        if (version == 3 && type == 0x11) {  // v3 query: flags, QQIC and sources
            const std::uint8_t flags = c.u8();
            if (c.ok()) {
                c.add(hf.s, 8, 1, (flags >> 3) & 1);
                c.add(hf.qrv, 8, 1, flags & 7);
            }
            c.u8(hf.qqic);
            const std::uint16_t sources = c.u16(hf.numSrc);
            for (unsigned i = 0; i < sources && c.ok(); ++i) c.bytes(4, hf.saddr);
        }
        return true;
    }
    // IGMPv3 report: group records, each naming its multicast address and sources.
    c.u16();
    const std::uint16_t records = c.u16(hf.numGrpRecs);
    for (unsigned i = 0; i < records && c.ok(); ++i) {
        c.u8(hf.recordType);
        const std::uint8_t auxWords = c.u8(hf.auxDataLen);
        const std::uint16_t sources = c.u16(hf.numSrc);
        c.bytes(4, field::IgmpMaddr);
        for (unsigned s = 0; s < sources && c.ok(); ++s) c.bytes(4, hf.saddr);
        c.skip(std::size_t{auxWords} * 4);
    }
    return true;
}

}  // namespace

void dissectIgmp(DissectContext& ctx, const Payload& p)
{
    dissectIgmpMessage(ctx, p);
}

void registerIgmp(ProtocolRegistrar& r)
{
    r.protocol("igmp");
    hf.maxResp = r.field({"igmp.max_resp", "Max Resp Time", FieldKind::Unsigned, 8});
    hf.checksum = r.field({"igmp.checksum", "Checksum", FieldKind::Hex, 16});
    hf.s = r.field({"igmp.s", "S", FieldKind::Bool, 8, {}, 0x8});
    hf.qrv = r.field({"igmp.qrv", "QRV", FieldKind::Unsigned, 8, {}, 0x7});
    hf.qqic = r.field({"igmp.qqic", "QQIC", FieldKind::Unsigned, 8});
    hf.numSrc = r.field({"igmp.num_src", "Num Src", FieldKind::Unsigned, 16});
    hf.saddr = r.field({"igmp.saddr", "Source Address", FieldKind::Ipv4});
    hf.numGrpRecs = r.field({"igmp.num_grp_recs", "Num Group Records", FieldKind::Unsigned, 16});
    hf.recordType = r.field({"igmp.record_type", "Record Type", FieldKind::Unsigned, 8});
    hf.auxDataLen = r.field({"igmp.aux_data_len", "Aux Data Len", FieldKind::Unsigned, 8});
    r.ipProtocol(2, dissectIgmpMessage);
}

}  // namespace rcvmon

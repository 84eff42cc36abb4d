// SPDX-License-Identifier: GPL-2.0-or-later
// Cisco NetFlow v1/v5/v7/v8 and v9 (RFC 3954 §5) on UDP ports 2055 and 9996, IPFIX (RFC 7011
// §3) on 4739: the export header and, for v9 and IPFIX, the walk over flowsets with the ids
// of the templates they define. Info as packet-netflow.c writes it: "total: 2 (v9) records
// Obs-Domain-ID=    8 [Data-Template:256,257] [Data:256]". Records are not decoded.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct CflowFields {
    FieldId version, count, length, sysuptime, unixSecs, sequence, sourceId, odId, flowsetId, flowsetLength,
        templateId;
} hf;

// printf's "%5d" / "%4d": right-aligned in `width` columns.
void appendPadded(std::string& out, std::uint64_t value, std::size_t width)
{
    const std::size_t at = out.size();
    appendDecimal(out, value);
    const std::size_t digits = out.size() - at;
    if (digits < width) out.insert(at, width - digits, ' ');
}

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t version = l.number(hf.version);
    if (version == 10) {
        out += "IPFIX flow (";
        appendPadded(out, l.number(hf.length), 4);
        out += " bytes)";
    } else {
        const std::uint64_t count = l.number(hf.count);
        out += "total: ";
        appendDecimal(out, count);
        out += " (v";
        appendDecimal(out, version);
        out += ") ";
        out += version == 9 ? (count == 1 ? "record" : "records") : (count == 1 ? "flow" : "flows");
    }
    if (version == 9 || version == 10) {
        out += " Obs-Domain-ID=";
        appendPadded(out, l.number(version == 9 ? hf.sourceId : hf.odId), 5);
    }
    // Each flowset: " [Data:256]"; a template flowset lists the templates it defines.
    const FieldRecord* set = nullptr;
    bool open = false;
    for (const FieldRecord& f : l.dissection().fields()) {
        if (f.layer != l.layer()) continue;
        if (f.id == hf.flowsetId) {
            if (open) out += ']';
            open = false;
            set = &f;
            const std::uint64_t id = f.number;
            const bool templates = version == 9 ? id == 0 : id == 2;
            const bool options = version == 9 ? id == 1 : id == 3;
            if (!templates && !options) {
                out += " [Data:";
                appendDecimal(out, id);
                out += ']';
            }
        } else if (f.id == hf.templateId && set) {
            const bool options = version == 9 ? set->number == 1 : set->number == 3;
            out += open ? "," : (options ? " [Options-Template:" : " [Data-Template:");
            open = true;
            appendDecimal(out, f.number);
        }
    }
    if (open) out += ']';
}

// The template ids a (options) template flowset defines, each record skipped by its fields.
void templates(LayerCursor& c, std::size_t end, bool options, bool ipfix)
{
    for (int guard = 0; guard < 256 && c.ok() && c.pos() + 4 <= end; ++guard) {
        const std::uint16_t id = c.u16(hf.templateId);
        const std::uint16_t n = c.u16();
        if (!c.ok() || id < 256) return;  // padding
        std::size_t fields = n;
        if (options && !ipfix) {
            // v9: option scope length and option length, both in bytes of field specifiers.
            const std::uint16_t optionLength = c.u16();
            fields = (std::size_t{n} + optionLength) / 4;
        } else if (options) {
            c.u16();  // scope field count
        }
        for (std::size_t i = 0; i < fields && c.ok(); ++i) {
            const std::uint16_t type = c.u16();
            c.u16();
            if (ipfix && (type & 0x8000)) c.u32();  // enterprise number
        }
    }
}

bool dissectCflow(DissectContext& ctx, const Payload& p)
{
    if (p.data.size() < 2) return false;
    const unsigned version = p.data[0] << 8 | p.data[1];
    if (version != 1 && version != 5 && version != 7 && version != 8 && version != 9 && version != 10) return false;
    LayerCursor c(ctx, "CFLOW", "cflow", p.data, p.at, p.reported);
    ctx.setProtocol("CFLOW");
    c.u16(hf.version);
    std::size_t count = 0, end = p.reported;
    if (version == 10) {
        end = c.u16(hf.length);
        c.u32(hf.unixSecs);
        c.u32(hf.sequence);
        c.u32(hf.odId);
    } else {
        count = c.u16(hf.count);
        // Milliseconds since boot, a relative time.
        const std::uint32_t uptime = c.u32();
        if (c.ok()) ctx.out.setAux(c.add(hf.sysuptime, 4, 4, uptime / 1000), uptime % 1000 * 1'000'000);
        c.u32(hf.unixSecs);
        if (version == 9) {
            c.u32(hf.sequence);
            c.u32(hf.sourceId);
        }
    }
    if (!c.ok()) return true;
    ctx.setInfo(writeInfo, c.layer());
    if (version != 9 && version != 10) return true;
    // v9 counts its records in the header and packet-netflow.c stops after that many flowsets.
    for (std::size_t sets = 0; sets < 256 && c.ok() && c.pos() + 4 <= end && (version == 10 || sets < count); ++sets) {
        const std::size_t at = c.pos();
        const std::uint16_t id = c.u16(hf.flowsetId);
        const std::uint16_t length = c.u16(hf.flowsetLength);
        if (!c.ok() || length < 4) return true;
        const std::size_t setEnd = at + length;
        if (setEnd > end) return true;  // a flowset longer than the export: left undecoded
        const bool ipfix = version == 10;
        if (id == (ipfix ? 2 : 0) || id == (ipfix ? 3 : 1)) templates(c, setEnd, id == (ipfix ? 3 : 1), ipfix);
        if (c.ok() && c.pos() < setEnd) c.skip(setEnd - c.pos());
    }
    return true;
}

}  // namespace

void registerCflow(ProtocolRegistrar& r)
{
    r.protocol("cflow");
    hf.version = r.field({"cflow.version", "Version", FieldKind::Unsigned, 16});
    hf.count = r.field({"cflow.count", "Count", FieldKind::Unsigned, 16});
    hf.length = r.field({"cflow.len", "Length", FieldKind::Unsigned, 16});
    hf.sysuptime = r.field({"cflow.sysuptime", "SysUptime", FieldKind::RelativeTime});
    hf.unixSecs = r.field({"cflow.unix_secs", "CurrentSecs", FieldKind::Unsigned, 32});
    hf.sequence = r.field({"cflow.sequence", "FlowSequence", FieldKind::Unsigned, 32});
    hf.sourceId = r.field({"cflow.source_id", "SourceId", FieldKind::Unsigned, 32});
    hf.odId = r.field({"cflow.od_id", "Observation Domain Id", FieldKind::Unsigned, 32});
    hf.flowsetId = r.field({"cflow.flowset_id", "FlowSet Id", FieldKind::Unsigned, 16});
    hf.flowsetLength = r.field({"cflow.flowset_length", "FlowSet Length", FieldKind::Unsigned, 16});
    hf.templateId = r.field({"cflow.template_id", "Template Id", FieldKind::Unsigned, 16});
    for (const std::uint16_t port : {2055, 9996, 4739}) r.udpPort(port, dissectCflow);
}

}  // namespace rcvmon

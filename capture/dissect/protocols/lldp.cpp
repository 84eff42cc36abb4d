// SPDX-License-Identifier: GPL-2.0-or-later
// LLDP (IEEE 802.1AB) on EtherType 0x88cc: the TLV walk, with chassis id, port id, TTL,
// system name and description in Info as packet-lldp.c appends them
// ("MA/08:00:27:0d:f1:3c IN/eth0 120 SysN=sw1 ").
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct LldpFields {
    FieldId tlvType, tlvLen, chassisSubtype, chassisMac, chassisIp4, chassisId, portSubtype, portMac, portIp4,
        portId, ttl, sysName, sysDesc;
} hf;

// packet-lldp.c's subtype abbreviations for Info.
constexpr std::string_view kChassisAbbrev[] = {"Reserved", "CC", "IA", "PC", "MA", "NA", "IN", "LA"};
constexpr std::string_view kPortAbbrev[] = {"Reserved", "IA", "PC", "MA", "NA", "IN", "AC", "LA"};

// format_text: control characters escaped as C does.
void appendText(std::string_view text, std::string& out)
{
    for (const char ch : text) {
        switch (ch) {
        case '\r': out += "\\r"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\\': out += "\\\\"; break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) {
                static constexpr char kDigits[] = "01234567";
                const unsigned v = static_cast<unsigned char>(ch);
                out += '\\';
                out += kDigits[(v >> 6) & 7];
                out += kDigits[(v >> 3) & 7];
                out += kDigits[v & 7];
            } else {
                out += ch;
            }
        }
    }
}

void writeInfo(const LayerView& l, std::string& out)
{
    const Dissection& d = l.dissection();
    // A missing mandatory TLV: packet-lldp.c's text replaces the rest.
    unsigned index = 0;
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != l.layer() || f.id != hf.tlvType) continue;
        if (index < 3 && f.number != index + 1) {
            static constexpr std::string_view kInvalid[] = {"Invalid Chassis ID TLV", "Invalid Port ID TLV",
                                                            "Invalid Time-to-Live TLV"};
            out += kInvalid[index];
            return;
        }
        if (++index == 3) break;
    }
    std::uint64_t subtype = 0;
    bool chassis = true;
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != l.layer()) continue;
        if (f.id == hf.chassisSubtype || f.id == hf.portSubtype) {
            subtype = f.number;
            chassis = f.id == hf.chassisSubtype;
            const auto& abbrev = chassis ? kChassisAbbrev : kPortAbbrev;
            out += subtype < 8 ? abbrev[subtype] : std::string_view("Reserved");
            out += '/';
        } else if (f.id == hf.chassisMac || f.id == hf.portMac || f.id == hf.chassisIp4 || f.id == hf.portIp4) {
            d.appendValue(f, out);
            out += ' ';
        } else if (f.id == hf.chassisId || f.id == hf.portId) {
            const ByteSpan b = d.valueBytes(f);
            appendText(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()), out);
            out += ' ';
        } else if (f.id == hf.ttl) {
            appendDecimal(out, f.number);
            out += ' ';
        } else if (f.id == hf.sysName || f.id == hf.sysDesc) {
            out += f.id == hf.sysName ? "SysN=" : "SysD=";
            appendText(d.valueText(f), out);
            out += ' ';
        }
    }
}

bool dissectLldp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "LLDP", "lldp", p.data, p.at, p.reported);
    ctx.setProtocol("LLDP");
    ctx.setInfo(writeInfo, c.layer());
    for (int index = 0; index < 512 && c.ok() && c.remaining() >= 2; ++index) {
        const std::size_t at = c.pos();
        const std::uint16_t header = c.u16();
        const unsigned type = header >> 9;
        const std::size_t length = header & 0x1ff;
        c.add(hf.tlvType, at, 2, type);
        c.add(hf.tlvLen, at, 2, length);
        // The first three TLVs are mandatory, in this order.
        if (index < 3 && type != static_cast<unsigned>(index + 1)) {
            c.malformed();
            return true;
        }
        if (!c.need(length)) return true;
        const ByteSpan value = c.data().subspan(c.pos(), length);
        const std::uint32_t valueAt = c.absolute(c.pos());
        if ((type == 1 || type == 2) && length >= 2) {
            const std::uint8_t subtype = value[0];
            const bool isChassis = type == 1;
            c.add(isChassis ? hf.chassisSubtype : hf.portSubtype, c.pos(), 1, subtype);
            const ByteSpan id = value.subspan(1);
            const bool mac = subtype == (isChassis ? 4 : 3) && id.size() == 6;
            const bool ip4 = subtype == (isChassis ? 5 : 4) && id.size() == 5 && id[0] == 1;
            if (mac) {
                ctx.out.addBytesField(isChassis ? hf.chassisMac : hf.portMac, c.layer(), valueAt + 1, id);
            } else if (ip4) {
                ctx.out.addBytesField(isChassis ? hf.chassisIp4 : hf.portIp4, c.layer(), valueAt + 2, id.subspan(1));
            } else {
                ctx.out.addBytesField(isChassis ? hf.chassisId : hf.portId, c.layer(), valueAt + 1, id);
            }
        } else if (type == 3 && length >= 2) {
            c.add(hf.ttl, c.pos(), 2, (std::uint32_t{value[0]} << 8) | value[1]);
        } else if (type == 5 || type == 6) {
            ctx.out.addTextField(type == 5 ? hf.sysName : hf.sysDesc, c.layer(), valueAt,
                                 static_cast<std::uint32_t>(length),
                                 std::string_view(reinterpret_cast<const char*>(value.data()), value.size()));
        }
        c.skip(length);
        if (type == 0) break;  // End of LLDPDU
    }
    return true;
}

}  // namespace

void registerLldp(ProtocolRegistrar& r)
{
    r.protocol("lldp");
    hf.tlvType = r.field({"lldp.tlv.type", "TLV Type", FieldKind::Unsigned, 16, {}, 0xfe00});
    hf.tlvLen = r.field({"lldp.tlv.len", "TLV Length", FieldKind::Unsigned, 16, {}, 0x1ff});
    hf.chassisSubtype = r.field({"lldp.chassis.subtype", "Chassis Id Subtype", FieldKind::Unsigned, 8});
    hf.chassisMac = r.field({"lldp.chassis.id.mac", "Chassis Id", FieldKind::Mac});
    hf.chassisIp4 = r.field({"lldp.chassis.id.ip4", "Chassis Id", FieldKind::Ipv4});
    hf.chassisId = r.field({"lldp.chassis.id", "Chassis Id", FieldKind::Bytes});
    hf.portSubtype = r.field({"lldp.port.subtype", "Port Id Subtype", FieldKind::Unsigned, 8});
    hf.portMac = r.field({"lldp.port.id.mac", "Port Id", FieldKind::Mac});
    hf.portIp4 = r.field({"lldp.port.id.ip4", "Port Id", FieldKind::Ipv4});
    hf.portId = r.field({"lldp.port.id", "Port Id", FieldKind::String});
    hf.ttl = r.field({"lldp.time_to_live", "Seconds", FieldKind::Unsigned, 16});
    hf.sysName = r.field({"lldp.tlv.system.name", "System Name", FieldKind::String});
    hf.sysDesc = r.field({"lldp.tlv.system.desc", "System Description", FieldKind::String});
    r.etherType(0x88cc, dissectLldp);
}

}  // namespace rcvmon

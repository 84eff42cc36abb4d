// SPDX-License-Identifier: GPL-2.0-or-later
// Cisco Discovery Protocol: header and TLVs; the device and port ids go to Info as
// packet-cdp.c appends them ("Device ID: R1  Port ID: Serial1/0  ").
#include "dissect/protocols/stp.h"

namespace rcvmon {
namespace {

struct CdpFields {
    FieldId version, ttl, checksum, tlvType, tlvLen, deviceId, portId;
} hf;

void writeInfo(const LayerView& l, std::string& out)
{
    for (const FieldRecord& f : l.dissection().fields()) {
        if (f.layer != l.layer()) continue;
        if (f.id == hf.deviceId) {
            out += "Device ID: ";
            out += l.dissection().valueText(f);
            out += "  ";
        } else if (f.id == hf.portId) {
            out += "Port ID: ";
            out += l.dissection().valueText(f);
            out += "  ";
        }
    }
}

}  // namespace

void dissectCdp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "CDP", "cdp", p.data, p.at, p.reported);
    ctx.setProtocol("CDP");
    ctx.setInfo(writeInfo, c.layer());
    c.u8(hf.version);
    c.u8(hf.ttl);
    c.u16(hf.checksum);
    for (int guard = 0; guard < 128 && c.ok() && c.remaining() >= 4; ++guard) {
        const std::size_t at = c.pos();
        const std::uint16_t type = c.u16(hf.tlvType);
        const std::uint16_t length = c.u16(hf.tlvLen);
        if (!c.ok() || length < 4) return;
        if ((type == 1 || type == 3) && c.need(length - 4u)) {
            const ByteSpan text = c.data().subspan(c.pos(), length - 4u);
            ctx.out.addTextField(type == 1 ? hf.deviceId : hf.portId, c.layer(), c.absolute(c.pos()), length - 4u,
                                 std::string_view(reinterpret_cast<const char*>(text.data()), text.size()));
        }
        if (!c.skip(at + length - c.pos())) return;
    }
}

void registerCdp(ProtocolRegistrar& r)
{
    r.protocol("cdp");
    hf.version = r.field({"cdp.version", "Version", FieldKind::Unsigned, 8});
    hf.ttl = r.field({"cdp.ttl", "TTL", FieldKind::Unsigned, 8});
    hf.checksum = r.field({"cdp.checksum", "Checksum", FieldKind::Hex, 16});
    hf.tlvType = r.field({"cdp.tlv.type", "Type", FieldKind::Hex, 16});
    hf.tlvLen = r.field({"cdp.tlv.len", "Length", FieldKind::Unsigned, 16});
    hf.deviceId = r.field({"cdp.deviceid", "Device ID", FieldKind::String});
    hf.portId = r.field({"cdp.portid", "Sent through Interface", FieldKind::String});
}

}  // namespace rcvmon

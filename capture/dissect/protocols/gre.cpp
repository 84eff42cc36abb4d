// SPDX-License-Identifier: GPL-2.0-or-later
// GRE (RFC 2784, key and sequence number per RFC 2890; version 1 is PPTP's enhanced GRE,
// RFC 2637). The protocol type is an EtherType; 0x6558 carries whole Ethernet frames and
// 0x88be / 0x22eb ERSPAN mirror sessions.
#include "dissect/field_format.h"
#include "dissect/protocols/cisco_metadata.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/erspan.h"
#include "dissect/protocols/value_names.h"
#include "dissect/protocols/wlan/wlan.h"

namespace rcvmon {
namespace {

struct GreFields {
    FieldId checksum, offset, key, payloadLength, callId, sequence, ack;
} hf;

// packet-gre.c's gre_typevals, the names its Info text uses.
constexpr ValueName kTypes[] = {
    {0x0000, "Possible GRE keepalive packet"}, {0x880b, "PPP"}, {0x0800, "IP"}, {0x0806, "ARP"},
    {0x00fe, "OSI"}, {0x883e, "WCCP"}, {0x2000, "CDP (Cisco)"}, {0x2001, "NHRP"}, {0x88be, "ERSPAN"},
    {0x22eb, "ERSPAN III"}, {0x6400, "MIKROTIK EoIP"}, {0xfeae, "AIROHIVE AP AP"}, {0x8137, "IPX"},
    {0x6558, "Transparent Ethernet bridging"}, {0x6559, "Frame Relay"}, {0x86dd, "IPv6"},
    {0x8847, "MPLS label switched packet"}, {0x894f, "Network Service Header"},
    {0x8881, "CDMA2000 A10 Unstructured byte stream"}, {0x88d2, "CDMA2000 A10 3GPP2 Packet"},
    {0x8909, "CiscoMetaData"}, {0xb7ea, "Huawei GRE bonding"},
};

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t type = l.number(field::GreProto);
    out += "Encapsulated ";
    std::string_view name = valueName(kTypes, type);
    // Aruba's WLAN tunnels use a range of types (0x8200-0x8370 by 0x10, and 0x9000).
    if (name.empty() && ((type >= 0x8200 && type <= 0x8370 && (type & 0xf) == 0) || type == 0x9000))
        name = "ARUBA WLAN";
    if (!name.empty()) {
        out += name;
        return;
    }
    appendHex(out, type, 4);
    out += " (unknown)";
}

bool dissectGreHeader(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "GRE", "gre", p.data, p.at, p.reported);
    ctx.setProtocol("GRE");
    ctx.setInfo(writeInfo, c.layer());
    const std::uint16_t flags = c.u16(field::GreFlagsAndVersion);
    const std::uint16_t proto = c.u16(field::GreProto);
    if (!c.ok()) return true;
    const unsigned version = flags & 7;
    if (flags & 0xc000) {  // checksum (+offset) present
        c.u16(hf.checksum);
        c.u16(hf.offset);
    }
    if (flags & 0x2000) {
        if (version == 1) {  // PPTP: payload length and call id
            c.u16(hf.payloadLength);
            c.u16(hf.callId);
        } else {
            c.u32(hf.key);
        }
    }
    if (flags & 0x1000) c.u32(hf.sequence);
    if (version == 1 && (flags & 0x0080)) c.u32(hf.ack);
    if (!c.ok()) return true;
    c.setLength(c.pos());
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (proto == 0x6558) {
        dissectEthernet(ctx, next);
    } else if (proto == 0x8909) {
        dissectCiscoMetadataInGre(ctx, next);
    } else if (proto == 0x88be || proto == 0x22eb) {
        dissectErspan(ctx, next, proto, (flags & 0x1000) != 0);
    } else if (isArubaWlanGreType(proto)) {
        dissectWlanWithoutFcs(ctx, next);
    } else if (!dissectEtherType(ctx, proto, next)) {
        dissectData(ctx, next);
    }
    return true;
}

}  // namespace

void dissectGre(DissectContext& ctx, const Payload& p)
{
    dissectGreHeader(ctx, p);
}

void registerGre(ProtocolRegistrar& r)
{
    r.protocol("gre");
    hf.checksum = r.field({"gre.checksum", "Checksum", FieldKind::Hex, 16});
    hf.offset = r.field({"gre.offset", "Offset", FieldKind::Unsigned, 16});
    hf.key = r.field({"gre.key", "Key", FieldKind::Hex, 32});
    hf.payloadLength = r.field({"gre.key.payload_length", "Payload Length", FieldKind::Unsigned, 16});
    hf.callId = r.field({"gre.key.call_id", "Call ID", FieldKind::Unsigned, 16});
    hf.sequence = r.field({"gre.sequence_number", "Sequence Number", FieldKind::Unsigned, 32});
    hf.ack = r.field({"gre.ack_number", "Acknowledgment Number", FieldKind::Unsigned, 32});
    r.ipProtocol(47, dissectGreHeader);
}

}  // namespace rcvmon

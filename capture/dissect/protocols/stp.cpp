// SPDX-License-Identifier: GPL-2.0-or-later
// Spanning tree BPDUs: STP (IEEE 802.1D), RSTP (802.1w), MSTP (802.1s) and SPB (802.1aq),
// told apart by the protocol version; Info as packet-stp.c writes it
// ("Conf. Root = 32768/0/00:19:69:df:dc:01  Cost = 0  Port = 0x8015").
#include "dissect/field_format.h"
#include "dissect/protocols/stp.h"

namespace rcvmon {
namespace {

struct StpFields {
    FieldId protocol, version, type, flags, flagsTc, rootPrio, rootExt, rootHw, rootCost, bridgePrio, bridgeExt,
        bridgeHw, port;
} hf;

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t type = l.number(hf.type);
    if (type == 0x80) {
        out += "Topology Change Notification";
        return;
    }
    if (type != 0x00 && type != 0x02) {
        out += "Unknown BPDU type (";
        appendDecimal(out, type);
        out += ')';
        return;
    }
    if (type == 0x00) {
        out += "Conf. ";
    } else {
        switch (l.number(hf.version)) {
        case 3: out += "MST. "; break;
        case 4: out += "SPT. "; break;
        default: out += "RST. "; break;
        }
    }
    if (!l.has(hf.rootHw)) return;
    if (l.number(hf.flags) & 1) out += "TC + ";
    out += "Root = ";
    appendDecimal(out, l.number(hf.rootPrio));
    out += '/';
    appendDecimal(out, l.number(hf.rootExt));
    out += '/';
    l.appendValue(hf.rootHw, out);
    out += "  Cost = ";
    appendDecimal(out, l.number(hf.rootCost));
    out += "  Port = ";
    appendHex(out, l.number(hf.port), 4);
}

}  // namespace

void dissectStp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "STP", "stp", p.data, p.at, p.reported);
    ctx.setProtocol("STP");
    c.u16(hf.protocol);
    c.u8(hf.version);
    const std::uint8_t type = c.u8(hf.type);
    if (!c.ok()) return;
    ctx.setInfo(writeInfo, c.layer());
    if (type != 0x00 && type != 0x02) return;
    const std::uint8_t flags = c.u8(hf.flags);
    if (c.ok()) c.add(hf.flagsTc, 4, 1, flags & 1);
    const std::uint16_t root = c.u16();
    if (c.ok()) {
        c.add(hf.rootPrio, 5, 2, root & 0xf000);
        c.add(hf.rootExt, 5, 2, root & 0x0fff);
    }
    c.bytes(6, hf.rootHw);
    c.u32(hf.rootCost);
    const std::uint16_t bridge = c.u16();
    if (c.ok()) {
        c.add(hf.bridgePrio, 17, 2, bridge & 0xf000);
        c.add(hf.bridgeExt, 17, 2, bridge & 0x0fff);
    }
    c.bytes(6, hf.bridgeHw);
    c.u16(hf.port);
    c.skip(8);  // message age, max age, hello time, forward delay (1/256 s)
}

void registerStp(ProtocolRegistrar& r)
{
    r.protocol("stp");
    hf.protocol = r.field({"stp.protocol", "Protocol Identifier", FieldKind::Hex, 16});
    hf.version = r.field({"stp.version", "Protocol Version Identifier", FieldKind::Unsigned, 8});
    hf.type = r.field({"stp.type", "BPDU Type", FieldKind::Hex, 8});
    hf.flags = r.field({"stp.flags", "BPDU flags", FieldKind::Hex, 8});
    hf.flagsTc = r.field({"stp.flags.tc", "Topology Change", FieldKind::Bool, 8, {}, 0x1});
    hf.rootPrio = r.field({"stp.root.prio", "Root Bridge Priority", FieldKind::Unsigned, 16});
    hf.rootExt = r.field({"stp.root.ext", "Root Bridge System ID Extension", FieldKind::Unsigned, 16});
    hf.rootHw = r.field({"stp.root.hw", "Root Bridge System ID", FieldKind::Mac});
    hf.rootCost = r.field({"stp.root.cost", "Root Path Cost", FieldKind::Unsigned, 32});
    hf.bridgePrio = r.field({"stp.bridge.prio", "Bridge Priority", FieldKind::Unsigned, 16});
    hf.bridgeExt = r.field({"stp.bridge.ext", "Bridge System ID Extension", FieldKind::Unsigned, 16});
    hf.bridgeHw = r.field({"stp.bridge.hw", "Bridge System ID", FieldKind::Mac});
    hf.port = r.field({"stp.port", "Port identifier", FieldKind::Hex, 16});
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// BGP-4 (RFC 4271) on TCP 179: each message's 19-byte header (16-byte marker, length, type),
// the fixed parts of OPEN and NOTIFICATION. Wireshark lists every message of a segment in
// Info ("KEEPALIVE Message, UPDATE Message"); a message spanning segments is reassembled.
#include "dissect/protocols/context.h"
#include "dissect/protocols/tcp_message.h"
#include "dissect/protocols/value_names.h"

#include <algorithm>
#include <string>

namespace rcvmon {
namespace {

struct BgpFields {
    FieldId marker, length, type, openVersion, openMyAs, openHoldTime, openIdentifier, notifyMajor;
} hf;

constexpr std::size_t kHeader = 19;

constexpr ValueName kTypes[] = {
    {1, "OPEN Message"}, {2, "UPDATE Message"}, {3, "NOTIFICATION Message"}, {4, "KEEPALIVE Message"},
    {5, "ROUTE-REFRESH Message"}, {6, "CAPABILITY Message"}, {128, "ROUTE-REFRESH Message"},
};

constexpr ValueName kErrors[] = {
    {1, "Message Header Error"}, {2, "OPEN Message Error"}, {3, "UPDATE Message Error"},
    {4, "Hold Timer Expired"}, {5, "Finite State Machine Error"}, {6, "Cease"},
    {7, "CAPABILITY Message Error"},
};

// "UPDATE Message", or "Unknown message type (0x2d)" as val_to_str's format prints it.
void writeInfo(const LayerView& layer, std::string& out)
{
    const std::uint64_t type = layer.number(hf.type);
    const std::string_view name = valueName(kTypes, type);
    if (!name.empty()) {
        out += name;
        return;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    out += "Unknown message type (0x";
    out += kHex[(type >> 4) & 0xf];
    out += kHex[type & 0xf];
    out += ')';
}

bool hasMarker(ByteSpan b)
{
    return b.size() >= 16 && std::all_of(b.begin(), b.begin() + 16, [](std::uint8_t v) { return v == 0xff; });
}

std::size_t messageLength(ByteSpan b)
{
    if (!hasMarker(b) || b.size() < 18) return 0;
    const std::size_t length = (std::size_t{b[16]} << 8) | b[17];
    return length >= kHeader ? length : 0;
}

// The message's layer when it has a header, kNone for bytes between messages.
std::uint16_t dissectMessage(DissectContext& ctx, const Payload& p, bool listed)
{
    LayerCursor c(ctx, "BGP", "bgp", p.data, p.at, p.reported);
    ctx.setProtocol("BGP");
    if (!listed) c.unlisted();
    if (!hasMarker(p.data)) return LayerCursor::kNone;  // bytes between messages: the item only
    c.bytes(16, hf.marker);
    c.u16(hf.length);
    const std::uint8_t type = c.u8(hf.type);
    if (!c.ok()) return c.layer();
    if (type == 1) {
        c.u8(hf.openVersion);
        c.u16(hf.openMyAs);
        c.u16(hf.openHoldTime);
        c.bytes(4, hf.openIdentifier);
    } else if (type == 3) {
        c.u8(hf.notifyMajor);
    }
    return c.layer();
}

bool dissectBgp(DissectContext& ctx, const Payload& p)
{
    bool firstReassembled = false, named = false;
    dissectTcpMessages(ctx, p, messageLength, [&](const Payload& m, int index) {
        if (index == 0) firstReassembled = ctx.inReassembled;
        // The protocol is listed once per call from TCP: for a reassembled message, and again
        // for what follows it in the segment.
        const std::uint16_t layer = dissectMessage(ctx, m, index == 0 || (index == 1 && firstReassembled));
        if (layer == LayerCursor::kNone || !ctx.out.layer(layer).inTree) return;
        // The first message replaces TCP's text (col_clear), the others are listed after it.
        if (named) {
            ctx.appendInfo(writeInfo, layer, ", ");
        } else {
            ctx.setInfo(writeInfo, layer);
        }
        named = true;
    });
    return true;
}

}  // namespace

void registerBgp(ProtocolRegistrar& r)
{
    r.protocol("bgp");
    hf.marker = r.field({"bgp.marker", "Marker", FieldKind::Bytes});
    hf.length = r.field({"bgp.length", "Length", FieldKind::Unsigned, 16});
    hf.type = r.field({"bgp.type", "Type", FieldKind::Unsigned, 8, kTypes});
    hf.openVersion = r.field({"bgp.open.version", "Version", FieldKind::Unsigned, 8});
    hf.openMyAs = r.field({"bgp.open.myas", "My AS", FieldKind::Unsigned, 16});
    hf.openHoldTime = r.field({"bgp.open.holdtime", "Hold Time", FieldKind::Unsigned, 16});
    hf.openIdentifier = r.field({"bgp.open.identifier", "BGP Identifier", FieldKind::Ipv4});
    hf.notifyMajor = r.field({"bgp.notify.major_error", "Major error Code", FieldKind::Unsigned, 8, kErrors});
    r.tcpPort(179, dissectBgp);
}

}  // namespace rcvmon

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
    FieldId marker, length, type, openVersion, openMyAs, openHoldTime, openIdentifier, notifyMajor, withdrawnLength,
        attributesLength;
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
    appendNameOrHex(out, valueName(kTypes, type), type, 2, "Unknown message type");
    // tcp_dissect_pdus shows a message's exception right after its own text.
    const ParseStatus status = layer.dissection().layers()[layer.layer()].status;
    if (status == ParseStatus::Malformed) out += "[Malformed Packet]";
    if (status == ParseStatus::Truncated) out += "[Packet size limited during capture]";
}

std::size_t messageLength(ByteSpan b)
{
    return b.size() < 18 ? 0 : (std::size_t{b[16]} << 8) | b[17];
}

// One message at the start of `p` (framed by its length, whatever its marker holds).
std::uint16_t dissectMessage(DissectContext& ctx, const Payload& p, bool listed)
{
    LayerCursor c(ctx, "BGP", "bgp", p.data, p.at, p.reported);
    if (!listed) c.unlisted();
    c.bytes(16, hf.marker);
    c.u16(hf.length);
    const std::uint8_t type = c.u8(hf.type);
    if (!c.ok()) return c.layer();
    if (type == 1) {
        c.u8(hf.openVersion);
        c.u16(hf.openMyAs);
        c.u16(hf.openHoldTime);
        c.bytes(4, hf.openIdentifier);
    } else if (type == 2) {
        // Withdrawn routes, path attributes (each flags, type, 1- or 2-byte length), NLRI:
        // a length that runs past the message is Wireshark's exception.
        c.skip(c.u16(hf.withdrawnLength));
        const std::size_t attributes = c.u16(hf.attributesLength);
        const std::size_t end = c.pos() + attributes;
        for (int guard = 0; guard < 4096 && c.ok() && c.pos() < end; ++guard) {
            const std::uint8_t flags = c.u8();
            c.u8();
            const std::size_t length = flags & 0x10 ? c.u16() : c.u8();
            // A value running past the message is only read (and so only throws) in the
            // dissectors of particular attributes: the walk just stops.
            if (length > c.reportedRemaining()) break;
            c.skip(std::min(length, c.remaining()));
        }
    } else if (type == 3) {
        c.u8(hf.notifyMajor);
    }
    // The note goes into this message's text (writeInfo), not at the end of the column.
    LayerRecord& l = ctx.out.layer(c.layer());
    l.threw = false;
    return c.layer();
}

void writeSegmentOfPdu(const LayerView&, std::string& out) { out += "[TCP segment of a reassembled PDU]"; }

// Info after Wireshark's col_clear: the first message replaces TCP's text, the others follow.
struct InfoList {
    bool named = false;
    void add(DissectContext& ctx, std::uint16_t layer)
    {
        if (named) {
            ctx.appendInfo(writeInfo, layer, ", ");
        } else {
            ctx.setInfo(writeInfo, layer);
        }
        named = true;
    }
};

// One call of Wireshark's dissect_bgp: bytes before the first marker are "Continuation";
// from the marker on, messages are framed by their length fields only (tcp_dissect_pdus).
void dissectCall(DissectContext& ctx, const Payload& p, InfoList& info)
{
    ctx.setProtocol("BGP");
    std::size_t at = 0;
    while (at < p.data.size()) {
        const std::size_t n = std::min<std::size_t>(16, p.data.size() - at);
        if (std::all_of(p.data.begin() + static_cast<std::ptrdiff_t>(at),
                        p.data.begin() + static_cast<std::ptrdiff_t>(at + n), [](std::uint8_t v) { return v == 0xff; }))
            break;
        ++at;
    }
    bool listed = true;
    if (at > 0) {
        LayerCursor c(ctx, "BGP", "bgp", p.data.first(at), p.at, at);
        listed = false;
    }
    Payload rest{p.data.subspan(at), p.reported - at, p.at + static_cast<std::uint32_t>(at)};
    for (int guard = 0; guard < 512 && !rest.data.empty(); ++guard) {
        const std::size_t total = messageLength(rest.data);
        if (rest.data.size() >= 18 && total < kHeader) {
            // tcp_dissect_pdus rejects a length shorter than the header.
            LayerCursor c(ctx, "BGP", "bgp", rest.data, rest.at, rest.reported);
            if (!listed) c.unlisted();
            c.malformed();
            return;
        }
        const bool first = listed;
        // A header cut by the segment's end waits for more bytes in Wireshark; none came.
        if (rest.data.size() < kHeader && rest.data.size() == rest.reported) return;
        if (total == 0 || total > rest.reported) {
            if (beginTcpMessage(ctx, rest, total == 0 ? kTcpPduOneMoreSegment : total, false)) {
                // BGP cleared Info first: a segment that only begins a message shows the note alone.
                if (first && !info.named) {
                    ctx.setProtocol("TCP");
                    ctx.setInfo(writeSegmentOfPdu, static_cast<std::uint16_t>(ctx.out.layers().size() - 1));
                }
                return;
            }
            info.add(ctx, dissectMessage(ctx, rest, listed));
            return;
        }
        const std::size_t captured = std::min(total, rest.data.size());
        info.add(ctx, dissectMessage(ctx, Payload{rest.data.first(captured), total, rest.at}, listed));
        listed = false;
        rest = Payload{rest.data.subspan(captured), rest.reported - total, rest.at + static_cast<std::uint32_t>(total)};
    }
}

bool dissectBgp(DissectContext& ctx, const Payload& p)
{
    InfoList info;
    Payload whole, rest = p;
    switch (continueTcpMessage(ctx, p, whole, rest)) {
    case TcpMessageStep::Pending: return true;
    case TcpMessageStep::Complete:
        inReassembledMessage(ctx, [&] { dissectCall(ctx, whole, info); });
        markReassembled(ctx, whole.data.size());
        break;
    case TcpMessageStep::None: rest = p; break;
    }
    if (!rest.data.empty()) dissectCall(ctx, rest, info);
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
    hf.withdrawnLength = r.field({"bgp.update.withdrawn_routes.length", "Withdrawn Routes Length", FieldKind::Unsigned, 16});
    hf.attributesLength = r.field({"bgp.update.path_attributes.length", "Total Path Attribute Length", FieldKind::Unsigned, 16});
    r.tcpPort(179, dissectBgp);
}

}  // namespace rcvmon

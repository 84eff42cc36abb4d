// SPDX-License-Identifier: GPL-2.0-or-later
// RSVP (RFC 2205 §3.1) and its TE extensions (RFC 3209 §4.6), IP protocol 46: the common
// header and the object walk, with the SESSION, SENDER_TEMPLATE and FILTER_SPEC objects of
// IPv4 and IPv4 LSP tunnels summarised in Info as packet-rsvp.c does ("PATH Message.
// SESSION: IPv4, Destination 10.0.0.2, Protocol 17, Port 5001. ").
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct RsvpFields {
    FieldId version, flags, msg, checksum, sendTtl, length, object, ctype, session, sender, filter, sessionIp,
        sessionProto, sessionFlags, sessionPort, shortCallId, tunnelId, extTunnelId, senderIp, senderPort, lspId,
        senderShortCallId;
} hf;

constexpr ValueName kMessages[] = {{1, "PATH Message. "},       {2, "RESV Message. "},
                                   {3, "PATH ERROR Message. "}, {4, "RESV ERROR Message. "},
                                   {5, "PATH TEAR Message. "},  {6, "RESV TEAR Message. "},
                                   {7, "CONFIRM Message. "},    {10, "RESV TEAR CONFIRM Message. "},
                                   {12, "BUNDLE Message. "},    {13, "ACK Message. "},
                                   {15, "SREFRESH Message. "},  {20, "HELLO Message. "},
                                   {21, "NOTIFY Message. "}};

enum : std::uint8_t { ClassSession = 1, ClassFilterSpec = 10, ClassSenderTemplate = 11 };

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t msg = l.number(hf.msg);
    const std::string_view name = valueName(kMessages, msg);
    if (name.empty()) {
        out += "Unknown (";
        appendDecimal(out, msg);
        out += "). ";
    } else {
        out += name;
    }
    const Dissection& d = l.dissection();
    FieldId object = 0;
    std::uint64_t ctype = 0;
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != l.layer()) continue;
        if (f.id == hf.session || f.id == hf.sender || f.id == hf.filter) {
            object = f.id;
        } else if (f.id == hf.ctype) {
            ctype = f.number;
        } else if (f.id == hf.sessionIp) {
            out += ctype == 7 ? "SESSION: IPv4-LSP, Destination " : "SESSION: IPv4, Destination ";
            appendIpv4(out, d.valueBytes(f));
        } else if (f.id == hf.sessionProto) {
            out += ", Protocol ";
            appendDecimal(out, f.number);
        } else if (f.id == hf.sessionPort) {
            out += ", Port ";
            appendDecimal(out, f.number);
            out += ". ";
        } else if (f.id == hf.shortCallId) {
            out += ", Short Call ID ";
            appendDecimal(out, f.number);
        } else if (f.id == hf.tunnelId) {
            out += ", Tunnel ID ";
            appendDecimal(out, f.number);
        } else if (f.id == hf.extTunnelId) {
            out += ", Ext ID ";
            constexpr char kDigits[] = "0123456789abcdef";
            bool started = false;
            for (int shift = 28; shift >= 0; shift -= 4) {
                const unsigned digit = (f.number >> shift) & 0xf;
                if (digit || started || shift == 0) out += kDigits[digit];
                started = started || digit;
            }
            out += ". ";
        } else if (f.id == hf.senderIp) {
            out += object == hf.filter ? "FILTERSPEC: " : "SENDER TEMPLATE: ";
            out += ctype == 7 ? "IPv4-LSP, Tunnel Source: " : "IPv4, Sender ";
            appendIpv4(out, d.valueBytes(f));
        } else if (f.id == hf.senderPort) {
            out += ", Port ";
            appendDecimal(out, f.number);
            out += ". ";
        } else if (f.id == hf.senderShortCallId) {
            out += ", Short Call ID: ";
            appendDecimal(out, f.number);
        } else if (f.id == hf.lspId) {
            out += ", LSP ID: ";
            appendDecimal(out, f.number);
            out += ". ";
        }
    }
}

void object(LayerCursor& c, std::uint8_t cls, std::uint8_t ctype, std::size_t end)
{
    const std::size_t at = c.pos();
    if (cls == ClassSession) {
        c.add(hf.session, at - 4, end - at + 4, 0);
        if (ctype == 1) {
            c.bytes(4, hf.sessionIp);
            c.u8(hf.sessionProto);
            c.u8(hf.sessionFlags);
            c.u16(hf.sessionPort);
        } else if (ctype == 7) {
            c.bytes(4, hf.sessionIp);
            c.u16(hf.shortCallId);
            c.u16(hf.tunnelId);
            c.u32(hf.extTunnelId);
        }
    } else if (cls == ClassSenderTemplate || cls == ClassFilterSpec) {
        c.add(cls == ClassFilterSpec ? hf.filter : hf.sender, at - 4, end - at + 4, 0);
        if (ctype == 1) {
            c.bytes(4, hf.senderIp);
            c.skip(2);
            c.u16(hf.senderPort);
        } else if (ctype == 7) {
            c.bytes(4, hf.senderIp);
            c.u16(hf.senderShortCallId);
            c.u16(hf.lspId);
        }
    }
}

bool dissectRsvp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "RSVP", "rsvp", p.data, p.at, p.reported);
    ctx.setProtocol("RSVP");
    const std::uint8_t first = c.u8();
    c.add(hf.version, 0, 1, first >> 4);
    c.add(hf.flags, 0, 1, first & 0xf);
    c.u8(hf.msg);
    if (!c.ok()) return true;
    ctx.setInfo(writeInfo, c.layer());
    c.u16(hf.checksum);
    c.u8(hf.sendTtl);
    c.skip(1);
    const std::uint16_t length = c.u16(hf.length);
    for (int guard = 0; guard < 256 && c.ok() && c.pos() + 4 <= length; ++guard) {
        const std::size_t at = c.pos();
        const std::uint16_t objectLength = c.u16();
        const std::uint8_t cls = c.u8(hf.object);
        const std::uint8_t ctype = c.u8(hf.ctype);
        if (!c.ok() || objectLength < 4) return true;
        object(c, cls, ctype, at + objectLength);
        if (c.ok() && c.pos() < at + objectLength) c.skip(at + objectLength - c.pos());
    }
    return true;
}

}  // namespace

void registerRsvp(ProtocolRegistrar& r)
{
    r.protocol("rsvp");
    hf.version = r.field({"rsvp.version", "RSVP Version", FieldKind::Unsigned, 8});
    hf.flags = r.field({"rsvp.flags", "Flags", FieldKind::Hex, 8});
    hf.msg = r.field({"rsvp.msg", "Message Type", FieldKind::Unsigned, 8, kMessages});
        hf.checksum = r.field({"rsvp.message_checksum", "Message Checksum", FieldKind::Hex, 16});
    hf.sendTtl = r.field({"rsvp.sending_ttl", "Sending TTL", FieldKind::Unsigned, 8});
    hf.length = r.field({"rsvp.message_length", "Message length", FieldKind::Unsigned, 16});
    hf.object = r.field({"rsvp.object", "Object class", FieldKind::Unsigned, 8});
    hf.ctype = r.field({"rsvp.ctype", "C-type", FieldKind::Unsigned, 32});
    hf.session = r.field({"rsvp.session", "SESSION", FieldKind::None});
    hf.sender = r.field({"rsvp.sender", "SENDER TEMPLATE", FieldKind::None});
    hf.filter = r.field({"rsvp.filter", "FILTERSPEC", FieldKind::None});
    hf.sessionIp = r.field({"rsvp.session.ip", "Destination address", FieldKind::Ipv4});
    hf.sessionProto = r.field({"rsvp.session.proto", "Protocol", FieldKind::Unsigned, 8});
    hf.sessionFlags = r.field({"rsvp.session.flags", "Flags", FieldKind::Hex, 8});
    hf.sessionPort = r.field({"rsvp.session.port", "Port number", FieldKind::Unsigned, 16});
    hf.shortCallId = r.field({"rsvp.session.short_call_id", "Short Call ID", FieldKind::Unsigned, 16});
    hf.tunnelId = r.field({"rsvp.session.tunnel_id", "Tunnel ID", FieldKind::Unsigned, 16});
    hf.extTunnelId = r.field({"rsvp.session.ext_tunnel_id", "Extended tunnel ID", FieldKind::Unsigned, 32});
    hf.senderIp = r.field({"rsvp.sender.ip", "Sender IPv4 address", FieldKind::Ipv4});
    hf.senderPort = r.field({"rsvp.sender.port", "Sender port number", FieldKind::Unsigned, 16});
    hf.lspId = r.field({"rsvp.sender.lsp_id", "LSP ID", FieldKind::Unsigned, 16});
    hf.senderShortCallId = r.field({"rsvp.sender.short_call_id", "Short Call ID", FieldKind::Unsigned, 16});
    r.ipProtocol(46, dissectRsvp);
}

}  // namespace rcvmon

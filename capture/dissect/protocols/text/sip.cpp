// SPDX-License-Identifier: GPL-2.0-or-later
// SIP (RFC 3261) over UDP and TCP: the request or status line and a few header fields, Info as
// Wireshark shows it ("Request: INVITE sip:bob@host | ", "Status: 200 OK (INVITE) | "), and an
// SDP body (RFC 8866) making it SIP/SDP.
#include "dissect/protocols/text/lines.h"

namespace rcvmon {
namespace {

struct SipFields {
    FieldId requestLine, method, ruri, statusLine, statusCode, callId, contact, cseq, cseqMethod;
} hf;

bool startsWithCi(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char a = s[i], b = prefix[i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + 32);
        if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + 32);
        if (a != b) return false;
    }
    return true;
}

void writeInfo(const LayerView& layer, std::string& out)
{
    const Dissection& d = layer.dissection();
    if (const FieldRecord* m = layer.field(hf.method)) {
        out += "Request: ";
        text::appendFormatted(out, d.valueText(*m));
        if (const FieldRecord* u = layer.field(hf.ruri)) {
            out += ' ';
            text::appendFormatted(out, d.valueText(*u));
        }
        // A REGISTER without Contact asks for the current bindings (RFC 3261 §10.2.3).
        if (d.valueText(*m) == "REGISTER" && !layer.has(hf.contact)) out += "  (fetch bindings)";
    } else if (const FieldRecord* s = layer.field(hf.statusLine)) {
        out += "Status: ";
        std::string_view line = d.valueText(*s);
        const std::size_t sp = line.find(' ');
        text::appendFormatted(out, sp == std::string_view::npos ? line : line.substr(sp + 1));
        if (const FieldRecord* cm = layer.field(hf.cseqMethod)) {
            out += " (";
            text::appendFormatted(out, d.valueText(*cm));
            out += ')';
        }
    }
    out += " | ";
}

bool isSipStart(std::string_view s)
{
    if (s.substr(0, 8) == "SIP/2.0 ") return true;
    text::Line line;
    if (!text::lineAt(s, 0, line)) return false;
    return line.length > 8 && line.text.substr(line.length - 8) == " SIP/2.0";
}

bool dissectSip(DissectContext& ctx, const Payload& p)
{
    const std::string_view bytes = text::asText(p.data);
    if (!isSipStart(bytes)) return false;
    LayerCursor c(ctx, "SIP", "sip", p.data, p.at, p.reported);
    ctx.setProtocol("SIP");
    ctx.setInfo(writeInfo, c.layer());
    text::Line line;
    text::lineAt(bytes, 0, line);
    if (line.text.substr(0, 8) == "SIP/2.0 ") {
        text::addText(c, hf.statusLine, 0, line.text);
        unsigned code = 0;
        for (std::size_t i = 8; i < line.length && i < 11 && text::isDigit(line.text[i]); ++i)
            code = code * 10 + static_cast<unsigned>(line.text[i] - '0');
        c.add(hf.statusCode, 8, 3, code);
    } else {
        text::addText(c, hf.requestLine, 0, line.text);
        const std::size_t sp = line.text.find(' ');
        text::addText(c, hf.method, 0, line.text.substr(0, sp));
        const std::size_t uriEnd = line.length - 8;
        if (sp != std::string_view::npos && sp + 1 <= uriEnd) text::addText(c, hf.ruri, sp + 1, line.text.substr(sp + 1, uriEnd - sp - 1));
    }
    bool sdp = false;
    std::size_t at = line.next;
    for (int guard = 0; guard < 256 && text::lineAt(bytes, at, line); ++guard) {
        at = line.next;
        if (line.length == 0) break;
        const std::size_t colon = line.text.find(':');
        if (colon == std::string_view::npos) continue;
        std::string_view name = line.text.substr(0, colon);
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
        std::size_t v = colon + 1;
        while (v < line.length && (line.text[v] == ' ' || line.text[v] == '\t')) ++v;
        const std::string_view value = line.text.substr(v);
        const auto is = [&](std::string_view full, std::string_view compact) {
            return (name.size() == full.size() && startsWithCi(name, full)) || (!compact.empty() && name.size() == 1 && startsWithCi(name, compact));
        };
        if (is("call-id", "i")) {
            text::addText(c, hf.callId, line.start + v, value);
        } else if (is("contact", "m")) {
            text::addText(c, hf.contact, line.start + v, value);
        } else if (is("cseq", "")) {
            text::addText(c, hf.cseq, line.start + v, value);
            const std::size_t sp = value.find(' ');
            if (sp != std::string_view::npos) text::addText(c, hf.cseqMethod, line.start + v + sp + 1, value.substr(sp + 1));
        } else if (is("content-type", "c")) {
            sdp = startsWithCi(value, "application/sdp");
        }
    }
    if (sdp && at < bytes.size()) {
        ctx.setProtocol("SIP/SDP");
        ctx.out.addLayer("Session Description Protocol", "sdp", c.absolute(at), static_cast<std::uint32_t>(bytes.size() - at),
                         ctx.inReassembled);
    }
    return true;
}

}  // namespace

void registerSip(ProtocolRegistrar& r)
{
    r.protocol("sip");
    hf.requestLine = r.field({"sip.Request-Line", "Request-Line", FieldKind::String});
    hf.method = r.field({"sip.Method", "Method", FieldKind::String});
    hf.ruri = r.field({"sip.r-uri", "Request-URI", FieldKind::String});
    hf.statusLine = r.field({"sip.Status-Line", "Status-Line", FieldKind::String});
    hf.statusCode = r.field({"sip.Status-Code", "Status-Code", FieldKind::Unsigned, 32});
    hf.callId = r.field({"sip.Call-ID", "Call-ID", FieldKind::String});
    hf.contact = r.field({"sip.Contact", "Contact", FieldKind::String});
    hf.cseq = r.field({"sip.CSeq", "CSeq", FieldKind::String});
    hf.cseqMethod = r.field({"sip.CSeq.method", "Method", FieldKind::String});
    r.udpPort(5060, dissectSip);
    r.tcpPort(5060, dissectSip);
}

}  // namespace rcvmon

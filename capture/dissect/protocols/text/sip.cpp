// SPDX-License-Identifier: GPL-2.0-or-later
// SIP (RFC 3261) over UDP and TCP: the request or status line and a few header fields, Info as
// Wireshark shows it ("Request: INVITE sip:bob@host | ", "Status: 200 OK (INVITE) | "), and an
// SDP body (RFC 8866) making it SIP/SDP; the SDP's media set up RTP and RTCP streams, whose
// setup frame is the request's for a response that answers it, as Wireshark matches them.
#include "dissect/field_format.h"
#include "dissect/protocols/rtp/rtp.h"
#include "dissect/protocols/text/lines.h"

#include <array>

namespace rcvmon {
namespace {

// Recent requests by Call-ID and CSeq number, so a response names the request it answers.
class SipTransactions final : public ProtocolState {
public:
    void clear() override
    {
        m_entries = {};
        m_next = 0;
    }
    void request(std::uint64_t callId, std::uint32_t cseq, std::uint64_t frame)
    {
        m_entries[m_next] = {callId, cseq, frame};
        m_next = (m_next + 1) % m_entries.size();
    }
    // The latest request's frame, 0 when none is remembered.
    std::uint64_t requestFrame(std::uint64_t callId, std::uint32_t cseq) const
    {
        std::uint64_t frame = 0;
        for (const Entry& e : m_entries)
            if (e.frame != 0 && e.callId == callId && e.cseq == cseq && e.frame > frame) frame = e.frame;
        return frame;
    }

private:
    struct Entry {
        std::uint64_t callId = 0;
        std::uint32_t cseq = 0;
        std::uint64_t frame = 0;
    };
    std::array<Entry, 64> m_entries{};
    std::size_t m_next = 0;
};

std::uint16_t transactionsSlot = 0;

std::uint64_t hashText(std::string_view s)
{
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (char ch : s) h = (h ^ static_cast<std::uint8_t>(ch)) * 1099511628211ull;
    return h;
}

struct SipFields {
    FieldId requestLine, method, ruri, statusLine, statusCode, callId, callIdGenerated, contact, cseq, cseqMethod;
} hf;

constexpr unsigned kOk = 200;

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
        // Only a 200 names the request it answers; a REGISTER's also counts the bindings.
        const FieldRecord* cm = layer.field(hf.cseqMethod);
        if (cm && layer.number(hf.statusCode) == kOk) {
            out += " (";
            text::appendFormatted(out, d.valueText(*cm));
            out += ')';
            if (d.valueText(*cm) == "REGISTER") {
                std::uint64_t bindings = 0;
                layer.forEach(hf.contact, [&](const FieldRecord&) { ++bindings; });
                out += "  (";
                appendDecimal(out, bindings);
                out += bindings == 1 ? " binding)" : " bindings)";
            }
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
    const bool request = line.text.substr(0, 8) != "SIP/2.0 ";
    unsigned statusCode = 0;
    std::string_view callId, cseqText, method;
    if (!request) {
        text::addText(c, hf.statusLine, 0, line.text);
        for (std::size_t i = 8; i < line.length && i < 11 && text::isDigit(line.text[i]); ++i)
            statusCode = statusCode * 10 + static_cast<unsigned>(line.text[i] - '0');
        c.add(hf.statusCode, 8, 3, statusCode);
    } else {
        text::addText(c, hf.requestLine, 0, line.text);
        const std::size_t sp = line.text.find(' ');
        method = line.text.substr(0, sp);
        text::addText(c, hf.method, 0, method);
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
            text::addText(c, hf.callIdGenerated, line.start + v, value);
            callId = value;
        } else if (is("contact", "m")) {
            text::addText(c, hf.contact, line.start + v, value);
        } else if (is("cseq", "")) {
            text::addText(c, hf.cseq, line.start + v, value);
            cseqText = value;
            const std::size_t sp = value.find(' ');
            if (sp != std::string_view::npos) text::addText(c, hf.cseqMethod, line.start + v + sp + 1, value.substr(sp + 1));
        } else if (is("content-type", "c")) {
            sdp = startsWithCi(value, "application/sdp");
        }
    }
    SdpOrigin origin{ctx.frameNumber, callId};
    if (SipTransactions* transactions = ctx.state<SipTransactions>(transactionsSlot); transactions && !callId.empty()) {
        std::uint32_t cseq = 0;
        for (std::size_t i = 0; i < cseqText.size() && text::isDigit(cseqText[i]) && i < 9; ++i)
            cseq = cseq * 10 + static_cast<std::uint32_t>(cseqText[i] - '0');
        if (request && method != "ACK" && method != "CANCEL") {
            transactions->request(hashText(callId), cseq, ctx.frameNumber);
        } else if (!request && statusCode >= kOk) {
            // A final response's streams are set up by the request it answers; a provisional
            // one's by itself, as Wireshark matches only final responses to their requests.
            if (const std::uint64_t frame = transactions->requestFrame(hashText(callId), cseq)) origin.setupFrame = frame;
        }
    }
    if (sdp && at < bytes.size()) {
        ctx.setProtocol("SIP/SDP");
        Payload body;
        body.data = p.data.subspan(at);
        body.reported = p.reported > at ? p.reported - at : body.data.size();
        body.at = c.absolute(at);
        dissectSdp(ctx, body, origin);
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
    hf.callIdGenerated = r.field({"sip.call_id_generated", "Generated Call-ID", FieldKind::String});
    hf.contact = r.field({"sip.Contact", "Contact", FieldKind::String});
    hf.cseq = r.field({"sip.CSeq", "CSeq", FieldKind::String});
    hf.cseqMethod = r.field({"sip.CSeq.method", "Method", FieldKind::String});
    transactionsSlot = r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<SipTransactions>(); });
    r.udpPort(5060, dissectSip);
    r.tcpPort(5060, dissectSip);
}

}  // namespace rcvmon

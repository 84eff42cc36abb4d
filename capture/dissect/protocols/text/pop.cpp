// SPDX-License-Identifier: GPL-2.0-or-later
// POP3 (RFC 1939) and IMAP4 (RFC 9051) command and reply lines as Wireshark shows them: the
// first line of the segment in Info ("C: USER x" / "S: +OK …"; IMAP "Request: …" /
// "Response: …"), its command or status word and argument as fields.
#include "dissect/field_format.h"
#include "dissect/protocols/text/imf.h"
#include "dissect/protocols/text/lines.h"

#include <algorithm>

namespace rcvmon {
namespace {

struct PopFields {
    FieldId request, requestCommand, requestParameter, response, responseIndicator, responseDescription;
} pop;

// TcpConversation::app words: a RETR or TOP asked (the next reply gives the message size),
// the message bytes read so far and the size "+OK n" announced (0: unknown).
constexpr std::size_t kMsgRequestWord = 0, kMsgReadWord = 1, kMsgTotalWord = 2;

struct ImapFields {
    FieldId isRequest, line, request, response, requestTag, responseTag, requestCommand, responseStatus;
} imap;

void writePopInfo(const LayerView& layer, std::string& out)
{
    const Dissection& d = layer.dissection();
    if (const FieldRecord* f = layer.field(pop.request)) {
        out += "C: ";
        text::appendFormatted(out, d.valueText(*f));
    } else if (const FieldRecord* r = layer.field(pop.response)) {
        out += "S: ";
        text::appendFormatted(out, d.valueText(*r));
    }
}

void writeDataFragment(const LayerView& layer, std::string& out)
{
    // The segment's length: the POP item covers all of it.
    const auto n = layer.dissection().layers()[layer.layer()].length;
    out += "S: DATA fragment, ";
    appendDecimal(out, n);
    out += n == 1 ? " byte" : " bytes";
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool startsWithNoCase(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c != prefix[i]) return false;
    }
    return true;
}

// atoi's reading: spaces, a sign, digits.
std::uint32_t leadingNumber(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const bool negative = i < s.size() && s[i] == '-';
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::uint64_t v = 0;
    for (; i < s.size() && text::isDigit(s[i]) && v < 0xffffffffu; ++i) v = v * 10 + static_cast<unsigned>(s[i] - '0');
    // Wireshark keeps atoi's int in an unsigned field: a negative size is a huge one.
    const auto n = static_cast<std::uint32_t>(std::min<std::uint64_t>(v, 0xffffffffu));
    return negative ? 0u - n : n;
}

// A reply that is neither +OK nor -ERR continues a message (packet-pop.c): each is one
// fragment of it; the one that reaches the announced size (or any, when none was) completes
// it and IMF shows the message reassembled.
void dissectContinuation(DissectContext& ctx, LayerCursor& c, const Payload& p)
{
    TcpConversation* conv = ctx.tcpConversation;
    bool more = false;
    if (conv) {
        conv->app[kMsgReadWord] += static_cast<std::uint32_t>(p.reported);
        more = conv->app[kMsgReadWord] < conv->app[kMsgTotalWord];
        if (!more) conv->app[kMsgReadWord] = conv->app[kMsgTotalWord] = 0;
    }
    if (more) {
        ctx.setInfo(writeDataFragment, c.layer());
        keepMessagePart(ctx, p.data);
        return;
    }
    dissectKeptMessage(ctx, p.data, p.at, "POP/IMF");
}

void writeImapInfo(const LayerView& layer, std::string& out)
{
    const Dissection& d = layer.dissection();
    out += layer.number(imap.isRequest) ? "Request: " : "Response: ";
    // Each line replaces the column: the last one shows.
    const FieldRecord* last = nullptr;
    layer.forEach(imap.line, [&](const FieldRecord& f) { last = &f; });
    if (last) text::appendFormatted(out, d.valueText(*last));
}

bool dissectPop(DissectContext& ctx, const Payload& p)
{
    if (text::speaksTls(ctx)) {
        dissectTls(ctx, p);
        return true;
    }
    LayerCursor c(ctx, "POP", "pop", p.data, p.at, p.reported);
    ctx.setProtocol("POP");
    ctx.setInfo(writePopInfo, c.layer());
    const std::string_view bytes = text::asText(p.data);
    text::Line line;
    if (!text::lineAt(bytes, 0, line)) return true;
    std::size_t next = 0;
    const std::size_t tokenLen = text::tokenLength(line.text, next);
    const bool request = text::transportPorts(ctx).dst == 110;
    if (!request && !startsWith(line.text, "+OK") && !startsWith(line.text, "-ERR")) {
        dissectContinuation(ctx, c, p);
        return true;
    }
    TcpConversation* conv = ctx.tcpConversation;
    if (request) {
        text::addText(c, pop.request, 0, line.text);
        text::addText(c, pop.requestCommand, 0, line.text.substr(0, tokenLen));
        if (next < line.length) text::addText(c, pop.requestParameter, next, line.text.substr(next));
        if (line.text.substr(0, tokenLen) == "STLS") text::startTlsAsked(ctx);
        if (conv && tokenLen > 0 && (startsWithNoCase(line.text, "RETR") || startsWithNoCase(line.text, "TOP")))
            conv->app[kMsgRequestWord] = 1;
    } else {
        if (conv && tokenLen > 0 && conv->app[kMsgRequestWord]) {
            if (startsWithNoCase(line.text, "+OK ")) {  // the message follows: its size
                conv->app[kMsgReadWord] = 0;
                conv->app[kMsgTotalWord] = leadingNumber(line.text.substr(4));
                dropMessageParts(ctx);
            }
            conv->app[kMsgRequestWord] = 0;
        }
        text::startTlsAnswered(ctx, line.text.substr(0, 3) == "+OK");
        text::addText(c, pop.response, 0, line.text);
        text::addText(c, pop.responseIndicator, 0, line.text.substr(0, tokenLen));
        if (next < line.length) text::addText(c, pop.responseDescription, next, line.text.substr(next));
    }
    return true;
}

bool dissectImap(DissectContext& ctx, const Payload& p)
{
    if (text::speaksTls(ctx)) {
        dissectTls(ctx, p);
        return true;
    }
    LayerCursor c(ctx, "IMAP", "imap", p.data, p.at, p.reported);
    ctx.setProtocol("IMAP");
    ctx.setInfo(writeImapInfo, c.layer());
    const std::string_view bytes = text::asText(p.data);
    const bool request = text::transportPorts(ctx).dst == 143;
    c.add(imap.isRequest, 0, 0, request ? 1 : 0);
    text::Line line;
    std::size_t at = 0;
    for (int guard = 0; guard < 1024 && text::lineAt(bytes, at, line); ++guard) {
        text::addText(c, imap.line, line.start, line.text);
        at = line.next;
    }
    if (!text::lineAt(bytes, 0, line)) return true;
    text::addText(c, request ? imap.request : imap.response, 0, line.text);
    std::size_t next = 0;
    const std::size_t tagLen = text::tokenLength(line.text, next);
    text::addText(c, request ? imap.requestTag : imap.responseTag, 0, line.text.substr(0, tagLen));
    const std::string_view rest = line.text.substr(next);
    std::size_t after = 0;
    const std::size_t wordLen = text::tokenLength(rest, after);
    if (wordLen > 0) text::addText(c, request ? imap.requestCommand : imap.responseStatus, next, rest.substr(0, wordLen));
    if (request && wordLen == 8 && (rest.substr(0, 8) == "STARTTLS" || rest.substr(0, 8) == "starttls")) text::startTlsAsked(ctx);
    // The tagged reply ends the exchange: its last line says whether TLS starts.
    if (!request) {
        std::string_view last;
        for (std::size_t at = 0; at < bytes.size() && text::lineAt(bytes, at, line); at = line.next)
            if (line.length > 0) last = line.text;
        if (!last.empty() && last[0] != '*') text::startTlsAnswered(ctx, last.find(" OK") != std::string_view::npos);
    }
    return true;
}

}  // namespace

void registerPop(ProtocolRegistrar& r)
{
    r.protocol("pop");
    pop.request = r.field({"pop.request", "Request", FieldKind::String});
    pop.requestCommand = r.field({"pop.request.command", "Request command", FieldKind::String});
    pop.requestParameter = r.field({"pop.request.parameter", "Request parameter", FieldKind::String});
    pop.response = r.field({"pop.response", "Response", FieldKind::String});
    pop.responseIndicator = r.field({"pop.response.indicator", "Response indicator", FieldKind::String});
    pop.responseDescription = r.field({"pop.response.description", "Response description", FieldKind::String});
    r.tcpPort(110, dissectPop);
    r.protocol("imap");
    imap.isRequest = r.field({"imap.isrequest", "Request", FieldKind::Bool, 8});
    imap.line = r.field({"imap.line", "Line", FieldKind::String});
    imap.request = r.field({"imap.request", "Request", FieldKind::String});
    imap.response = r.field({"imap.response", "Response", FieldKind::String});
    imap.requestTag = r.field({"imap.request_tag", "Request Tag", FieldKind::String});
    imap.responseTag = r.field({"imap.response_tag", "Response Tag", FieldKind::String});
    imap.requestCommand = r.field({"imap.request.command", "Request Command", FieldKind::String});
    imap.responseStatus = r.field({"imap.response.status", "Response Status", FieldKind::String});
    r.tcpPort(143, dissectImap);
}

}  // namespace rcvmon

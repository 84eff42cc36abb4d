// SPDX-License-Identifier: GPL-2.0-or-later
// POP3 (RFC 1939) and IMAP4 (RFC 9051) command and reply lines as Wireshark shows them: the
// first line of the segment in Info ("C: USER x" / "S: +OK …"; IMAP "Request: …" /
// "Response: …"), its command or status word and argument as fields.
#include "dissect/protocols/text/lines.h"

namespace rcvmon {
namespace {

struct PopFields {
    FieldId request, requestCommand, requestParameter, response, responseIndicator, responseDescription;
} pop;

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
    if (text::transportPorts(ctx).dst == 110) {
        text::addText(c, pop.request, 0, line.text);
        text::addText(c, pop.requestCommand, 0, line.text.substr(0, tokenLen));
        if (next < line.length) text::addText(c, pop.requestParameter, next, line.text.substr(next));
        if (line.text.substr(0, tokenLen) == "STLS") text::startTlsAsked(ctx);
    } else {
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

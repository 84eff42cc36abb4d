// SPDX-License-Identifier: GPL-2.0-or-later
// SMTP (RFC 5321; BDAT RFC 3030) as Wireshark shows it: client command lines ("C: EHLO x",
// pipelined commands joined by " | "), the message after DATA as "DATA fragment"s until the
// line holding only ".", and server replies ("S: 250-first line | continuation text | next
// reply"). A line cut by the segment's end waits for the next segment.
#include "dissect/field_format.h"
#include "dissect/pdu_prefixes.h"
#include "dissect/protocols/text/imf.h"
#include "dissect/protocols/text/lines.h"
#include "dissect/tcp_conversations.h"


namespace rcvmon {
namespace {

using text::Line;

struct SmtpFields {
    FieldId req, rsp, commandLine, reqCommand, reqParameter, response, responseCode, rspParameter;
} hf;

enum SmtpState : std::uint8_t { kCommands = 0, kData = 1, kDataSeen = 2 };

// The stored text of a line field ends with its escaped line end; Info shows the line alone.
std::string_view withoutLineEnd(std::string_view s)
{
    if (s.size() >= 4 && s.substr(s.size() - 4) == "\\r\\n") return s.substr(0, s.size() - 4);
    if (s.size() >= 2 && (s.substr(s.size() - 2) == "\\n" || s.substr(s.size() - 2) == "\\r")) return s.substr(0, s.size() - 2);
    return s;
}

void writeInfo(const LayerView& layer, std::string& out)
{
    const Dissection& d = layer.dissection();
    const bool request = layer.has(hf.req);
    out += request ? "C: " : "S: ";
    bool first = true;
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != layer.layer()) continue;
        std::string_view piece;
        if (f.id == hf.commandLine || f.id == hf.response) {
            piece = withoutLineEnd(d.valueText(f));
        } else if (f.id == hf.rspParameter && f.aux != 0) {
            piece = d.valueText(f);  // a continuation line shows its text only
        } else if (f.id == hf.req && f.aux != 0) {
            out += "DATA fragment, ";
            appendDecimal(out, f.aux - 1);
            out += " bytes";
            return;
        } else {
            continue;
        }
        if (!first) out += " | ";
        first = false;
        out += piece;
    }
}

std::uint32_t addEscaped(LayerCursor& c, FieldId id, std::size_t rel, std::size_t length, std::string_view raw)
{
    thread_local std::string scratch;
    scratch.clear();
    text::appendFormatted(scratch, raw);
    return c.ctx().out.addTextField(id, c.layer(), c.absolute(rel), static_cast<std::uint32_t>(length), scratch);
}

bool equalsCi(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 32);
        if (x != b[i]) return false;
    }
    return true;
}

// The message body: everything up to and including the line holding only "." (RFC 5321 §4.5.2).
bool endsData(std::string_view bytes, bool atLineStart)
{
    if (atLineStart && (bytes.substr(0, 3) == ".\r\n" || bytes == ".\n")) return true;
    return bytes.find("\r\n.\r\n") != std::string_view::npos;
}

// Whether the command lines of `bytes` hand the rest of the segment to a message: a BDAT
// chunk that starts in this segment makes the whole segment a DATA fragment, as Wireshark's
// first pass marks the frame. Sets the conversation's state for the segments that follow.
bool commandsStartChunk(std::string_view bytes, TcpConversation* conv)
{
    Line line;
    std::size_t at = 0;
    for (int guard = 0; guard < 512 && text::lineAt(bytes, at, line) && line.terminated; ++guard) {
        at = line.next;
        const std::string_view verb = line.text.substr(0, line.length >= 4 ? 4 : line.length);
        if (equalsCi(verb, "BDAT")) {
            // A BDAT without a size takes everything that follows (as Wireshark reads it).
            std::uint64_t n = line.length == 4 ? 0xffffffffull : 0;
            for (std::size_t i = 5; i < line.length && text::isDigit(line.text[i]); ++i)
                n = std::min<std::uint64_t>(n * 10 + static_cast<unsigned>(line.text[i] - '0'), 0xffffffffull);
            const std::size_t here = bytes.size() - at;
            if (conv) conv->app[1] = static_cast<std::uint32_t>(n > here ? n - here : 0);
            return here > 0;
        }
        if (equalsCi(verb, "DATA") && line.length == 4) {
            if (conv) conv->app[0] = kData;
            return false;
        }
    }
    return false;
}

// The command line an earlier segment began, on the segment completing it (from the bytes
// kept of both).
void completeCommandLine(DissectContext& ctx, std::uint16_t layer, const TcpPdu&, const Payload&)
{
    if (!ctx.pduPrefixes) return;
    const std::string_view bytes = text::asText(ctx.pduPrefixes->find(ctx.tcpDirection));
    const std::uint32_t base = ctx.out.layer(layer).offset;
    ctx.out.addField(hf.req, layer, base, 0, 1);
    Line line;
    std::size_t at = 0;
    thread_local std::string scratch;
    for (int guard = 0; guard < 512 && text::lineAt(bytes, at, line) && line.terminated; ++guard) {
        scratch.clear();
        text::appendFormatted(scratch, bytes.substr(line.start, line.next - line.start));
        ctx.out.addTextField(hf.commandLine, layer, base, 0, scratch);
        ctx.out.addTextField(hf.reqCommand, layer, base, 0, line.text.substr(0, line.length >= 4 ? 4 : line.length));
        if (line.length > 5) {
            scratch.clear();
            text::appendFormatted(scratch, line.text.substr(5));
            ctx.out.addTextField(hf.reqParameter, layer, base, 0, scratch);
        }
        at = line.next;
    }
    ctx.setInfo(writeInfo, layer);
    ctx.pduPrefixes->drop(ctx.tcpDirection);
}

// A command line typed a character per segment goes on until its line end.
std::size_t moreOfLine(DissectContext& ctx, TcpPdu&, const Payload&, std::size_t)
{
    if (!ctx.pduPrefixes) return 0;
    const std::string_view kept = text::asText(ctx.pduPrefixes->find(ctx.tcpDirection));
    return kept.find_first_of("\r\n") == std::string_view::npos && kept.size() < PduPrefixes::kBytes ? 1 : 0;
}

// Where the line holding only "." starts (the message ends before it); npos when none does.
std::size_t dataEnd(std::string_view bytes)
{
    if (bytes.substr(0, 3) == ".\r\n" || bytes == ".\n") return 0;
    const std::size_t at = bytes.find("\r\n.\r\n");
    return at == std::string_view::npos ? at : at + 2;
}

// The segment ending the message: Wireshark reassembles the DATA fragments and IMF shows the
// message.
void completeMessage(LayerCursor& c, std::string_view last)
{
    c.add(hf.req, 0, 0, 1);
    dissectKeptMessage(c.ctx(), ByteSpan(reinterpret_cast<const std::uint8_t*>(last.data()), last.size()), c.absolute(0),
                       "SMTP/IMF");
}

void dissectRequest(LayerCursor& c, std::string_view bytes, TcpConversation* conv)
{
    DissectContext& ctx = c.ctx();
    ctx.setProtocol("SMTP");
    const std::uint32_t reqField = c.add(hf.req, 0, 0, 1);
    // A fragment of the message shows its lines as text, as Wireshark's SMTP does.
    const auto dataFragment = [&] {
        ctx.out.setAux(reqField, static_cast<std::uint32_t>(bytes.size()) + 1);
        ctx.out.addLayer("Line-based text data", "data-text-lines", c.absolute(0), static_cast<std::uint32_t>(bytes.size()),
                         ctx.inReassembled);
    };
    if (conv && conv->app[0] == kData) {
        const std::size_t end = dataEnd(bytes);
        if (end == std::string_view::npos) {
            dataFragment();
            keepMessagePart(ctx, c.data());
            return;
        }
        conv->app[0] = kCommands;
        completeMessage(c, bytes.substr(0, end));
        return;
    }
    if (conv && conv->app[1] > 0) {  // BDAT chunk bytes still to come
        dataFragment();
        conv->app[1] -= std::min<std::uint32_t>(conv->app[1], static_cast<std::uint32_t>(bytes.size()));
        return;
    }
    Line line;
    if (text::lineAt(bytes, 0, line) && !line.terminated && ctx.desegment && ctx.tcpDirection) {
        TcpPdu pdu{"SMTP", "SMTP", "smtp", {}, {}};
        if (ctx.pduPrefixes) {
            ctx.pduPrefixes->save(ctx.tcpDirection, c.data());
            pdu.complete = completeCommandLine;
            pdu.more = moreOfLine;
            pdu.wholeSegments = true;
        }
        startTcpPdu(ctx, pdu, 1, c.layer());
        return;
    }
    if (commandsStartChunk(bytes, conv)) {
        dataFragment();
        return;
    }
    std::size_t at = 0;
    for (int guard = 0; guard < 512 && text::lineAt(bytes, at, line); ++guard) {
        if (!line.terminated && ctx.desegment && ctx.tcpDirection) break;
        addEscaped(c, hf.commandLine, line.start, line.next - line.start, bytes.substr(line.start, line.next - line.start));
        const std::size_t cmdLen = line.length >= 4 ? 4 : line.length;
        text::addText(c, hf.reqCommand, line.start, line.text.substr(0, cmdLen));
        if (line.length > 5) addEscaped(c, hf.reqParameter, line.start + 5, line.length - 5, line.text.substr(5));
        if (line.length == 8 && equalsCi(line.text, "STARTTLS")) text::startTlsAsked(ctx);
        at = line.next;
        if (equalsCi(line.text.substr(0, cmdLen), "DATA") && line.length == 4) {
            // What follows in the same segment is already the message.
            if (at < bytes.size() && conv && endsData(bytes.substr(at), true)) conv->app[0] = kCommands;
            break;
        }
    }
    // A message starts: nothing kept from this direction belongs to it.
    if (conv && conv->app[0] == kData) dropMessageParts(ctx);
}

void dissectResponse(LayerCursor& c, std::string_view bytes)
{
    DissectContext& ctx = c.ctx();
    ctx.setProtocol("SMTP");
    c.add(hf.rsp, 0, 0, 1);
    Line line;
    std::size_t at = 0;
    bool inReply = false;  // the previous line announced a continuation ("250-")
    for (int guard = 0; guard < 512 && text::lineAt(bytes, at, line); ++guard) {
        if (!line.terminated && ctx.desegment && ctx.tcpDirection) {
            if (at == 0) {
                startTcpPdu(ctx, TcpPdu{"SMTP", "SMTP", "smtp", {}, {}}, 1, c.layer());
                return;
            }
            break;
        }
        const bool continuation = line.length >= 4 && line.text[3] == '-';
        if (!inReply) {
            addEscaped(c, hf.response, line.start, line.next - line.start, bytes.substr(line.start, line.next - line.start));
            if (line.length >= 3 && text::isDigit(line.text[0]) && text::isDigit(line.text[1]) && text::isDigit(line.text[2])) {
                const unsigned code = static_cast<unsigned>((line.text[0] - '0') * 100 + (line.text[1] - '0') * 10 + (line.text[2] - '0'));
                c.add(hf.responseCode, line.start, 3, code);
                text::startTlsAnswered(ctx, code == 220);
            }
        }
        if (line.length >= 4) {
            const std::uint32_t param = addEscaped(c, hf.rspParameter, line.start + 4, line.length - 4, line.text.substr(4));
            if (inReply) ctx.out.setAux(param, 1);
        }
        inReply = continuation;
        at = line.next;
    }
}

bool dissectSmtp(DissectContext& ctx, const Payload& p, std::uint16_t port)
{
    if (text::speaksTls(ctx)) {
        dissectTls(ctx, p);
        return true;
    }
    LayerCursor c(ctx, "SMTP", "smtp", p.data, p.at, p.reported);
    ctx.setInfo(writeInfo, c.layer());
    const std::string_view bytes = text::asText(p.data);
    if (text::transportPorts(ctx).dst == port) {
        dissectRequest(c, bytes, ctx.tcpConversation);
    } else {
        dissectResponse(c, bytes);
    }
    return true;
}

bool dissectSmtp25(DissectContext& ctx, const Payload& p) { return dissectSmtp(ctx, p, 25); }
bool dissectSmtp587(DissectContext& ctx, const Payload& p) { return dissectSmtp(ctx, p, 587); }

}  // namespace

void registerSmtp(ProtocolRegistrar& r)
{
    r.protocol("smtp");
    hf.req = r.field({"smtp.req", "Request", FieldKind::Bool, 8});
    hf.rsp = r.field({"smtp.rsp", "Response", FieldKind::Bool, 8});
    hf.commandLine = r.field({"smtp.command_line", "Command Line", FieldKind::String});
    hf.reqCommand = r.field({"smtp.req.command", "Command", FieldKind::String});
    hf.reqParameter = r.field({"smtp.req.parameter", "Request parameter", FieldKind::String});
    hf.response = r.field({"smtp.response", "Response", FieldKind::String});
    hf.responseCode = r.field({"smtp.response.code", "Response code", FieldKind::Unsigned, 32});
    hf.rspParameter = r.field({"smtp.rsp.parameter", "Response parameter", FieldKind::String});
    r.tcpPort(25, dissectSmtp25);
    r.tcpPort(587, dissectSmtp587);
}

}  // namespace rcvmon

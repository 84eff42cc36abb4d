// SPDX-License-Identifier: GPL-2.0-or-later
// Internet Message Format (RFC 5322, MIME headers RFC 2045) as Wireshark's IMF dissector shows
// a message POP or SMTP carries: "Name: value" header fields (folded lines included) up to the
// empty line, the From and Subject values in Info ("from: …, subject: …, "), and, when no
// Content-Type names a media type, the body's lines in Info. Wireshark's quirks are kept: a
// value ends two bytes before the field's end (its CRLF) even where the buffer ends first.
#include "dissect/protocols/text/imf.h"

#include "dissect/pdu_prefixes.h"
#include "dissect/protocols/text/lines.h"

#include <array>
#include <vector>

namespace rcvmon {
namespace {

struct Header {
    std::string_view key;  // lower case, as Wireshark looks it up
    std::string_view name, label;
};

// packet-imf.c's imf_fields that RcvMon records (the others count as known and are skipped).
constexpr std::array kHeaders = {
    Header{"date", "imf.date", "Date"},
    Header{"from", "imf.from", "From"},
    Header{"sender", "imf.sender", "Sender"},
    Header{"reply-to", "imf.reply_to", "Reply-To"},
    Header{"to", "imf.to", "To"},
    Header{"cc", "imf.cc", "Cc"},
    Header{"bcc", "imf.bcc", "Bcc"},
    Header{"message-id", "imf.message_id", "Message-ID"},
    Header{"in-reply-to", "imf.in_reply_to", "In-Reply-To"},
    Header{"references", "imf.references", "References"},
    Header{"subject", "imf.subject", "Subject"},
    Header{"user-agent", "imf.user_agent", "User-Agent"},
    Header{"return-path", "imf.return_path", "Return-Path"},
    Header{"received", "imf.received", "Received"},
    Header{"content-type", "imf.content.type", "Content-Type"},
    Header{"content-transfer-encoding", "imf.content.transfer_encoding", "Content-Transfer-Encoding"},
    Header{"mime-version", "imf.mime_version", "MIME-Version"},
    Header{"delivered-to", "imf.delivered_to", "Delivered-To"},
    Header{"x-mailer", "imf.ext.mailer", "X-Mailer"},
};
constexpr std::size_t kFrom = 1, kSubject = 10, kContentType = 14;
// The rest of packet-imf.c's known names: not unknown extensions, though not recorded here.
constexpr std::array<std::string_view, 46> kOtherKnown = {
    "comments", "keywords", "resent-date", "resent-from", "resent-sender", "resent-to", "resent-cc",
    "resent-bcc", "resent-message-id", "content-id", "content-description", "autoforwarded", "autosubmitted",
    "x400-content-identifier", "content-language", "conversion", "conversion-with-loss", "delivery-date",
    "discarded-x400-ipms-extensions", "discarded-x400-mts-extensions", "dl-expansion-history",
    "deferred-delivery", "expires", "importance", "incomplete-copy", "latest-delivery-time", "message-type",
    "original-encoded-information-types", "originator-return-address", "priority", "reply-by", "sensitivity",
    "supersedes", "x400-content-type", "x400-mts-identifier", "x400-originator", "x400-received",
    "x400-recipients", "thread-index", "lines", "precedence", "x-mimeole", "expiry-date", "x-ms-tnef-correlator",
    "x-uidl", "x-authentication-warning",
};

struct ImfFields {
    std::array<FieldId, kHeaders.size()> header{};
    FieldId extension, extensionType, extensionValue;
} hf;

bool equalsLower(std::string_view key, std::string_view lower)
{
    if (key.size() != lower.size()) return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        char c = key[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower[i]) return false;
    }
    return true;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// imf_find_field_end: past the CRLF that is not followed by a folding space; at CRLF CRLF the
// last field. The end of the buffer right after a CRLF also ends the fields, returned two
// bytes early. npos: no end.
std::size_t fieldEnd(std::string_view b, std::size_t at, bool& last)
{
    while (at < b.size()) {
        const std::size_t cr = b.find('\r', at);
        if (cr == std::string_view::npos) return std::string_view::npos;
        at = cr + 1;
        if (at < b.size() && b[at] == '\n') {
            if (++at >= b.size()) {
                last = true;
                return at - 2;
            }
            if (b[at] == '\r') {
                if (at + 1 < b.size() && b[at + 1] == '\n') last = true;
                return at;
            }
            if (b[at] != ' ' && b[at] != '\t') return at;
        }
    }
    return std::string_view::npos;
}

// Wireshark's format_text_wsp: format_text, with every white-space character as one space.
void appendFormattedWsp(std::string& out, std::string_view s)
{
    std::size_t from = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i < s.size() && !(isSpace(s[i]) && s[i] != ' ')) continue;
        text::appendFormatted(out, s.substr(from, i - from));
        if (i < s.size()) out += ' ';
        from = i + 1;
    }
}

void writeInfo(const LayerView& l, std::string& out)
{
    const Dissection& d = l.dissection();
    const std::size_t start = out.size();  // the column as IMF cleared it
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != l.layer()) continue;
        if (f.id != hf.header[kFrom] && f.id != hf.header[kSubject]) continue;
        out += f.id == hf.header[kFrom] ? "from: " : "subject: ";
        text::appendFormatted(out, d.valueText(f));
        out += ", ";
    }
    // The body's lines, each with its line end as spaces (kept only without a media type).
    const std::string_view body = d.infoText();
    text::Line line;
    for (std::size_t at = 0; text::lineAt(body, at, line); at = line.next) {
        if (out.size() > start) out += ", ";
        appendFormattedWsp(out, body.substr(line.start, line.next - line.start));
    }
}

}  // namespace

void dissectImf(DissectContext& ctx, const Payload& p, std::string_view protocol)
{
    LayerCursor c(ctx, "IMF", "imf", p.data, p.at, p.reported);
    ctx.setProtocol(protocol);
    ctx.setInfo(writeInfo, c.layer());
    const std::string_view b = text::asText(p.data);
    std::size_t start = 0, end = 0;
    bool last = false, contentType = false;
    for (int guard = 0; guard < 4096 && !last; ++guard) {
        const std::size_t colon = b.find(':', start);
        if (colon == std::string_view::npos) {
            end = std::string_view::npos;  // Wireshark then shows the body from the start
            break;
        }
        const std::string_view key = b.substr(start, colon - start);
        std::size_t known = kHeaders.size();
        for (std::size_t i = 0; i < kHeaders.size(); ++i)
            if (equalsLower(key, kHeaders[i].key)) known = i;
        const std::size_t valueStart = colon + 1;
        end = fieldEnd(b, valueStart, last);
        if (end == std::string_view::npos) break;
        std::size_t value = valueStart;
        while (value < end && isSpace(b[value])) ++value;
        if (value == end) value = valueStart;
        const std::size_t length = end >= value + 2 ? end - value - 2 : 0;
        bool other = false;
        for (const std::string_view k : kOtherKnown) other = other || equalsLower(key, k);
        if (known < kHeaders.size()) {
            text::addText(c, hf.header[known], value, b.substr(value, length));
            // Only "type; parameters" names a media type (dissect_imf_content_type).
            if (known == kContentType && b.substr(valueStart, end - valueStart).find(';') != std::string_view::npos)
                contentType = true;
        } else if (!other) {
            const std::size_t whole = end >= start + 2 ? end - start - 2 : 0;
            text::addText(c, hf.extension, start, b.substr(start, whole));
            text::addText(c, hf.extensionType, start, key);
            text::addText(c, hf.extensionValue, value, b.substr(value, length));
        }
        start = end;
    }
    if (last) end += 2;
    if (end == std::string_view::npos || end > b.size()) end = end == std::string_view::npos ? 0 : b.size();
    // A media type's dissector takes the body and leaves Info alone (Wireshark fences it).
    if (!contentType && ctx.columnsWritable) ctx.out.setInfoText(b.substr(end));
}

void keepMessagePart(DissectContext& ctx, ByteSpan part)
{
    if (!ctx.pduPrefixes || !ctx.tcpDirection) return;
    if (ctx.pduPrefixes->find(ctx.tcpDirection).empty()) {
        ctx.pduPrefixes->save(ctx.tcpDirection, part);
    } else {
        ctx.pduPrefixes->append(ctx.tcpDirection, part);
    }
}

void dissectKeptMessage(DissectContext& ctx, ByteSpan last, std::uint32_t at, std::string_view protocol)
{
    if (!ctx.pduPrefixes || !ctx.tcpDirection || ctx.pduPrefixes->find(ctx.tcpDirection).empty()) {
        dissectImf(ctx, Payload{last, last.size(), at}, protocol);
        return;
    }
    keepMessagePart(ctx, last);
    thread_local std::vector<std::uint8_t> message;
    const ByteSpan kept = ctx.pduPrefixes->find(ctx.tcpDirection);
    message.assign(kept.begin(), kept.end());
    ctx.pduPrefixes->drop(ctx.tcpDirection);
    const bool wasReassembled = ctx.inReassembled;
    ctx.inReassembled = true;
    dissectImf(ctx, Payload{ByteSpan(message.data(), message.size()), message.size(), 0}, protocol);
    ctx.inReassembled = wasReassembled;
}

void dropMessageParts(DissectContext& ctx)
{
    if (ctx.pduPrefixes && ctx.tcpDirection) ctx.pduPrefixes->drop(ctx.tcpDirection);
}

void registerImf(ProtocolRegistrar& r)
{
    r.protocol("imf");
    for (std::size_t i = 0; i < kHeaders.size(); ++i)
        hf.header[i] = r.field({kHeaders[i].name, kHeaders[i].label, FieldKind::String});
    hf.extension = r.field({"imf.extension", "Unknown-Extension", FieldKind::String});
    hf.extensionType = r.field({"imf.extension.type", "Type", FieldKind::String});
    hf.extensionValue = r.field({"imf.extension.value", "Value", FieldKind::String});
}

}  // namespace rcvmon

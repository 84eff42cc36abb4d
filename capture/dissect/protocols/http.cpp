// SPDX-License-Identifier: GPL-2.0-or-later
// HTTP/1.x (RFC 9112) over TCP as Wireshark shows it: the request or status line and the
// header fields (http.request.method, http.host, http.response.code…), Info as the first line
// and a space, the body's media type in parentheses, "Continuation" for body bytes that start
// no message. Content-Length says how far a body reaches: desegmenting, the segments between
// stay TCP and the one completing the message shows it, from the header kept when it began.
// An XML body makes it HTTP/XML, a JSON one HTTP/JSON.
#include "dissect/pdu_prefixes.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/http_body.h"
#include "dissect/protocols/text/lines.h"
#include "dissect/protocols/http2/http2.h"
#include "dissect/protocols/websocket.h"
#include "dissect/tcp_conversations.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace rcvmon {
namespace {

struct HttpFields {
    FieldId request, response, requestMethod, requestUri, requestVersion, responseVersion, responseCode,
        responsePhrase, host, userAgent, contentType, contentLengthHeader, contentLength, server, connection, accept,
        referer, location, contentEncoding, transferEncoding, cookie, setCookie, date, cacheControl, lastModified,
        acceptLanguage, acceptEncoding, authorization, upgrade;
} hf;

constexpr std::string_view kStarts[] = {"HTTP/", "GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ",
                                        "CONNECT ", "TRACE ", "PATCH ", "PROPFIND ", "PROPPATCH ", "MKCOL ",
                                        "COPY ", "MOVE ", "LOCK ", "UNLOCK ", "REPORT ", "SEARCH "};

bool startsMessage(std::string_view text)
{
    // Every start above begins with an upper-case letter: most payloads fail on the first byte.
    if (text.empty() || text[0] < 'A' || text[0] > 'Z') return false;
    return std::any_of(std::begin(kStarts), std::end(kStarts),
                       [&](std::string_view s) { return text.substr(0, s.size()) == s; });
}

bool startsWithCi(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
    return true;
}

// What follows the first line in Info: the body's media type, as the dissector of the body
// names it (aux of the message's first field).
enum Suffix : std::uint32_t { kNoSuffix, kMediaType, kPng, kJfif, kGif87, kGif89, kJson };

struct HttpHead {
    bool complete = false;       // the blank line ending the header was seen
    std::size_t headerEnd = 0;   // bytes up to and including it
    std::uint64_t contentLength = 0;
    bool hasLength = false;
    bool xml = false;
    std::string_view mediaType;  // Content-Type without parameters
    ContentCoding coding = ContentCoding::Identity;
    bool chunked = false;
};

bool isOcsp(std::string_view mediaType)
{
    return (mediaType.size() == 24 && startsWithCi(mediaType, "application/ocsp-request")) ||
           (mediaType.size() == 25 && startsWithCi(mediaType, "application/ocsp-response"));
}

// The layer Wireshark's media-type table gives an HTTP body; none when the type is not given.
struct BodyLayer {
    std::string_view name, filter;
};
bool bodyStarts(ByteSpan body, std::string_view magic)
{
    return body.size() >= magic.size() &&
           std::equal(magic.begin(), magic.end(), body.begin(), [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; });
}

bool isType(std::string_view mediaType, std::string_view type)
{
    return mediaType.size() == type.size() && startsWithCi(mediaType, type);
}

// An image dissector takes its type's body when the body starts as its format does (or is
// not seen yet); otherwise it declines and the body is media.
BodyLayer bodyLayerFor(std::string_view mediaType, ByteSpan bodyStart)
{
    if (mediaType.empty()) return {};
    // Wireshark 4.0 gives application/javascript to no text dissector: it is media.
    constexpr std::string_view kText[] = {"text/html", "text/plain", "text/css", "text/javascript",
                                          "application/x-javascript"};
    for (std::string_view t : kText)
        if (isType(mediaType, t)) return {"Line-based text data", "data-text-lines"};
    if (mediaType.find("xml") != std::string_view::npos) return {"eXtensible Markup Language", "xml"};
    if (isType(mediaType, "application/json")) return {"JavaScript Object Notation", "json"};
    if (isOcsp(mediaType)) return {"Online Certificate Status Protocol", "ocsp"};
    if (isType(mediaType, "application/x-www-form-urlencoded")) return {"HTML Form URL Encoded", "urlencoded-form"};
    if (isType(mediaType, "application/octet-stream")) return {"Data", "data"};  // no dissector takes it
    const bool unseen = bodyStart.empty();
    if (isType(mediaType, "image/png") && (unseen || bodyStarts(bodyStart, "\x89PNG")))
        return {"Portable Network Graphics", "png"};
    if (isType(mediaType, "image/jpeg") && (unseen || bodyStarts(bodyStart, "\xff\xd8")))
        return {"JPEG File Interchange Format", "image-jfif"};
    if (isType(mediaType, "image/gif") && (unseen || bodyStarts(bodyStart, "GIF87a") || bodyStarts(bodyStart, "GIF89a")))
        return {"Compuserve GIF", "image-gif"};
    return {"Media Type", "media"};
}

// RFC 6960 appendix A: OCSP over HTTP. Wireshark's OCSP dissector then names the column and
// sets Info to "Request" or "Response".
void writeOcspInfo(const LayerView& layer, std::string& out)
{
    out += layer.has(hf.requestMethod) ? "Request" : "Response";
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

HttpHead parseHead(std::string_view text)
{
    HttpHead h;
    // The header ends at its first empty line; lines end in CRLF or a bare LF.
    text::Line line;
    std::size_t at = 0;
    int lines = 0;
    for (; lines < 512 && text::lineAt(text, at, line) && line.terminated; ++lines) {
        at = line.next;
        if (line.length == 0) {
            h.complete = true;
            h.headerEnd = at;
            break;
        }
        if (lines == 0) continue;  // the request or status line
        const std::string_view l = line.text;
        if (startsWithCi(l, "content-length:")) {
            std::uint64_t v = 0;
            bool digits = false;
            // A value that does not start with a digit ("-1") is no length to Wireshark.
            const std::string_view value = trim(l.substr(15));
            if (value.empty() || !text::isDigit(value[0])) continue;
            for (char ch : value) {
                if (ch >= '0' && ch <= '9') {
                    v = v * 10 + static_cast<unsigned>(ch - '0');
                    digits = true;
                    if (v > 0xffffffffull) break;
                } else if (digits) {
                    break;
                }
            }
            h.contentLength = v;
            h.hasLength = digits;
        } else if (startsWithCi(l, "content-type:")) {
            h.xml = l.find("xml") != std::string_view::npos;
            const std::string_view value = l.substr(13);
            h.mediaType = trim(value.substr(0, value.find(';')));
        } else if (startsWithCi(l, "content-encoding:")) {
            h.coding = contentCodingOf(l.substr(17));
        } else if (startsWithCi(l, "transfer-encoding:")) {
            h.chunked = l.find("chunked") != std::string_view::npos;
        }
    }
    return h;
}

// Walks chunks (RFC 9112 §7.1) from a chunk-size line at `at`: 0 when the last chunk and its
// trailer end inside `bytes`, else how many more bytes the body needs (with `resumeAtStart`
// when the next segment starts a chunk-size line).
std::size_t chunkedNeed(std::string_view bytes, std::size_t at, bool& resumeAtStart)
{
    resumeAtStart = false;
    for (int guard = 0; guard < 4096; ++guard) {
        text::Line line;
        if (!text::lineAt(bytes, at, line) || !line.terminated) {
            resumeAtStart = true;
            return 1;
        }
        std::uint64_t size = 0;
        std::size_t i = 0;
        for (; i < line.length && i < 16; ++i) {
            const char ch = line.text[i];
            const int v = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
            if (v < 0) break;
            size = size * 16 + static_cast<unsigned>(v);
        }
        if (i == 0) return 0;  // not a chunk: Wireshark gives up on the body here
        at = line.next;
        if (size == 0) {
            // Trailer fields, then an empty line.
            for (int t = 0; t < 64; ++t) {
                if (!text::lineAt(bytes, at, line) || !line.terminated) {
                    resumeAtStart = true;
                    return 1;
                }
                at = line.next;
                if (line.length == 0) return 0;
            }
            return 0;
        }
        const std::uint64_t end = at + size + 2;  // the data and its CRLF
        if (end > bytes.size()) return static_cast<std::size_t>(std::min<std::uint64_t>(end - bytes.size(), 0x7fffffff));
        at = static_cast<std::size_t>(end);
    }
    return 0;
}

std::size_t moreChunks(DissectContext&, TcpPdu& pdu, const Payload& segment, std::size_t end)
{
    bool resume = false;
    const std::size_t need = chunkedNeed(text::asText(segment.data), end, resume);
    pdu.resumeAtStart = resume;
    return need;
}

// Wireshark's XML heuristic: a body that starts "<?xml" once its content coding is undone is
// XML whatever its type (a gzip-compressed XHTML page shows as HTTP/XML).
bool bodyLooksLikeXml(ByteSpan body, ContentCoding coding)
{
    constexpr std::string_view Start = "<?xml";
    std::uint8_t decoded[Start.size()];
    return decodeBodyPrefix(body, coding, decoded) == Start.size() &&
           std::equal(Start.begin(), Start.end(), decoded, [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; });
}

// How Info names the body: image dissectors name their format, JSON its protocol, XML nothing,
// anything else the media type.
Suffix suffixFor(const HttpHead& head, ByteSpan body, bool xml)
{
    if (head.mediaType.empty() || xml) return kNoSuffix;
    if (startsWithCi(head.mediaType, "image/png") && head.mediaType.size() == 9) return bodyStarts(body, "\x89PNG") ? kPng : kMediaType;
    if (startsWithCi(head.mediaType, "image/jpeg") && head.mediaType.size() == 10)
        return bodyStarts(body, "\xff\xd8") ? kJfif : kMediaType;
    if (startsWithCi(head.mediaType, "image/gif") && head.mediaType.size() == 9) {
        if (bodyStarts(body, "GIF89a")) return kGif89;
        if (bodyStarts(body, "GIF87a")) return kGif87;
        return kMediaType;
    }
    if (head.mediaType.size() == 16 && startsWithCi(head.mediaType, "application/json")) return kJson;
    // No dissector takes an octet stream: its body stays data and names nothing.
    if (head.mediaType.size() == 24 && startsWithCi(head.mediaType, "application/octet-stream")) return kNoSuffix;
    return kMediaType;
}

void appendMediaType(std::string& out, std::string_view contentType)
{
    const std::string_view type = trim(contentType.substr(0, contentType.find(';')));
    for (char ch : type) out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
}

void writeInfo(const LayerView& layer, std::string& out)
{
    const Dissection& d = layer.dissection();
    if (!layer.has(hf.requestMethod) && !layer.has(hf.responseVersion)) {
        out += "Continuation";
        return;
    }
    const FieldRecord* first = nullptr;  // the current message's first field (its suffix in aux)
    std::string_view contentType;
    const auto finish = [&] {
        if (!first) return;
        switch (static_cast<Suffix>(first->aux)) {
        case kNoSuffix: break;
        case kMediaType:
            out += " (";
            appendMediaType(out, contentType);
            out += ')';
            break;
        case kPng: out += " (PNG)"; break;
        case kJfif: out += " (JPEG JFIF image)"; break;
        case kGif87: out += " (GIF87a)"; break;
        case kGif89: out += " (GIF89a)"; break;
        case kJson: out += ", JavaScript Object Notation (application/json)"; break;  // col_append_sep_str after "OK "
        }
    };
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != layer.layer()) continue;
        if (f.id == hf.requestMethod || f.id == hf.responseVersion) {
            finish();
            first = &f;
            contentType = {};
            text::appendFormatted(out, d.valueText(f));
        } else if (f.id == hf.requestUri || f.id == hf.requestVersion || f.id == hf.responsePhrase) {
            out += ' ';
            text::appendFormatted(out, d.valueText(f));
            if (f.id != hf.requestUri) out += ' ';
        } else if (f.id == hf.responseCode) {
            out += ' ';
            const std::uint64_t code = f.number;
            out += static_cast<char>('0' + code / 100 % 10);
            out += static_cast<char>('0' + code / 10 % 10);
            out += static_cast<char>('0' + code % 10);
            if (!layer.has(hf.responsePhrase)) out += ' ';
        } else if (f.id == hf.contentType) {
            contentType = d.valueText(f);
        }
    }
    finish();
}

struct HeaderName {
    std::string_view name;  // lower case, with the colon
    FieldId* id;
};

// Records the first line and the header fields of the message in `text` (up to its blank
// line). Returns the field that starts it (for its Info suffix), or kNoField.
std::uint32_t recordHeader(DissectContext& ctx, std::uint16_t layer, std::uint32_t at, std::string_view text)
{
    const HeaderName kHeaders[] = {
        {"host:", &hf.host}, {"user-agent:", &hf.userAgent}, {"content-type:", &hf.contentType},
        {"content-length:", &hf.contentLengthHeader}, {"server:", &hf.server}, {"connection:", &hf.connection},
        {"accept:", &hf.accept}, {"referer:", &hf.referer}, {"location:", &hf.location},
        {"content-encoding:", &hf.contentEncoding}, {"transfer-encoding:", &hf.transferEncoding},
        {"cookie:", &hf.cookie}, {"set-cookie:", &hf.setCookie}, {"date:", &hf.date},
        {"cache-control:", &hf.cacheControl}, {"last-modified:", &hf.lastModified},
        {"accept-language:", &hf.acceptLanguage}, {"accept-encoding:", &hf.acceptEncoding},
        {"authorization:", &hf.authorization}, {"upgrade:", &hf.upgrade}};
    Dissection& out = ctx.out;
    const auto addText = [&](FieldId id, std::size_t rel, std::string_view value) {
        return out.addTextField(id, layer, at + static_cast<std::uint32_t>(rel), static_cast<std::uint32_t>(value.size()), value);
    };
    text::Line line;
    if (!text::lineAt(text, 0, line)) return Dissection::kNoField;
    std::uint32_t firstField = Dissection::kNoField;
    const std::string_view l = line.text;
    if (l.substr(0, 5) == "HTTP/") {
        out.addField(hf.response, layer, at, 0, 1);
        const std::size_t sp = l.find(' ');
        firstField = addText(hf.responseVersion, 0, l.substr(0, sp));
        if (sp != std::string_view::npos && sp + 4 <= l.size() && text::isDigit(l[sp + 1]) && text::isDigit(l[sp + 2]) &&
            text::isDigit(l[sp + 3])) {
            const unsigned code = static_cast<unsigned>((l[sp + 1] - '0') * 100 + (l[sp + 2] - '0') * 10 + (l[sp + 3] - '0'));
            out.addField(hf.responseCode, layer, at + static_cast<std::uint32_t>(sp + 1), 3, code);
            if (sp + 5 <= l.size()) addText(hf.responsePhrase, sp + 5, l.substr(sp + 5));
        }
    } else {
        out.addField(hf.request, layer, at, 0, 1);
        const std::size_t sp1 = l.find(' ');
        firstField = addText(hf.requestMethod, 0, l.substr(0, sp1));
        if (sp1 != std::string_view::npos) {
            const std::size_t sp2 = l.find(' ', sp1 + 1);
            addText(hf.requestUri, sp1 + 1, l.substr(sp1 + 1, sp2 == std::string_view::npos ? std::string_view::npos : sp2 - sp1 - 1));
            if (sp2 != std::string_view::npos) addText(hf.requestVersion, sp2 + 1, l.substr(sp2 + 1));
        }
    }
    std::size_t pos = line.next;
    for (int guard = 0; guard < 256 && text::lineAt(text, pos, line) && line.length > 0; ++guard) {
        pos = line.next;
        for (const HeaderName& h : kHeaders) {
            if (!startsWithCi(line.text, h.name)) continue;
            std::size_t v = h.name.size();
            while (v < line.length && (line.text[v] == ' ' || line.text[v] == '\t')) ++v;
            addText(*h.id, line.start + v, line.text.substr(v));
            if (h.id == &hf.contentLengthHeader) {
                std::uint64_t n = 0;
                for (std::size_t i = v; i < line.length && text::isDigit(line.text[i]) && n < (1ull << 60); ++i)
                    n = n * 10 + static_cast<unsigned>(line.text[i] - '0');
                out.addField(hf.contentLength, layer, at + static_cast<std::uint32_t>(line.start + v),
                             static_cast<std::uint32_t>(line.length - v), n);
            }
            break;
        }
    }
    return firstField;
}

// The segment completing a message whose header an earlier segment began: the header kept
// then (with this segment's bytes when the header itself went on here) gives the fields.
void completeMessage(DissectContext& ctx, std::uint16_t layer, const TcpPdu&, const Payload& segment)
{
    if (!ctx.pduPrefixes) return;
    // What was kept: the first segment and, as far as there was room, those that followed.
    const ByteSpan kept = ctx.pduPrefixes->find(ctx.tcpDirection);
    if (kept.empty()) return;
    const std::string_view text = text::asText(kept);
    const HttpHead head = parseHead(text);
    const std::uint32_t first = recordHeader(ctx, layer, ctx.out.layer(layer).offset, text);
    const ByteSpan body = kept.subspan(std::min(kept.size(), head.headerEnd));
    const bool xml = head.xml || bodyLooksLikeXml(body, head.coding);
    const bool hasBody = head.complete && (!head.hasLength || head.contentLength > 0) &&
                         (head.hasLength || kept.size() + segment.data.size() > head.headerEnd);
    if (first != Dissection::kNoField && hasBody) ctx.out.setAux(first, suffixFor(head, body, xml));
    ctx.setInfo(hasBody && isOcsp(head.mediaType) ? writeOcspInfo : writeInfo, layer);
    ctx.pduPrefixes->drop(ctx.tcpDirection);
}

bool isResponse(std::string_view text) { return text.substr(0, 5) == "HTTP/"; }

// Messages that follow a complete one in the same segment (pipelined requests) add their
// first lines and fields too, as Wireshark's loop over the segment does. Returns where bytes
// that start no message begin (Wireshark's next "Continuation"), npos when there are none or
// a message's end is not known.
std::size_t recordFollowing(DissectContext& ctx, LayerCursor& c, std::string_view text, HttpHead head)
{
    constexpr std::size_t kNone = std::string_view::npos;
    std::size_t at = 0;
    for (int guard = 0; guard < 16; ++guard) {
        if (!head.complete || head.chunked) return kNone;
        // RFC 9112 §6.3: a request without Content-Length or chunked coding has no body.
        if (!head.hasLength && (head.chunked || isResponse(text.substr(at)))) return kNone;
        const std::uint64_t next = at + head.headerEnd + (head.hasLength ? head.contentLength : 0);
        if (next >= text.size()) return kNone;
        at = static_cast<std::size_t>(next);
        const std::string_view rest = text.substr(at);
        if (!startsMessage(rest)) return at;
        head = parseHead(rest);
        const std::uint32_t first = recordHeader(ctx, c.layer(), c.absolute(at), rest);
        const ByteSpan body = c.data().subspan(std::min(c.data().size(), at + head.headerEnd));
        if (first != Dissection::kNoField && head.complete && !body.empty())
            ctx.out.setAux(first, suffixFor(head, body, head.xml || bodyLooksLikeXml(body, head.coding)));
    }
    return kNone;
}

// The current segment's SYN flag, from the TCP layer's fields.
bool segmentIsSyn(const DissectContext& ctx)
{
    const auto fields = ctx.out.fields();
    for (auto it = fields.rbegin(); it != fields.rend(); ++it)
        if (it->id == field::TcpFlags) return (it->number & 0x02) != 0;
    return false;
}

// After a fence the next message's col_set_str appends with no separator.
void writeContinuation(const LayerView&, std::string& out) { out += "Continuation"; }

// The port of a CONNECT request's authority ("host:443 HTTP/1.1"); 0 when it names none.
std::uint16_t connectPort(std::string_view rest)
{
    const std::string_view authority = rest.substr(0, rest.find_first_of(" \r\n"));
    const std::size_t colon = authority.rfind(':');
    if (colon == std::string_view::npos) return 0;
    unsigned port = 0;
    for (char ch : authority.substr(colon + 1)) {
        if (!text::isDigit(ch) || port > 65535) return 0;
        port = port * 10 + static_cast<unsigned>(ch - '0');
    }
    return port <= 65535 ? static_cast<std::uint16_t>(port) : 0;
}

// A response whose body, lacking a length, runs until the connection closes (RFC 9112 §6.3):
// not 1xx, 204 or 304, nor the answer to HEAD or CONNECT.
bool bodyUntilClose(const DissectContext& ctx, std::string_view text)
{
    if (!isResponse(text)) return false;
    if (ctx.tcpConversation && ctx.tcpConversation->httpNoBodyMethod != 0) return false;
    const std::size_t sp = text.find(' ');
    if (sp == std::string_view::npos || sp + 4 > text.size()) return true;
    const std::string_view code = text.substr(sp + 1, 3);
    return code[0] != '1' && code != "204" && code != "304";
}

// A message that goes on in later segments: Wireshark's HTTP has put its first line (and a
// space) in Info before it asks TCP for more, and does so again each time it is called anew.
void writeFirstLine(const LayerView& layer, std::string& out)
{
    text::appendFormatted(out, layer.dissection().infoText());
    out += ' ';
}

void showFirstLine(DissectContext& ctx, std::uint16_t layer, std::string_view message)
{
    // Only a complete first line: before its end HTTP asks for more without naming anything
    // (tvb_find_line_end: a CR at the end may still be followed by its LF).
    const std::size_t end = message.find_first_of("\r\n");
    if (end == std::string_view::npos || (message[end] == '\r' && end + 1 == message.size())) return;
    ctx.out.setInfoText(message.substr(0, end));
    ctx.setInfo(writeFirstLine, layer);
}

// Called anew on a segment of a message whose header began earlier (kept in pduPrefixes).
void firstLineAgain(DissectContext& ctx, std::uint16_t layer, const TcpPdu&)
{
    if (!ctx.pduPrefixes) return;
    const ByteSpan kept = ctx.pduPrefixes->find(ctx.tcpDirection);
    if (!kept.empty()) showFirstLine(ctx, layer, text::asText(kept));
}

// The header went on past the segment before (req_resp_hdrs_do_reassembly asked for one more
// segment): with this one kept too, is it complete, and how much body follows? saved[0]
// counts the message's bytes up to the segment before this one.
std::size_t moreHeader(DissectContext& ctx, TcpPdu& pdu, const Payload& segment, std::size_t)
{
    const std::size_t before = pdu.saved[0];
    pdu.saved[0] = static_cast<std::uint32_t>(std::min<std::size_t>(before + segment.reported, 0xffffffffu));
    if (!ctx.pduPrefixes) return 0;
    const ByteSpan kept = ctx.pduPrefixes->find(ctx.tcpDirection);
    const HttpHead head = parseHead(text::asText(kept));
    if (!head.complete) {
        // Kept bytes full: the header cannot be seen whole; take what came as the message.
        return kept.size() >= PduPrefixes::kBytes ? 0 : 1;
    }
    const std::size_t total = pdu.saved[0];
    if (head.hasLength) {
        const std::uint64_t end = head.headerEnd + head.contentLength;
        if (end <= total) return 0;
        pdu.again = nullptr;  // the length is known: TCP collects the rest without asking HTTP
        pdu.wholeSegments = false;
        pdu.more = nullptr;
        return static_cast<std::size_t>(std::min<std::uint64_t>(end - total, 0x7fffffff));
    }
    if (!head.chunked && bodyUntilClose(ctx, text::asText(kept))) {
        pdu.again = nullptr;  // TCP collects until the FIN without asking HTTP
        pdu.more = nullptr;
        pdu.untilFin = true;
        return 0x7fffffff;
    }
    if (head.chunked && head.headerEnd >= before) {
        bool resume = false;
        const std::size_t need = chunkedNeed(text::asText(segment.data), head.headerEnd - before, resume);
        pdu.more = moreChunks;
        pdu.resumeAtStart = resume;
        pdu.wholeSegments = false;
        return need;
    }
    return 0;
}

// Data that starts no message and holds no whole line: HTTP asks TCP for one more segment
// until a line ends (tvb_find_line_end while desegmenting). tshark shows nothing of such a
// reassembled line: the segment that ends it stays TCP, with no note.
std::size_t moreLine(DissectContext&, TcpPdu&, const Payload& segment, std::size_t)
{
    const bool line = text::asText(segment.data).find('\n') != std::string_view::npos;
    return line || segment.data.size() < segment.reported ? 0 : 1;
}

void completeLine(DissectContext& ctx, std::uint16_t layer, const TcpPdu&, const Payload&)
{
    hideLayer(ctx.out, layer);
}

bool dissectHttp(DissectContext& ctx, const Payload& p)
{
    // After CONNECT's 2xx the connection carries what the tunnel's port names (TLS for 443),
    // as Wireshark's HTTP hands it to the port's dissector.
    if (const TcpConversation* conv = ctx.tcpConversation; conv && conv->httpTunnel) {
        if (conv->httpConnectPort == 0 ||
            !dissectByPort(ctx, Transport::Tcp, conv->httpConnectPort, conv->httpConnectPort, p))
            dissectData(ctx, p);
        return true;
    }
    const std::string_view text = text::asText(p.data);
    LayerCursor c(ctx, "HTTP", "http", p.data, p.at, p.reported);
    // After a 101 to WebSocket, HTTP hands the connection on without an item of its own.
    if (websocket::dissectUpgraded(ctx, p) || http2::dissectUpgraded(ctx, p)) {
        c.notInTree();
        // A segment that only carries part of a frame names no protocol above TCP.
        const auto layers = ctx.out.layers();
        if (std::none_of(layers.begin() + c.layer() + 1, layers.end(), [](const LayerRecord& l) { return l.listed; }))
            c.unlisted();
        return true;
    }
    if (!startsMessage(text)) {
        // Continuation data is HTTP only inside a conversation already seen speaking HTTP;
        // otherwise Wireshark's HTTP dissector declines it and it stays TCP segment data.
        if (ctx.tcpConversation && ctx.tcpConversation->httpSeen) {
            if (ctx.desegment && ctx.tcpDirection && p.data.size() >= p.reported && !segmentIsSyn(ctx) &&
                text.find('\n') == std::string_view::npos) {
                TcpPdu pdu{"TCP", "HTTP", "http", {}, {}};
                pdu.more = moreLine;
                pdu.wholeSegments = true;
                pdu.complete = completeLine;
                startTcpPdu(ctx, pdu, 1, c.layer());
                return true;
            }
            ctx.setProtocol("HTTP");
            ctx.setInfo(writeInfo, c.layer());
            dissectData(ctx, p);  // the bytes HTTP cannot place are data
        } else {
            hideLayer(ctx.out, c.layer());
        }
        return true;
    }
    if (TcpConversation* conv = ctx.tcpConversation) {
        conv->httpSeen = true;
        if (!isResponse(text)) {
            conv->httpNoBodyMethod = text.substr(0, 5) == "HEAD " ? 1 : text.substr(0, 8) == "CONNECT " ? 2 : 0;
            if (conv->httpNoBodyMethod == 2) conv->httpConnectPort = connectPort(text.substr(8));
        } else if (conv->httpNoBodyMethod == 2 && text.size() > 9 && text[9] == '2') {
            conv->httpTunnel = true;  // later bytes are the tunnel's, whichever way they go
        }
    }
    HttpHead head = parseHead(text);
    // TCP desegments no segment whose payload the capture cut: HTTP reads what is there and
    // runs into the cut (Wireshark's exception) where the header goes on past it, before it
    // sets any column when even the first line is cut.
    const bool desegment = ctx.desegment && p.data.size() >= p.reported;
    if (!desegment && !head.complete && p.data.size() < p.reported) {
        text::Line line;
        if (text::lineAt(text, 0, line) && line.terminated) {
            recordHeader(ctx, c.layer(), c.absolute(0), text);
            ctx.setProtocol("HTTP");
            ctx.setInfo(writeInfo, c.layer());
        }
        c.fail(ParseStatus::Truncated);
        return true;
    }
    // RFC 9110 §9.3.2: the answer to HEAD has no body whatever its Content-Length says.
    if (isResponse(text) && ctx.tcpConversation && ctx.tcpConversation->httpNoBodyMethod == 1) head.contentLength = 0;
    const std::size_t bodyHere = head.complete ? p.reported - std::min(p.reported, head.headerEnd) : 0;
    const ByteSpan bodyBytes = p.data.subspan(std::min(p.data.size(), head.headerEnd));
    const bool xmlBody = bodyLooksLikeXml(bodyBytes, head.coding);
    const bool xml = bodyHere > 0 && (head.xml || xmlBody);
    std::size_t needed = 0;
    bool resumeAtStart = false;
    if (!head.complete) {
        needed = 1;  // the header goes on in the next segment; its length is not known yet
    } else if (head.hasLength && head.contentLength > bodyHere) {
        needed = static_cast<std::size_t>(head.contentLength - bodyHere);
    } else if (head.chunked && !head.hasLength) {
        needed = chunkedNeed(text, head.headerEnd, resumeAtStart);
    } else if (!head.hasLength && bodyUntilClose(ctx, text)) {
        needed = kTcpPduUntilFin;  // RFC 9112 §6.3: the body runs until the connection closes
    }
    const bool json = head.mediaType.size() == 16 && startsWithCi(head.mediaType, "application/json");
    const bool ocsp = isOcsp(head.mediaType) && head.hasLength && head.contentLength > 0;
    const std::string_view protocol = ocsp                     ? "OCSP"
                                      : head.xml || xmlBody ? "HTTP/XML"
                                      : json && (!head.hasLength || head.contentLength > 0) ? "HTTP/JSON"
                                                                                              : "HTTP";
    std::size_t trailing = std::string_view::npos;
    if (!desegment || !ctx.tcpDirection || needed == 0) {
        const std::uint32_t first = recordHeader(ctx, c.layer(), c.absolute(0), text);
        if (first != Dissection::kNoField && bodyHere > 0) ctx.out.setAux(first, suffixFor(head, bodyBytes, xml));
        ctx.setInfo(writeInfo, c.layer());
        trailing = recordFollowing(ctx, c, text, head);
        if (ocsp && needed == 0) ctx.setInfo(writeOcspInfo, c.layer());
    }
    // Bytes after the last message that start none: Wireshark's loop makes them a message of
    // their own, a continuation whose bytes are data.
    const auto continuation = [&] {
        if (trailing >= p.data.size()) return;
        // Without a whole line HTTP asks TCP for more instead, but TCP desegments no SYN.
        if (desegment && !segmentIsSyn(ctx) && text.find('\n', trailing) == std::string_view::npos) return;
        dissectData(ctx, Payload{p.data.subspan(trailing), p.reported - trailing, c.absolute(trailing)});
        ctx.appendInfo(writeContinuation, c.layer(), "");
    };
    if (!desegment) {
        ctx.setProtocol(ocsp && bodyHere > 0 ? "OCSP" : xml ? "HTTP/XML" : json && bodyHere > 0 ? "HTTP/JSON" : "HTTP");
        continuation();
        return true;
    }
    const bool hasBody = head.chunked && !head.hasLength ? bodyHere > 5 || needed > 0 : head.hasLength && head.contentLength > 0;
    const BodyLayer body = !hasBody ? BodyLayer{}
                           : xmlBody ? BodyLayer{"eXtensible Markup Language", "xml"}
                                     : bodyLayerFor(head.mediaType, bodyBytes);
    if (needed == 0 && bodyHere > 0 && !body.filter.empty())
        ctx.out.addLayer(body.name, body.filter, c.absolute(head.headerEnd),
                         static_cast<std::uint32_t>(p.data.size() - std::min(p.data.size(), head.headerEnd)),
                         ctx.inReassembled);
    if (needed == 0) continuation();
    TcpPdu pdu{protocol, "HTTP", "http", body.name, body.filter};
    if (needed > 0 && ctx.pduPrefixes && ctx.tcpDirection) {
        ctx.pduPrefixes->save(ctx.tcpDirection, p.data);
        pdu.complete = completeMessage;
        pdu.wholeSegments = !head.complete;
        if (needed == kTcpPduUntilFin) {
            pdu.untilFin = true;
            pdu.wholeSegments = true;
        } else if (!head.complete) {
            pdu.more = moreHeader;
            pdu.again = firstLineAgain;
            pdu.saved[0] = static_cast<std::uint32_t>(std::min<std::size_t>(p.reported, 0xffffffffu));
        } else if (head.chunked && !head.hasLength) {
            // Each chunk still to come makes Wireshark ask for one more segment and call HTTP again.
            pdu.more = moreChunks;
            pdu.resumeAtStart = resumeAtStart;
            pdu.again = firstLineAgain;
        }
        if (ctx.desegment) showFirstLine(ctx, c.layer(), text);
    }
    startTcpPdu(ctx, pdu, needed, c.layer());
    if (needed == 0 && head.complete) {
        websocket::noteHttpMessage(ctx, p, text, head.headerEnd);
        http2::noteHttpMessage(ctx, p, text, head.headerEnd);
    }
    return true;
}

// Wireshark's HTTP heuristic for other ports: a request or status line of HTTP/1.x makes the
// conversation HTTP, and later segments follow it there.
bool dissectHttpHeuristic(DissectContext& ctx, const Payload& p)
{
    if (ctx.tcpConversation && ctx.tcpConversation->httpSeen) return dissectHttp(ctx, p);
    const std::string_view text = text::asText(p.data);
    if (!startsMessage(text)) return false;
    text::Line line;
    if (!text::lineAt(text, 0, line) || !line.terminated) return false;
    const bool http1 = line.text.substr(0, 7) == "HTTP/1." ||
                       (line.length > 9 && line.text.substr(line.length - 9, 8) == " HTTP/1.");
    if (!http1) return false;
    return dissectHttp(ctx, p);
}

// SSDP (UPnP discovery) is HTTP over UDP: Wireshark's HTTP dissector under another name.
bool dissectSsdp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "SSDP", "ssdp", p.data, p.at, p.reported);
    ctx.setProtocol("SSDP");
    const std::string_view text = text::asText(p.data);
    const HttpHead head = parseHead(text);
    const std::uint32_t first = recordHeader(ctx, c.layer(), c.absolute(0), text);
    const ByteSpan body = p.data.subspan(std::min(p.data.size(), head.headerEnd));
    if (first != Dissection::kNoField && head.complete && !body.empty()) ctx.out.setAux(first, suffixFor(head, body, false));
    ctx.setInfo(writeInfo, c.layer());
    return true;
}

}  // namespace

void registerHttp(ProtocolRegistrar& r)
{
    r.protocol("http");
    hf.request = r.field({"http.request", "Request", FieldKind::Bool, 8});
    hf.response = r.field({"http.response", "Response", FieldKind::Bool, 8});
    hf.requestMethod = r.field({"http.request.method", "Request Method", FieldKind::String});
    hf.requestUri = r.field({"http.request.uri", "Request URI", FieldKind::String});
    hf.requestVersion = r.field({"http.request.version", "Request Version", FieldKind::String});
    hf.responseVersion = r.field({"http.response.version", "Response Version", FieldKind::String});
    hf.responseCode = r.field({"http.response.code", "Status Code", FieldKind::Unsigned, 16});
    hf.responsePhrase = r.field({"http.response.phrase", "Response Phrase", FieldKind::String});
    hf.host = r.field({"http.host", "Host", FieldKind::String});
    hf.userAgent = r.field({"http.user_agent", "User-Agent", FieldKind::String});
    hf.contentType = r.field({"http.content_type", "Content-Type", FieldKind::String});
    hf.contentLengthHeader = r.field({"http.content_length_header", "Content-Length", FieldKind::String});
    hf.contentLength = r.field({"http.content_length", "Content length", FieldKind::Unsigned, 64});
    hf.server = r.field({"http.server", "Server", FieldKind::String});
    hf.connection = r.field({"http.connection", "Connection", FieldKind::String});
    hf.accept = r.field({"http.accept", "Accept", FieldKind::String});
    hf.referer = r.field({"http.referer", "Referer", FieldKind::String});
    hf.location = r.field({"http.location", "Location", FieldKind::String});
    hf.contentEncoding = r.field({"http.content_encoding", "Content-Encoding", FieldKind::String});
    hf.transferEncoding = r.field({"http.transfer_encoding", "Transfer-Encoding", FieldKind::String});
    hf.cookie = r.field({"http.cookie", "Cookie", FieldKind::String});
    hf.setCookie = r.field({"http.set_cookie", "Set-Cookie", FieldKind::String});
    hf.date = r.field({"http.date", "Date", FieldKind::String});
    hf.cacheControl = r.field({"http.cache_control", "Cache-Control", FieldKind::String});
    hf.lastModified = r.field({"http.last_modified", "Last-Modified", FieldKind::String});
    hf.acceptLanguage = r.field({"http.accept_language", "Accept-Language", FieldKind::String});
    hf.acceptEncoding = r.field({"http.accept_encoding", "Accept Encoding", FieldKind::String});
    hf.authorization = r.field({"http.authorization", "Authorization", FieldKind::String});
    hf.upgrade = r.field({"http.upgrade", "Upgrade", FieldKind::String});
    for (const std::uint16_t port : {80, 8080})
        r.tcpPort(port, dissectHttp);
    r.tcpHeuristic(dissectHttpHeuristic);
    r.protocol("ssdp");
    r.udpPort(1900, dissectSsdp);
}

}  // namespace rcvmon

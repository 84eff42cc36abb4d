// SPDX-License-Identifier: GPL-2.0-or-later
// HTTP/1.x (RFC 9112) over TCP, far enough for the Protocol column: a request or status line
// starts a message, Content-Length says how far its body reaches (so the segments between
// stay "TCP" when reassembling), and an XML body makes it "HTTP/XML" as in Wireshark.
#include "dissect/protocols/context.h"
#include "dissect/protocols/http_body.h"
#include "dissect/tcp_conversations.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace rcvmon {
namespace {

constexpr std::string_view kStarts[] = {"HTTP/", "GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ",
                                        "CONNECT ", "TRACE ", "PATCH "};

bool startsWithCi(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
    return true;
}

struct HttpHead {
    bool complete = false;       // the blank line ending the header was seen
    std::size_t headerEnd = 0;   // bytes up to and including it
    std::uint64_t contentLength = 0;
    bool hasLength = false;
    bool xml = false;
    std::string_view mediaType;  // Content-Type without parameters
    ContentCoding coding = ContentCoding::Identity;
};

// The layer Wireshark's media-type table gives an HTTP body; none when the type is not given.
struct BodyLayer {
    std::string_view name, filter;
};
BodyLayer bodyLayerFor(std::string_view mediaType)
{
    if (mediaType.empty()) return {};
    constexpr std::string_view kText[] = {"text/html", "text/plain", "text/css", "text/javascript",
                                          "application/javascript", "application/x-javascript"};
    for (std::string_view t : kText)
        if (mediaType.size() == t.size() && startsWithCi(mediaType, t)) return {"Line-based text data", "data-text-lines"};
    if (mediaType.find("xml") != std::string_view::npos) return {"eXtensible Markup Language", "xml"};
    if (mediaType.size() == 16 && startsWithCi(mediaType, "application/json")) return {"JavaScript Object Notation", "json"};
    return {"Media Type", "media"};
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
    const std::size_t end = text.find("\r\n\r\n");
    const std::string_view head = text.substr(0, end == std::string_view::npos ? text.size() : end);
    if (end != std::string_view::npos) {
        h.complete = true;
        h.headerEnd = end + 4;
    }
    std::size_t pos = head.find("\r\n");
    while (pos != std::string_view::npos && pos + 2 < head.size()) {
        const std::size_t start = pos + 2;
        pos = head.find("\r\n", start);
        const std::string_view line = head.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start);
        if (startsWithCi(line, "content-length:")) {
            std::uint64_t v = 0;
            bool digits = false;
            for (char ch : line.substr(15)) {
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
        } else if (startsWithCi(line, "content-type:")) {
            h.xml = line.find("xml") != std::string_view::npos;
            const std::string_view value = line.substr(13);
            h.mediaType = trim(value.substr(0, value.find(';')));
        } else if (startsWithCi(line, "content-encoding:")) {
            h.coding = contentCodingOf(line.substr(17));
        }
    }
    return h;
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

}  // namespace

void dissectHttp(DissectContext& ctx, const Payload& p)
{
    const std::string_view text(reinterpret_cast<const char*>(p.data.data()), p.data.size());
    const bool start = std::any_of(std::begin(kStarts), std::end(kStarts),
                                   [&](std::string_view s) { return text.substr(0, s.size()) == s; });
    LayerCursor c(ctx, "HTTP", "http", p.data, p.at, p.reported);
    if (!start) {
        // Continuation data is HTTP only inside a conversation already seen speaking HTTP;
        // otherwise Wireshark's HTTP dissector declines it and it stays TCP segment data.
        if (ctx.tcpConversation && ctx.tcpConversation->httpSeen) {
            ctx.setProtocol("HTTP");
        } else {
            hideLayer(ctx.out, c.layer());
        }
        return;
    }
    if (ctx.tcpConversation) ctx.tcpConversation->httpSeen = true;
    const HttpHead head = parseHead(text);
    const std::size_t bodyHere = head.complete ? p.reported - std::min(p.reported, head.headerEnd) : 0;
    const bool xmlBody = bodyLooksLikeXml(p.data.subspan(std::min(p.data.size(), head.headerEnd)), head.coding);
    const bool xml = bodyHere > 0 && (head.xml || xmlBody);
    if (!ctx.desegment) {
        ctx.setProtocol(xml ? "HTTP/XML" : "HTTP");
        return;
    }
    std::size_t needed = 0;
    if (!head.complete) {
        needed = 1;  // the header goes on in the next segment; its length is not known yet
    } else if (head.hasLength && head.contentLength > bodyHere) {
        needed = static_cast<std::size_t>(head.contentLength - bodyHere);
    }
    const BodyLayer body = !head.hasLength || head.contentLength == 0 ? BodyLayer{}
                           : xmlBody ? BodyLayer{"eXtensible Markup Language", "xml"}
                                     : bodyLayerFor(head.mediaType);
    if (needed == 0 && bodyHere > 0 && !body.filter.empty())
        ctx.out.addLayer(body.name, body.filter, c.absolute(head.headerEnd),
                         static_cast<std::uint32_t>(p.data.size() - std::min(p.data.size(), head.headerEnd)),
                         ctx.inReassembled);
    startTcpPdu(ctx, TcpPdu{head.xml || xmlBody ? "HTTP/XML" : "HTTP", "HTTP", "http", body.name, body.filter}, needed,
                c.layer());
}

}  // namespace rcvmon

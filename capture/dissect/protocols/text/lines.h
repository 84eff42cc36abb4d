// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to the line-based application protocols (FTP, SMTP, POP, IMAP, IRC, SIP, HTTP):
// lines as Wireshark's tvb_find_line_end cuts them, tokens as its get_token_len does, the
// text of a line as format_text shows it, and the TCP ports the segment travels between.
#pragma once

#include "dissect/protocols/context.h"
#include "dissect/tcp_conversations.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rcvmon::text {

inline std::string_view asText(ByteSpan bytes) { return {reinterpret_cast<const char*>(bytes.data()), bytes.size()}; }

struct Line {
    std::size_t start = 0, length = 0;  // without its end of line
    std::size_t next = 0;               // where the next line starts
    bool terminated = false;            // a CR or LF ended it (not the end of the bytes)
    std::string_view text;
};

// The line at `from`: it ends at CR, LF or CRLF (tvb_find_line_end); without one it runs to
// the end of the bytes. False when `from` is past the end.
inline bool lineAt(std::string_view bytes, std::size_t from, Line& line)
{
    if (from >= bytes.size()) return false;
    std::size_t i = from;
    while (i < bytes.size() && bytes[i] != '\r' && bytes[i] != '\n') ++i;
    line.start = from;
    line.length = i - from;
    line.text = bytes.substr(from, i - from);
    line.terminated = i < bytes.size();
    if (i < bytes.size() && bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
        line.next = i + 2;
    } else {
        line.next = i < bytes.size() ? i + 1 : i;
    }
    return true;
}

// The first token of `line` (up to a space) and where the next one starts after the spaces
// (get_token_len).
inline std::size_t tokenLength(std::string_view line, std::size_t& nextToken)
{
    std::size_t i = 0;
    while (i < line.size() && line[i] != ' ') ++i;
    const std::size_t len = i;
    while (i < line.size() && line[i] == ' ') ++i;
    nextToken = i;
    return len;
}

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isPrint(std::uint8_t c) { return c >= 0x20 && c < 0x7f; }

// Wireshark's format_text: control characters as C escapes (octal where C has no letter),
// valid UTF-8 as it is, each ill-formed sequence as one U+FFFD.
inline void appendFormatted(std::string& out, std::string_view s)
{
    constexpr std::string_view kReplacement = "\xef\xbf\xbd";
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<std::uint8_t>(s[i]);
        if (c >= 0x80) {
            const std::size_t need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
            std::size_t j = i + 1;
            while (j < s.size() && j - i <= need && (static_cast<std::uint8_t>(s[j]) & 0xc0) == 0x80) ++j;
            if (need == 0 && c >= 0xc0) {
                // A lead byte no sequence may start with still takes its continuation bytes.
                const std::size_t want = c >= 0xf8 ? 0 : c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
                j = i + 1;
                while (j < s.size() && j - i <= want && (static_cast<std::uint8_t>(s[j]) & 0xc0) == 0x80) ++j;
                out += kReplacement;
                i = j;
                continue;
            }
            if (need != 0 && j - i == need + 1) {
                const auto b1 = static_cast<std::uint8_t>(s[i + 1]);
                const bool bad = (c == 0xe0 && b1 < 0xa0) || (c == 0xed && b1 >= 0xa0) || (c == 0xf0 && b1 < 0x90) ||
                                 (c == 0xf4 && b1 >= 0x90);
                if (!bad) {
                    out.append(s.substr(i, j - i));
                    i = j;
                    continue;
                }
            }
            out += kReplacement;
            i = need == 0 ? i + 1 : j;
            continue;
        }
        ++i;
        if (c >= 0x20 && c != 0x7f) {
            out += static_cast<char>(c);
            continue;
        }
        out += '\\';
        switch (c) {
        case '\a': out += 'a'; break;
        case '\b': out += 'b'; break;
        case '\f': out += 'f'; break;
        case '\n': out += 'n'; break;
        case '\r': out += 'r'; break;
        case '\t': out += 't'; break;
        case '\v': out += 'v'; break;
        default:
            out += static_cast<char>('0' + ((c >> 6) & 3));
            out += static_cast<char>('0' + ((c >> 3) & 7));
            out += static_cast<char>('0' + (c & 7));
        }
    }
}

// The ports of the TCP (or UDP) header this payload follows: its last ones in the frame.
struct Ports {
    std::uint16_t src = 0, dst = 0;
};
inline Ports transportPorts(const DissectContext& ctx, bool udp = false)
{
    Ports p;
    const FieldId srcId = udp ? field::UdpSrcPort : field::TcpSrcPort;
    const FieldId dstId = udp ? field::UdpDstPort : field::TcpDstPort;
    // From the end: the header is the last one, usually a few fields back.
    const auto fields = ctx.out.fields();
    bool haveSrc = false, haveDst = false;
    for (std::size_t i = fields.size(); i-- > 0 && !(haveSrc && haveDst);) {
        const FieldRecord& f = fields[i];
        if (!haveSrc && f.id == srcId) {
            p.src = static_cast<std::uint16_t>(f.number);
            haveSrc = true;
        } else if (!haveDst && f.id == dstId) {
            p.dst = static_cast<std::uint16_t>(f.number);
            haveDst = true;
        }
    }
    return p;
}

// Records `text` as a text field covering `length` bytes at `rel` of the layer.
inline std::uint32_t addText(LayerCursor& c, FieldId id, std::size_t rel, std::string_view text)
{
    return c.ctx().out.addTextField(id, c.layer(), c.absolute(rel), static_cast<std::uint32_t>(text.size()), text);
}

// STARTTLS (RFC 3207, RFC 2595): once the server accepts it, the connection speaks TLS and
// Wireshark hands every later segment to its TLS dissector. TcpConversation::app[7] holds
// the state: 1 asked for, 2 accepted.
constexpr std::size_t kStartTlsWord = 7;
inline bool speaksTls(const DissectContext& ctx)
{
    return ctx.tcpConversation && ctx.tcpConversation->app[kStartTlsWord] == 2;
}
inline void startTlsAsked(DissectContext& ctx)
{
    if (ctx.tcpConversation) ctx.tcpConversation->app[kStartTlsWord] = 1;
}
inline void startTlsAnswered(DissectContext& ctx, bool accepted)
{
    if (ctx.tcpConversation && ctx.tcpConversation->app[kStartTlsWord] == 1)
        ctx.tcpConversation->app[kStartTlsWord] = accepted ? 2 : 0;
}

}  // namespace rcvmon::text

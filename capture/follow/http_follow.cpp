// SPDX-License-Identifier: GPL-2.0-or-later
// RFC 9112 (HTTP/1.1 message syntax): message framing by Content-Length, chunked
// transfer coding, or the end of the connection (§6).
#include "follow/http_follow.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

namespace rcvmon {

namespace {

bool equalsCi(std::string_view a, std::string_view b)
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); });
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// The end of the header block (just past the blank line), or npos.
std::size_t headerEnd(const std::vector<std::uint8_t>& b)
{
    for (std::size_t i = 0; i + 1 < b.size(); ++i) {
        if (b[i] != '\n') continue;
        if (b[i + 1] == '\n') return i + 2;
        if (b[i + 1] == '\r' && i + 2 < b.size() && b[i + 2] == '\n') return i + 3;
    }
    return std::string_view::npos;
}

bool isToken(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
}

// "METHOD target HTTP/x.y" or "HTTP/x.y code reason"; what the HTTP dissector accepts.
bool isStartLine(std::string_view line, bool& response, int& status, std::string_view& method)
{
    if (line.size() >= 5 && equalsCi(line.substr(0, 5), "HTTP/")) {
        const std::size_t sp = line.find(' ');
        if (sp == std::string_view::npos || sp + 4 > line.size()) return false;
        const std::string_view code = line.substr(sp + 1, 3);
        if (!std::all_of(code.begin(), code.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) return false;
        response = true;
        status = std::stoi(std::string(code));
        return true;
    }
    const std::size_t sp = line.find(' ');
    if (sp == std::string_view::npos || !isToken(line.substr(0, sp))) return false;
    // "METHOD target HTTP/x.y", or a known method with less ("OPTIONS HTTP/1.1").
    static constexpr std::string_view kMethods[] = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PATCH"};
    const std::size_t last = line.rfind(' ');
    const bool versioned = last != sp && line.size() >= last + 6 && equalsCi(line.substr(last + 1, 5), "HTTP/");
    if (!versioned && std::find(std::begin(kMethods), std::end(kMethods), line.substr(0, sp)) == std::end(kMethods)) return false;
    response = false;
    method = line.substr(0, sp);
    return true;
}

// Whether `b` can still begin a start line: a prefix of "HTTP/" or an upper-case method.
bool plausibleStart(const std::vector<std::uint8_t>& b)
{
    std::size_t i = 0;
    while (i < b.size() && (b[i] == '\r' || b[i] == '\n')) ++i;
    static constexpr std::string_view kHttp = "HTTP/";
    bool http = true;
    for (std::size_t j = i; j < b.size() && j - i < kHttp.size(); ++j) http = http && std::toupper(b[j]) == kHttp[j - i];
    if (http) return true;
    for (std::size_t j = i; j < b.size(); ++j) {
        if (b[j] == ' ') return j > i;
        if (!std::isupper(b[j]) && b[j] != '-' && b[j] != '_') return false;
    }
    return true;
}

// gzip or zlib/deflate (raw deflate when the zlib header is absent); empty on failure.
std::vector<std::uint8_t> inflateBody(ByteSpan in, bool gzip)
{
    std::vector<std::uint8_t> out;
    // gzip: its own header; deflate: zlib's, or raw deflate as some servers send it.
    const int tries[2] = {gzip ? 16 + MAX_WBITS : MAX_WBITS, gzip ? 0 : -MAX_WBITS};
    for (const int bits : tries) {
        if (bits == 0) break;
        z_stream z{};
        if (inflateInit2(&z, bits) != Z_OK) return {};
        out.clear();
        z.next_in = const_cast<Bytef*>(in.data());
        z.avail_in = static_cast<uInt>(in.size());
        int rc = Z_OK;
        std::uint8_t buffer[16384];
        while (rc == Z_OK) {
            z.next_out = buffer;
            z.avail_out = sizeof buffer;
            rc = inflate(&z, Z_NO_FLUSH);
            out.insert(out.end(), buffer, buffer + (sizeof buffer - z.avail_out));
            if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated: keep what decoded
            if (out.size() > (64u << 20)) break;             // a decompression bomb stops here
        }
        inflateEnd(&z);
        if (rc == Z_STREAM_END || (rc == Z_BUF_ERROR && !out.empty())) return out;
    }
    return {};
}

}  // namespace

void HttpFollower::add(const FollowChunk& chunk, ByteSpan data)
{
    Side& side = m_sides[chunk.server ? 1 : 0];
    if (chunk.ts == Timestamp{}) {
        // "[N bytes missing in capture file]": the message in progress cannot be completed.
        if (side.state != State::NotHttp) side = Side{};
        return;
    }
    if (side.state == State::NotHttp) return;
    // A segment that starts no message (a keep-alive byte, a stray line) is dropped when the
    // next one comes, as the dissector shows it as a continuation and taps nothing.
    if (side.state == State::Headers && !side.buffer.empty() && !plausibleStart(side.buffer)) side.buffer.clear();
    side.buffer.insert(side.buffer.end(), data.begin(), data.end());
    parse(chunk.server, chunk.frame, chunk.ts);
}

void HttpFollower::parse(bool server, std::uint64_t frame, Timestamp ts)
{
    Side& side = m_sides[server ? 1 : 0];
    while (!side.buffer.empty()) {
        switch (side.state) {
        case State::NotHttp: side.buffer.clear(); return;
        case State::Headers:
            if (!parseHeaders(server, side, frame, ts)) return;
            break;
        case State::Length: {
            if (side.buffer.size() < side.bodyLength) return;
            const std::vector<std::uint8_t> body(side.buffer.begin(), side.buffer.begin() + std::ptrdiff_t(side.bodyLength));
            side.buffer.erase(side.buffer.begin(), side.buffer.begin() + std::ptrdiff_t(side.bodyLength));
            emitBody(server, side, body, frame, ts);
            side.state = State::Headers;
            break;
        }
        case State::Chunked:
            if (!parseChunks(side)) return;
            emitBody(server, side, side.body, frame, ts);
            side.body.clear();
            side.state = State::Headers;
            break;
        case State::UntilClose:
            // The body runs to the end of the connection: each segment is passed on as it comes.
            emitBody(server, side, side.buffer, frame, ts);
            side.buffer.clear();
            return;
        }
    }
}

bool HttpFollower::parseHeaders(bool server, Side& side, std::uint64_t frame, Timestamp ts)
{
    // Blank lines between messages (a CRLF after a body) are skipped, as the dissector does.
    std::size_t skip = 0;
    while (skip < side.buffer.size() && (side.buffer[skip] == '\r' || side.buffer[skip] == '\n')) ++skip;
    if (skip) side.buffer.erase(side.buffer.begin(), side.buffer.begin() + std::ptrdiff_t(skip));
    const auto newline = std::find(side.buffer.begin(), side.buffer.end(), '\n');
    const std::string_view all(reinterpret_cast<const char*>(side.buffer.data()), side.buffer.size());
    bool response = false;
    int status = 0;
    std::string_view method;
    if (newline == side.buffer.end()) {
        // Not even a first line yet: what cannot become one is dropped, as the dissector
        // shows a segment that starts no message as a continuation and taps nothing.
        if (side.buffer.size() > 8 && !plausibleStart(side.buffer) && !isToken(all.substr(0, all.find(' ')))) side.buffer.clear();
        return false;
    }
    if (!isStartLine(trim(all.substr(0, std::size_t(newline - side.buffer.begin()))), response, status, method)) {
        side.buffer.erase(side.buffer.begin(), newline + 1);
        return !side.buffer.empty();
    }
    const std::size_t end = headerEnd(side.buffer);
    if (end == std::string_view::npos) return false;
    // The dissector reassembles the whole message (http.desegment_body) before its tap sees
    // the headers: they go out with the body, in the frame that completes it.
    side.head.assign(side.buffer.begin(), side.buffer.begin() + std::ptrdiff_t(end));

    std::optional<std::uint64_t> length;
    bool chunked = false;
    side.coding = Coding::Identity;
    const std::string_view head = all.substr(0, end);
    for (std::size_t at = head.find('\n') + 1; at < head.size();) {
        const std::size_t eol = head.find('\n', at);
        const std::string_view line = head.substr(at, eol - at);
        at = eol == std::string_view::npos ? head.size() : eol + 1;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view name = trim(line.substr(0, colon));
        const std::string_view value = trim(line.substr(colon + 1));
        if (equalsCi(name, "Content-Length")) {
            std::uint64_t n = 0;
            bool ok = !value.empty();
            for (const char c : value) ok = ok && std::isdigit(static_cast<unsigned char>(c)) && (n = n * 10 + std::uint64_t(c - '0'), true);
            if (ok) length = n;
        } else if (equalsCi(name, "Transfer-Encoding")) {
            chunked = value.size() >= 7 && equalsCi(value.substr(value.size() - 7), "chunked");
        } else if (equalsCi(name, "Content-Encoding")) {
            if (equalsCi(value, "gzip") || equalsCi(value, "x-gzip")) side.coding = Coding::Gzip;
            else if (equalsCi(value, "deflate")) side.coding = Coding::Deflate;
        }
    }
    side.buffer.erase(side.buffer.begin(), side.buffer.begin() + std::ptrdiff_t(end));
    if (!response) {
        if (method == "HEAD") ++m_pendingHead;
    }
    // RFC 9112 §6.3: responses to HEAD, 1xx, 204 and 304 have no body.
    bool noBody = false;
    if (response) {
        noBody = (status >= 100 && status < 200) || status == 204 || status == 304;
        if (status >= 200 && m_pendingHead > 0) {
            --m_pendingHead;
            noBody = true;
        }
    }
    if (noBody) side.state = State::Headers;
    else if (chunked) side.state = State::Chunked;
    else if (length) {
        side.bodyLength = *length;
        side.state = *length ? State::Length : State::Headers;
    } else side.state = response ? State::UntilClose : State::Headers;
    if (side.state == State::Headers || side.state == State::UntilClose) emitHead(server, side, frame, ts);
    return true;
}

bool HttpFollower::parseChunks(Side& side)
{
    // Chunks already decoded leave the buffer; side.body keeps their data.
    while (true) {
        const auto eol = std::find(side.buffer.begin(), side.buffer.end(), '\n');
        if (eol == side.buffer.end()) return false;
        const std::string_view line(reinterpret_cast<const char*>(side.buffer.data()), std::size_t(eol - side.buffer.begin()));
        std::uint64_t size = 0;
        std::size_t digits = 0;
        for (const char c : line) {
            const int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                          : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
            if (v < 0 || digits >= 15) break;
            size = size * 16 + std::uint64_t(v);
            ++digits;
        }
        if (digits == 0) {
            side.state = State::NotHttp;  // not chunked after all: stop following this side
            return false;
        }
        const std::size_t lineEnd = std::size_t(eol - side.buffer.begin()) + 1;
        if (size == 0) {
            // The last chunk, then trailer fields up to a blank line.
            std::size_t at = lineEnd;
            while (true) {
                const auto next = std::find(side.buffer.begin() + std::ptrdiff_t(at), side.buffer.end(), '\n');
                if (next == side.buffer.end()) return false;
                const std::size_t n = std::size_t(next - side.buffer.begin());
                const bool blank = n == at || (n == at + 1 && side.buffer[at] == '\r');
                at = n + 1;
                if (blank) break;
            }
            side.buffer.erase(side.buffer.begin(), side.buffer.begin() + std::ptrdiff_t(at));
            return true;
        }
        // The chunk's data and its CRLF.
        std::size_t need = lineEnd + size;
        if (side.buffer.size() < need + 1) return false;
        std::size_t after = need;
        if (side.buffer[after] == '\r') {
            if (side.buffer.size() < after + 2) return false;
            ++after;
        }
        if (side.buffer[after] == '\n') ++after;
        side.body.insert(side.body.end(), side.buffer.begin() + std::ptrdiff_t(lineEnd), side.buffer.begin() + std::ptrdiff_t(need));
        side.buffer.erase(side.buffer.begin(), side.buffer.begin() + std::ptrdiff_t(after));
    }
}

void HttpFollower::emitHead(bool server, Side& side, std::uint64_t frame, Timestamp ts)
{
    if (side.head.empty()) return;
    m_out.append(server, frame, ts, side.head);
    side.head.clear();
}

void HttpFollower::emitBody(bool server, Side& side, ByteSpan body, std::uint64_t frame, Timestamp ts)
{
    emitHead(server, side, frame, ts);
    if (body.empty()) return;
    if (side.coding != Coding::Identity && side.state != State::UntilClose) {
        const std::vector<std::uint8_t> plain = inflateBody(body, side.coding == Coding::Gzip);
        if (!plain.empty()) {
            m_out.append(server, frame, ts, plain);
            return;
        }
    }
    m_out.append(server, frame, ts, body);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "follow/follow_text.h"

#include <array>
#include <cstdio>

namespace rcvmon {
namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr std::string_view kSeparator = "===================================================================\n";

bool printable(std::uint8_t b) { return b >= 0x20 && b < 0x7f; }

// tshark's follow_print_hex: 16 bytes a line, offset in upper-case hex, an extra space after
// the eighth byte in both columns, the ASCII column cut after its last byte.
void appendHexDump(std::string& out, std::string_view prefix, std::uint64_t offset, ByteSpan data)
{
    constexpr std::size_t kHexStart = 10, kAsciiStart = 60;
    std::array<char, 80> line{};
    std::size_t jj = 0, kk = 0;
    for (std::size_t i = 0; i < data.size();) {
        if (i % 16 == 0) {
            std::snprintf(line.data(), line.size(), "%08X", static_cast<unsigned>(offset));
            for (std::size_t k = 8; k < kAsciiStart; ++k) line[k] = ' ';
            jj = kHexStart;
            kk = kAsciiStart;
        }
        const std::uint8_t b = data[i];
        line[jj++] = kHex[b >> 4];
        line[jj++] = kHex[b & 0xf];
        ++jj;
        line[kk++] = printable(b) ? static_cast<char>(b) : '.';
        if (++i % 16 == 8) {
            line[jj++] = ' ';
            line[kk++] = ' ';
        }
        if (i % 16 == 0 || i == data.size()) {
            if (line[kk - 1] == ' ') --kk;
            out += prefix;
            out.append(line.data(), kk);
            out += '\n';
            offset += 16;
        }
    }
}

// tshark ends each chunk with a line break; Wireshark's window runs the chunks together and
// keeps tabs (sanitize_buffer).
void appendAscii(std::string& out, ByteSpan data, bool window)
{
    for (std::uint8_t b : data) {
        const bool keep = b == '\r' || b == '\n' || (window && b == '\t') || printable(b);
        out += keep ? static_cast<char>(b) : '.';
    }
    if (!window) out += '\n';
}

void appendRaw(std::string& out, ByteSpan data)
{
    for (std::uint8_t b : data) {
        out += kHex[b >> 4];
        out += kHex[b & 0xf];
    }
    out += '\n';
}

void appendBase64(std::string& out, ByteSpan data)
{
    constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::size_t i = 0;
    for (; i + 3 <= data.size(); i += 3) {
        const std::uint32_t v = data[i] << 16 | data[i + 1] << 8 | data[i + 2];
        for (int s = 18; s >= 0; s -= 6) out += kAlphabet[(v >> s) & 63];
    }
    if (i + 1 == data.size()) {
        const std::uint32_t v = data[i] << 16;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += "==";
    } else if (i + 2 == data.size()) {
        const std::uint32_t v = data[i] << 16 | data[i + 1] << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += '=';
    }
}

// tshark's YAML chunk: base64 in lines of 57 input bytes (76 characters, as in RFCs).
void appendYamlChunk(std::string& out, const FollowChunk& c, ByteSpan data)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, "  - packet: %d\n    peer: %d\n", static_cast<int>(c.frame), c.server ? 1 : 0);
    out += buf;
    // nstime_to_sec: the time as a double, printed with nine decimals.
    const double seconds = static_cast<double>(c.ts.sec) + static_cast<double>(c.ts.nsec) / 1e9;
    std::snprintf(buf, sizeof buf, "    timestamp: %.9f\n", seconds);
    out += buf;
    out += "    data: !!binary |\n";
    for (std::size_t i = 0; i < data.size(); i += 57) {
        out += "      ";
        appendBase64(out, data.subspan(i, data.size() - i < 57 ? data.size() - i : 57));
        out += '\n';
    }
}

void appendCArray(std::string& out, const FollowChunk& c, ByteSpan data, std::uint32_t sideIndex)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, "char peer%d_%u[] = { /* Packet %llu */\n", c.server ? 1 : 0, sideIndex,
                  static_cast<unsigned long long>(c.frame));
    out += buf;
    for (std::size_t i = 0; i < data.size(); ++i) {
        out += "0x";
        out += kHex[data[i] >> 4];
        out += kHex[data[i] & 0xf];
        if (i + 1 < data.size()) out += (i % 8 == 7) ? ",\n" : ", ";
    }
    out += " };\n";
}

void appendYamlPeers(std::string& out, const FollowStream& s)
{
    out += "peers:\n";
    for (int peer = 0; peer < 2; ++peer) {
        const FollowEndpoint& e = peer == 0 ? s.client : s.server;
        out += "  - peer: " + std::to_string(peer) + "\n    host: " + e.address.text() +
               "\n    port: " + std::to_string(e.port) + "\n";
    }
    out += "packets:\n";
}

}  // namespace

std::string_view followFormatName(FollowFormat format)
{
    switch (format) {
    case FollowFormat::Ascii: return "ascii";
    case FollowFormat::HexDump: return "hex";
    case FollowFormat::Raw: return "raw";
    case FollowFormat::Yaml: return "yaml";
    case FollowFormat::CArrays: return "carray";
    }
    return "ascii";
}

std::optional<FollowFormat> followFormatFromName(std::string_view name)
{
    for (FollowFormat f : {FollowFormat::Ascii, FollowFormat::HexDump, FollowFormat::Raw, FollowFormat::Yaml})
        if (followFormatName(f) == name) return f;
    return std::nullopt;
}

std::string followEndpointText(const FollowEndpoint& e)
{
    const std::string host = e.address.text();
    const std::string port = std::to_string(e.port);
    return e.address.family == StatAddress::Family::Ipv6 ? "[" + host + "]:" + port : host + ":" + port;
}

void appendFollowReport(std::string& out, const FollowStream& s, FollowFormat format, std::uint32_t chunkMin,
                        std::uint32_t chunkMax)
{
    if (format == FollowFormat::Yaml) {
        appendYamlPeers(out, s);
    } else {
        out += '\n';
        out += kSeparator;
        out += "Follow: ";
        out += followProtocolName(s.protocol);
        out += ',';
        out += followFormatName(format);
        out += "\nFilter: " + s.filter + "\n";
        out += "Node 0: " + followEndpointText(s.client) + "\n";
        out += "Node 1: " + followEndpointText(s.server) + "\n";
    }
    std::array<std::uint64_t, 2> position{};
    std::uint32_t number = 0;
    for (const FollowChunk& c : s.chunks) {
        ++number;
        const ByteSpan data = s.data(c);
        std::uint64_t& pos = position[c.server ? 1 : 0];
        if (number < chunkMin || number > chunkMax) {
            pos += c.length;
            continue;
        }
        const std::string_view tab = c.server ? "\t" : "";
        switch (format) {
        case FollowFormat::Ascii:
            out += tab;
            out += std::to_string(c.length);
            out += '\n';
            appendAscii(out, data, false);
            break;
        case FollowFormat::HexDump:
            appendHexDump(out, tab, pos, data);
            pos += c.length;
            break;
        case FollowFormat::Raw:
            out += tab;
            appendRaw(out, data);
            break;
        case FollowFormat::Yaml: appendYamlChunk(out, c, data); break;
        case FollowFormat::CArrays: break;  // not one of tshark's modes
        }
    }
    if (format != FollowFormat::Yaml) out += kSeparator;
}

void appendFollowPreamble(std::string& out, const FollowStream& s, FollowFormat format)
{
    if (format == FollowFormat::Yaml) appendYamlPeers(out, s);
}

void appendFollowChunk(std::string& out, const FollowStream& s, const FollowChunk& c, FollowFormat format,
                       std::uint64_t sideOffset, std::uint32_t sideIndex)
{
    const ByteSpan data = s.data(c);
    switch (format) {
    case FollowFormat::Ascii: appendAscii(out, data, true); break;
    case FollowFormat::HexDump: appendHexDump(out, "", sideOffset, data); break;
    case FollowFormat::Raw: appendRaw(out, data); break;
    case FollowFormat::Yaml: appendYamlChunk(out, c, data); break;
    case FollowFormat::CArrays: appendCArray(out, c, data, sideIndex); break;
    }
}

}  // namespace rcvmon

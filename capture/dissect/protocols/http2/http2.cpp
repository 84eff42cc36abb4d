// SPDX-License-Identifier: GPL-2.0-or-later
// HTTP/2 frames (RFC 7540 §4.1, §6) on a connection HTTP upgraded to h2c, as Wireshark's
// http2 dissector shows them: the client's connection preface as "Magic", each frame as
// "TYPE[stream]" in Info, joined by ", "; SETTINGS, WINDOW_UPDATE, RST_STREAM, GOAWAY and PING
// fields. Header blocks are not HPACK-decoded (RFC 7541): HEADERS shows no request or status.
#include "dissect/protocols/http2/http2.h"

#include "dissect/field_format.h"
#include "dissect/protocols/db/pdu_stream.h"
#include "dissect/protocols/value_names.h"
#include "dissect/tcp_conversations.h"

namespace rcvmon {
namespace {

// TcpConversation::app word HTTP's upgrades use (WebSocket keeps its own mark there).
constexpr std::size_t kUpgradedWord = 6;
constexpr std::uint32_t kUpgraded = 0x48324300;  // "H2C"
constexpr std::string_view kPreface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

struct Http2Fields {
    FieldId magic, length, type, flags, reserved, streamId, settingsId, headerTableSize, maxConcurrentStreams,
        initialWindowSize, maxFrameSize, windowSizeIncrement, rstError, goawayLastStream, goawayError, ping, data;
} hf;

constexpr ValueName kTypes[] = {
    {0, "DATA"}, {1, "HEADERS"}, {2, "PRIORITY"}, {3, "RST_STREAM"}, {4, "SETTINGS"}, {5, "PUSH_PROMISE"},
    {6, "PING"}, {7, "GOAWAY"}, {8, "WINDOW_UPDATE"}, {9, "CONTINUATION"}, {10, "ALTSVC"}, {11, "BLOCKED"},
    {12, "ORIGIN"}, {16, "PRIORITY_UPDATE"},
};
constexpr ValueName kSettings[] = {
    {1, "Header table size"}, {2, "Enable PUSH"}, {3, "Max concurrent streams"}, {4, "Initial Windows size"},
    {5, "Max frame size"}, {6, "Max header list size"}, {8, "Extended CONNECT"}, {9, "No RFC7540 Priorities"},
};

void writeFrame(const LayerView& l, std::string& out)
{
    if (l.has(hf.magic)) {
        out += "Magic";
        return;
    }
    const std::string_view name = valueName(kTypes, l.number(hf.type));
    out += name.empty() ? std::string_view("Unknown") : name;
    out += '[';
    appendDecimal(out, l.number(hf.streamId));
    out += ']';
}

bool upgraded(const DissectContext& ctx)
{
    return ctx.tcpConversation && ctx.tcpConversation->app[kUpgradedWord] == kUpgraded;
}

void dissectSettings(LayerCursor& c, std::size_t end)
{
    for (int guard = 0; guard < 512 && c.ok() && c.pos() + 6 <= end; ++guard) {
        const std::uint16_t id = c.u16(hf.settingsId);
        const FieldId value = id == 1 ? hf.headerTableSize : id == 3 ? hf.maxConcurrentStreams
                            : id == 4 ? hf.initialWindowSize : id == 5 ? hf.maxFrameSize : LayerCursor::kNone;
        c.u32(value);
    }
}

void dissectFrame(DissectContext& ctx, const Payload& p, bool afterHttp, bool first)
{
    LayerCursor c(ctx, "HTTP2", "http2", p.data, p.at, p.reported);
    if (!first) c.unlisted();  // frame.protocols names each call of the dissector once
    ctx.setProtocol("HTTP2");
    if (afterHttp || !first)
        ctx.appendInfo(writeFrame, c.layer(), ", ");
    else
        ctx.setInfo(writeFrame, c.layer());
    const std::string_view text(reinterpret_cast<const char*>(p.data.data()), p.data.size());
    if (text.substr(0, kPreface.size()) == kPreface) {
        // As tshark prints the string: its line ends escaped.
        ctx.out.addTextField(hf.magic, c.layer(), c.absolute(0), static_cast<std::uint32_t>(kPreface.size()),
                             R"(PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n)");
        return;
    }
    const std::uint32_t length = c.u24(hf.length);
    const std::uint8_t type = c.u8(hf.type);
    c.u8(hf.flags);
    const std::uint32_t stream = c.u32();
    if (!c.ok()) return;
    c.add(hf.reserved, 5, 4, stream >> 31);
    c.add(hf.streamId, 5, 4, stream & 0x7fffffff);
    const std::size_t end = c.pos() + length;
    switch (type) {
    case 0:
        if (length > 0) c.bytes(std::min<std::size_t>(length, c.remaining()), hf.data);
        break;
    case 3: c.u32(hf.rstError); break;
    case 4: dissectSettings(c, end); break;
    case 6: c.bytes(8, hf.ping); break;
    case 7: {
        const std::uint32_t last = c.u32();
        if (c.ok()) c.add(hf.goawayLastStream, 9, 4, last & 0x7fffffff);
        c.u32(hf.goawayError);
        break;
    }
    case 8: {
        const std::uint32_t increment = c.u32();
        if (c.ok()) c.add(hf.windowSizeIncrement, 9, 4, increment & 0x7fffffff);
        break;
    }
    default: break;
    }
}

// A frame's whole length from its header; the preface is one PDU of its own.
std::size_t frameLength(ByteSpan b)
{
    const std::string_view text(reinterpret_cast<const char*>(b.data()), b.size());
    const std::size_t n = std::min(text.size(), kPreface.size());
    if (n >= 3 && text.substr(0, n) == kPreface.substr(0, n))
        return text.size() >= kPreface.size() ? kPreface.size() : pdu_stream::kNeedMore;
    if (b.size() < 9) return pdu_stream::kNeedMore;
    return 9 + ((std::size_t{b[0]} << 16) | (std::size_t{b[1]} << 8) | b[2]);
}

void dissectFrames(DissectContext& ctx, const Payload& p, bool afterHttp)
{
    pdu_stream::dissect(
        ctx, p, [](bool) {}, frameLength,
        [&](const Payload& m, int index) { dissectFrame(ctx, m, afterHttp, index == 0); });
}

bool startsWithCi(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const char a = s[i] >= 'A' && s[i] <= 'Z' ? static_cast<char>(s[i] + 32) : s[i];
        if (a != prefix[i]) return false;
    }
    return true;
}

}  // namespace

namespace http2 {

bool dissectUpgraded(DissectContext& ctx, const Payload& p)
{
    if (!upgraded(ctx)) return false;
    dissectFrames(ctx, p, false);
    return true;
}

void noteHttpMessage(DissectContext& ctx, const Payload& p, std::string_view head, std::size_t headerEnd)
{
    if (!ctx.tcpConversation || head.size() < 12 || head.substr(0, 5) != "HTTP/" || head.substr(8, 4) != " 101") return;
    bool h2c = false;
    for (std::size_t at = head.find('\n'); at != std::string_view::npos && at < headerEnd; at = head.find('\n', at + 1)) {
        std::string_view line = head.substr(at + 1, std::min(headerEnd, head.size()) - std::min(headerEnd, at + 1));
        if (!startsWithCi(line, "upgrade:")) continue;
        line = line.substr(8);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        h2c = startsWithCi(line, "h2c");
        break;
    }
    if (!h2c) return;
    ctx.tcpConversation->app[kUpgradedWord] = kUpgraded;
    if (headerEnd < p.data.size() && p.data.size() == p.reported)
        dissectFrames(ctx, Payload{p.data.subspan(headerEnd), p.reported - headerEnd, p.at + static_cast<std::uint32_t>(headerEnd)}, true);
}

}  // namespace http2

void registerHttp2(ProtocolRegistrar& r)
{
    r.protocol("http2");
    hf.magic = r.field({"http2.magic", "Magic", FieldKind::String});
    hf.length = r.field({"http2.length", "Length", FieldKind::Unsigned, 24});
    hf.type = r.field({"http2.type", "Type", FieldKind::Unsigned, 8, kTypes});
    hf.flags = r.field({"http2.flags", "Flags", FieldKind::Hex, 8});
    hf.reserved = r.field({"http2.r", "Reserved", FieldKind::Hex, 32, {}, 0x80000000});
    hf.streamId = r.field({"http2.streamid", "Stream Identifier", FieldKind::Unsigned, 32, {}, 0x7fffffff});
    hf.settingsId = r.field({"http2.settings.id", "Settings Identifier", FieldKind::Unsigned, 16, kSettings});
    hf.headerTableSize = r.field({"http2.settings.header_table_size", "Header table size", FieldKind::Unsigned, 32});
    hf.maxConcurrentStreams = r.field({"http2.settings.max_concurrent_streams", "Max concurrent streams", FieldKind::Unsigned, 32});
    hf.initialWindowSize = r.field({"http2.settings.initial_window_size", "Initial Windows Size", FieldKind::Unsigned, 32});
    hf.maxFrameSize = r.field({"http2.settings.max_frame_size", "Max frame size", FieldKind::Unsigned, 32});
    hf.windowSizeIncrement = r.field({"http2.window_update.window_size_increment", "Window Size Increment", FieldKind::Unsigned, 32, {}, 0x7fffffff});
    hf.rstError = r.field({"http2.rst_stream.error", "Error", FieldKind::Unsigned, 32});
    hf.goawayLastStream = r.field({"http2.goaway.last_stream_id", "Last-Stream-ID", FieldKind::Unsigned, 32, {}, 0x7fffffff});
    hf.goawayError = r.field({"http2.goaway.error", "Error", FieldKind::Unsigned, 32});
    hf.ping = r.field({"http2.ping", "Ping", FieldKind::Bytes});
    hf.data = r.field({"http2.data.data", "Data", FieldKind::Bytes});
}

}  // namespace rcvmon

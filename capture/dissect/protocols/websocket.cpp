// SPDX-License-Identifier: GPL-2.0-or-later
// WebSocket frames (RFC 6455 §5) on a connection HTTP upgraded, as Wireshark's websocket
// dissector shows them: "WebSocket <opcode>" with " [FIN]" and " [MASKED]" (a space when a flag
// is clear), the payload unmasked; text frames go on as line-based text, binary ones as data.
#include "dissect/protocols/websocket.h"

#include "dissect/protocols/db/pdu_stream.h"
#include "dissect/tcp_conversations.h"

#include <array>

namespace rcvmon {
namespace {

// TcpConversation::app word set once HTTP switched the connection to WebSocket.
constexpr std::size_t kUpgradedWord = 6;
constexpr std::uint32_t kUpgraded = 0x57534b54;  // "WSKT"
constexpr std::size_t kMaxUnmasked = 256 * 1024;  // Wireshark's MAX_UNMASKED_LEN

struct WsFields {
    FieldId fin, rsv, opcode, mask, payloadLength, ext16, ext64, maskingKey, payload, maskedPayload, cont, text,
        close, closeStatus, closeReason, ping, pong, unknown;
} hf;

constexpr ValueName kOpcodes[] = {{0, "Continuation"}, {1, "Text"},  {2, "Binary"},
                                  {8, "Connection Close"}, {9, "Ping"}, {10, "Pong"}};
constexpr ValueName kCloseCodes[] = {
    {1000, "Normal Closure"}, {1001, "Going Away"}, {1002, "Protocol error"}, {1003, "Unsupported Data"},
    {1004, "---Reserved----"}, {1005, "No Status Rcvd"}, {1006, "Abnormal Closure"},
    {1007, "Invalid frame payload data"}, {1008, "Policy Violation"}, {1009, "Message Too Big"},
    {1010, "Mandatory Ext."}, {1011, "Internal Server"}, {1015, "TLS handshake"},
};

void writeInfo(const LayerView& layer, std::string& out)
{
    out += "WebSocket ";
    const std::string_view name = valueName(fieldInfo(hf.opcode), layer.number(hf.opcode));
    out += name.empty() ? "Unknown Opcode" : name;
    out += layer.number(hf.fin) ? " [FIN]" : " ";
    out += layer.number(hf.mask) ? " [MASKED]" : " ";
}

bool upgraded(const DissectContext& ctx)
{
    return ctx.tcpConversation && ctx.tcpConversation->app[kUpgradedWord] == kUpgraded;
}

void dissectPayload(DissectContext& ctx, LayerCursor& c, std::uint8_t opcode, ByteSpan payload, std::size_t length,
                    std::uint32_t at)
{
    const auto len = static_cast<std::uint32_t>(length);
    ctx.out.addField(hf.payload, c.layer(), at, len, 0);
    if (opcode == 0) {
        ctx.out.addBytesField(hf.cont, c.layer(), at, payload);
        return;
    }
    switch (opcode) {
    case 1: {
        ctx.out.addTextField(hf.text, c.layer(), at, len,
                             std::string_view(reinterpret_cast<const char*>(payload.data()), payload.size()));
        ctx.out.addLayer("Line-based text data", "data-text-lines", at, len, ctx.inReassembled);
        return;
    }
    case 2: dissectData(ctx, Payload{payload, length, at}); return;
    case 8:
        ctx.out.addField(hf.close, c.layer(), at, len, 0);
        if (payload.size() >= 2) {
            ctx.out.addField(hf.closeStatus, c.layer(), at, 2, (payload[0] << 8) | payload[1]);
            if (payload.size() > 2)
                ctx.out.addTextField(hf.closeReason, c.layer(), at + 2, len - 2,
                                     std::string_view(reinterpret_cast<const char*>(payload.data()) + 2, payload.size() - 2));
        }
        return;
    case 9: ctx.out.addBytesField(hf.ping, c.layer(), at, payload); return;
    case 10: ctx.out.addBytesField(hf.pong, c.layer(), at, payload); return;
    default: ctx.out.addBytesField(hf.unknown, c.layer(), at, payload); return;
    }
}

void dissectFrame(DissectContext& ctx, const Payload& p, bool afterHttp, bool first)
{
    LayerCursor c(ctx, "WebSocket", "websocket", p.data, p.at, p.reported);
    if (!first) c.unlisted();  // frame.protocols names each call of the dissector once
    ctx.setProtocol("WebSocket");
    if (afterHttp)
        ctx.appendInfo(writeInfo, c.layer(), "");
    else
        ctx.setInfo(writeInfo, c.layer());
    const std::uint8_t b0 = c.u8();
    c.add(hf.fin, 0, 1, (b0 & 0x80) != 0);
    c.add(hf.rsv, 0, 1, (b0 & 0x70) >> 4);
    c.add(hf.opcode, 0, 1, b0 & 0x0f);
    const std::uint8_t b1 = c.u8();
    const bool mask = (b1 & 0x80) != 0;
    c.add(hf.mask, 1, 1, mask);
    c.add(hf.payloadLength, 1, 1, b1 & 0x7f);
    std::uint64_t length = b1 & 0x7f;
    if (length == 126) {
        length = c.u16(hf.ext16);
    } else if (length == 127) {
        const std::uint64_t hi = c.u32(), lo = c.u32();
        length = (hi << 32) | lo;
        c.add(hf.ext64, 2, 8, length);
    }
    length &= 0xffffffffu;  // Wireshark keeps a guint
    std::array<std::uint8_t, 4> key{};
    if (mask) {
        const ByteSpan k = c.bytes(4, hf.maskingKey);
        if (k.size() == 4) std::copy(k.begin(), k.end(), key.begin());
    }
    if (!c.ok()) return;
    c.setLength(c.pos());
    if (length == 0) return;
    const std::size_t at = c.pos();
    const ByteSpan raw = c.rest().first(std::min<std::size_t>(c.remaining(), length));
    if (!mask) {
        dissectPayload(ctx, c, b0 & 0x0f, raw, length, c.absolute(at));
        return;
    }
    ctx.out.addField(hf.maskedPayload, c.layer(), c.absolute(at), static_cast<std::uint32_t>(length), 0);
    thread_local std::vector<std::uint8_t> unmasked;
    unmasked.assign(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(std::min(raw.size(), kMaxUnmasked)));
    for (std::size_t i = 0; i < unmasked.size(); ++i) unmasked[i] ^= key[i % 4];
    dissectPayload(ctx, c, b0 & 0x0f, ByteSpan(unmasked.data(), unmasked.size()), length, c.absolute(at));
}

std::size_t frameLength(ByteSpan b)
{
    if (b.size() < 2) return pdu_stream::kNeedMore;
    std::uint64_t length = b[1] & 0x7f;
    std::size_t header = 2;
    if (length == 126) {
        if (b.size() < 4) return pdu_stream::kNeedMore;
        length = (std::uint64_t{b[2]} << 8) | b[3];
        header += 2;
    } else if (length == 127) {
        if (b.size() < 10) return pdu_stream::kNeedMore;
        length = 0;
        for (std::size_t i = 2; i < 10; ++i) length = (length << 8) | b[i];
        header += 8;
    }
    if (b[1] & 0x80) header += 4;
    return header + static_cast<std::size_t>(length & 0xffffffffu);
}

void dissectFrames(DissectContext& ctx, const Payload& p, bool afterHttp)
{
    pdu_stream::dissect(
        ctx, p, [](bool) {}, frameLength,
        [&](const Payload& m, int index) { dissectFrame(ctx, m, afterHttp && index == 0, index == 0); });
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

namespace websocket {

bool dissectUpgraded(DissectContext& ctx, const Payload& p)
{
    if (!upgraded(ctx)) return false;
    dissectFrames(ctx, p, false);
    return true;
}

void noteHttpMessage(DissectContext& ctx, const Payload& p, std::string_view head, std::size_t headerEnd)
{
    if (!ctx.tcpConversation || head.size() < 12 || head.substr(0, 5) != "HTTP/" || head.substr(8, 4) != " 101") return;
    bool websocket = false;
    for (std::size_t at = head.find('\n'); at != std::string_view::npos && at < headerEnd; at = head.find('\n', at + 1)) {
        std::string_view line = head.substr(at + 1, std::min(headerEnd, head.size()) - std::min(headerEnd, at + 1));
        if (!startsWithCi(line, "upgrade:")) continue;
        line = line.substr(8, line.find_first_of("\r\n") == std::string_view::npos ? std::string_view::npos
                                                                                    : line.find_first_of("\r\n") - 8);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        websocket = startsWithCi(line, "websocket");
        break;
    }
    if (!websocket) return;
    ctx.tcpConversation->app[kUpgradedWord] = kUpgraded;
    if (headerEnd < p.data.size() && p.data.size() == p.reported)
        dissectFrames(ctx, Payload{p.data.subspan(headerEnd), p.reported - headerEnd, p.at + static_cast<std::uint32_t>(headerEnd)}, true);
}

}  // namespace websocket

void registerWebSocket(ProtocolRegistrar& r)
{
    r.protocol("websocket");
    hf.fin = r.field({"websocket.fin", "Fin", FieldKind::Bool, 8, {}, 0x80});
    hf.rsv = r.field({"websocket.rsv", "Reserved", FieldKind::Hex, 8, {}, 0x70});
    hf.opcode = r.field({"websocket.opcode", "Opcode", FieldKind::Unsigned, 8, kOpcodes, 0x0f});
    hf.mask = r.field({"websocket.mask", "Mask", FieldKind::Bool, 8, {}, 0x80});
    hf.payloadLength = r.field({"websocket.payload_length", "Payload length", FieldKind::Unsigned, 8, {}, 0x7f});
    hf.ext16 = r.field({"websocket.payload_length_ext_16", "Extended Payload length (16 bits)", FieldKind::Unsigned, 16});
    hf.ext64 = r.field({"websocket.payload_length_ext_64", "Extended Payload length (64 bits)", FieldKind::Unsigned, 64});
    hf.maskingKey = r.field({"websocket.masking_key", "Masking-Key", FieldKind::Bytes});
    hf.payload = r.field({"websocket.payload", "Payload", FieldKind::None});
    hf.maskedPayload = r.field({"websocket.masked_payload", "Masked payload", FieldKind::None});
    hf.cont = r.field({"websocket.payload.continue", "Continue", FieldKind::Bytes});
    hf.text = r.field({"websocket.payload.text", "Text", FieldKind::String});
    hf.close = r.field({"websocket.payload.close", "Close", FieldKind::None});
    hf.closeStatus = r.field({"websocket.payload.close.status_code", "Status code", FieldKind::Unsigned, 16, kCloseCodes});
    hf.closeReason = r.field({"websocket.payload.close.reason", "Reason", FieldKind::String});
    hf.ping = r.field({"websocket.payload.ping", "Ping", FieldKind::Bytes});
    hf.pong = r.field({"websocket.payload.pong", "Pong", FieldKind::Bytes});
    hf.unknown = r.field({"websocket.payload.unknown", "Unknown", FieldKind::Bytes});
}

}  // namespace rcvmon

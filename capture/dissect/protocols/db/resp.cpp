// SPDX-License-Identifier: GPL-2.0-or-later
// Redis serialization protocol RESP2 (https://redis.io/docs/latest/develop/reference/protocol-spec/)
// on TCP 6379, as Wireshark 4.0's resp dissector shows it: "Request:" with the command's words,
// "Response:" with the top-level values; it asks TCP for the rest of an element that runs
// past the segment; bytes that end on an element boundary end the dissection, even inside an
// array, so what follows is read from its own start ("[fragment]", "[continuation]").
#include "dissect/protocols/context.h"
#include "dissect/protocols/tcp_options.h"
#include "dissect/protocols/text/lines.h"
#include "dissect/tcp_conversations.h"

#include <charconv>

namespace rcvmon {
namespace {

constexpr std::uint16_t kPort = 6379;
constexpr int kMaxArrayDepth = 30;
constexpr std::int64_t kBulkDisplayMax = 100;

struct RespFields {
    FieldId string, error, bulkString, bulkValue, bulkLength, integer, array, arrayLength, fragment, partial,
        malformedLength, reassembledInNextFrame, recursionTooDeep;
} hf;

// What a field adds to the Info column (its aux).
enum InfoPart : std::uint32_t { None = 0, SpaceText = 1, BulkCount = 2, Partial = 4 };

constexpr std::string_view kReplacement = "\xef\xbf\xbd";

// tvb_get_string_enc(ENC_ASCII) as a C string: stops at NUL, other bytes above 0x7f become U+FFFD.
std::string_view asciiText(ByteSpan b, bool& ascii)
{
    thread_local std::string scratch;
    ascii = true;
    std::size_t n = 0;
    while (n < b.size() && b[n] != 0) {
        if (b[n] >= 0x80) ascii = false;
        ++n;
    }
    if (ascii) return text::asText(b.first(n));
    scratch.clear();
    for (std::size_t i = 0; i < n; ++i) {
        if (b[i] < 0x80)
            scratch += static_cast<char>(b[i]);
        else
            scratch += kReplacement;
    }
    return scratch;
}

// g_ascii_strtoll: optional sign and leading digits, 0 when there are none.
std::int64_t parseInteger(ByteSpan b)
{
    std::size_t i = 0;
    while (i < b.size() && (b[i] == ' ' || b[i] == '\t')) ++i;
    if (i < b.size() && b[i] == '+') ++i;
    std::int64_t v = 0;
    const char* first = reinterpret_cast<const char*>(b.data()) + i;
    const char* last = reinterpret_cast<const char*>(b.data()) + b.size();
    if (first < last && *first == '-') {
        const auto r = std::from_chars(first, last, v);
        if (r.ec == std::errc::result_out_of_range) return INT64_MIN;
        return v;
    }
    const auto r = std::from_chars(first, last, v);
    if (r.ec == std::errc::result_out_of_range) return INT64_MAX;
    return v;
}

void appendSigned(std::string& out, std::int64_t v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void writeParts(const Dissection& d, std::uint16_t layer, std::string& out)
{
    const auto fields = d.fields();
    for (std::size_t i = 0; i < fields.size() && out.size() < (1u << 16); ++i) {
        const FieldRecord& f = fields[i];
        if (f.layer != layer) continue;
        if (f.id == hf.error) {
            out += " Error: ";
            out += d.valueText(f);
        } else if (f.id == hf.fragment) {
            out += " [fragment]";
        } else if (f.aux == 0) {
            continue;
        } else if (f.id == hf.string) {
            out += ' ';
            out += d.valueText(f);
        } else if (f.id == hf.integer) {
            out += ' ';
            appendSigned(out, static_cast<std::int64_t>(f.number));
        } else if (f.id == hf.arrayLength) {
            out += " Array(";
            appendSigned(out, static_cast<std::int64_t>(f.number));
            out += ')';
        } else if (f.id == hf.bulkLength) {
            if (f.aux & Partial) out += " [partial]";
            if (f.aux & SpaceText) {
                out += ' ';
                if (i + 1 < fields.size() && fields[i + 1].id == hf.bulkValue && fields[i + 1].layer == f.layer) {
                    bool ascii = true;
                    out += asciiText(d.valueBytes(fields[i + 1]), ascii);
                }
            } else if (f.aux & BulkCount) {
                out += " BulkString(";
                appendSigned(out, static_cast<std::int32_t>(f.number));
                out += ')';
            }
        }
    }
}
// Every RESP call of the frame from `layer` on: the one over a reassembled element and the
// one over what follows it write one after the other, as after Wireshark's column fence.
void write(std::string& out, std::string_view label, const LayerView& layer, bool continued)
{
    const Dissection& d = layer.dissection();
    const auto layers = d.layers();
    for (std::size_t i = layer.layer(); i < layers.size(); ++i) {
        if (layers[i].filterName != "resp") continue;
        out += label;
        writeParts(d, static_cast<std::uint16_t>(i), out);
    }
    if (continued) out += " [continuation]";
}
void writeRequest(const LayerView& layer, std::string& out) { write(out, "Request:", layer, false); }
void writeResponse(const LayerView& layer, std::string& out) { write(out, "Response:", layer, false); }
void writeRequestContinued(const LayerView& layer, std::string& out) { write(out, "Request:", layer, true); }
void writeResponseContinued(const LayerView& layer, std::string& out) { write(out, "Response:", layer, true); }

struct Walker {
    DissectContext& ctx;
    LayerCursor& c;
    ByteSpan d;
    bool response;
    bool desegment;
    std::size_t desegmentOffset = 0;
    std::size_t desegmentLen = 0;  // kTcpPduOneMoreSegment: the next segment whole

    static constexpr long kAgain = -1;

    std::uint32_t text(FieldId id, std::size_t at, std::size_t len, ByteSpan value)
    {
        bool ascii = true;
        const std::string_view s = asciiText(value, ascii);
        return ctx.out.addTextField(id, c.layer(), c.absolute(at), static_cast<std::uint32_t>(len), s);
    }
    std::uint32_t number(FieldId id, std::size_t at, std::size_t len, std::int64_t v)
    {
        return ctx.out.addField(id, c.layer(), c.absolute(at), static_cast<std::uint32_t>(len), static_cast<std::uint64_t>(v));
    }
    ByteSpan slice(std::size_t at, std::size_t len) const
    {
        if (at >= d.size()) return {};
        return d.subspan(at, std::min(len, d.size() - at));
    }

    // tvb_find_line_end: the line's length without its end; -1 when none ends it and
    // desegmentation may bring one.
    long lineEnd(std::size_t from) const
    {
        std::size_t i = from;
        while (i < d.size() && d[i] != '\r' && d[i] != '\n') ++i;
        if (i == d.size()) return desegment ? kAgain : static_cast<long>(i - from);
        if (d[i] == '\r' && i + 1 == d.size() && desegment) return kAgain;
        return static_cast<long>(i - from);
    }

    long bulk(std::size_t at, std::size_t len, int depth)
    {
        const std::int64_t parsed = parseInteger(slice(at + 1, len - 1));
        const auto length = static_cast<std::int32_t>(parsed);
        const std::size_t header = len + 2;
        if (length < 0) {
            number(hf.bulkString, at, header, 0);
            number(hf.bulkLength, at, header, length);
            if (length != -1) number(hf.malformedLength, at, 0, 0);
            return static_cast<long>(header);
        }
        const std::size_t body = at + header;
        const std::size_t remaining = body < d.size() ? d.size() - body : 0;
        const bool fragmented = remaining < static_cast<std::size_t>(length) + 2;
        std::size_t captured = static_cast<std::size_t>(length), capturedWithEnd = captured + 2;
        std::uint32_t aux = None;
        if (fragmented) {
            if (desegment) {
                desegmentOffset = at;
                desegmentLen = static_cast<std::size_t>(length) + 2 - remaining;
                return kAgain;
            }
            captured = capturedWithEnd = remaining;
            aux |= Partial;
        }
        number(hf.bulkString, at, header + capturedWithEnd, 0);
        if (fragmented) number(hf.partial, at, 0, 0);
        const std::uint32_t lengthField = number(hf.bulkLength, at, header, length);
        const ByteSpan value = slice(body, captured);
        if (captured > 0) ctx.out.addBytesField(hf.bulkValue, c.layer(), c.absolute(body), value);
        bool ascii = true;
        asciiText(value, ascii);
        if (ascii) {
            if (!response && depth == 1)
                aux |= length < kBulkDisplayMax ? SpaceText : BulkCount;
            else if (response && depth == 0 && length < kBulkDisplayMax)
                aux |= SpaceText;
            else if (depth == 0)
                aux |= BulkCount;
        } else if (depth == 0) {
            aux |= BulkCount;
        }
        ctx.out.setAux(lengthField, aux);
        return static_cast<long>(header + capturedWithEnd);
    }

    long array(std::size_t at, std::size_t len, int depth)
    {
        const std::int64_t length = parseInteger(slice(at + 1, len - 1));
        const std::size_t header = len + 2;
        number(hf.array, at, header, 0);
        const std::uint32_t lengthField = number(hf.arrayLength, at, header, length);
        if (length <= 0) {
            if (length < -1) number(hf.malformedLength, at, 0, 0);
            return static_cast<long>(header);
        }
        if (depth > kMaxArrayDepth) {
            number(hf.recursionTooDeep, at, 0, 0);
            return static_cast<long>(header);
        }
        if (at + header >= d.size()) {
            if (desegment) {
                desegmentOffset = at;
                desegmentLen = kTcpPduOneMoreSegment;
                return kAgain;
            }
            number(hf.partial, at, 0, 0);
        }
        if (response && depth == 0) ctx.out.setAux(lengthField, 1);
        const long end = loop(at + header, depth + 1, length);
        if (end == kAgain) {
            desegmentOffset = at;
            desegmentLen = kTcpPduOneMoreSegment;
            number(hf.reassembledInNextFrame, at, 0, 0);
            return kAgain;
        }
        return end - static_cast<long>(at);
    }

    long message(std::size_t at, std::size_t len, int depth)
    {
        switch (d[at]) {
        case '+': {
            const std::uint32_t f = text(hf.string, at, len + 2, slice(at + 1, len - 1));
            if (response && depth == 0) ctx.out.setAux(f, SpaceText);
            return static_cast<long>(len + 2);
        }
        case '-': text(hf.error, at, len + 2, slice(at + 1, len - 1)); return static_cast<long>(len + 2);
        case ':': {
            const std::uint32_t f = number(hf.integer, at, len + 2, parseInteger(slice(at + 1, len - 1)));
            if (response && depth == 0) ctx.out.setAux(f, SpaceText);
            return static_cast<long>(len + 2);
        }
        case '$': return bulk(at, len, depth);
        case '*': return array(at, len, depth);
        default:
            if (len == 0) return 2;
            number(hf.fragment, at, len + 2, 0);
            return static_cast<long>(len + 2);
        }
    }

    // NOLINTNEXTLINE(misc-no-recursion): bounded by kMaxArrayDepth
    long loop(std::size_t at, int depth, std::int64_t expected)
    {
        std::int64_t done = 0;
        while (at < d.size()) {
            if (expected >= 0 && done == expected) return static_cast<long>(at);
            const long len = lineEnd(at);
            if (len == kAgain) {
                desegmentOffset = at;
                desegmentLen = kTcpPduOneMoreSegment;
                return kAgain;
            }
            const long used = message(at, static_cast<std::size_t>(len), depth);
            if (used == kAgain) return kAgain;
            ++done;
            at += static_cast<std::size_t>(used);
        }
        return static_cast<long>(at);
    }
};

bool dissectResp(DissectContext& ctx, const Payload& p)
{
    const bool response = text::transportPorts(ctx).src == kPort;
    // A second call in one frame (after a reassembled element) writes after the first's text.
    bool earlier = false;
    std::uint16_t first = 0;
    for (std::size_t i = 0; i < ctx.out.layers().size() && !earlier; ++i) {
        earlier = ctx.out.layers()[i].filterName == "resp";
        first = static_cast<std::uint16_t>(i);
    }
    LayerCursor c(ctx, "RESP", "resp", p.data, p.at, p.reported);
    if (earlier) c.unlisted();
    ctx.setProtocol("RESP");
    const bool desegment = ctx.desegment && ctx.tcpDirection && p.data.size() == p.reported;
    Walker w{ctx, c, p.data, response, desegment};
    const bool again = w.loop(0, 0, -1) == Walker::kAgain;
    const InfoWriter writer = again ? (response ? writeResponseContinued : writeRequestContinued)
                                    : (response ? writeResponse : writeRequest);
    ctx.setInfo(writer, earlier ? first : c.layer());
    if (!again) return true;
    const TcpPdu pdu{"RESP", "RESP", "resp", {}, {}, dissectResp};
    startTcpPdu(ctx, pdu, w.desegmentLen, c.layer(), w.desegmentOffset > 0, p.data.subspan(w.desegmentOffset));
    // Wireshark's tree keeps the item this dissector added before it asked for more.
    ctx.out.layer(c.layer()).listed = true;
    ctx.out.layer(c.layer()).inTree = true;
    return true;
}

}  // namespace

void registerResp(ProtocolRegistrar& r)
{
    r.protocol("resp");
    hf.string = r.field({"resp.string", "String", FieldKind::String});
    hf.error = r.field({"resp.error", "Error", FieldKind::String});
    hf.bulkString = r.field({"resp.bulk_string", "Bulk String", FieldKind::None});
    hf.bulkValue = r.field({"resp.bulk_string.value", "Value", FieldKind::Bytes});
    hf.bulkLength = r.field({"resp.bulk_string.length", "Length", FieldKind::Signed, 32});
    hf.integer = r.field({"resp.integer", "Integer", FieldKind::Signed, 64});
    hf.array = r.field({"resp.array", "Array", FieldKind::None});
    hf.arrayLength = r.field({"resp.array.length", "Length", FieldKind::Signed, 64});
    hf.fragment = r.field({"resp.fragment", "Fragment", FieldKind::None});
    hf.partial = r.field({"resp.partial", "Field is only partially decoded", FieldKind::None});
    hf.malformedLength = r.field({"resp.malformed_length", "Malformed length specified", FieldKind::None});
    hf.reassembledInNextFrame = r.field({"resp.reassembled_in_next_frame",
                                         "Array is partially decoded. Re-assembled array is in the next frame",
                                         FieldKind::None});
    hf.recursionTooDeep = r.field({"resp.array_recursion_too_deep",
                                   "Array is too deep to recurse any further. Subsequent elements attached to the "
                                   "protocol tree may not reflect their actual location in the array",
                                   FieldKind::None});
    r.tcpPort(kPort, dissectResp);
}

}  // namespace rcvmon

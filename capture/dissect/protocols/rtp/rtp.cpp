// SPDX-License-Identifier: GPL-2.0-or-later
// RTP (RFC 3550 §5.1) on the address and port an SDP body announced: the fixed header, CSRCs,
// the header extension (RFC 8285's one- and two-byte elements), padding, and Info as
// Wireshark prints it ("PT=ITU-T G.711 PCMU, SSRC=0x11223344, Seq=1000, Time=160, Mark").
// Telephone events go on to RTP EVENT, G.723.1 to its own; other payloads stay bytes.
#include "dissect/expected_conversations.h"
#include "dissect/field_format.h"
#include "dissect/protocols/rtp/rtp.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct RtpFields {
    FieldId setup, setupFrame, setupMethod, callId, version, padding, ext, cc, marker, payloadType, seq, extSeq,
        timestamp, ssrc, csrcItems, csrcItem, extProfile, extLength, headerExtensions, headerExtension, appBits, elementId,
        elementLength, elementData, payload, paddingData, paddingCount;
} hf;

// printf's "%X": upper-case digits, no leading zeros.
void appendHexUpper(std::string& out, std::uint64_t value)
{
    char digits[16];
    int n = 0;
    do {
        digits[n++] = "0123456789ABCDEF"[value & 0xf];
        value >>= 4;
    } while (value != 0);
    while (n > 0) out += digits[--n];
}

constexpr unsigned kG723 = 4;

// The payload types Wireshark's RTP EVENT takes by default (RFC 4733's usual 101, Cisco NSE's 100).
constexpr unsigned kEventTypes[] = {100, 101};

void writeInfo(const LayerView& layer, std::string& out)
{
    const Dissection& d = layer.dissection();
    out += "PT=";
    if (const FieldRecord* type = layer.field(hf.payloadType)) {
        // The name SDP gave a dynamic type (addNamedNumber), else Wireshark's table's.
        out += type->valueLength != 0 ? d.valueText(*type) : valueName(kRtpPayloadTypeNames, type->number);
    }
    out += ", SSRC=0x";
    appendHexUpper(out, layer.number(hf.ssrc));
    out += ", Seq=";
    appendDecimal(out, layer.number(hf.seq));
    out += ", Time=";
    appendDecimal(out, layer.number(hf.timestamp));
    if (layer.number(hf.marker) != 0) out += ", Mark";
}

void writeVersionInfo(const LayerView& layer, std::string& out)
{
    out += "Unknown RTP version ";
    appendDecimal(out, layer.number(hf.version));
}

bool isEventType(unsigned type, std::string_view sdpName)
{
    if (sdpName.size() == 15) {
        constexpr std::string_view kName = "telephone-event";
        bool same = true;
        for (std::size_t i = 0; i < kName.size(); ++i)
            same = same && (sdpName[i] | 0x20) == kName[i];
        if (same) return true;
    }
    for (unsigned t : kEventTypes)
        if (t == type) return true;
    return false;
}

// Wireshark's extended sequence number: the 16-bit number unwrapped against the stream's last.
std::uint64_t extendSequence(ExpectedConversation& stream, std::uint16_t seq)
{
    const std::uint64_t previous = stream.progress != 0 ? stream.progress : 0x10000;
    std::uint64_t extended = (previous & ~std::uint64_t{0xffff}) | seq;
    if (extended + 0x8000 < previous) {
        extended += 0x10000;
    } else if (previous + 0x8000 < extended && extended >= 0x10000) {
        extended -= 0x10000;
    }
    stream.progress = extended;
    return extended;
}

// RFC 8285 elements: one-byte headers (profile 0xBEDE) or two-byte ones (0x100X). Zero bytes
// between them are padding; an identifier 0 with a length, or 15 in a one-byte header, ends them.
void dissectElements(LayerCursor& c, std::size_t end, bool oneByte)
{
    while (c.ok() && c.pos() < end) {
        const std::size_t start = c.pos();
        if (c.peek() == 0) {
            std::size_t run = 1;
            while (start + run < end && c.peek(run) == 0) ++run;
            c.bytes(run, hf.paddingData);
            continue;
        }
        const std::uint8_t first = c.peek();
        unsigned id = 0, length = 0;
        if (oneByte) {
            id = first >> 4;
            if (id == 0 || id == 15) break;
            length = (first & 0x0f) + 1u;
            c.add(hf.elementId, start, 1, id);
            c.add(hf.elementLength, start, 1, length);
            c.skip(1);
        } else {
            if (end - start < 2) break;
            id = first;
            length = c.peek(1);
            c.add(hf.elementId, start, 1, id);
            c.add(hf.elementLength, start + 1, 1, length);
            c.skip(2);
        }
        if (length > end - c.pos()) {
            c.malformed();
            return;
        }
        c.bytes(length, hf.elementData);
    }
}

void dissectExtension(LayerCursor& c)
{
    const std::uint16_t profile = c.u16(hf.extProfile);
    const std::uint16_t words = c.u16(hf.extLength);
    if (!c.ok()) return;
    const std::size_t bytes = std::size_t{words} * 4;
    c.ctx().out.addField(hf.headerExtensions, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(bytes), 0);
    if (!c.need(bytes)) return;
    const std::size_t end = c.pos() + bytes;
    if (profile == 0xbede || (profile & 0xfff0) == 0x1000) {
        if (profile != 0xbede) c.add(hf.appBits, c.pos() - 4, 2, profile & 0x000f);
        dissectElements(c, end, profile == 0xbede);
        if (c.ok() && c.pos() < end) c.skip(end - c.pos());
        return;
    }
    for (std::size_t i = 0; i < words; ++i) c.u32(hf.headerExtension);
}

}  // namespace

void addStreamSetup(LayerCursor& c, const ExpectedConversation& stream, FieldId setup, FieldId frame, FieldId method)
{
    DissectContext& ctx = c.ctx();
    ctx.out.addTextField(setup, c.layer(), c.absolute(0), 0, {});
    c.add(frame, 0, 0, stream.setupFrame);
    ctx.out.addTextField(method, c.layer(), c.absolute(0), 0, stream.method);
}

bool dissectRtp(DissectContext& ctx, const Payload& p)
{
    ExpectedConversation* stream = ctx.announced;
    if (!stream) return false;
    LayerCursor c(ctx, "Real-Time Transport Protocol", "rtp", p.data, p.at, p.reported);
    // Wireshark reads the whole fixed header before it names the column or adds its tree item.
    if (!c.need(12)) {
        c.notInTree();
        return true;
    }
    const std::uint8_t first = c.peek();
    const unsigned version = first >> 6;
    ctx.setProtocol("RTP");
    if (version != 2) {
        // Not listed in frame.protocols: Wireshark's tree item only, then the bytes as data.
        c.unlisted();
        c.add(hf.version, 0, 1, version);
        ctx.setInfo(writeVersionInfo, c.layer());
        c.setLength(0);
        dissectData(ctx, p);
        return true;
    }
    addStreamSetup(c, *stream, hf.setup, hf.setupFrame, hf.setupMethod);
    if (stream->noteSet) ctx.out.addTextField(hf.callId, c.layer(), c.absolute(0), 0, stream->noteText());
    c.add(hf.version, 0, 1, version);
    c.add(hf.padding, 0, 1, (first >> 5) & 1);
    c.add(hf.ext, 0, 1, (first >> 4) & 1);
    c.add(hf.cc, 0, 1, first & 0x0f);
    c.skip(1);
    const std::uint8_t second = c.peek();
    c.add(hf.marker, 1, 1, second >> 7);
    const unsigned type = second & 0x7f;
    const std::string_view sdpName = type >= 96 ? stream->formatName(static_cast<std::uint8_t>(type)) : std::string_view();
    if (!sdpName.empty()) {
        ctx.out.addNamedNumber(hf.payloadType, c.layer(), c.absolute(1), 1, type, sdpName);
    } else {
        c.add(hf.payloadType, 1, 1, type);
    }
    c.skip(1);
    const std::uint16_t seq = c.u16(hf.seq);
    c.add(hf.extSeq, 2, 2, extendSequence(*stream, seq));
    c.u32(hf.timestamp);
    c.u32(hf.ssrc);
    ctx.setInfo(writeInfo, c.layer());
    if (const unsigned csrcs = first & 0x0f; csrcs != 0) {
        ctx.out.addField(hf.csrcItems, c.layer(), c.absolute(c.pos()), csrcs * 4, 0);
        for (unsigned i = 0; i < csrcs; ++i) c.u32(hf.csrcItem);
    }
    if (first & 0x10) dissectExtension(c);
    if (!c.ok()) return true;
    std::size_t payloadLength = c.remaining();
    std::size_t padding = 0;
    if ((first & 0x20) && c.remaining() > 0) {
        padding = c.data()[c.size() - 1];
        if (padding == 0 || padding > c.remaining()) padding = 0;  // impossible: all payload
        payloadLength -= padding;
    }
    const Payload payload = payloadAfter(c, payloadLength);
    ctx.out.addBytesField(hf.payload, c.layer(), payload.at, payload.data);
    c.skip(payloadLength);
    if (padding != 0) {
        c.bytes(padding - 1, hf.paddingData);
        c.u8(hf.paddingCount);
    }
    if (payload.data.empty()) return true;
    if (isEventType(type, sdpName)) {
        dissectRtpEvent(ctx, payload);
    } else if (type == kG723) {
        dissectG723(ctx, payload);
    }
    return true;
}

void registerRtp(ProtocolRegistrar& r)
{
    r.protocol("rtp");
    hf.setup = r.field({"rtp.setup", "Stream setup", FieldKind::String});
    hf.setupFrame = r.field({"rtp.setup-frame", "Setup frame", FieldKind::Unsigned, 32});
    hf.setupMethod = r.field({"rtp.setup-method", "Setup Method", FieldKind::String});
    hf.callId = r.field({"sip.call_id_generated", "Generated Call-ID", FieldKind::String});
    hf.version = r.field({"rtp.version", "Version", FieldKind::Unsigned, 8, kRtpVersionNames, 0xc0});
    hf.padding = r.field({"rtp.padding", "Padding", FieldKind::Bool, 8, {}, 0x20});
    hf.ext = r.field({"rtp.ext", "Extension", FieldKind::Bool, 8, {}, 0x10});
    hf.cc = r.field({"rtp.cc", "Contributing source identifiers count", FieldKind::Unsigned, 8, {}, 0x0f});
    hf.marker = r.field({"rtp.marker", "Marker", FieldKind::Bool, 8, {}, 0x80});
    // No bit pattern: Wireshark words this line itself, "Payload type: speex (97)".
    hf.payloadType = r.field({"rtp.p_type", "Payload type", FieldKind::Unsigned, 8, kRtpPayloadTypeNames});
    hf.seq = r.field({"rtp.seq", "Sequence number", FieldKind::Unsigned, 16});
    hf.extSeq = r.field({"rtp.extseq", "Extended sequence number", FieldKind::Unsigned, 32});
    hf.timestamp = r.field({"rtp.timestamp", "Timestamp", FieldKind::Unsigned, 32});
    hf.ssrc = r.field({"rtp.ssrc", "Synchronization Source identifier", FieldKind::Hex, 32});
    hf.csrcItems = r.field({"rtp.csrc.items", "Contributing Source identifiers", FieldKind::None});
    hf.csrcItem = r.field({"rtp.csrc.item", "CSRC item", FieldKind::Hex, 32});
    hf.extProfile = r.field({"rtp.ext.profile", "Defined by profile", FieldKind::Hex, 16});
    hf.extLength = r.field({"rtp.ext.len", "Extension length", FieldKind::Unsigned, 16});
    hf.headerExtensions = r.field({"rtp.hdr_exts", "Header extensions", FieldKind::None});
    hf.headerExtension = r.field({"rtp.hdr_ext", "Header extension", FieldKind::Hex, 32});
    hf.appBits = r.field({"rtp.ext.rfc5285.appbits", "Application Bits", FieldKind::Unsigned, 16, {}, 0x000f});
    hf.elementId = r.field({"rtp.ext.rfc5285.id", "Identifier", FieldKind::Unsigned, 8});
    hf.elementLength = r.field({"rtp.ext.rfc5285.len", "Length", FieldKind::Unsigned, 8});
    hf.elementData = r.field({"rtp.ext.rfc5285.data", "Extension Data", FieldKind::Bytes});
    hf.payload = r.field({"rtp.payload", "Payload", FieldKind::Bytes});
    hf.paddingData = r.field({"rtp.padding.data", "Padding data", FieldKind::Bytes});
    hf.paddingCount = r.field({"rtp.padding.count", "Padding count", FieldKind::Unsigned, 8});
}

}  // namespace rcvmon

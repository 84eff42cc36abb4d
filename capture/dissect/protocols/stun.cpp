// SPDX-License-Identifier: GPL-2.0-or-later
// STUN (RFC 8489 §5, §14), UDP port 3478 and, as Wireshark's enabled heuristic, any UDP
// payload with the magic cookie and a matching length: the message type, the username and
// (XOR-)mapped addresses that the Info column shows.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct StunFields {
    FieldId type, typeClass, typeMethod, length, cookie, id, attType, attLength, family, port, ipv4, ipv6, username,
        errorClass, errorCode;
} hf;

constexpr std::uint32_t kMagicCookie = 0x2112a442;
enum : std::uint16_t { MappedAddress = 0x0001, Username = 0x0006, ErrorCode = 0x0009, XorMappedAddress = 0x0020 };

std::string_view methodName(std::uint64_t method)
{
    switch (method) {
    case 0x001: return "Binding";
    case 0x002: return "SharedSecret";
    case 0x003: return "Allocate";
    case 0x004: return "Refresh";
    case 0x006: return "Send";
    case 0x007: return "Data";
    case 0x008: return "CreatePermission";
    case 0x009: return "ChannelBind";
    case 0x00a: return "Connect";
    case 0x00b: return "ConnectionBind";
    case 0x00c: return "ConnectionAttempt";
    default: return "Unknown";
    }
}

constexpr std::string_view kClasses[] = {"Request", "Indication", "Success Response", "Error Response"};

void writeInfo(const LayerView& layer, std::string& out)
{
    const std::uint64_t type = layer.number(hf.type);
    const std::uint64_t method = (type & 0x000f) | ((type & 0x00e0) >> 1) | ((type & 0x3e00) >> 2);
    out += methodName(method);
    out += ' ';
    out += kClasses[((type >> 4) & 1) | ((type >> 7) & 2)];
    const Dissection& d = layer.dissection();
    std::uint64_t attribute = 0, port = 0;
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != layer.layer()) continue;
        if (f.id == hf.attType) {
            attribute = f.number;
        } else if (f.id == hf.username) {
            out += " user: ";
            out += d.valueText(f);
        } else if ((f.id == hf.ipv4 || f.id == hf.ipv6) &&
                   (attribute == MappedAddress || attribute == XorMappedAddress)) {
            out += attribute == XorMappedAddress ? " XOR-MAPPED-ADDRESS: " : " MAPPED-ADDRESS: ";
            if (f.id == hf.ipv6) out += '[';
            d.appendValue(f, out);
            if (f.id == hf.ipv6) out += ']';
            out += ':';
            appendDecimal(out, port);
        } else if (f.id == hf.port) {
            port = f.number;  // it precedes the address in the message
        } else if (f.id == hf.errorCode) {
            out += " error-code: ";
            appendDecimal(out, f.number);
        }
    }
}

// A (XOR-)MAPPED-ADDRESS value (RFC 8489 §14.1-14.2): family, port and address, the XOR
// variant masked with the cookie and transaction ID.
void dissectAddress(LayerCursor& c, std::size_t length, bool xored, ByteSpan transactionId)
{
    if (length < 8) return;
    c.skip(1);
    const std::uint8_t family = c.u8(hf.family);
    const std::uint16_t port = c.u16();
    if (!c.ok()) return;
    c.add(hf.port, c.pos() - 2, 2, xored ? port ^ (kMagicCookie >> 16) : port);
    const std::size_t size = family == 2 ? 16 : 4;
    if (length < 4 + size) return;
    const std::size_t at = c.pos();
    const ByteSpan raw = c.bytes(size);
    if (!c.ok()) return;
    std::uint8_t address[16];
    static constexpr std::uint8_t Cookie[4] = {0x21, 0x12, 0xa4, 0x42};
    for (std::size_t i = 0; i < size && i < sizeof address && i < 4 + transactionId.size(); ++i)
        address[i] = xored ? raw[i] ^ (i < 4 ? Cookie[i] : transactionId[i - 4]) : raw[i];
    c.ctx().out.addBytesField(size == 16 ? hf.ipv6 : hf.ipv4, c.layer(), c.absolute(at), ByteSpan(address, size));
}

void dissectMessage(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "STUN", "stun", p.data, p.at, p.reported);
    ctx.setProtocol("STUN");
    const std::uint16_t type = c.u16(hf.type);
    if (!c.ok()) return;
    c.add(hf.typeClass, 0, 2, type & 0x110);
    c.add(hf.typeMethod, 0, 2, type & 0x3eef);
    ctx.setInfo(writeInfo, c.layer());
    const std::uint16_t length = c.u16(hf.length);
    c.bytes(4, hf.cookie);
    const ByteSpan transactionId = c.bytes(12, hf.id);
    const std::size_t end = 20 + std::size_t{length};
    for (int guard = 0; guard < 128 && c.ok() && c.pos() + 4 <= end; ++guard) {
        const std::uint16_t attribute = c.u16(hf.attType);
        const std::uint16_t attLength = c.u16(hf.attLength);
        if (!c.ok()) return;
        const std::size_t valueEnd = c.pos() + attLength;
        switch (attribute) {
        case MappedAddress: dissectAddress(c, attLength, false, transactionId); break;
        case XorMappedAddress: dissectAddress(c, attLength, true, transactionId); break;
        case Username: {
            const std::size_t at = c.pos();
            const ByteSpan text = c.bytes(attLength);
            if (c.ok())
                ctx.out.addTextField(hf.username, c.layer(), c.absolute(at), attLength,
                                     std::string_view(reinterpret_cast<const char*>(text.data()), text.size()));
            break;
        }
        case ErrorCode:
            if (attLength >= 4) {
                c.skip(2);
                const std::uint8_t cls = c.u8(hf.errorClass);
                const std::uint8_t number = c.u8();
                if (c.ok()) c.add(hf.errorCode, c.pos() - 2, 2, (cls & 7) * 100u + number);
            }
            break;
        default: break;
        }
        if (!c.ok() || c.pos() > valueEnd) return;
        // Values are padded to 4 bytes (RFC 8489 §14).
        c.skip(valueEnd - c.pos() + ((4 - attLength % 4) % 4));
    }
}

bool dissectStunPort(DissectContext& ctx, const Payload& p)
{
    dissectMessage(ctx, p);
    return true;
}

bool looksLikeStun(const Payload& p)
{
    const ByteSpan d = p.data;
    if (d.size() < 20 || (d[0] & 0xc0) != 0) return false;
    const std::uint32_t cookie = std::uint32_t{d[4]} << 24 | std::uint32_t{d[5]} << 16 | d[6] << 8 | d[7];
    const std::size_t length = std::size_t{d[2]} << 8 | d[3];
    return cookie == kMagicCookie && length % 4 == 0 && 20 + length == p.reported;
}

bool dissectStunHeuristic(DissectContext& ctx, const Payload& p)
{
    if (!looksLikeStun(p)) return false;
    dissectMessage(ctx, p);
    return true;
}

}  // namespace

void registerStun(ProtocolRegistrar& r)
{
    r.protocol("stun");
    hf.type = r.field({"stun.type", "Message Type", FieldKind::Hex, 16});
    hf.typeClass = r.field({"stun.type.class", "Message Class", FieldKind::Hex, 16, {}, 0x110});
    hf.typeMethod = r.field({"stun.type.method", "Message Method", FieldKind::Hex, 16, {}, 0x3eef});
    hf.length = r.field({"stun.length", "Message Length", FieldKind::Unsigned, 16});
    hf.cookie = r.field({"stun.cookie", "Message Cookie", FieldKind::Bytes});
    hf.id = r.field({"stun.id", "Message Transaction ID", FieldKind::Bytes});
    hf.attType = r.field({"stun.att.type", "Attribute Type", FieldKind::Hex, 16});
    hf.attLength = r.field({"stun.att.length", "Attribute Length", FieldKind::Unsigned, 16});
    hf.family = r.field({"stun.att.family", "Protocol Family", FieldKind::Hex, 8});
    hf.port = r.field({"stun.att.port", "Port", FieldKind::Unsigned, 16});
    hf.ipv4 = r.field({"stun.att.ipv4", "IP", FieldKind::Ipv4});
    hf.ipv6 = r.field({"stun.att.ipv6", "IP", FieldKind::Ipv6});
    hf.username = r.field({"stun.att.username", "Username", FieldKind::String});
    hf.errorClass = r.field({"stun.att.error.class", "Error Class", FieldKind::Unsigned, 8, {}, 0x7});
    hf.errorCode = r.field({"stun.att.error", "Error Code", FieldKind::Unsigned, 8});
    r.udpPort(3478, dissectStunPort);
    r.udpHeuristic(dissectStunHeuristic);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// WireGuard (whitepaper §5.4), found as Wireshark finds it: by its UDP heuristic, a message
// type 1-4 with three zero bytes and the length that type has. Fields are little-endian.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"

#include <cstdio>

namespace rcvmon {
namespace {

struct WgFields {
    FieldId type, reserved, sender, receiver, counter;
} hf;

enum : std::uint8_t { Initiation = 1, Response = 2, CookieReply = 3, TransportData = 4 };

constexpr ValueName kTypes[] = {
    {1, "Handshake Initiation"}, {2, "Handshake Response"}, {3, "Cookie Reply"}, {4, "Transport Data"}};

void appendIndex(std::string& out, std::string_view label, std::uint64_t value)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08X", static_cast<unsigned>(value));
    out += label;
    out += text;
}

// "Handshake Initiation, sender=0x7A0B1C8F", "Transport Data, receiver=0x…, counter=5, datalen=16".
void writeInfo(const LayerView& layer, std::string& out)
{
    const std::uint64_t type = layer.number(hf.type);
    // The encrypted packet is what follows the 16-byte header, less its 16-byte tag.
    const std::uint32_t length = layer.dissection().layers()[layer.layer()].length;
    const std::uint32_t datalen = length >= 32 ? length - 32 : 0;
    const bool keepalive = type == TransportData && datalen == 0;
    out += keepalive ? std::string_view("Keepalive") : valueName(fieldInfo(hf.type), type);
    if (layer.has(hf.sender)) appendIndex(out, ", sender=", layer.number(hf.sender));
    if (layer.has(hf.receiver)) appendIndex(out, ", receiver=", layer.number(hf.receiver));
    if (layer.has(hf.counter)) {
        out += ", counter=";
        appendDecimal(out, layer.number(hf.counter));
    }
    if (type == TransportData && !keepalive) {
        out += ", datalen=";
        appendDecimal(out, datalen);
    }
}

bool validLength(std::uint8_t type, std::size_t length)
{
    switch (type) {
    case Initiation: return length == 148;
    case Response: return length == 92;
    case CookieReply: return length == 64;
    case TransportData: return length >= 32 && length % 16 == 0;
    default: return false;
    }
}

std::uint64_t littleEndian(ByteSpan b)
{
    std::uint64_t v = 0;
    for (std::size_t i = b.size(); i-- > 0;) v = v << 8 | b[i];
    return v;
}

bool dissectWireGuard(DissectContext& ctx, const Payload& p)
{
    const ByteSpan d = p.data;
    if (d.size() < 4 || d[1] != 0 || d[2] != 0 || d[3] != 0 || !validLength(d[0], p.reported)) return false;
    LayerCursor c(ctx, "WireGuard", "wg", p.data, p.at, p.reported);
    ctx.setProtocol("WireGuard");
    const std::uint8_t type = c.u8(hf.type);
    c.bytes(3, hf.reserved);
    ctx.setInfo(writeInfo, c.layer());
    const auto index = [&](FieldId id) {
        const ByteSpan b = c.bytes(4);
        if (c.ok()) c.add(id, c.pos() - 4, 4, littleEndian(b));
    };
    if (type == Initiation || type == Response) index(hf.sender);
    if (type != Initiation) index(hf.receiver);
    if (type == TransportData) {
        const ByteSpan b = c.bytes(8);
        if (c.ok()) c.add(hf.counter, c.pos() - 8, 8, littleEndian(b));
    }
    return true;
}

}  // namespace

void registerWireGuard(ProtocolRegistrar& r)
{
    r.protocol("wg");
    hf.type = r.field({"wg.type", "Type", FieldKind::Unsigned, 8, kTypes});
    hf.reserved = r.field({"wg.reserved", "Reserved", FieldKind::Bytes});
    hf.sender = r.field({"wg.sender", "Sender", FieldKind::Hex, 32});
    hf.receiver = r.field({"wg.receiver", "Receiver", FieldKind::Hex, 32});
    hf.counter = r.field({"wg.counter", "Counter", FieldKind::Unsigned, 64});
    r.udpHeuristic(dissectWireGuard);
}

}  // namespace rcvmon

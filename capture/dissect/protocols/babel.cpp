// SPDX-License-Identifier: GPL-2.0-or-later
// Babel (RFC 8966 §4), UDP port 6696: the packet header and the type of each TLV, which
// the Info column lists in order.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct BabelFields {
    FieldId magic, version, bodyLength, message, messageType, messageLength;
} hf;

constexpr ValueName kMessageTypes[] = {
    {0, "pad1"},        {1, "padn"},     {2, "ack-req"},     {3, "ack"},
    {4, "hello"},       {5, "ihu"},      {6, "router-id"},   {7, "nh"},
    {8, "update"},      {9, "request"},  {10, "mh-request"}, {11, "ts/pc (obsolete)"},
    {12, "hmac"},       {13, "source-specific-update"},      {14, "source-specific-req"},
    {15, "source-specific-seqno"},       {16, "hmac"},       {17, "pc"},
    {18, "challenge-request"},           {19, "challenge-reply"}};

void writeInfo(const LayerView& layer, std::string& out)
{
    out += "Babel";
    layer.forEach(hf.message, [&](const FieldRecord& f) {
        out += ' ';
        const std::string_view name = valueName(fieldInfo(hf.messageType), f.number);
        out += name.empty() ? std::string_view("unknown") : name;
    });
}

bool dissectBabel(DissectContext& ctx, const Payload& p)
{
    // Wireshark's Babel takes only packets with its magic and version 2.
    if (p.data.size() < 2 || p.data[0] != 42 || p.data[1] != 2) return false;
    LayerCursor c(ctx, "Babel", "babel", p.data, p.at, p.reported);
    ctx.setProtocol("Babel");
    ctx.setInfo(writeInfo, c.layer());
    c.u8(hf.magic);
    c.u8(hf.version);
    const std::uint16_t bodyLength = c.u16(hf.bodyLength);
    if (!c.ok()) return true;
    // The body, then the packet trailer (RFC 8966 §4.2) up to the end of the datagram.
    const std::size_t bodyEnd = c.pos() + bodyLength;
    for (const std::size_t end : {bodyEnd, c.size()}) {
        for (int guard = 0; guard < 512 && c.ok() && c.pos() < end; ++guard) {
            const std::size_t at = c.pos();
            const std::uint8_t type = c.u8();
            if (!c.ok()) return true;
            c.add(hf.message, at, 1, type);
            c.add(hf.messageType, at, 1, type);
            if (type == 0) continue;  // Pad1 is a single byte
            const std::uint8_t length = c.u8(hf.messageLength);
            // A message longer than what is left ends the walk; Wireshark's packet-babel.c
            // throws no exception for it (its items are clipped to the packet).
            if (c.ok() && c.pos() + length > end) return true;
            c.skip(length);
        }
    }
    return true;
}

}  // namespace

void registerBabel(ProtocolRegistrar& r)
{
    r.protocol("babel");
    hf.magic = r.field({"babel.magic", "Magic", FieldKind::Unsigned, 8});
    hf.version = r.field({"babel.version", "Version", FieldKind::Unsigned, 8});
    hf.bodyLength = r.field({"babel.bodylen", "Body Length", FieldKind::Unsigned, 16});
    hf.message = r.field({"babel.message", "Message", FieldKind::Unsigned, 8});
    hf.messageType = r.field({"babel.message.type", "Message Type", FieldKind::Unsigned, 8, kMessageTypes});
    hf.messageLength = r.field({"babel.message.length", "Message Length", FieldKind::Unsigned, 8});
    r.udpPort(6696, dissectBabel);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// RDP fast-path PDUs (MS-RDPBCGR §2.2.8.1.2 input, §2.2.9.1.2 output), which replace the
// TPKT header once a session runs: a header byte whose low two bits are 0, a one- or two-byte
// length, the data signature when the PDU is encrypted, then input events (client to server)
// or update headers (server to client). Wireshark names each in Info after "Fast-Path PDU"
// and reads them even when encrypted, so an encrypted update's size usually runs past the
// PDU: the exception Wireshark shows as "[Malformed Packet]".
#include "dissect/protocols/tcp_conversations_app.h"
#include "dissect/protocols/tpkt/tpkt.h"
#include "dissect/protocols/value_names.h"

#include <string>

namespace rcvmon {
namespace {

struct FastPathFields {
    FieldId header, action, numEvents, flags, reserved, length, numEvents2, eventHeader, fragmentation,
        compression, compressionFlags, size;
} hf;

constexpr std::uint8_t kEncrypted = 0x2;  // of the header's two flag bits
constexpr std::uint32_t kCutEvent = 0x80000000u;  // an input event whose body ran past the PDU

constexpr ValueName kEvents[] = {
    {0, "Scancode"}, {1, "Mouse"}, {2, "MouseEx"}, {3, "Sync"}, {4, "Unicode"}, {6, "QoE timestamp"},
};
constexpr ValueName kUpdates[] = {
    {0, "Orders"}, {1, "Bitmap"}, {2, "Palette"}, {3, "Synchronize"}, {4, "Surface"}, {5, "NullPointer"},
    {6, "DefaultPointer"}, {8, "PointerPosition"}, {9, "ColorPointer"}, {10, "CachedPointer"},
    {11, "NewPointer"}, {12, "LargePointer"},
};

// Bytes an input event takes after its header byte; events Wireshark 4.0 does not know take none.
std::size_t eventBody(std::uint8_t code)
{
    switch (code) {
    case 0: return 1;
    case 1: case 2: return 6;
    case 4: return 2;
    case 6: return 4;
    default: return 0;
    }
}

void writeInfo(const LayerView& layer, std::string& out)
{
    out += "Fast-Path PDU";
    const auto appendEvent = [&](std::uint64_t code) {
        const std::string_view name = valueName(kEvents, code);
        if (name.empty()) return;
        out += ',';
        out += name;
    };
    layer.forEach(hf.eventHeader, [&](const FieldRecord& f) { appendEvent(f.number >> 5); });
    // Wireshark names an event or update before reading it and adds its tree items only after:
    // what ran past the PDU rides on the length field's spare word, as no field of its own.
    const FieldRecord* length = layer.field(hf.length);
    const std::uint32_t codes = length ? length->aux : 0;
    if (codes & kCutEvent) return appendEvent(codes & 0x07);
    for (std::uint32_t i = 0; i < ((codes >> 28) & 7); ++i) {
        out += ',';
        out += valueName(kUpdates, (codes >> (4 * i)) & 0x0f, "Unknown");
    }
}

}  // namespace

std::size_t rdpFastPathLength(ByteSpan b)
{
    if (b.size() < 2 || (b[0] & 0x03) != 0) return 0;
    if (!(b[1] & 0x80)) return b[1];
    return b.size() < 3 ? 0 : ((std::size_t{b[1]} & 0x7f) << 8) | b[2];
}

void dissectRdpFastPath(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "RDP", "rdp", p.data, p.at, p.reported);
    ctx.setProtocol("RDP");
    ctx.setInfo(writeInfo, c.layer());
    // Input when sent to the server MCS Connect-Initial went to; before one, Wireshark reads
    // every fast-path PDU as output.
    const std::uint32_t* word = appConversationWord(ctx);
    const std::uint32_t* server = appConversationWord(ctx, 1);
    const bool input = word && server && (*word & kMcsConnected) && tcpDestinationPort(ctx) == *server;
    const std::uint8_t header = c.u8(hf.header);
    c.add(hf.action, 0, 1, header & 0x03);
    c.add(input ? hf.numEvents : hf.reserved, 0, 1, (header >> 2) & 0x0f);
    c.add(hf.flags, 0, 1, header >> 6);
    std::size_t length = c.u8();
    if (length & 0x80) length = ((length & 0x7f) << 8) | c.u8();
    if (!c.ok()) return;
    const std::uint32_t lengthField = c.add(hf.length, 1, c.pos() - 1, length);
    if ((header >> 6) & kEncrypted) c.skip(8);  // dataSignature
    if (input) {
        std::size_t events = (header >> 2) & 0x0f;
        if (events == 0) events = c.u8(hf.numEvents2);
        for (std::size_t i = 0; i < events && c.ok(); ++i) {
            // Wireshark adds no item for an event code it does not know (and reads only its header).
            // Info names the event before its body is read; the tree item comes after.
            const std::uint8_t event = c.u8();
            if (!c.ok()) return;
            const std::size_t at = c.pos() - 1;
            if (!c.need(eventBody(event >> 5))) {
                ctx.out.setAux(lengthField, kCutEvent | (event >> 5));
                return;
            }
            if (!valueName(kEvents, event >> 5).empty()) c.add(hf.eventHeader, at, 1, event);
            c.skip(eventBody(event >> 5));
        }
        return;
    }
    std::uint32_t codes = 0;
    for (std::uint32_t i = 0; i < 7 && c.ok() && c.pos() < length; ++i) {
        const std::size_t at = c.pos();
        const std::uint8_t update = c.u8();
        if (!c.ok()) return;
        codes = ((i + 1) << 28) | (codes & 0x0fffffffu) | (std::uint32_t{update & 0x0fu} << (4 * i));
        ctx.out.setAux(lengthField, codes);
        // Wireshark's exception comes before the update's tree items when its size runs past.
        const bool compressed = (update >> 6) != 0;  // it reads the flags whenever the bits are set
        const std::uint8_t flags = compressed ? c.u8() : 0;
        const std::uint16_t size = c.u16le();
        if (!c.need(size)) return;
        c.add(hf.fragmentation, at, 1, (update >> 4) & 3);
        c.add(hf.compression, at, 1, update >> 6);
        if (compressed) c.add(hf.compressionFlags, at + 1, 1, flags & 0x0f);
        c.add(hf.size, c.pos() - 2, 2, size);
        c.skip(size);
    }
}

void registerRdpFastPath(ProtocolRegistrar& r)
{
    r.protocol("rdp");
    hf.header = r.field({"rdp.fastpath.header", "Header", FieldKind::Hex, 8});
    hf.action = r.field({"rdp.fastpath.action", "Action", FieldKind::Unsigned, 8, {}, 0x03});
    hf.numEvents = r.field({"rdp.fastpath.numevents", "numEvents", FieldKind::Unsigned, 8, {}, 0x3c});
    hf.flags = r.field({"rdp.fastpath.flags", "flags", FieldKind::Unsigned, 8, {}, 0xc0});
    hf.reserved = r.field({"rdp.fastpath.reserved", "Reserved", FieldKind::Hex, 8, {}, 0x3c});
    hf.length = r.field({"rdp.fastpathPDULength", "fastpathPDULength", FieldKind::Unsigned, 16});
    hf.numEvents2 = r.field({"rdp.fastpath.numevents2", "NumEvents2", FieldKind::Unsigned, 8});
    hf.eventHeader = r.field({"rdp.fastpath.eventheader", "EventHeaderCode", FieldKind::Hex, 8});
    hf.fragmentation = r.field({"rdp.fastpath.serverfragmentation", "Fragmentation", FieldKind::Unsigned, 8, {}, 0x30});
    hf.compression = r.field({"rdp.fastpath.servercompression", "Compression", FieldKind::Hex, 8, {}, 0xc0});
    hf.compressionFlags = r.field({"rdp.fastpath.server.compressionflags", "CompressionFlags", FieldKind::Hex, 8, {}, 0x0f});
    hf.size = r.field({"rdp.fastpath.server.size", "Size", FieldKind::Unsigned, 16});
}

}  // namespace rcvmon

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
    FieldId header, action, numEvents, flags, reserved, length, numEvents2, eventHeader, updateCode, fragmentation,
        compression, compressionFlags, size;
} hf;

constexpr std::uint16_t kRdpPort = 3389;
constexpr std::uint8_t kEncrypted = 0x2;  // of the header's two flag bits

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
    layer.forEach(hf.eventHeader, [&](const FieldRecord& f) {
        const std::string_view name = valueName(kEvents, f.number >> 5);
        if (name.empty()) return;
        out += ',';
        out += name;
    });
    layer.forEach(hf.updateCode, [&](const FieldRecord& f) {
        out += ',';
        out += valueName(kUpdates, f.number, "Unknown");
    });
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
    const bool input = tcpDestinationPort(ctx) == kRdpPort;
    const std::uint8_t header = c.u8(hf.header);
    c.add(hf.action, 0, 1, header & 0x03);
    c.add(input ? hf.numEvents : hf.reserved, 0, 1, (header >> 2) & 0x0f);
    c.add(hf.flags, 0, 1, header >> 6);
    std::size_t length = c.u8();
    if (length & 0x80) length = ((length & 0x7f) << 8) | c.u8();
    if (!c.ok()) return;
    c.add(hf.length, 1, c.pos() - 1, length);
    if ((header >> 6) & kEncrypted) c.skip(8);  // dataSignature
    if (input) {
        std::size_t events = (header >> 2) & 0x0f;
        if (events == 0) events = c.u8(hf.numEvents2);
        for (std::size_t i = 0; i < events && c.ok(); ++i) {
            const std::uint8_t event = c.u8(hf.eventHeader);
            c.skip(eventBody(event >> 5));
        }
        return;
    }
    for (int guard = 0; guard < 256 && c.ok() && c.pos() < length; ++guard) {
        const std::size_t at = c.pos();
        const std::uint8_t update = c.u8();
        if (!c.ok()) return;
        c.add(hf.updateCode, at, 1, update & 0x0f);
        c.add(hf.fragmentation, at, 1, (update >> 4) & 3);
        c.add(hf.compression, at, 1, update >> 6);
        // Wireshark reads the compression flags whenever the compression bits are not 0.
        if ((update >> 6) != 0) c.u8(hf.compressionFlags);
        const std::uint16_t size = c.u16le(hf.size);
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
    // Wireshark's name for the update header's code, whatever it says.
    hf.updateCode = r.field({"rdp.fastpath.clienteventcode", "Code", FieldKind::Unsigned, 8, kUpdates, 0x0f});
    hf.fragmentation = r.field({"rdp.fastpath.serverfragmentation", "Fragmentation", FieldKind::Unsigned, 8, {}, 0x30});
    hf.compression = r.field({"rdp.fastpath.servercompression", "Compression", FieldKind::Hex, 8, {}, 0xc0});
    hf.compressionFlags = r.field({"rdp.fastpath.server.compressionflags", "CompressionFlags", FieldKind::Hex, 8, {}, 0x0f});
    hf.size = r.field({"rdp.fastpath.server.size", "Size", FieldKind::Unsigned, 16});
}

}  // namespace rcvmon

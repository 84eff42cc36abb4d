// SPDX-License-Identifier: GPL-2.0-or-later
// NetBIOS datagram service (RFC 1002 §4.4), UDP port 138: the header, the source and
// destination NetBIOS names, and the user data, which Windows fills with SMB mailslot
// messages (the browser announcements most LANs are full of).
#include "dissect/protocols/context.h"

#include <string>

namespace rcvmon {
namespace {

constexpr std::uint8_t DirectUnique = 0x10, DirectGroup = 0x11, Broadcast = 0x12;
constexpr std::uint8_t QueryRequest = 0x14, PositiveQueryResponse = 0x15, NegativeQueryResponse = 0x16;
constexpr std::size_t NetbiosNameLength = 16;

// Reads one encoded NetBIOS name (RFC 1001 §14.1: 32 letters 'A'..'P', two per byte, then
// the scope's labels) at the cursor, and adds it as Wireshark shows it: the first 15 bytes,
// unprintable ones as <xx>, trailing spaces trimmed, ".scope", then the 16th byte as <xx>.
bool readNetbiosName(LayerCursor& c, FieldId id)
{
    const std::size_t start = c.pos();
    const std::uint8_t encodedLength = c.u8();
    const ByteSpan encoded = c.bytes(encodedLength);
    if (!c.ok()) return false;
    if (encodedLength != 2 * NetbiosNameLength) {
        c.malformed();
        return false;
    }
    std::uint8_t raw[NetbiosNameLength];
    for (std::size_t i = 0; i < NetbiosNameLength; ++i) {
        const std::uint8_t hi = encoded[2 * i] - 'A', lo = encoded[2 * i + 1] - 'A';
        if (hi > 15 || lo > 15) {
            c.malformed();
            return false;
        }
        raw[i] = static_cast<std::uint8_t>(hi << 4 | lo);
    }
    static constexpr char Hex[] = "0123456789abcdef";
    const auto appendByte = [](std::string& s, std::uint8_t b) {
        s += '<';
        s += Hex[b >> 4];
        s += Hex[b & 15];
        s += '>';
    };
    // Scratch that keeps its capacity from packet to packet.
    thread_local std::string name;
    name.clear();
    for (std::size_t i = 0; i + 1 < NetbiosNameLength; ++i) {
        if (raw[i] >= ' ' && raw[i] <= '~') {
            name += static_cast<char>(raw[i]);
        } else {
            appendByte(name, raw[i]);
        }
    }
    while (!name.empty() && name.back() == ' ') name.pop_back();
    for (int guard = 0; guard < 64; ++guard) {
        const std::uint8_t label = c.u8();
        if (!c.ok()) return false;
        if (label == 0) break;
        const ByteSpan text = c.bytes(label);
        if (!c.ok()) return false;
        name += '.';
        name.append(reinterpret_cast<const char*>(text.data()), text.size());
    }
    appendByte(name, raw[NetbiosNameLength - 1]);
    c.ctx().out.addTextField(id, c.layer(), c.absolute(start), static_cast<std::uint32_t>(c.pos() - start), name);
    return true;
}

}  // namespace

void dissectNbdgm(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "NBDS", "nbdgm", p.data, p.at, p.reported);
    // Wireshark names these frames after what they carry; "BROWSER" is by far the common case.
    ctx.setProtocol("BROWSER");
    const std::uint8_t type = c.u8(field::NbdgmType);
    c.u8();  // flags
    c.u16(field::NbdgmDgramId);
    c.bytes(4, field::NbdgmSrcIp);
    c.u16(field::NbdgmSrcPort);
    if (!c.ok()) return;
    if (type == DirectUnique || type == DirectGroup || type == Broadcast) {
        c.u16();  // datagram length
        c.u16();  // packet offset
        if (!readNetbiosName(c, field::NbdgmSourceName) || !readNetbiosName(c, field::NbdgmDestinationName)) return;
        const Payload user = payloadAfter(c, c.reportedRemaining());
        if (!user.data.empty() && !dissectSmbDatagram(ctx, user)) dissectData(ctx, user);
    } else if (type == QueryRequest || type == PositiveQueryResponse || type == NegativeQueryResponse) {
        readNetbiosName(c, field::NbdgmDestinationName);
    }
}

}  // namespace rcvmon

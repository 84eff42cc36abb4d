// SPDX-License-Identifier: GPL-2.0-or-later
// SAP (RFC 2974), UDP port 9875: multicast session announcements, each an SDP body after the
// header, the originating source, any authentication data and an optional payload type.
#include "dissect/field_format.h"
#include "dissect/protocols/rtp/rtp.h"

#include <cstring>

namespace rcvmon {
namespace {

struct SapFields {
    FieldId flags, version, addressType, reserved, messageType, encrypted, compressed, authLength, hash, source,
        payloadType;
} hf;

constexpr ValueName kVersions[] = {{0, "SAPv0"}, {1, "SAPv1 or later"}};
constexpr ValueName kAddressTypes[] = {{0, "IPv4"}, {1, "IPv6"}};
constexpr ValueName kSet[] = {{0, "Not set"}, {1, "Set"}};
constexpr ValueName kMessageTypes[] = {{0, "Announcement"}, {1, "Deletion"}};
constexpr ValueName kEncrypted[] = {{0, "Payload not encrypted"}, {1, "Payload encrypted"}};
constexpr ValueName kCompressed[] = {{0, "Payload not compressed"}, {1, "Payload compressed"}};

// "Announcement (v1)".
void writeInfo(const LayerView& layer, std::string& out)
{
    out += layer.number(hf.messageType) != 0 ? "Deletion (v" : "Announcement (v";
    appendDecimal(out, layer.number(hf.version));
    out += ')';
}

bool dissectSap(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "Session Announcement Protocol", "sap", p.data, p.at, p.reported);
    ctx.setProtocol("SAP");
    const std::uint8_t flags = c.u8(hf.flags);
    if (!c.ok()) return true;
    c.add(hf.version, 0, 1, flags >> 5);
    c.add(hf.addressType, 0, 1, (flags >> 4) & 1);
    c.add(hf.reserved, 0, 1, (flags >> 3) & 1);
    c.add(hf.messageType, 0, 1, (flags >> 2) & 1);
    c.add(hf.encrypted, 0, 1, (flags >> 1) & 1);
    c.add(hf.compressed, 0, 1, flags & 1);
    ctx.setInfo(writeInfo, c.layer());
    const std::uint8_t authWords = c.u8(hf.authLength);
    c.u16(hf.hash);
    if (flags & 0x10) {
        c.skip(16);
    } else {
        c.bytes(4, hf.source);
    }
    c.skip(std::size_t{authWords} * 4);
    // An encrypted or compressed payload is not SDP text.
    if (!c.ok() || (flags & 0x03) != 0) return true;
    // The payload type is a NUL-terminated MIME type, absent when the SDP starts at once.
    const ByteSpan rest = c.rest();
    if (!(rest.size() >= 2 && rest[0] == 'v' && rest[1] == '=')) {
        const void* nul = std::memchr(rest.data(), 0, rest.size());
        if (!nul) return true;
        const std::size_t length = static_cast<std::size_t>(static_cast<const std::uint8_t*>(nul) - rest.data());
        ctx.out.addTextField(hf.payloadType, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(length),
                             std::string_view(reinterpret_cast<const char*>(rest.data()), length));
        c.skip(length + 1);
    }
    if (!c.ok() || c.remaining() == 0) return true;
    c.setLength(c.pos());
    ctx.setProtocol("SAP/SDP");
    dissectSdp(ctx, payloadAfter(c, c.reportedRemaining()), SdpOrigin{ctx.frameNumber, {}});
    return true;
}

}  // namespace

void registerSap(ProtocolRegistrar& r)
{
    r.protocol("sap");
    hf.flags = r.field({"sap.flags", "Flags", FieldKind::Hex, 8});
    hf.version = r.field({"sap.flags.v", "Version Number", FieldKind::Unsigned, 8, kVersions, 0xe0});
    hf.addressType = r.field({"sap.flags.a", "Address Type", FieldKind::Bool, 8, kAddressTypes, 0x10});
    hf.reserved = r.field({"sap.flags.r", "Reserved", FieldKind::Bool, 8, kSet, 0x08});
    hf.messageType = r.field({"sap.flags.t", "Message Type", FieldKind::Bool, 8, kMessageTypes, 0x04});
    hf.encrypted = r.field({"sap.flags.e", "Encryption Bit", FieldKind::Bool, 8, kEncrypted, 0x02});
    hf.compressed = r.field({"sap.flags.c", "Compression Bit", FieldKind::Bool, 8, kCompressed, 0x01});
    hf.authLength = r.field({"sap.auth.len", "Authentication Length", FieldKind::Unsigned, 8});
    hf.hash = r.field({"sap.message_identifier_hash", "Message Identifier Hash", FieldKind::Hex, 16});
    hf.source = r.field({"sap.originating_source", "Originating Source", FieldKind::Ipv4});
    hf.payloadType = r.field({"sap.payload_type", "Payload type", FieldKind::String});
    r.udpPort(9875, dissectSap);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// Babel (RFC 8966) on UDP 6696: the packet header and the type of every TLV, which
// packet-babel.c lists in Info after "Babel".
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct BabelFields {
    FieldId magic, version, bodylen, messageType, messageLength;
} hf;

constexpr ValueName kTypes[] = {
    {0, "pad1"}, {1, "padn"}, {2, "ack-req"}, {3, "ack"}, {4, "hello"}, {5, "ihu"}, {6, "router-id"}, {7, "nh"},
    {8, "update"}, {9, "request"}, {10, "mh-request"}, {11, "ts/pc (obsolete)"}, {12, "hmac"},
    {13, "source-specific-update"}, {14, "source-specific-req"}, {15, "source-specific-seqno"}, {16, "hmac"},
    {17, "pc"}, {18, "challenge-request"}, {19, "challenge-reply"},
};

void writeInfo(const LayerView& l, std::string& out)
{
    out += "Babel";
    l.forEach(hf.messageType, [&](const FieldRecord& f) {
        out += ' ';
        out += valueName(kTypes, f.number, "unknown");
    });
}

bool dissectBabel(DissectContext& ctx, const Payload& p)
{
    // packet-babel.c takes only packets with its magic number and version 2.
    if (p.data.size() < 4 || p.data[0] != 42 || p.data[1] != 2) return false;
    LayerCursor c(ctx, "Babel", "babel", p.data, p.at, p.reported);
    ctx.setProtocol("Babel");
    ctx.setInfo(writeInfo, c.layer());
    c.u8(hf.magic);
    c.u8(hf.version);
    const std::uint16_t bodylen = c.u16(hf.bodylen);
    // The TLVs of the body, then those of the packet trailer (RFC 8966 §4.2).
    for (int guard = 0; guard < 512 && c.ok() && c.remaining() > 0; ++guard) {
        const std::size_t at = c.pos();
        const std::uint8_t type = c.u8(hf.messageType);
        if (type == 0) continue;  // Pad1 has no length
        const std::uint8_t length = c.u8(hf.messageLength);
        if (!c.skip(length)) break;
        (void)at;
    }
    (void)bodylen;
    return true;
}

}  // namespace

void registerBabel(ProtocolRegistrar& r)
{
    r.protocol("babel");
    hf.magic = r.field({"babel.magic", "Magic", FieldKind::Unsigned, 8});
    hf.version = r.field({"babel.version", "Version", FieldKind::Unsigned, 8});
    hf.bodylen = r.field({"babel.bodylen", "Body Length", FieldKind::Unsigned, 16});
    hf.messageType = r.field({"babel.message.type", "Message Type", FieldKind::Unsigned, 8, kTypes});
    hf.messageLength = r.field({"babel.message.length", "Message Length", FieldKind::Unsigned, 8});
    r.udpPort(6696, dissectBabel);
}

}  // namespace rcvmon

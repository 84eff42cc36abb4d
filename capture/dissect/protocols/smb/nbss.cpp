// SPDX-License-Identifier: GPL-2.0-or-later
// NetBIOS session service (RFC 1002 §4.3) on TCP 139, and SMB's direct hosting on TCP 445
// (MS-SMB2 §2.1: the same 4-byte header with a 24-bit length). Each message's header, then
// SMB or SMB2 inside a session message.
#include "dissect/protocols/smb/smb.h"
#include "dissect/protocols/tcp_message.h"

#include <string>

namespace rcvmon {
namespace {

struct NbssFields {
    FieldId type, flags, length, calledName, callingName, continuation;
} hf;

constexpr ValueName kTypes[] = {
    {0x00, "Session message"}, {0x81, "Session request"}, {0x82, "Positive session response"},
    {0x83, "Negative session response"}, {0x84, "Retarget session response"}, {0x85, "Session keep-alive"},
};

bool validType(std::uint8_t t) { return t == 0 || (t >= 0x81 && t <= 0x85); }

void writeInfo(const LayerView& layer, std::string& out)
{
    const FieldRecord* t = layer.field(hf.type);
    if (!t) return;
    out += valueName(fieldInfo(hf.type), t->number);
    if (t->number == 0x81 && layer.has(hf.calledName)) {
        out += ", to ";
        out += layer.text(hf.calledName);
        out += " from ";
        out += layer.text(hf.callingName);
    }
}

void writeContinuation(const LayerView&, std::string& out) { out += "NBSS Continuation Message"; }

// A first-level encoded NetBIOS name (RFC 1001 §14.1) as Wireshark shows it: "NAME<20>".
std::size_t appendName(ByteSpan b, std::size_t at, std::string& out)
{
    out.clear();
    if (at >= b.size()) return 0;
    const std::size_t len = b[at];
    if (len != 32 || at + 1 + len > b.size()) return 0;
    char name[16];
    for (std::size_t i = 0; i < 16; ++i)
        name[i] = static_cast<char>(((b[at + 1 + 2 * i] - 'A') << 4) | ((b[at + 2 + 2 * i] - 'A') & 0xf));
    std::size_t end = 15;
    while (end > 0 && name[end - 1] == ' ') --end;
    for (std::size_t i = 0; i < end; ++i) out += name[i] >= 0x20 && name[i] < 0x7f ? name[i] : '.';
    static constexpr char kHex[] = "0123456789abcdef";
    out += '<';
    out += kHex[(static_cast<std::uint8_t>(name[15]) >> 4) & 0xf];
    out += kHex[static_cast<std::uint8_t>(name[15]) & 0xf];
    out += '>';
    std::size_t p = at + 1 + len;
    while (p < b.size() && b[p] != 0) p += 1 + std::size_t{b[p]};  // scope labels
    return p + 1 - at;
}

void dissectMessage(DissectContext& ctx, const Payload& p, int index, bool cifs)
{
    LayerCursor c(ctx, "NBSS", "nbss", p.data, p.at, p.reported);
    ctx.setProtocol("NBSS");
    if (index > 0) c.unlisted();
    const std::uint8_t type = p.data.empty() ? 0 : p.data[0];
    if (p.data.size() < 4 || !validType(type) || (!cifs && (p.data[1] & 0xfe) != 0)) {
        if (index == 0) ctx.setInfo(writeContinuation, c.layer());
        c.bytes(c.remaining(), hf.continuation);
        return;
    }
    ctx.setInfo(writeInfo, c.layer());
    c.u8(hf.type);
    std::size_t length = 0;
    if (cifs) {
        length = c.u24(hf.length);
    } else {
        const std::uint8_t flags = c.u8(hf.flags);
        length = c.u16() + (flags & 1 ? 0x10000u : 0u);
        c.add(hf.length, 2, 2, length);
    }
    c.setLength(4 + length);
    const Payload body = payloadAfter(c, length);
    if (type == 0x81) {
        thread_local std::string called, calling;
        const std::size_t used = appendName(body.data, 0, called);
        if (used && appendName(body.data, used, calling)) {
            ctx.out.addTextField(hf.calledName, c.layer(), body.at, static_cast<std::uint32_t>(used), called);
            ctx.out.addTextField(hf.callingName, c.layer(), body.at + static_cast<std::uint32_t>(used), 34, calling);
        }
        return;
    }
    if (type != 0 || body.data.empty()) return;
    const ByteSpan d = body.data;
    if (d.size() >= 4 && d[1] == 'S' && d[2] == 'M' && d[3] == 'B') {
        if (d[0] == 0xfe || d[0] == 0xfd) return dissectSmb2(ctx, body, index);
        if (d[0] == 0xff) return dissectSmb1(ctx, body, index);
    }
    dissectData(ctx, body);
}

void writeSessionMessage(const LayerView&, std::string& out) { out += "Session message"; }

void dissectStream(DissectContext& ctx, const Payload& p, bool cifs)
{
    // A message that goes on in later segments: Wireshark has named its type in Info first.
    const InfoWriter pending = !p.data.empty() && p.data[0] == 0 ? writeSessionMessage : nullptr;
    dissectTcpMessages(
        ctx, p,
        [cifs](ByteSpan b) -> std::size_t {
            if (b.size() < 4 || !validType(b[0]) || (!cifs && (b[1] & 0xfe) != 0)) return 0;
            const std::size_t len = cifs ? (std::size_t{b[1]} << 16) | (b[2] << 8) | b[3]
                                         : ((b[1] & 1u) << 16) | (std::size_t{b[2]} << 8) | b[3];
            return 4 + len;
        },
        [&](const Payload& m, int index) { dissectMessage(ctx, m, index, cifs); }, pending);
}

bool dissect139(DissectContext& ctx, const Payload& p)
{
    dissectStream(ctx, p, false);
    return true;
}

bool dissect445(DissectContext& ctx, const Payload& p)
{
    dissectStream(ctx, p, true);
    return true;
}

}  // namespace

void registerNbss(ProtocolRegistrar& r)
{
    r.protocol("nbss");
    hf.type = r.field({"nbss.type", "Message Type", FieldKind::Hex, 8, kTypes});
    hf.flags = r.field({"nbss.flags", "Flags", FieldKind::Hex, 8});
    hf.length = r.field({"nbss.length", "Length", FieldKind::Unsigned, 24});
    hf.calledName = r.field({"nbss.called_name", "Called name", FieldKind::String});
    hf.callingName = r.field({"nbss.calling_name", "Calling name", FieldKind::String});
    hf.continuation = r.field({"nbss.continuation_data", "Continuation data", FieldKind::Bytes});
    r.tcpPort(139, dissect139);
    r.tcpPort(445, dissect445);
}

}  // namespace rcvmon

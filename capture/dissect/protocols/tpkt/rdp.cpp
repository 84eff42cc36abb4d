// SPDX-License-Identifier: GPL-2.0-or-later
// RDP's connection negotiation (MS-RDPBCGR §2.2.1.1 and §2.2.1.2): the routing token or
// cookie line and the RDP_NEG_REQ of an X.224 connection request, the RDP_NEG_RSP or
// RDP_NEG_FAILURE of the confirm. Info as Wireshark writes it: "Cookie: mstshash=NAME,
// Negotiate Request", "Negotiate Response", "Negotiate Failure, failureCode …".
#include "dissect/protocols/tpkt/tpkt.h"
#include "dissect/protocols/value_names.h"

#include <string>

namespace rcvmon {
namespace {

struct RdpFields {
    FieldId cookie, negType, reqFlags, rspFlags, negLength, requested, selected, failureCode;
} hf;

constexpr std::uint8_t kNegReq = 1, kNegRsp = 2, kNegFailure = 3;

constexpr ValueName kNegTypes[] = {
    {1, "RDP Negotiation Request"}, {2, "RDP Negotiation Response"}, {3, "RDP Negotiation Failure"},
};

constexpr ValueName kProtocols[] = {
    {0, "Standard RDP Security"}, {1, "TLS"}, {2, "CredSSP"}, {4, "RDSTLS"}, {8, "CredSSP with Early User Auth"},
};

constexpr ValueName kFailures[] = {
    {1, "TLS required by server"}, {2, "TLS not allowed by server"}, {3, "TLS certificate not on server"},
    {4, "Inconsistent flags"}, {5, "Server requires Enhanced RDP Security with CredSSP"},
    {6, "Server requires Enhanced RDP Security with TLS and certificate-based client authentication"},
};

void writeInfo(const LayerView& layer, std::string& out)
{
    const std::size_t start = out.size();
    out += layer.text(hf.cookie);
    if (!layer.has(hf.negType)) return;
    if (out.size() > start) out += ", ";
    switch (layer.number(hf.negType)) {
    case kNegReq: out += "Negotiate Request"; break;
    case kNegRsp: out += "Negotiate Response"; break;
    default:
        out += "Negotiate Failure, failureCode ";
        appendNameOrNumber(out, valueName(kFailures, layer.number(hf.failureCode)), layer.number(hf.failureCode));
        break;
    }
}

std::uint32_t le32(ByteSpan b, std::size_t at)
{
    return b[at] | (std::uint32_t{b[at + 1]} << 8) | (std::uint32_t{b[at + 2]} << 16) | (std::uint32_t{b[at + 3]} << 24);
}

// The cookie line's length without its CR LF; 0 when the bytes do not start with one.
std::size_t cookieLength(ByteSpan b)
{
    static constexpr std::string_view kCookie = "Cookie: ";
    if (b.size() < kCookie.size()) return 0;
    for (std::size_t i = 0; i < kCookie.size(); ++i)
        if (static_cast<char>(b[i]) != kCookie[i]) return 0;
    for (std::size_t i = kCookie.size(); i + 1 < b.size(); ++i)
        if (b[i] == '\r' && b[i + 1] == '\n') return i;
    return 0;
}

}  // namespace

bool dissectRdpNegotiation(DissectContext& ctx, const Payload& p, bool request, std::uint16_t tpktLayer)
{
    const ByteSpan b = p.data;
    const std::size_t cookie = request ? cookieLength(b) : 0;
    const std::size_t neg = cookie ? cookie + 2 : 0;
    const bool haveNeg = b.size() >= neg + 8 && b[neg + 2] == 8 && b[neg + 3] == 0 &&
                         (request ? b[neg] == kNegReq : (b[neg] == kNegRsp || b[neg] == kNegFailure));
    if (!cookie && !haveNeg) return false;
    LayerCursor c(ctx, "RDP", "rdp", p.data, p.at, p.reported);
    ctx.setProtocol("RDP");
    ctx.setInfo(writeInfo, c.layer());
    // Wireshark's frame.protocols leaves TPKT out of a connection request RDP took.
    if (request) ctx.out.layer(tpktLayer).listed = false;
    if (cookie) {
        ctx.out.addTextField(hf.cookie, c.layer(), p.at, static_cast<std::uint32_t>(cookie),
                             std::string_view(reinterpret_cast<const char*>(b.data()), cookie));
        c.skip(neg);
    }
    if (!haveNeg) return true;
    const std::uint8_t type = c.u8(hf.negType);
    c.u8(type == kNegReq ? hf.reqFlags : type == kNegRsp ? hf.rspFlags : LayerCursor::kNone);
    const std::uint16_t length = c.u16le(hf.negLength);
    (void)length;
    const ByteSpan value = c.bytes(4);
    if (!c.ok()) return true;
    const FieldId id = type == kNegReq ? hf.requested : type == kNegRsp ? hf.selected : hf.failureCode;
    c.add(id, c.pos() - 4, 4, le32(value, 0));
    return true;
}

void registerRdp(ProtocolRegistrar& r)
{
    r.protocol("rdp");
    hf.cookie = r.field({"rdp.rt_cookie", "Routing Token/Cookie", FieldKind::String});
    hf.negType = r.field({"rdp.neg_type", "Type", FieldKind::Hex, 8, kNegTypes});
    hf.reqFlags = r.field({"rdp.negReq.flags", "Flags", FieldKind::Hex, 8});
    hf.rspFlags = r.field({"rdp.negRsp.flags", "Flags", FieldKind::Hex, 8});
    hf.negLength = r.field({"rdp.neg_length", "Length", FieldKind::Unsigned, 16});
    hf.requested = r.field({"rdp.negReq.requestedProtocols", "requestedProtocols", FieldKind::Hex, 32});
    hf.selected = r.field({"rdp.negReq.selectedProtocol", "selectedProtocol", FieldKind::Hex, 32, kProtocols});
    hf.failureCode = r.field({"rdp.negFailure.failureCode", "failureCode", FieldKind::Hex, 32, kFailures});
}

}  // namespace rcvmon

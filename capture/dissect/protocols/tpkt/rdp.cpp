// SPDX-License-Identifier: GPL-2.0-or-later
// RDP's connection negotiation (MS-RDPBCGR §2.2.1.1 and §2.2.1.2): the routing token or
// cookie line and the RDP_NEG_REQ of an X.224 connection request, the RDP_NEG_RSP or
// RDP_NEG_FAILURE of the confirm. Info as Wireshark writes it: "Cookie: mstshash=NAME,
// Negotiate Request", "Negotiate Response", "Negotiate Failure, failureCode …".
#include "dissect/protocols/tcp_conversations_app.h"
#include "dissect/protocols/tpkt/tpkt.h"
#include "dissect/protocols/value_names.h"

#include <string>

namespace rcvmon {
namespace {

struct RdpFields {
    FieldId cookie, negType, reqFlags, rspFlags, negLength, requested, selected, failureCode, flags, flagsHi,
        encryptionMethod, encryptionLevel, mcsChannelId;
} hf;

constexpr std::uint16_t kSecExchange = 0x0001, kSecEncrypt = 0x0008, kSecInfo = 0x0040, kSecLicense = 0x0080;
constexpr std::uint16_t kDefaultIoChannel = 1003;  // MCS_GLOBAL_CHANNEL, before the server names one

constexpr ValueName kEncryptionMethods[] = {
    {0, "None"}, {1, "40-bit RC4"}, {2, "128-bit RC4"}, {8, "56-bit RC4"}, {0x10, "FIPS"},
};
constexpr ValueName kEncryptionLevels[] = {
    {0, "None"}, {1, "Low"}, {2, "Client Compatible"}, {3, "High"}, {4, "FIPS"},
};

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

// Send data on the I/O channel: the security header's packet type, then "[Encrypted]"; on
// another channel "Virtual Channel PDU".
void writeSendData(const LayerView& layer, std::string& out)
{
    const FieldRecord* flagsField = layer.field(hf.flags);
    const std::uint64_t flags = flagsField ? flagsField->number : 0;
    const bool ioChannel = flagsField && flagsField->aux == 1;  // set by dissectRdpSendData
    const std::size_t start = out.size();
    if (!ioChannel) {
        out += "Virtual Channel PDU";
    } else if (flags & kSecExchange) {
        out += "SecurityExchange";
    } else if (flags & kSecInfo) {
        out += "ClientInfo";
    }
    if (flags & kSecEncrypt) {
        if (out.size() > start) out += ", ";
        out += "[Encrypted]";
    }
}

void writeClientData(const LayerView&, std::string& out) { out += "ClientData"; }

void writeServerData(const LayerView& layer, std::string& out)
{
    out += "ServerData";
    if (!layer.has(hf.encryptionMethod)) return;
    out += " Encryption: ";
    out += valueName(kEncryptionMethods, layer.number(hf.encryptionMethod), "Unknown");
    out += " (";
    out += valueName(kEncryptionLevels, layer.number(hf.encryptionLevel), "Unknown");
    out += ')';
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

void dissectRdpConnectData(DissectContext& ctx, const Payload& p, bool initial)
{
    // GCC's conference create request/response (T.124) wraps the client or server data blocks.
    LayerCursor c(ctx, "T.124", "t124", p.data, p.at, p.reported);
    ctx.setProtocol("RDP");
    ctx.setInfo(initial ? writeClientData : writeServerData, c.layer());
    if (initial) {
        // From here RDP reads send data, and knows which side is the server.
        if (std::uint32_t* word = appConversationWord(ctx)) *word |= kMcsConnected;
        if (std::uint32_t* server = appConversationWord(ctx, 1)) *server = tcpDestinationPort(ctx);
        return;
    }
    // The blocks follow the H.221 key "McDn" and a PER length.
    const ByteSpan b = p.data;
    std::size_t at = 0;
    for (; at + 4 <= b.size(); ++at)
        if (b[at] == 'M' && b[at + 1] == 'c' && b[at + 2] == 'D' && b[at + 3] == 'n') break;
    if (at + 5 > b.size()) return;
    at += 4;
    at += (b[at] & 0x80) ? 2 : 1;
    for (int guard = 0; guard < 16 && at + 4 <= b.size(); ++guard) {
        const std::uint16_t type = static_cast<std::uint16_t>(b[at] | (b[at + 1] << 8));
        const std::size_t length = b[at + 2] | (b[at + 3] << 8);
        if (length < 4 || at + length > b.size()) return;
        if (type == 0x0c02 && length >= 12) {  // TS_UD_SC_SEC1
            c.add(hf.encryptionMethod, at + 4, 4, le32(b, at + 4));
            c.add(hf.encryptionLevel, at + 8, 4, le32(b, at + 8));
        } else if (type == 0x0c03 && length >= 6) {  // TS_UD_SC_NET: the I/O channel
            const std::uint16_t io = static_cast<std::uint16_t>(b[at + 4] | (b[at + 5] << 8));
            c.add(hf.mcsChannelId, at + 4, 2, io);
            const std::size_t count = length >= 8 ? static_cast<std::size_t>(b[at + 6] | (b[at + 7] << 8)) : 0;
            for (std::size_t i = 0; i < count && at + 10 + 2 * i <= at + length; ++i)
                c.add(hf.mcsChannelId, at + 8 + 2 * i, 2, b[at + 8 + 2 * i] | (b[at + 9 + 2 * i] << 8));
            if (std::uint32_t* word = appConversationWord(ctx)) *word = (*word & ~0xffffu) | io;
        }
        at += length;
    }
}

// Set when send data wrote Info in the TCP segment TPKT is dissecting (rdpSegmentStarts).
thread_local bool t_sendDataInInfo = false;

void rdpSegmentStarts() { t_sendDataInInfo = false; }

bool rdpSendDataInInfo(const DissectContext&) { return t_sendDataInInfo; }

bool rdpReadsSendData(DissectContext& ctx)
{
    const std::uint32_t* word = appConversationWord(ctx);
    return word && (*word & kMcsConnected);
}

void dissectRdpSendData(DissectContext& ctx, const Payload& p, std::uint16_t channel, bool request)
{
    // Several send-data PDUs of a segment are listed, comma-separated.
    const bool more = rdpSendDataInInfo(ctx);
    LayerCursor c(ctx, "RDP", "rdp", p.data, p.at, p.reported);
    ctx.setProtocol("RDP");
    // Wireshark's frame.protocols names RDP under a send-data indication only.
    if (request) c.unlisted();
    if (more) {
        ctx.appendInfo(writeSendData, c.layer(), ", ");
    } else {
        ctx.setInfo(writeSendData, c.layer());
    }
    t_sendDataInInfo = ctx.columnsWritable;
    const std::uint32_t* word = appConversationWord(ctx);
    const std::uint16_t named = word ? static_cast<std::uint16_t>(*word & 0xffff) : 0;
    const std::uint16_t io = named != 0 ? named : kDefaultIoChannel;
    c.u16le(hf.flags);
    // Whether the PDU is on the I/O channel rides on the flags field's spare word.
    if (c.ok()) ctx.out.setAux(c.lastField(), channel == io ? 1 : 0);
    c.u16le(hf.flagsHi);
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
    hf.flags = r.field({"rdp.flags", "flags", FieldKind::Hex, 16});
    hf.flagsHi = r.field({"rdp.flagsHi", "flagsHi", FieldKind::Hex, 16});
    hf.encryptionMethod = r.field({"rdp.encryptionMethod", "encryptionMethod", FieldKind::Hex, 32, kEncryptionMethods});
    hf.encryptionLevel = r.field({"rdp.encryptionLevel", "encryptionLevel", FieldKind::Hex, 32, kEncryptionLevels});
    hf.mcsChannelId = r.field({"rdp.MCSChannelId", "MCSChannelId", FieldKind::Unsigned, 16});
}

}  // namespace rcvmon

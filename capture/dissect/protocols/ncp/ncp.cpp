// SPDX-License-Identifier: GPL-2.0-or-later
// NetWare Core Protocol (Novell's NCP reference; over IP on TCP 524 with its "DmdT"/"tNcP"
// framing, bare on UDP 524): the request (0x2222) and reply (0x3333) headers, requests named
// by function and subfunction and replies by their completion code, matched by connection and
// sequence number as packet-ncp2222.inc does. The Info text of the common file operations carries the
// file handle or path, as Wireshark's info strings do.
#include "dissect/field_format.h"
#include "dissect/protocols/ncp/ncp_names.h"
#include "dissect/protocols/tcp_message.h"

#include <vector>

namespace rcvmon {
namespace {

struct NcpFields {
    FieldId signature, ipLength, ipVersion, replyBufSize, type, seq, connection, task, func, length, subfunc;
    FieldId completion, connStatus, fileHandle, path, searchPattern, reqFrame;
} hf;

std::uint16_t requestSlot = 0;

constexpr std::uint32_t kRequestSignature = 0x446d6454;  // "DmdT"
constexpr std::uint32_t kReplySignature = 0x744e6350;    // "tNcP"
constexpr std::uint16_t kRequest = 0x2222, kReply = 0x3333;
constexpr std::size_t kMaxMessage = 65536 * 2;

constexpr ValueName kSignatures[] = {{kRequestSignature, "Demand Transport (Request)"},
                                     {kReplySignature, "Transport is NCP (Reply)"}};
constexpr ValueName kTypes[] = {
    {0x1111, "Create a service connection"}, {0x2222, "Service request"}, {0x3333, "Service reply"},
    {0x5555, "Destroy service connection"}, {0x7777, "Burst mode transfer"}, {0x9999, "Positive acknowledgement"},
};

struct Request {
    std::uint64_t key = 0;
    std::uint64_t frame = 0;
    std::uint8_t function = 0, subfunction = 0;
    bool hasSubfunction = false, used = false;
};

// Requests waiting for replies (a fixed table; a new request takes its slot's place).
class Requests final : public ProtocolState {
public:
    static constexpr std::size_t kSlots = 4096;
    Request* find(std::uint64_t key)
    {
        if (m_slots.empty()) return nullptr;
        Request& r = m_slots[key % kSlots];
        return r.used && r.key == key ? &r : nullptr;
    }
    Request& insert(std::uint64_t key)
    {
        if (m_slots.empty()) m_slots.resize(kSlots);
        Request& r = m_slots[key % kSlots];
        r = Request{};
        r.key = key;
        r.used = true;
        return r;
    }
    void clear() override { m_slots.clear(); }

private:
    std::vector<Request> m_slots;
};

// The conversation (either direction), the NCP connection and the sequence number.
std::uint64_t requestKey(const DissectContext& ctx, std::uint16_t connection, std::uint8_t seq)
{
    std::uint64_t a = 0, b = 0;
    for (std::size_t i = 0; i < 16; ++i) {
        a = a * 131 + ctx.net.src[i];
        b = b * 131 + ctx.net.dst[i];
    }
    const std::uint64_t conversation = ctx.tcpConversation ? connectionKey(ctx) : (a ^ b) * 0x9e3779b97f4a7c15ull;
    return (conversation ^ (std::uint64_t{connection} << 8 | seq)) * 0xff51afd7ed558ccdull;
}

void appendHandle(const LayerView& layer, std::string& out)
{
    const FieldRecord* h = layer.field(hf.fileHandle);
    if (!h) return;
    static constexpr char kHex[] = "0123456789abcdef";
    out += "0x";
    for (const std::uint8_t b : layer.dissection().valueBytes(*h)) {
        out += kHex[b >> 4];
        out += kHex[b & 15];
    }
}

void appendPath(const LayerView& layer, std::string& out)
{
    bool first = true;
    layer.forEach(hf.path, [&](const FieldRecord& f) {
        if (!first) out += '/';
        first = false;
        out += layer.dissection().valueText(f);
    });
}

// Wireshark's info strings of the common file operations; false for the others.
bool appendInfoString(const LayerView& layer, std::uint8_t func, int sub, std::string& out)
{
    if (func == 0x48 && layer.has(hf.fileHandle)) {
        out += "Read From File - ";
        appendHandle(layer, out);
    } else if (func == 0x42 && layer.has(hf.fileHandle)) {
        out += "Close File - ";
        appendHandle(layer, out);
    } else if (func == 89 && sub == 32 && layer.has(hf.path)) {
        out += "Open or Create with Op-Lock: ";
        appendPath(layer, out);
    } else if (func == 89 && sub == 1 && layer.has(hf.path)) {
        out += "Open or Create File or Subdirectory: ";
        appendPath(layer, out);
    } else if (func == 87 && sub == 3 && layer.has(hf.searchPattern)) {
        out += "Search for: ";
        out += layer.text(hf.searchPattern);
    } else if ((func == 87 || func == 89) && sub == 2 && layer.has(hf.path)) {
        out += "Set Search Pointer to: ";
        appendPath(layer, out);
    } else {
        return false;
    }
    return true;
}

// The type field keeps the request's function beside it (aux): known << 24 | has subfunction
// << 16 | function << 8 | subfunction; Wireshark records ncp.func only for functions it knows.
constexpr std::uint32_t kKnown = 1u << 24, kHasSub = 1u << 16, kHasFunc = 1u << 25;

std::string_view nameOf(std::uint32_t aux)
{
    const auto f = static_cast<std::uint8_t>(aux >> 8), s = static_cast<std::uint8_t>(aux);
    return aux & kHasSub ? ncp::subfunctionName(f, s) : ncp::functionName(f);
}

void appendUnknownFunction(std::uint32_t aux, std::string& out)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const auto f = static_cast<std::uint8_t>(aux >> 8), s = static_cast<std::uint8_t>(aux);
    out += "Unknown Function ";
    appendDecimal(out, f);
    if (aux & kHasSub) {
        out += ' ';
        appendDecimal(out, s);
    }
    out += " (0x";
    out += kHex[f >> 4];
    out += kHex[f & 15];
    if (aux & kHasSub) {
        out += "/0x";
        out += kHex[s >> 4];
        out += kHex[s & 15];
    }
    out += ')';
}

void writeInfo(const LayerView& layer, std::string& out)
{
    const FieldRecord* type = layer.field(hf.type);
    if (type && valueName(fieldInfo(hf.type), type->number).empty()) {
        out += "Unknown type (";
        appendHex(out, type->number, 4);
        out += ')';
        return;
    }
    if (!type || !(type->aux & kHasFunc)) {
        if (type && type->number == kReply && layer.has(hf.completion)) {
            out += "R ";
            out += layer.number(hf.completion) == 0 ? "OK" : "Original Request Packet not Found";
        }
        return;
    }
    const std::uint32_t aux = type->aux;
    if (type->number == kRequest) {
        out += "C ";
        const int sub = aux & kHasSub ? static_cast<int>(aux & 0xff) : -1;
        if (appendInfoString(layer, static_cast<std::uint8_t>(aux >> 8), sub, out)) return;
        if (aux & kKnown) out += nameOf(aux);
        else appendUnknownFunction(aux, out);
        return;
    }
    const FieldRecord* cc = layer.field(hf.completion);
    if (!cc) return;
    out += "R ";
    if (cc->number == 0) out += "OK";
    else if (!(aux & kKnown)) out += "Original Request Packet not Found";
    else out += ncp::completionText(static_cast<std::uint8_t>(aux >> 8), aux & kHasSub ? static_cast<int>(aux & 0xff) : -1,
                                    static_cast<std::uint8_t>(cc->number));
}

// A NetWare handle path (NCP 87): volume, directory base, handle flag, then length-prefixed
// components; 89's UTF-8 variant has a data type flag, 5 reserved bytes and 2-byte lengths.
void readHandlePath(LayerCursor& c, bool utf8)
{
    c.skip(6);            // volume, directory base, handle flag (their order differs, not their size)
    if (utf8) c.skip(6);  // data type flag, reserved
    const std::uint8_t count = c.u8();
    for (std::uint8_t i = 0; i < count && c.ok(); ++i) {
        const std::size_t length = utf8 ? c.u16le() : c.u8();
        const std::size_t at = c.pos();
        const ByteSpan b = c.bytes(length);
        if (!c.ok()) return;
        c.ctx().out.addTextField(hf.path, c.layer(), c.absolute(at), static_cast<std::uint32_t>(length),
                                 std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
    }
}

void readRequestBody(LayerCursor& c, std::uint8_t func, int sub)
{
    if (func == 0x48 || func == 0x42) {
        c.skip(1);
        c.bytes(6, hf.fileHandle);
    } else if (func == 89 && (sub == 1 || sub == 32)) {
        c.skip(14);  // name space, open create mode, search attributes, return and extended return
                     // information, attributes, desired access rights
        readHandlePath(c, true);
    } else if ((func == 87 || func == 89) && sub == 2) {
        c.skip(2);  // name space, reserved
        readHandlePath(c, func == 89);
    } else if (func == 87 && sub == 3) {
        c.skip(17);  // name space, data stream, search attributes, return information, search sequence
        const std::uint8_t length = c.u8();
        const std::size_t at = c.pos();
        const ByteSpan b = c.bytes(length);
        if (c.ok())
            c.ctx().out.addTextField(hf.searchPattern, c.layer(), c.absolute(at), length,
                                     std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
    }
}

void dissectMessage(DissectContext& ctx, const Payload& p, bool overIp)
{
    LayerCursor c(ctx, "NCP", "ncp", p.data, p.at, p.reported);
    ctx.setProtocol("NCP");
    ctx.setInfo(writeInfo, c.layer());
    if (overIp) {
        const std::uint32_t signature = c.u32(hf.signature);
        const std::uint32_t length = c.u32();
        c.add(hf.ipLength, 4, 4, length & 0x7fffffff);
        if (signature == kRequestSignature) {
            c.u32(hf.ipVersion);
            c.u32(hf.replyBufSize);
        }
    }
    const std::uint16_t type = c.u16(hf.type);
    const std::uint32_t typeField = c.lastField();
    const std::uint8_t seq = c.u8(hf.seq);
    const std::size_t connAt = c.pos();
    const std::uint8_t connLow = c.u8();
    c.u8(hf.task);
    const std::uint8_t connHigh = c.u8();
    if (!c.ok()) return;
    const auto connection = static_cast<std::uint16_t>(connHigh << 8 | connLow);
    c.add(hf.connection, connAt, 3, connection);
    Requests* requests = ctx.state<Requests>(requestSlot);
    const std::uint64_t key = requestKey(ctx, connection, seq);
    if (type == kRequest) {
        const std::size_t funcAt = c.pos();
        const std::uint8_t func = c.u8();
        bool withLength = false;
        int sub = -1;
        if (c.ok() && ncp::hasSubfunction(func, withLength)) {
            if (withLength) c.u16(hf.length);
            sub = c.u8();
        }
        if (!c.ok()) return;
        const std::uint32_t aux = kHasFunc | (sub >= 0 ? kHasSub | static_cast<std::uint32_t>(sub) : 0u) | std::uint32_t{func} << 8;
        const bool known = !nameOf(aux).empty();
        ctx.out.setAux(typeField, aux | (known ? kKnown : 0u));
        if (known) {
            c.add(hf.func, funcAt, 1, func);
            if (sub >= 0) c.add(hf.subfunc, c.pos() - 1, 1, static_cast<std::uint64_t>(sub));
        }
        if (requests) {
            Request& r = requests->insert(key);
            r.frame = ctx.frameNumber;
            r.function = func;
            r.subfunction = static_cast<std::uint8_t>(sub < 0 ? 0 : sub);
            r.hasSubfunction = sub >= 0;
        }
        readRequestBody(c, func, sub);
    } else if (type == kReply) {
        if (const Request* r = requests ? requests->find(key) : nullptr) {
            const std::uint32_t aux = kHasFunc | (r->hasSubfunction ? kHasSub | r->subfunction : 0u) | std::uint32_t{r->function} << 8;
            const bool known = !nameOf(aux).empty();
            ctx.out.setAux(typeField, aux | (known ? kKnown : 0u));
            c.add(hf.reqFrame, c.pos(), 0, r->frame);
            if (known) {
                c.add(hf.func, c.pos(), 0, r->function);
                if (r->hasSubfunction) c.add(hf.subfunc, c.pos(), 0, r->subfunction);
            }
        }
        c.u8(hf.completion);
        c.u8(hf.connStatus);
    }
}

// The NCP over IP header's length covers the whole message; anything else is not a header.
std::size_t messageLength(ByteSpan b)
{
    if (b.size() < 8) return 0;
    const std::uint32_t signature = (std::uint32_t{b[0]} << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
    if (signature != kRequestSignature && signature != kReplySignature) return 0;
    const std::uint32_t length = ((std::uint32_t{b[4]} & 0x7f) << 24) | (b[5] << 16) | (b[6] << 8) | b[7];
    return length >= 8 && length <= kMaxMessage ? length : 0;
}

bool dissectTcp(DissectContext& ctx, const Payload& p)
{
    if (!pendingTcpMessage(ctx) && messageLength(p.data) == 0) return false;
    dissectTcpMessages(ctx, p, messageLength, [&](const Payload& m, int) {
        if (messageLength(m.data) == 0) return dissectData(ctx, m);
        dissectMessage(ctx, m, true);
    });
    return true;
}

bool dissectUdp(DissectContext& ctx, const Payload& p)
{
    dissectMessage(ctx, p, false);
    return true;
}

}  // namespace

void registerNcp(ProtocolRegistrar& r)
{
    r.protocol("ncp");
    hf.signature = r.field({"ncp.ip.signature", "NCP over IP signature", FieldKind::Hex, 32, kSignatures});
    hf.ipLength = r.field({"ncp.ip.length", "NCP over IP length", FieldKind::Unsigned, 32});
    hf.ipVersion = r.field({"ncp.ip.version", "NCP over IP Version", FieldKind::Unsigned, 32});
    hf.replyBufSize = r.field({"ncp.ip.replybufsize", "NCP over IP Reply Buffer Size", FieldKind::Unsigned, 32});
    hf.type = r.field({"ncp.type", "Type", FieldKind::Hex, 16, kTypes});
    hf.seq = r.field({"ncp.seq", "Sequence Number", FieldKind::Unsigned, 8});
    hf.connection = r.field({"ncp.connection", "Connection Number", FieldKind::Unsigned, 16});
    hf.task = r.field({"ncp.task", "Task Number", FieldKind::Unsigned, 8});
    hf.func = r.field({"ncp.func", "Function", FieldKind::Hex, 8});
    hf.length = r.field({"ncp.length", "Packet Length", FieldKind::Unsigned, 16});
    hf.subfunc = r.field({"ncp.subfunc", "SubFunction", FieldKind::Unsigned, 8});
    hf.completion = r.field({"ncp.completion_code", "Completion Code", FieldKind::Hex, 8});
    hf.connStatus = r.field({"ncp.connection_status", "Connection Status", FieldKind::Unsigned, 8});
    hf.fileHandle = r.field({"ncp.file_handle", "File Handle", FieldKind::Bytes});
    hf.path = r.field({"ncp.path", "Path", FieldKind::String});
    hf.searchPattern = r.field({"ncp.search_pattern", "Search Pattern", FieldKind::String});
    hf.reqFrame = r.field({"ncp.req_frame_num", "Response to Request in Frame Number", FieldKind::Unsigned, 32});
    requestSlot = r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<Requests>(); });
    r.tcpPort(524, dissectTcp);
    r.udpPort(524, dissectUdp);
}

}  // namespace rcvmon

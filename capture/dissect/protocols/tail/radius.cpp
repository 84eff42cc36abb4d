// SPDX-License-Identifier: GPL-2.0-or-later
// RADIUS (RFC 2865 §3, accounting RFC 2866, dynamic authorization RFC 5176) on UDP ports
// 1645, 1646, 1700, 1812, 1813 and 3799: the header, the attribute walk, EAP-Message
// attributes handed to EAP (RFC 3579), and packet-radius.c's request/response matching —
// a response names its request's frame, a request or response seen again is a duplicate.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

#include <unordered_map>

namespace rcvmon {
namespace {

struct RadiusFields {
    FieldId code, id, length, authenticator, req, rsp, reqFrame, time, dup, reqDup, rspDup, avpType, avpLength,
        eapFragment;
} hf;

constexpr ValueName kCodes[] = {
    {1, "Access-Request"},       {2, "Access-Accept"},          {3, "Access-Reject"},
    {4, "Accounting-Request"},   {5, "Accounting-Response"},    {6, "Accounting-Status"},
    {7, "Password-Request"},     {8, "Password-Ack"},           {9, "Password-Reject"},
    {10, "Accounting-Message"},  {11, "Access-Challenge"},      {12, "Status-Server"},
    {13, "Status-Client"},       {21, "Resource-Free-Request"}, {22, "Resource-Free-Response"},
    {23, "Resource-Query-Request"}, {24, "Query_Response"},     {25, "Alternate-Resource-Reclaim-Request"},
    {26, "NAS-Reboot-Request"},  {27, "NAS-Reboot-Response"},   {29, "Next-Passcode"},
    {30, "New-Pin"},             {31, "Terminate-Session"},     {32, "Password-Expired"},
    {33, "Event-Request"},       {34, "Event-Response"},        {40, "Disconnect-Request"},
    {41, "Disconnect-ACK"},      {42, "Disconnect-NAK"},        {43, "CoA-Request"},
    {44, "CoA-ACK"},             {45, "CoA-NAK"},               {50, "IP-Address-Allocate"},
    {51, "IP-Address-Release"},  {129, "ALU-State-Request"},    {130, "ALU-State-Accept"},
    {131, "ALU-State-Reject"},   {132, "ALU-State-Error"},
};

// The request code a response answers (packet-radius.c's radius_call_equal); 0: not a response.
std::uint8_t requestOf(std::uint8_t code)
{
    switch (code) {
    case 2: case 3: case 11: return 1;
    case 5: return 4;
    case 8: case 9: return 7;
    case 22: return 21;
    case 24: return 23;
    case 27: return 26;
    case 34: return 33;
    case 41: case 42: return 40;
    case 44: case 45: return 43;
    case 130: case 131: case 132: return 129;
    default: return 0;
    }
}

bool isRequest(std::uint8_t code)
{
    switch (code) {
    case 1: case 4: case 7: case 21: case 23: case 26: case 33: case 40: case 43: case 129: return true;
    default: return false;
    }
}

// Calls keyed as packet-radius.c keys them (tshark 4.0 matches a repeat 10 s later, so no
// time limit): the client's address and port, the server's
// port, the request code and the identifier. Bounded: cleared when full.
class RadiusCalls final : public ProtocolState {
public:
    struct Key {
        std::array<std::uint8_t, 16> client{};
        std::uint16_t clientPort = 0, serverPort = 0;
        std::uint8_t code = 0, ident = 0;
        bool operator==(const Key&) const = default;
    };
    struct Call {
        std::uint64_t request = 0, response = 0;
        std::int64_t requestTime = 0;
        std::uint8_t responseCode = 0;
    };
    Call* find(const Key& k)
    {
        const auto it = m_calls.find(k);
        return it == m_calls.end() ? nullptr : &it->second;
    }
    Call& add(const Key& k)
    {
        if (m_calls.size() >= kMax) m_calls.clear();
        return m_calls[k];
    }
    void clear() override { m_calls.clear(); }

private:
    static constexpr std::size_t kMax = 1u << 16;
    struct Hash {
        std::size_t operator()(const Key& k) const
        {
            std::uint64_t h = 1469598103934665603ull;
            for (std::uint8_t b : k.client) h = (h ^ b) * 1099511628211ull;
            h = (h ^ (std::uint64_t{k.clientPort} << 32 | std::uint64_t{k.serverPort} << 16 | k.code << 8 | k.ident)) *
                1099511628211ull;
            return static_cast<std::size_t>(h);
        }
    };
    std::unordered_map<Key, Call, Hash> m_calls;
};

std::uint16_t callsSlot = 0xffff;

// "Access-Request id=5", ", Duplicate Request" when the call was seen in another frame.
void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t code = l.number(hf.code);
    const std::string_view name = valueName(fieldInfo(hf.code), code);
    out += name.empty() ? std::string_view("Unknown Packet") : name;
    out += " id=";
    appendDecimal(out, l.number(hf.id));
    if (l.has(hf.reqDup)) out += ", Duplicate Request";
    if (l.has(hf.rspDup)) out += ", Duplicate Response";
}

void track(DissectContext& ctx, LayerCursor& c, std::uint8_t code, std::uint8_t ident, std::uint16_t srcPort,
           std::uint16_t dstPort)
{
    RadiusCalls* calls = ctx.state<RadiusCalls>(callsSlot);
    if (!calls || ctx.inIcmpError || ctx.net.family == 0) return;
    if (isRequest(code)) {
        c.add(hf.req, 0, 0, 1);
        const RadiusCalls::Key key{ctx.net.src, srcPort, dstPort, code, ident};
        RadiusCalls::Call* call = calls->find(key);
        if (!call) {
            RadiusCalls::Call& added = calls->add(key);
            added = RadiusCalls::Call{ctx.frameNumber, 0, ctx.timeNs, 0};
        } else if (call->request != ctx.frameNumber) {
            c.add(hf.dup, 0, 0, ident);
            c.add(hf.reqDup, 0, 0, call->request);
        }
        return;
    }
    const std::uint8_t request = requestOf(code);
    if (request == 0) return;
    c.add(hf.rsp, 0, 0, 1);
    RadiusCalls::Call* call = calls->find(RadiusCalls::Key{ctx.net.dst, dstPort, srcPort, request, ident});
    if (!call) return;
    c.add(hf.reqFrame, 0, 0, call->request);
    const std::int64_t delta = ctx.timeNs - call->requestTime;
    const std::uint32_t f = c.add(hf.time, 0, 0, static_cast<std::uint64_t>(delta / 1'000'000'000));
    ctx.out.setAux(f, static_cast<std::uint32_t>(delta % 1'000'000'000));
    if (call->response == 0) {
        call->response = ctx.frameNumber;
    } else if (call->response != ctx.frameNumber && call->responseCode == code) {
        c.add(hf.dup, 0, 0, ident);
        c.add(hf.rspDup, 0, 0, call->response);
    }
    call->responseCode = code;
}

// EAP-Message attributes (79) in a row carry one EAP packet; its header is in the first.
void dissectAttributes(DissectContext& ctx, LayerCursor& c, std::size_t end)
{
    bool eapDone = false;
    for (int guard = 0; guard < 512 && c.ok() && c.pos() + 2 <= end; ++guard) {
        const std::uint8_t type = c.u8(hf.avpType);
        const std::uint8_t length = c.u8(hf.avpLength);
        if (!c.ok()) return;
        if (length < 2) return;  // packet-radius.c: "AVP too short", the walk stops
        const std::size_t value = length - 2u;
        if (type == 79 && !eapDone && value >= 4 && c.remaining() >= 4) {
            eapDone = true;
            const ByteSpan first = c.rest().first(value < c.remaining() ? value : c.remaining());
            c.ctx().out.addBytesField(hf.eapFragment, c.layer(), c.absolute(c.pos()), first);
            const std::size_t eapLength = std::size_t{first[2]} << 8 | first[3];
            const std::uint16_t eapLayer = static_cast<std::uint16_t>(ctx.out.layers().size());
            const bool writable = ctx.columnsWritable;
            ctx.columnsWritable = false;  // packet-radius.c keeps EAP off the columns
            dissectEap(ctx, Payload{first, eapLength, c.absolute(c.pos())});
            ctx.columnsWritable = writable;
            if (eapLayer < ctx.out.layers().size()) {
                ctx.out.layer(eapLayer).listed = true;
                ctx.out.layer(eapLayer).quoted = false;
            }
        }
        if (!c.skip(value)) return;
    }
}

bool dissectRadius(DissectContext& ctx, const Payload& p)
{
    // packet-radius.c's checks before it takes the datagram.
    if (p.data.size() < 4) return false;
    const std::uint8_t code = p.data[0];
    const std::uint16_t length = static_cast<std::uint16_t>(p.data[2] << 8 | p.data[3]);
    if (valueName(kCodes, code, "").empty() || length < 20 || length > 4096) return false;

    LayerCursor c(ctx, "RADIUS", "radius", p.data, p.at, p.reported);
    ctx.setProtocol("RADIUS");
    c.u8(hf.code);
    const std::uint8_t ident = c.u8(hf.id);
    c.u16(hf.length);
    ctx.setInfo(writeInfo, c.layer());
    c.bytes(16, hf.authenticator);
    if (!c.ok()) return true;
    track(ctx, c, code, ident, ctx.udpSrcPort, ctx.udpDstPort);
    if (length > p.reported) {
        c.malformed();  // the attribute list runs past the datagram
        return true;
    }
    c.setLength(length);
    dissectAttributes(ctx, c, length);
    return true;
}

}  // namespace

void registerRadius(ProtocolRegistrar& r)
{
    r.protocol("radius");
    hf.code = r.field({"radius.code", "Code", FieldKind::Unsigned, 8, kCodes});
    hf.id = r.field({"radius.id", "Identifier", FieldKind::Unsigned, 8});
    hf.length = r.field({"radius.length", "Length", FieldKind::Unsigned, 16});
    hf.authenticator = r.field({"radius.authenticator", "Authenticator", FieldKind::Bytes});
    hf.req = r.field({"radius.req", "Request", FieldKind::Bool});
    hf.rsp = r.field({"radius.rsp", "Response", FieldKind::Bool});
    hf.reqFrame = r.field({"radius.reqframe", "Request Frame", FieldKind::Unsigned, 32});
    hf.time = r.field({"radius.time", "Time from request", FieldKind::RelativeTime});
    hf.dup = r.field({"radius.dup", "Duplicate Message ID", FieldKind::Unsigned, 32});
    hf.reqDup = r.field({"radius.req.dup", "Duplicate Request Frame Number", FieldKind::Unsigned, 32});
    hf.rspDup = r.field({"radius.rsp.dup", "Duplicate Response Frame Number", FieldKind::Unsigned, 32});
    hf.avpType = r.field({"radius.avp.type", "Type", FieldKind::Unsigned, 8});
    hf.avpLength = r.field({"radius.avp.length", "Length", FieldKind::Unsigned, 8});
    hf.eapFragment = r.field({"radius.eap_fragment", "EAP fragment", FieldKind::Bytes});
    callsSlot = r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<RadiusCalls>(); });
    for (const std::uint16_t port : {1645, 1646, 1700, 1812, 1813, 3799}) r.udpPort(port, dissectRadius);
}

}  // namespace rcvmon

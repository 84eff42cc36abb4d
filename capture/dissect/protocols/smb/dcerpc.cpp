// SPDX-License-Identifier: GPL-2.0-or-later
// DCE/RPC connection-oriented PDUs (C706 §12.6, MS-RPCE §2.2.2) over TCP (port 135 and, as
// Wireshark does, any port whose bytes look like one) and over SMB named pipes. Info as
// Wireshark writes it ("Bind: call_id: 1, Fragment: Single, 1 context items: SAMR V1.0
// (32bit NDR)"), NTLMSSP in the auth verifier, and the operation's name for the interfaces
// a Bind named (SAMR, LSARPC, EPM), remembered per connection by context and call id.
#include "dissect/field_format.h"
#include "dissect/protocols/security_blob.h"
#include "dissect/protocols/smb/dcerpc_interfaces.h"
#include "dissect/protocols/smb/nt_status.h"
#include "dissect/protocols/smb/smb.h"
#include "dissect/protocols/smb/smb_common.h"
#include "dissect/protocols/tcp_message.h"
#include "dissect/protocols/value_names.h"

#include <array>
#include <string>

namespace rcvmon {
namespace {

struct DcerpcFields {
    FieldId ver, verMinor, pktType, flags, firstFrag, lastFrag, fragLen, authLen, callId, maxXmit, maxRecv,
        numCtxItems, ctxId, ifUuid, ifVer, ifVerMinor, transId, numResults, ackResult, allocHint, opnum, status,
        authType, authLevel, lsarpcStatus, epmUuid;
    std::array<FieldId, 32> opnums{};  // per interface of dcerpcInterfaces()
} hf;

enum PacketType : std::uint8_t {
    Request = 0, Response = 2, Fault = 3, Bind = 11, BindAck = 12, BindNak = 13, AlterContext = 14,
    AlterContextResp = 15, Auth3 = 16, Shutdown = 17, CoCancel = 18, Orphaned = 19,
};

constexpr ValueName kTypes[] = {
    {0, "Request"}, {1, "Ping"}, {2, "Response"}, {3, "Fault"}, {4, "Working"}, {5, "Nocall"}, {6, "Reject"},
    {7, "Ack"}, {8, "Cl_cancel"}, {9, "Fack"}, {10, "Cancel_ack"}, {11, "Bind"}, {12, "Bind_ack"},
    {13, "Bind_nak"}, {14, "Alter_context"}, {15, "Alter_context_resp"}, {16, "AUTH3"}, {17, "Shutdown"},
    {18, "Co_cancel"}, {19, "Orphaned"},
};
constexpr ValueName kAckResults[] = {
    {0, "Acceptance"}, {1, "User rejection"}, {2, "Provider rejection"}, {3, "Negotiate ACK"},
};
constexpr ValueName kFaultStatus[] = {
    {0x00000005, "nca_s_fault_access_denied"}, {0x1c000001, "nca_s_fault_int_div_by_zero"},
    {0x1c010002, "nca_op_rng_error"}, {0x1c010003, "nca_unk_if"}, {0x1c010006, "nca_wrong_boot_time"},
    {0x1c010009, "nca_s_you_crashed"}, {0x1c01000b, "nca_proto_error"}, {0x1c010013, "nca_out_args_too_big"},
    {0x1c010014, "nca_server_too_busy"}, {0x1c010017, "nca_unsupported_type"},
    {0x1c00001c, "nca_s_fault_invalid_tag"}, {0x1c00001d, "nca_s_fault_invalid_bound"},
    {0x1c000014, "nca_s_fault_remote_no_memory"}, {0x1c000019, "nca_s_fault_context_mismatch"},
    {0x1c00000d, "nca_s_fault_ndr"}, {0x1c000021, "nca_s_fault_pipe_comm_error"},
    {0x000006f7, "nca_s_fault_ndr"}, {0x00000721, "nca_s_fault_sec_pkg_error"},
};

constexpr std::string_view kNdr = "8a885d04-1ceb-11c9-9fe8-08002b104860";
constexpr std::string_view kNdr64 = "71710533-beba-4937-8319-b5dbef9ccc36";

void appendFragment(std::string& out, std::uint64_t flags)
{
    switch (flags & 3) {
    case 3: out += "Single"; break;
    case 1: out += "1st"; break;
    case 2: out += "Last"; break;
    default: out += "Mid"; break;
    }
}

void writeInfo(const LayerView& layer, std::string& out)
{
    const FieldRecord* type = layer.field(hf.pktType);
    if (!type) return;
    out += valueName(fieldInfo(hf.pktType), type->number);
    out += ": call_id: ";
    appendDecimal(out, layer.number(hf.callId));
    out += ", Fragment: ";
    appendFragment(out, layer.number(hf.flags));
    switch (type->number) {
    case Request:
        out += ", opnum: ";
        appendDecimal(out, layer.number(hf.opnum));
        out += ", Ctx: ";
        appendDecimal(out, layer.number(hf.ctxId));
        break;
    case Response:
        out += ", Ctx: ";
        appendDecimal(out, layer.number(hf.ctxId));
        break;
    case Fault:
        out += ", Ctx: ";
        appendDecimal(out, layer.number(hf.ctxId));
        out += ", status: ";
        {
            const std::uint64_t s = layer.number(hf.status);
            const std::string_view n = valueName(fieldInfo(hf.status), s);
            appendNameOrHex(out, n, s, 8);
        }
        break;
    case Bind:
    case AlterContext: {
        out += ", ";
        appendDecimal(out, layer.number(hf.numCtxItems));
        out += " context items: ";
        // Each item: interface name and version, then its transfer syntax.
        bool first = true;
        std::string_view uuid;
        std::uint64_t ver = 0, minor = 0;
        for (const FieldRecord& f : layer.dissection().fields()) {
            if (f.layer != layer.layer()) continue;
            if (f.id == hf.ifUuid) uuid = layer.dissection().valueText(f);
            else if (f.id == hf.ifVer) ver = f.number;
            else if (f.id == hf.ifVerMinor) minor = f.number;
            else if (f.id == hf.transId) {
                if (!first) out += ", ";
                first = false;
                const DcerpcInterface* i = findDcerpcInterface(uuid);
                out += i ? i->name : uuid;
                out += " V";
                appendDecimal(out, ver);
                out += '.';
                appendDecimal(out, minor);
                out += " (";
                const std::string_view ts = layer.dissection().valueText(f);
                out += ts == kNdr ? std::string_view("32bit NDR") : ts == kNdr64 ? std::string_view("64bit NDR") : ts;
                out += ')';
            }
        }
        break;
    }
    case BindAck:
    case AlterContextResp: {
        out += ", max_xmit: ";
        appendDecimal(out, layer.number(hf.maxXmit));
        out += " max_recv: ";
        appendDecimal(out, layer.number(hf.maxRecv));
        out += ", ";
        appendDecimal(out, layer.number(hf.numResults));
        out += " results: ";
        bool first = true;
        layer.forEach(hf.ackResult, [&](const FieldRecord& f) {
            if (!first) out += ", ";
            first = false;
            const std::string_view n = valueName(fieldInfo(hf.ackResult), f.number);
            if (n.empty()) appendDecimal(out, f.number);
            else out += n;
        });
        break;
    }
    default: break;
    }
}

// The operation of a bound interface: "Connect5 request", "lsa_Close response, Error: …".
void writeOperation(const LayerView& layer, std::string& out, bool response)
{
    const std::string_view filter = layer.dissection().layers()[layer.layer()].filterName;
    const FieldRecord* op = nullptr;
    const auto ifaces = dcerpcInterfaces();
    for (std::size_t i = 0; i < ifaces.size() && i < hf.opnums.size(); ++i)
        if (ifaces[i].filter == filter) op = layer.field(hf.opnums[i]);
    if (!op) return;
    const std::string_view name = valueName(fieldInfo(op->id), op->number);
    if (name.empty()) {
        out += "Unknown operation ";
        appendDecimal(out, op->number);
    } else {
        out += name;
    }
    out += response ? " response" : " request";
    // The endpoint mapper names each interface and transfer syntax of its towers.
    layer.forEach(hf.epmUuid, [&](const FieldRecord& f) {
        const std::string_view uuid = layer.dissection().valueText(f);
        const DcerpcInterface* i = findDcerpcInterface(uuid);
        out += ", ";
        out += i ? i->name : uuid == kNdr ? std::string_view("32bit NDR") : uuid == kNdr64 ? std::string_view("64bit NDR") : uuid;
    });
    const FieldRecord* status = layer.field(hf.lsarpcStatus);
    if (response && status && status->number != 0) {
        out += ", ";
        appendNtStatus(out, status->number);
        out += ", Error: ";
        appendNtStatus(out, status->number);
    }
}

void writeRequest(const LayerView& layer, std::string& out) { writeOperation(layer, out, false); }
void writeResponse(const LayerView& layer, std::string& out) { writeOperation(layer, out, true); }

// What a Bind named for each context, and what each request called, per connection.
struct Bound {
    const DcerpcInterface* iface = nullptr;
    bool ndr64 = false;  // the context's transfer syntax is NDR64 (8-byte pointers)
};
struct Call {
    const DcerpcInterface* iface = nullptr;
    std::uint16_t opnum = 0;
    bool ndr64 = false;
};
SlotTable<Bound, 1024>& boundContexts()
{
    thread_local SlotTable<Bound, 1024> table;
    return table;
}
SlotTable<Call, 2048>& calls()
{
    thread_local SlotTable<Call, 2048> table;
    return table;
}

void appendUuid(ByteSpan b, std::string& out)
{
    static constexpr char kHex[] = "0123456789abcdef";
    auto hex = [&](std::uint8_t v) {
        out += kHex[v >> 4];
        out += kHex[v & 0xf];
    };
    // Little-endian fields (drep integer order), as MS-RPCE sends them.
    for (int i = 3; i >= 0; --i) hex(b[i]);
    out += '-';
    hex(b[5]);
    hex(b[4]);
    out += '-';
    hex(b[7]);
    hex(b[6]);
    out += '-';
    hex(b[8]);
    hex(b[9]);
    out += '-';
    for (int i = 10; i < 16; ++i) hex(b[i]);
}

class Pdu {
public:
    Pdu(DissectContext& ctx, LayerCursor& c) : m_ctx(ctx), m_c(c), m_b(c.data()) {}
    bool have(std::size_t at, std::size_t n) const { return at + n <= m_b.size(); }
    std::uint16_t u16(std::size_t at) const { return le16(m_b, at); }
    std::uint32_t u32(std::size_t at) const { return le32(m_b, at); }
    void add(FieldId id, std::size_t at, std::size_t len, std::uint64_t v) { m_c.add(id, at, len, v); }
    bool uuid(FieldId id, std::size_t at, std::string& text)
    {
        text.clear();
        if (!have(at, 16)) return false;
        appendUuid(m_b.subspan(at, 16), text);
        m_ctx.out.addTextField(id, m_c.layer(), m_c.absolute(at), 16, text);
        return true;
    }

private:
    DissectContext& m_ctx;
    LayerCursor& m_c;
    ByteSpan m_b;
};

// A protocol tower (C706 Appendix L): floors of protocol identifiers; a UUID floor names an
// interface or a transfer syntax. `at` is the tower's first byte in `stub`.
void dissectTower(LayerCursor& c, ByteSpan stub, std::size_t at, std::size_t end, std::size_t stubAt)
{
    thread_local std::string text;
    const std::uint16_t floors = le16(stub, at);
    at += 2;
    for (unsigned i = 0; i < floors && i < 16 && at + 2 <= end; ++i) {
        const std::uint16_t lhs = le16(stub, at);
        if (at + 2 + lhs + 2 > end) return;
        if (lhs >= 17 && stub[at + 2] == 0x0d) {
            text.clear();
            appendUuid(stub.subspan(at + 3, 16), text);
            c.ctx().out.addTextField(hf.epmUuid, c.layer(), c.absolute(stubAt + at + 3), 16, text);
        }
        const std::uint16_t rhs = le16(stub, at + 2 + lhs);
        at += 2 + lhs + 2 + rhs;
    }
}

// ept_map (C706 Appendix O): the request's map tower, the response's towers. NDR64 (MS-RPCE
// §2.2.5) widens pointers and counts to 8 bytes.
void dissectEpmMap(LayerCursor& c, ByteSpan stub, std::size_t stubAt, bool response, bool ndr64)
{
    const std::size_t w = ndr64 ? 8 : 4;
    std::size_t at = 0;
    auto tower = [&](std::size_t& p) {
        // twr_t: the conformant array's count first, then tower_length (4 bytes in both NDRs).
        if (p + w + 4 > stub.size()) return false;
        const std::uint32_t length = le32(stub, p + w);
        p += w + 4;
        if (p + length > stub.size()) return false;
        dissectTower(c, stub, p, p + length, stubAt);
        p += (length + 3) & ~std::size_t{3};
        return true;
    };
    if (!response) {
        if (at + w > stub.size()) return;
        const std::uint32_t object = le32(stub, at);
        at += w + (object ? 16 : 0);
        if (at + w > stub.size() || le32(stub, at) == 0) return;
        at += w;
        tower(at);
        return;
    }
    // handle, num_towers, then the towers' pointer array (max count, offset, actual count).
    auto align = [w](std::size_t v) { return (v + w - 1) & ~(w - 1); };
    at = align(20 + 4);
    if (at + 3 * w > stub.size()) return;
    const std::uint32_t count = le32(stub, at + 2 * w);
    at += 3 * w;
    std::uint32_t present = 0;
    for (std::uint32_t i = 0; i < count && i < 16 && at + w <= stub.size(); ++i, at += w)
        if (le32(stub, at)) ++present;
    for (std::uint32_t i = 0; i < present; ++i) {
        at = align(at);
        if (!tower(at)) return;
    }
}

// A Request or Response stub of a bound interface: its operation, named in its own layer.
void dissectStub(DissectContext& ctx, const Payload& p, const DcerpcInterface& iface, std::uint16_t opnum,
                 bool response, ByteSpan stub, bool ndr64)
{
    const auto index = static_cast<std::size_t>(&iface - dcerpcInterfaces().data());
    if (iface.operations.empty() || index >= hf.opnums.size()) return;
    LayerCursor c(ctx, iface.protocolColumn(), iface.filter, p.data, p.at, p.reported);
    c.unlisted();  // Wireshark calls the interface's dissector directly
    ctx.setProtocol(iface.protocolColumn());
    ctx.setInfo(response ? writeResponse : writeRequest, c.layer());
    c.add(hf.opnums[index], 0, 0, opnum);
    if (iface.filter == "epm" && opnum == 3)
        dissectEpmMap(c, stub, static_cast<std::size_t>(stub.data() - p.data.data()), response, ndr64);
    // LSA operations return an NTSTATUS last, which Wireshark shows when it is an error.
    if (response && iface.ntStatusResult && stub.size() >= 4)
        c.add(hf.lsarpcStatus, 0, 0, le32(stub, stub.size() - 4));
}

void dissectPdu(DissectContext& ctx, const Payload& p, int index)
{
    LayerCursor c(ctx, "DCERPC", "dcerpc", p.data, p.at, p.reported);
    if (index > 0) c.unlisted();
    ctx.setProtocol("DCERPC");
    ctx.setInfo(writeInfo, c.layer());
    if (!c.need(16)) return;
    Pdu m(ctx, c);
    const ByteSpan b = p.data;
    const std::uint8_t type = b[2], flags = b[3];
    c.add(hf.ver, 0, 1, b[0]);
    c.add(hf.verMinor, 1, 1, b[1]);
    c.add(hf.pktType, 2, 1, type);
    c.add(hf.flags, 3, 1, flags);
    c.add(hf.firstFrag, 3, 1, flags & 1);
    c.add(hf.lastFrag, 3, 1, (flags >> 1) & 1);
    const std::uint16_t fragLen = m.u16(8), authLen = m.u16(10);
    const std::uint32_t callId = m.u32(12);
    m.add(hf.fragLen, 8, 2, fragLen);
    m.add(hf.authLen, 10, 2, authLen);
    m.add(hf.callId, 12, 4, callId);
    c.setLength(fragLen);
    const std::size_t end = std::min<std::size_t>(fragLen, b.size());
    // The auth verifier: an 8-byte sec_trailer before auth_length bytes at the PDU's end.
    const std::size_t authStart = authLen && fragLen >= 16 + 8 + authLen ? fragLen - authLen : fragLen;
    const std::uint64_t conn = connectionKey(ctx);
    thread_local std::string text;
    switch (type) {
    case Request: {
        if (!m.have(16, 8)) return;
        const std::uint16_t ctxId = m.u16(20), opnum = m.u16(22);
        m.add(hf.allocHint, 16, 4, m.u32(16));
        m.add(hf.ctxId, 20, 2, ctxId);
        m.add(hf.opnum, 22, 2, opnum);
        const Bound* bound = boundContexts().find(conn, ctxId);
        Call& call = calls().insert(conn, callId);
        call.opnum = opnum;
        call.iface = bound ? bound->iface : nullptr;
        call.ndr64 = bound && bound->ndr64;
        if (call.iface && (flags & 3) == 3 && authStart <= end) {
            const std::size_t stubEnd = authLen ? authStart - 8 : authStart;
            dissectStub(ctx, p, *call.iface, opnum, false, b.subspan(24, stubEnd > 24 ? stubEnd - 24 : 0), call.ndr64);
        }
        break;
    }
    case Response:
    case Fault: {
        if (!m.have(16, 8)) return;
        const std::uint16_t ctxId = m.u16(20);
        m.add(hf.allocHint, 16, 4, m.u32(16));
        m.add(hf.ctxId, 20, 2, ctxId);
        if (type == Fault) {
            if (m.have(24, 4)) m.add(hf.status, 24, 4, m.u32(24));
            break;
        }
        const Call* call = calls().find(conn, callId);
        if (call && call->iface && (flags & 3) == 3 && authStart <= end) {
            const std::size_t stubEnd = authLen ? authStart - 8 : authStart;
            dissectStub(ctx, p, *call->iface, call->opnum, true, b.subspan(24, stubEnd > 24 ? stubEnd - 24 : 0),
                        call->ndr64);
        }
        break;
    }
    case Bind:
    case AlterContext: {
        if (!m.have(16, 12)) return;
        m.add(hf.maxXmit, 16, 2, m.u16(16));
        m.add(hf.maxRecv, 18, 2, m.u16(18));
        const std::uint8_t items = b[24];
        m.add(hf.numCtxItems, 24, 1, items);
        std::size_t at = 28;
        for (unsigned i = 0; i < items && m.have(at, 4 + 20); ++i) {
            const std::uint16_t ctxId = m.u16(at);
            const std::uint8_t transItems = b[at + 2];
            m.add(hf.ctxId, at, 2, ctxId);
            if (!m.uuid(hf.ifUuid, at + 4, text)) break;
            Bound* bound = nullptr;
            if (const DcerpcInterface* iface = findDcerpcInterface(text)) {
                bound = &boundContexts().insert(conn, ctxId);
                bound->iface = iface;
            }
            m.add(hf.ifVer, at + 20, 2, m.u16(at + 20));
            m.add(hf.ifVerMinor, at + 22, 2, m.u16(at + 22));
            at += 24;
            for (unsigned t = 0; t < transItems && m.have(at, 20); ++t, at += 20) {
                if (t != 0) continue;
                m.uuid(hf.transId, at, text);
                if (bound) bound->ndr64 = text == kNdr64;
            }
        }
        break;
    }
    case BindAck:
    case AlterContextResp: {
        if (!m.have(16, 10)) return;
        m.add(hf.maxXmit, 16, 2, m.u16(16));
        m.add(hf.maxRecv, 18, 2, m.u16(18));
        const std::size_t secAddrLen = m.u16(24);
        std::size_t at = 26 + secAddrLen;
        at = (at + 3) & ~std::size_t{3};  // the result list is 4-byte aligned
        if (!m.have(at, 4)) break;
        const std::uint8_t results = b[at];
        m.add(hf.numResults, at, 1, results);
        at += 4;
        for (unsigned i = 0; i < results && m.have(at, 24); ++i, at += 24) m.add(hf.ackResult, at, 2, m.u16(at));
        break;
    }
    default: break;
    }
    if (authLen && authStart >= 24 && authStart <= end && authStart + authLen <= end) {
        const std::uint8_t authType = b[authStart - 8];
        m.add(hf.authType, authStart - 8, 1, authType);
        m.add(hf.authLevel, authStart - 7, 1, b[authStart - 7]);
        const Payload auth{b.subspan(authStart, authLen), authLen, c.absolute(authStart)};
        if (authType == 10) dissectNtlmssp(ctx, auth, false);  // called directly: not listed
        else if (authType == 9 && type != Request && type != Response) dissectSecurityBlob(ctx, auth, BlobCarrier::Spnego);
    }
}

// A connection-oriented PDU header: version 5.0 or 5.1, a known type, little- or big-endian.
std::size_t pduLength(ByteSpan b)
{
    if (b.size() < 16 || b[0] != 5 || b[1] > 1 || b[2] > Orphaned) return 0;
    if ((b[4] & 0xe0) != 0 && (b[4] & 0xe0) != 0x00) return 0;
    const std::size_t len = (b[4] & 0x10) ? le16(b, 8) : (std::size_t{b[8]} << 8) | b[9];
    return len >= 16 ? len : 0;
}

void dissectStream(DissectContext& ctx, const Payload& p)
{
    dissectTcpMessages(ctx, p, pduLength, [&](const Payload& m, int index) { dissectPdu(ctx, m, index); });
}

bool dissectPort(DissectContext& ctx, const Payload& p)
{
    if (pduLength(p.data) == 0 && !pendingTcpMessage(ctx)) return false;
    dissectStream(ctx, p);
    return true;
}

// Wireshark's TCP heuristic: a whole little-endian header with a plausible length.
bool dissectHeuristic(DissectContext& ctx, const Payload& p)
{
    const std::size_t len = pduLength(p.data);
    if ((len == 0 || !(p.data[4] & 0x10)) && !pendingTcpMessage(ctx)) return false;
    dissectStream(ctx, p);
    return true;
}

}  // namespace

bool dissectDcerpcOnPipe(DissectContext& ctx, const Payload& p)
{
    const std::size_t len = pduLength(p.data);
    if (len == 0) return false;
    Payload rest = p;
    for (int i = 0; i < 64 && pduLength(rest.data) != 0; ++i) {
        const std::size_t n = pduLength(rest.data);
        const std::size_t captured = std::min(n, rest.data.size());
        dissectPdu(ctx, Payload{rest.data.first(captured), n, rest.at}, i);
        if (n >= rest.reported) break;
        rest = Payload{rest.data.subspan(captured), rest.reported - n, rest.at + static_cast<std::uint32_t>(n)};
    }
    return true;
}

void registerDcerpc(ProtocolRegistrar& r)
{
    r.protocol("dcerpc");
    hf.ver = r.field({"dcerpc.ver", "Version", FieldKind::Unsigned, 8});
    hf.verMinor = r.field({"dcerpc.ver_minor", "Version (minor)", FieldKind::Unsigned, 8});
    hf.pktType = r.field({"dcerpc.pkt_type", "Packet type", FieldKind::Unsigned, 8, kTypes});
    hf.flags = r.field({"dcerpc.cn_flags", "Packet Flags", FieldKind::Hex, 8});
    hf.firstFrag = r.field({"dcerpc.cn_flags.first_frag", "First Frag", FieldKind::Bool, 8, {}, 0x1});
    hf.lastFrag = r.field({"dcerpc.cn_flags.last_frag", "Last Frag", FieldKind::Bool, 8, {}, 0x2});
    hf.fragLen = r.field({"dcerpc.cn_frag_len", "Frag Length", FieldKind::Unsigned, 16});
    hf.authLen = r.field({"dcerpc.cn_auth_len", "Auth Length", FieldKind::Unsigned, 16});
    hf.callId = r.field({"dcerpc.cn_call_id", "Call ID", FieldKind::Unsigned, 32});
    hf.maxXmit = r.field({"dcerpc.cn_max_xmit", "Max Xmit Frag", FieldKind::Unsigned, 16});
    hf.maxRecv = r.field({"dcerpc.cn_max_recv", "Max Recv Frag", FieldKind::Unsigned, 16});
    hf.numCtxItems = r.field({"dcerpc.cn_num_ctx_items", "Num Ctx Items", FieldKind::Unsigned, 8});
    hf.ctxId = r.field({"dcerpc.cn_ctx_id", "Context ID", FieldKind::Unsigned, 16});
    hf.ifUuid = r.field({"dcerpc.cn_bind_to_uuid", "Interface UUID", FieldKind::String});
    hf.ifVer = r.field({"dcerpc.cn_bind_if_ver", "Interface Ver", FieldKind::Unsigned, 16});
    hf.ifVerMinor = r.field({"dcerpc.cn_bind_if_ver_minor", "Interface Ver Minor", FieldKind::Unsigned, 16});
    hf.transId = r.field({"dcerpc.cn_bind_trans_id", "ID", FieldKind::String});
    hf.numResults = r.field({"dcerpc.cn_num_results", "Num results", FieldKind::Unsigned, 8});
    hf.ackResult = r.field({"dcerpc.cn_ack_result", "Ack result", FieldKind::Unsigned, 16, kAckResults});
    hf.allocHint = r.field({"dcerpc.cn_alloc_hint", "Alloc hint", FieldKind::Unsigned, 32});
    hf.opnum = r.field({"dcerpc.opnum", "Opnum", FieldKind::Unsigned, 16});
    hf.status = r.field({"dcerpc.cn_status", "Status", FieldKind::Hex, 32, kFaultStatus});
    hf.authType = r.field({"dcerpc.auth_type", "Auth type", FieldKind::Unsigned, 8});
    hf.authLevel = r.field({"dcerpc.auth_level", "Auth level", FieldKind::Unsigned, 8});
    r.tcpPort(135, dissectPort);
    r.tcpHeuristic(dissectHeuristic);
    // The interfaces whose operations are named: a protocol each, with its opnum field.
    const auto ifaces = dcerpcInterfaces();
    for (std::size_t i = 0; i < ifaces.size() && i < hf.opnums.size(); ++i) {
        if (ifaces[i].operations.empty()) continue;
        r.protocol(ifaces[i].filter);
        hf.opnums[i] = r.field({ifaces[i].opnumField, "Operation", FieldKind::Unsigned, 16, ifaces[i].operations});
        if (ifaces[i].filter == "epm") hf.epmUuid = r.field({"epm.uuid", "UUID", FieldKind::String});
        if (ifaces[i].filter == "lsarpc")
            hf.lsarpcStatus = r.field({"lsarpc.status", "NT Error", FieldKind::Hex, 32, ntStatusNames()});
    }
}

}  // namespace rcvmon

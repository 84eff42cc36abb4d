// SPDX-License-Identifier: GPL-2.0-or-later
// ONC-RPC messages (RFC 5531 §9): the call and reply headers, credentials and verifier, and
// call/reply matching by XID within the conversation as packet-rpc.c does in one pass — a
// reply names its call's frame and gets its program, version and procedure from it; a call
// seen again is a retransmission, a second reply a duplicate. The Info column is
// "V<version> <procedure> Call|Reply", then what the program adds; several messages of one
// TCP segment are joined with "  ; ".
#include "dissect/protocols/rpc/rpc_message.h"

#include "dissect/field_format.h"
#include "dissect/protocols/rpc/rpc.h"
#include "dissect/protocols/rpc/rpc_calls.h"
#include "dissect/protocols/tcp_message.h"

#include <algorithm>

namespace rcvmon::rpc {
namespace {

struct RpcFields {
    FieldId lastfrag, fraglen, xid, msgtyp, version, program, programversion, procedure;
    FieldId replystat, stateAccept, stateReject, stateAuth, versionMin, versionMax, progVersionMin, progVersionMax;
    FieldId authFlavor, authLength, authStamp, machineName, uid, gid, reqframe, repframe, time;
    FieldId dup, callDup, replyDup, continuation, fragmentData;
} hf;

std::uint16_t callSlot = 0;

constexpr std::uint32_t kLastFragment = 0x80000000u;
constexpr std::uint32_t kCall = 0, kReply = 1;
constexpr std::uint32_t kMaxAuthBody = 400;  // RFC 5531 §8.2: opaque_auth bodies are at most 400 bytes

constexpr ValueName kMsgTypes[] = {{0, "Call"}, {1, "Reply"}};
constexpr ValueName kReplyStates[] = {{0, "accepted"}, {1, "denied"}};
constexpr ValueName kAcceptStates[] = {
    {0, "RPC executed successfully"}, {1, "remote hasn't exported program"},
    {2, "remote can't support version #"}, {3, "program can't support procedure"},
    {4, "procedure can't decode params"}, {5, "remote system error"},
};
constexpr ValueName kRejectStates[] = {{0, "RPC_MISMATCH"}, {1, "AUTH_ERROR"}};
constexpr ValueName kAuthStates[] = {
    {0, "AUTH_OK"}, {1, "bad credential (seal broken)"}, {2, "client must begin new session"},
    {3, "bad verifier (seal broken)"}, {4, "verifier expired or replayed"}, {5, "rejected for security reasons"},
};
constexpr ValueName kFlavors[] = {
    {0, "AUTH_NULL"}, {1, "AUTH_UNIX"}, {2, "AUTH_SHORT"}, {3, "AUTH_DES"}, {6, "RPCSEC_GSS"},
    {300001, "AUTH_GSSAPI"}, {390003, "AUTH_KERB5"},
};

std::uint32_t be32(ByteSpan b, std::size_t at)
{
    return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) | (std::uint32_t{b[at + 2]} << 8) | b[at + 3];
}

// The conversation a call and its reply share: the TCP connection, or for datagrams the
// caller's address and the server's port (packet-rpc.c ignores the caller's port, which some
// clients change between retransmissions).
std::uint64_t conversationKey(const DissectContext& ctx, bool tcp, bool reply)
{
    if (tcp) return connectionKey(ctx);
    const auto& addr = reply ? ctx.net.dst : ctx.net.src;
    const std::uint16_t port = reply ? ctx.udpSrcPort : ctx.udpDstPort;
    std::uint64_t h = 0xcbf29ce484222325ull ^ ctx.net.family;
    for (const std::uint8_t b : addr) h = (h ^ b) * 0x100000001b3ull;
    h = (h ^ port) * 0x100000001b3ull;
    return h ^ (dissectionPass(ctx) * 0x9e3779b97f4a7c15ull);
}

void appendProcedure(const LayerView& layer, std::string& out)
{
    const std::uint32_t prog = static_cast<std::uint32_t>(layer.number(hf.program));
    const std::uint32_t vers = static_cast<std::uint32_t>(layer.number(hf.programversion));
    const std::uint32_t proc = static_cast<std::uint32_t>(layer.number(hf.procedure));
    const Program* program = findProgram(prog);
    const std::string_view name = program ? procedureName(*program, vers, proc) : std::string_view();
    // NFSv4 names no procedure: its COMPOUND's operations follow.
    if (prog == 100003 && vers == 4 && name == "COMPOUND") return;
    out += ' ';
    if (name.empty()) {
        out += "proc-";
        appendDecimal(out, proc);
    } else {
        out += name;
    }
}

// One message's text, then its program's.
void writeMessage(const LayerView& layer, std::string& out)
{
    if (!layer.has(hf.msgtyp)) return;
    const bool reply = layer.number(hf.msgtyp) == kReply;
    out += 'V';
    appendDecimal(out, layer.number(hf.programversion));
    appendProcedure(layer, out);
    out += reply ? " Reply" : " Call";
    if (const FieldRecord* f = layer.field(reply ? hf.repframe : hf.reqframe)) {
        out += reply ? " (Call In " : " (Reply In ";
        appendDecimal(out, f->number);
        out += ')';
    }
    const Dissection& d = layer.dissection();
    const std::size_t next = layer.layer() + 1u;
    const Program* program = findProgram(static_cast<std::uint32_t>(layer.number(hf.program)));
    if (program && program->info && next < d.layers().size() && d.layers()[next].filterName == program->filter)
        program->info(LayerView(d, static_cast<std::uint16_t>(next)), out);
}

// The messages one TCP segment's dissection found after this one follow with "  ; ": they
// are the unlisted RPC layers up to the next listed one.
void writeRun(const LayerView& layer, std::string& out)
{
    const Dissection& d = layer.dissection();
    const auto layers = d.layers();
    // Retransmissions and duplicates are marked at the start of the column (col_prepend_fstr),
    // the last marked message first: the frame's first RPC layer writes them all.
    bool firstRpc = true;
    for (std::size_t i = 0; i < layer.layer(); ++i) firstRpc = firstRpc && layers[i].filterName != "rpc";
    for (std::size_t i = layers.size(); firstRpc && i-- > layer.layer();) {
        if (layers[i].filterName != "rpc") continue;
        const LayerView l(d, static_cast<std::uint16_t>(i));
        if (const FieldRecord* f = l.field(hf.callDup)) {
            out += "[RPC retransmission of #";
            appendDecimal(out, f->number);
            out += ']';
        } else if (const FieldRecord* r = l.field(hf.replyDup)) {
            out += "[RPC duplicate of #";
            appendDecimal(out, r->number);
            out += ']';
        }
    }
    writeMessage(layer, out);
    for (std::size_t i = layer.layer() + 1u; i < layers.size(); ++i) {
        if (layers[i].filterName != "rpc") continue;
        if (layers[i].listed) break;
        const LayerView next(d, static_cast<std::uint16_t>(i));
        if (!next.has(hf.msgtyp)) continue;
        out += "  ; ";
        writeMessage(next, out);
    }
}

void writeContinuation(const LayerView&, std::string& out) { out += "Continuation"; }

void readAuth(LayerCursor& c, bool credentials)
{
    const std::uint32_t flavor = c.u32(hf.authFlavor);
    const std::uint32_t length = c.u32(hf.authLength);
    if (!c.ok()) return;
    if (length > kMaxAuthBody) return c.malformed();
    const std::size_t end = c.pos() + length;
    if (credentials && flavor == 1) {  // AUTH_UNIX (RFC 5531 §A.2)
        c.u32(hf.authStamp);
        xdrString(c, hf.machineName, 255);
        c.u32(hf.uid);
        c.u32(hf.gid);
        const std::uint32_t gids = c.u32();
        for (std::uint32_t i = 0; i < gids && i < 16 && c.ok(); ++i) c.u32(hf.gid);
    }
    if (c.ok() && c.pos() < end) c.skip(end - c.pos());
}

// The program's item: its own dissector when it defines the procedure and there are bytes
// to read, else a bare item (no bytes: Wireshark calls no dissector, frame.protocols omits it).
void dissectProgram(DissectContext& ctx, const Program* program, const Payload& body, const Message& m)
{
    const bool known = program && !procedureName(*program, m.version, m.procedure).empty();
    if (!program) return dissectData(ctx, body);
    if (known && !body.data.empty() && program->dissect) {
        const std::size_t used = program->dissect(ctx, body, m);
        // What the procedure left is shown as data, as packet-rpc.c does after its dissector.
        if (used < body.data.size())
            dissectData(ctx, Payload{body.data.subspan(used), body.reported - used, body.at + static_cast<std::uint32_t>(used)});
        return;
    }
    if (!known && !body.data.empty()) return dissectData(ctx, body);
    const std::uint16_t layer = ctx.out.addLayer(program->name, program->filter, body.at,
                                                 static_cast<std::uint32_t>(body.data.size()), ctx.inReassembled);
    if (body.data.empty() || !known) ctx.out.layer(layer).listed = false;
}

}  // namespace

Message messageOf(const LayerView& programLayer)
{
    Message m;
    if (programLayer.layer() == 0) return m;
    const LayerView rpc(programLayer.dissection(), static_cast<std::uint16_t>(programLayer.layer() - 1));
    m.program = static_cast<std::uint32_t>(rpc.number(hf.program));
    m.version = static_cast<std::uint32_t>(rpc.number(hf.programversion));
    m.procedure = static_cast<std::uint32_t>(rpc.number(hf.procedure));
    m.reply = rpc.number(hf.msgtyp) == kReply;
    return m;
}

MessageCheck checkMessage(DissectContext& ctx, ByteSpan b, bool tcp)
{
    if (b.size() < 8) return MessageCheck::NotRpc;
    const std::uint32_t type = be32(b, 4);
    if (type == kCall) {
        if (b.size() < 16 || be32(b, 8) != 2 || !findProgram(be32(b, 12))) return MessageCheck::NotRpc;
        return MessageCheck::Call;
    }
    if (type != kReply) return MessageCheck::NotRpc;
    CallTable* calls = ctx.state<CallTable>(callSlot);
    if (!calls || !calls->find(conversationKey(ctx, tcp, true), be32(b, 0))) return MessageCheck::NotRpc;
    return MessageCheck::Reply;
}

void dissectMessage(DissectContext& ctx, const Payload& p, const MessageOptions& o)
{
    LayerCursor c(ctx, "RPC", "rpc", p.data, p.at, p.reported);
    ctx.setProtocol("RPC");
    switch (o.info) {
    case InfoStart::Set: ctx.setInfo(writeRun, c.layer()); break;
    case InfoStart::Append: ctx.appendInfo(writeRun, c.layer(), ""); break;
    case InfoStart::None: c.unlisted(); break;  // Wireshark adds one layer per pass
    }
    if (o.recordMark) {
        const std::uint32_t mark = c.u32();
        c.add(hf.lastfrag, 0, 4, mark >> 31);
        c.add(hf.fraglen, 0, 4, mark & ~kLastFragment);
        if (!(mark & kLastFragment)) {
            // A record of several fragments: Wireshark shows this one and dissects the message
            // with the last (not collected here).
            c.bytes(c.remaining(), hf.fragmentData);
            return;
        }
    }
    const std::size_t start = c.pos();
    const std::uint32_t xid = c.u32(hf.xid);
    const std::uint32_t type = c.u32(hf.msgtyp);
    if (!c.ok()) return;
    CallTable* calls = ctx.state<CallTable>(callSlot);
    const std::uint64_t conversation = conversationKey(ctx, o.tcp, type == kReply);
    Message m;
    m.reply = type == kReply;
    if (!m.reply) {
        c.u32(hf.version);
        m.program = c.u32(hf.program);
        m.version = c.u32(hf.programversion);
        m.procedure = c.u32(hf.procedure);
        if (!c.ok()) return;
        if (const Program* program = findProgram(m.program)) ctx.setProtocol(program->name);
        CallRecord* call = calls ? calls->find(conversation, xid) : nullptr;
        if (call && call->callFrame != ctx.frameNumber) {
            c.add(hf.dup, start, 0, 0);
            c.add(hf.callDup, start, 0, call->callFrame);
        } else if (!call && calls) {
            call = &calls->insert(conversation, xid);
            call->program = m.program;
            call->version = m.version;
            call->procedure = m.procedure;
            call->callFrame = ctx.frameNumber;
            call->callTime = ctx.timeNs;
        }
        if (call && call->replyFrame) c.add(hf.reqframe, start, 0, call->replyFrame);
        if (call) m.saved = &call->saved;
        readAuth(c, true);
        readAuth(c, false);
    } else {
        CallRecord* call = calls ? calls->find(conversation, xid) : nullptr;
        if (!call) return;  // checkMessage let no such reply through
        m.program = call->program;
        m.version = call->version;
        m.procedure = call->procedure;
        m.saved = &call->saved;
        c.add(hf.program, c.pos(), 0, m.program);
        c.add(hf.programversion, c.pos(), 0, m.version);
        c.add(hf.procedure, c.pos(), 0, m.procedure);
        if (const Program* program = findProgram(m.program)) ctx.setProtocol(program->name);
        const std::uint32_t state = c.u32(hf.replystat);
        c.add(hf.repframe, c.pos(), 0, call->callFrame);
        const std::int64_t delta = std::max<std::int64_t>(0, ctx.timeNs - call->callTime);
        const std::uint32_t t = c.add(hf.time, c.pos(), 0, static_cast<std::uint64_t>(delta / 1000000000));
        ctx.out.setAux(t, static_cast<std::uint32_t>(delta % 1000000000));
        if (!call->replyFrame) {
            call->replyFrame = ctx.frameNumber;
        } else if (call->replyFrame != ctx.frameNumber) {
            c.add(hf.dup, c.pos(), 0, 0);
            c.add(hf.replyDup, c.pos(), 0, call->replyFrame);
        }
        if (!c.ok()) return;
        if (state == 0) {
            readAuth(c, false);
            const std::uint32_t accept = c.u32(hf.stateAccept);
            if (accept == 2) {
                c.u32(hf.progVersionMin);
                c.u32(hf.progVersionMax);
            }
            if (!c.ok() || accept != 0) return;
        } else {
            const std::uint32_t reject = c.u32(hf.stateReject);
            if (reject == 0) {
                c.u32(hf.versionMin);
                c.u32(hf.versionMax);
            } else if (reject == 1) {
                c.u32(hf.stateAuth);
            }
            return;
        }
    }
    if (!c.ok()) return;
    c.setLength(c.pos());
    dissectProgram(ctx, findProgram(m.program), payloadAfter(c, c.reportedRemaining()), m);
}

bool knownConversation(DissectContext& ctx)
{
    const CallTable* calls = ctx.state<CallTable>(callSlot);
    return calls && ctx.tcpConversation && calls->knownConversation(connectionKey(ctx));
}

void markConversation(DissectContext& ctx)
{
    if (CallTable* calls = ctx.state<CallTable>(callSlot); calls && ctx.tcpConversation)
        calls->markConversation(connectionKey(ctx));
}

void dissectContinuation(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "RPC", "rpc", p.data, p.at, p.reported);
    ctx.setProtocol("RPC");
    ctx.setInfo(writeContinuation, c.layer());
    c.bytes(c.remaining(), hf.continuation);
}

void registerRpcFields(ProtocolRegistrar& r)
{
    hf.lastfrag = r.field({"rpc.lastfrag", "Last Fragment", FieldKind::Bool, 32, {}, kLastFragment});
    hf.fraglen = r.field({"rpc.fraglen", "Fragment Length", FieldKind::Unsigned, 32, {}, ~kLastFragment});
    hf.xid = r.field({"rpc.xid", "XID", FieldKind::Hex, 32});
    hf.msgtyp = r.field({"rpc.msgtyp", "Message Type", FieldKind::Unsigned, 32, kMsgTypes});
    hf.replystat = r.field({"rpc.replystat", "Reply State", FieldKind::Unsigned, 32, kReplyStates});
    hf.stateAccept = r.field({"rpc.state_accept", "Accept State", FieldKind::Unsigned, 32, kAcceptStates});
    hf.stateReject = r.field({"rpc.state_reject", "Reject State", FieldKind::Unsigned, 32, kRejectStates});
    hf.stateAuth = r.field({"rpc.state_auth", "Auth State", FieldKind::Unsigned, 32, kAuthStates});
    hf.version = r.field({"rpc.version", "RPC Version", FieldKind::Unsigned, 32});
    hf.versionMin = r.field({"rpc.version.min", "RPC Version (Minimum)", FieldKind::Unsigned, 32});
    hf.versionMax = r.field({"rpc.version.max", "RPC Version (Maximum)", FieldKind::Unsigned, 32});
    hf.program = r.field({"rpc.program", "Program", FieldKind::Unsigned, 32});
    hf.programversion = r.field({"rpc.programversion", "Program Version", FieldKind::Unsigned, 32});
    hf.progVersionMin = r.field({"rpc.programversion.min", "Program Version (Minimum)", FieldKind::Unsigned, 32});
    hf.progVersionMax = r.field({"rpc.programversion.max", "Program Version (Maximum)", FieldKind::Unsigned, 32});
    hf.procedure = r.field({"rpc.procedure", "Procedure", FieldKind::Unsigned, 32});
    hf.authFlavor = r.field({"rpc.auth.flavor", "Flavor", FieldKind::Unsigned, 32, kFlavors});
    hf.authLength = r.field({"rpc.auth.length", "Length", FieldKind::Unsigned, 32});
    hf.authStamp = r.field({"rpc.auth.stamp", "Stamp", FieldKind::Hex, 32});
    hf.machineName = r.field({"rpc.auth.machinename", "Machine Name", FieldKind::String});
    hf.uid = r.field({"rpc.auth.uid", "UID", FieldKind::Unsigned, 32});
    hf.gid = r.field({"rpc.auth.gid", "GID", FieldKind::Unsigned, 32});
    hf.reqframe = r.field({"rpc.reqframe", "Request Frame", FieldKind::Unsigned, 32});
    hf.repframe = r.field({"rpc.repframe", "Reply Frame", FieldKind::Unsigned, 32});
    hf.time = r.field({"rpc.time", "Time from request", FieldKind::RelativeTime});
    hf.dup = r.field({"rpc.dup", "Duplicate Call/Reply", FieldKind::None});
    hf.callDup = r.field({"rpc.call.dup", "Duplicate to the call in", FieldKind::Unsigned, 32});
    hf.replyDup = r.field({"rpc.reply.dup", "Duplicate to the reply in", FieldKind::Unsigned, 32});
    hf.continuation = r.field({"rpc.continuation_data", "Continuation data", FieldKind::Bytes});
    hf.fragmentData = r.field({"rpc.fragment_data", "Fragment Data", FieldKind::Bytes});
    callSlot = r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<CallTable>(); });
}

}  // namespace rcvmon::rpc

// SPDX-License-Identifier: GPL-2.0-or-later
// MySQL client/server protocol (https://dev.mysql.com/doc/dev/mysql-server/latest/PAGE_PROTOCOL.html)
// on TCP 3306, as Wireshark's mysql dissector shows it. The meaning of a response depends on
// the request before it, so the connection keeps Wireshark's state machine (greeting, login,
// authentication switch, result sets field by field). Each packet writes the Info column
// after the fence the one before it set, as Wireshark's col_set_fence does.
#include "dissect/protocols/db/pdu_stream.h"
#include "dissect/protocols/text/lines.h"
#include "dissect/tcp_conversations.h"

#include <array>

namespace rcvmon {
namespace {

constexpr std::uint16_t kPort = 3306;
// TcpConversation::app words: the state; client capabilities (extended ones in the high
// half); server capabilities likewise; field packets left in a result set's header.
constexpr std::size_t kStateWord = 0, kClientCapsWord = 1, kServerCapsWord = 2, kFieldsLeftWord = 3;

enum State : std::uint32_t {
    Undefined, Login, Request, ResponseOk, ResponseMessage, ResponseTabular, ResponseShowFields, FieldPacket,
    RowPacket, ResponsePrepare, AuthSwitchRequest, AuthSwitchResponse, AuthSha2, InfileData,
};

constexpr std::uint32_t kCapsSsl = 0x0800, kCapsConnectWithDb = 0x0008, kCapsSecureConnection = 0x8000;
constexpr std::uint32_t kExtPluginAuth = 0x0008, kExtLenencData = 0x0020, kExtDeprecateEof = 0x0100;

struct MysqlFields {
    FieldId packetLength, packetNumber, request, command, responseCode, errorCode, errorMessage, sqlstate, message,
        serverGreeting, protocol, version, capsServer, capsClient, extcapsServer, extcapsClient, loginRequest,
        maxPacket, tableName, user, schema, clientAuthPlugin, salt, salt2, authPlugin, threadId, serverStatus,
        passwd, affectedRows, insertId, warnings, query, eof, numFields, authSwitchName, authSwitchData,
        authSwitchResponseData;
} hf;

constexpr ValueName kCommands[] = {
    {0, "SLEEP"}, {1, "Quit"}, {2, "Use Database"}, {3, "Query"}, {4, "Show Fields"}, {5, "Create Database"},
    {6, "Drop Database"}, {7, "Refresh"}, {8, "Shutdown"}, {9, "Statistics"}, {10, "Process List"},
    {11, "Connect"}, {12, "Kill Server Thread"}, {13, "Dump Debuginfo"}, {14, "Ping"}, {15, "Time"},
    {16, "Insert Delayed"}, {17, "Change User"}, {18, "Send Binlog"}, {19, "Send Table"}, {20, "Slave Connect"},
    {21, "Register Slave"}, {22, "Prepare Statement"}, {23, "Execute Statement"}, {24, "Send BLOB"},
    {25, "Close Statement"}, {26, "Reset Statement"}, {27, "Set Option"}, {28, "Fetch Data"}, {29, "Daemon"},
    {30, "Binlog Dump GTID"}, {31, "Reset Connection"},
};

// What one packet writes to the Info column (the packet length field's aux): its kind, and
// whether it set a fence so that the next packet's text follows it.
enum Kind : std::uint32_t {
    KindNone, Greeting, GreetingError, LoginRequest, SslHandshake, RequestCommand, ResponsePlain, ResponseOkText,
    ResponseError, ResponseTabularText, ResponseInfile, AuthSwitchRequestText, AuthSwitchResponseText,
};
constexpr std::uint32_t kFence = 0x100;

void appendUnsigned(std::string& out, std::uint64_t v) { out += std::to_string(v); }

void writeKind(const LayerView& layer, std::uint32_t kind, std::string& out)
{
    const Dissection& d = layer.dissection();
    switch (kind) {
    case Greeting:
        out += "Server Greeting  proto=";
        appendUnsigned(out, layer.number(hf.protocol));
        out += " version=";
        if (const FieldRecord* v = layer.field(hf.version)) text::appendFormatted(out, d.valueText(*v).substr(std::min<std::size_t>(v->aux, d.valueText(*v).size())));
        out += ' ';
        break;
    case GreetingError:
        out += "Server Greeting  Error ";
        appendUnsigned(out, layer.number(hf.errorCode));
        out += ' ';
        break;
    case LoginRequest:
    case SslHandshake:
        out += kind == LoginRequest ? "Login Request user=" : "Response: SSL Handshake user=";
        text::appendFormatted(out, layer.text(hf.user));
        out += ' ';
        if (const FieldRecord* s = layer.field(hf.schema)) {
            out += "db=";
            text::appendFormatted(out, d.valueText(*s));
            out += ' ';
        }
        break;
    case RequestCommand: {
        out += "Request";
        if (!layer.has(hf.command)) break;
        const std::uint64_t cmd = layer.number(hf.command);
        const std::string_view name = valueName(fieldInfo(hf.command), cmd);
        out += ' ';
        if (name.empty()) {
            out += "Unknown (";
            appendUnsigned(out, cmd);
            out += ") ";
        } else {
            out += name;
        }
        break;
    }
    case ResponsePlain: out += "Response "; break;
    case ResponseOkText: out += "Response  OK "; break;
    case ResponseError:
        out += "Response  Error ";
        appendUnsigned(out, layer.number(hf.errorCode));
        out += ' ';
        break;
    case ResponseTabularText: out += "Response TABULAR "; break;
    case ResponseInfile: out += "Response  LOCAL INFILE"; break;
    case AuthSwitchRequestText: out += "Auth Switch Request "; break;
    case AuthSwitchResponseText: out += "Auth Switch Response "; break;
    default: break;
    }
}

// Every MySQL packet of the frame from this layer on: a fenced packet's text stays, the
// last packet's text ends the column.
void writeInfo(const LayerView& layer, std::string& out)
{
    const Dissection& d = layer.dissection();
    const auto fields = d.fields();
    const FieldRecord* last = nullptr;
    for (const FieldRecord& f : fields) {
        if (f.id != hf.packetLength || f.layer < layer.layer()) continue;
        if (last && (last->aux & kFence)) writeKind(LayerView(d, last->layer), last->aux & 0xff, out);
        last = &f;
    }
    if (last) writeKind(LayerView(d, last->layer), last->aux & 0xff, out);
}

// A length-encoded integer (mysql "fle"); its size in bytes, 0 when cut.
std::size_t lenenc(ByteSpan b, std::size_t at, std::uint64_t& value)
{
    if (at >= b.size()) return 0;
    const std::uint8_t first = b[at];
    std::size_t n = first < 0xfb ? 0 : first == 0xfc ? 2 : first == 0xfd ? 3 : first == 0xfe ? 8 : 0;
    if (first < 0xfb || first == 0xfb || first == 0xff) {
        value = first < 0xfb ? first : 0;
        return 1;
    }
    if (at + 1 + n > b.size()) return 0;
    value = 0;
    for (std::size_t i = 0; i < n; ++i) value |= std::uint64_t{b[at + 1 + i]} << (8 * i);
    return 1 + n;
}

std::uint32_t le16(ByteSpan b, std::size_t at) { return at + 2 <= b.size() ? b[at] | (b[at + 1] << 8) : 0; }

// A NUL-terminated string at the cursor: recorded, the cursor past its NUL (or the end).
std::string_view stringz(LayerCursor& c, FieldId id)
{
    const ByteSpan rest = c.rest();
    std::size_t n = 0;
    while (n < rest.size() && rest[n] != 0) ++n;
    const std::string_view s = text::asText(rest.first(n));
    c.ctx().out.addTextField(id, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(std::min(n + 1, rest.size())), s);
    c.skip(std::min(n + 1, rest.size()));
    return s;
}

struct Packet {
    DissectContext& ctx;
    LayerCursor& c;
    std::uint32_t* app;
    std::uint32_t kind = KindNone;
    bool fence = false;

    void setState(State s) { app[kStateWord] = s; }
    std::uint32_t clientCaps() const { return app[kClientCapsWord] & 0xffff; }
    std::uint32_t clientExt() const { return app[kClientCapsWord] >> 16; }

    void errorPacket(std::uint32_t k)
    {
        c.add(hf.errorCode, c.pos(), 2, le16(c.data(), c.pos()));
        c.skip(2);
        if (c.peek() == '#') {
            c.skip(1);
            const std::size_t at = c.pos();
            const ByteSpan s = c.bytes(5);
            if (c.ok()) c.ctx().out.addTextField(hf.sqlstate, c.layer(), c.absolute(at), 5, text::asText(s));
        }
        if (c.ok()) {
            const ByteSpan m = c.rest();
            ctx.out.addTextField(hf.errorMessage, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(m.size()), text::asText(m));
            c.skip(m.size());
        }
        kind = k;
        fence = true;
    }

    void greeting()
    {
        const std::uint8_t protocol = c.peek();
        if (protocol == 0xff) {
            c.skip(1);
            errorPacket(GreetingError);
            return;
        }
        setState(Login);
        c.add(hf.serverGreeting, c.pos(), c.remaining(), 0);
        c.u8(hf.protocol);
        const std::size_t versionAt = c.pos();
        const std::string_view version = stringz(c, LayerCursor::kNone);
        // MariaDB puts "5.5.5-" before its version for old replication clients; Info skips it.
        const std::size_t skip = version.size() > 5 && version.substr(0, 6) == "5.5.5-" ? 6 : 0;
        const std::uint32_t versionField = ctx.out.addTextField(
            hf.version, c.layer(), c.absolute(versionAt), static_cast<std::uint32_t>(version.size() + 1), version);
        ctx.out.setAux(versionField, static_cast<std::uint32_t>(skip));
        kind = Greeting;
        fence = true;
        const ByteSpan d = c.data();
        std::uint32_t id = 0;
        for (std::size_t i = 0; i < 4 && c.pos() + i < d.size(); ++i) id |= std::uint32_t{d[c.pos() + i]} << (8 * i);
        c.add(hf.threadId, c.pos(), 4, id);
        if (!c.skip(4)) return;
        stringz(c, hf.salt);
        if (c.remaining() == 0) return;
        const std::uint32_t caps = le16(d, c.pos());
        c.add(hf.capsServer, c.pos(), 2, caps);
        c.skip(2);
        app[kServerCapsWord] = caps;
        if (c.remaining() == 0) return;
        c.skip(1);  // language
        c.add(hf.serverStatus, c.pos(), 2, le16(d, c.pos()));
        c.skip(2);
        const std::uint32_t ext = le16(d, c.pos());
        c.add(hf.extcapsServer, c.pos(), 2, ext);
        c.skip(2);
        app[kServerCapsWord] = caps | ext << 16;
    }

    void login()
    {
        const ByteSpan d = c.data();
        const std::uint32_t caps = le16(d, c.pos());
        app[kClientCapsWord] = caps;
        if (caps & kCapsSsl) setState(Login);
        else if (caps != 0) setState(ResponseOk);
        c.add(hf.loginRequest, c.pos(), c.remaining(), 0);
        c.add(hf.capsClient, c.pos(), 2, caps);
        c.skip(2);
        kind = LoginRequest;
        if (caps & kCapsSsl) {
            kind = SslHandshake;
            text::startTlsAsked(ctx);
            text::startTlsAnswered(ctx, true);
        }
        if (caps & 0x0200) {  // CLIENT_PROTOCOL_41
            const std::uint32_t ext = le16(d, c.pos());
            c.add(hf.extcapsClient, c.pos(), 2, ext);
            c.skip(2);
            app[kClientCapsWord] = caps | ext << 16;
            std::uint32_t max = 0;
            for (std::size_t i = 0; i < 4 && c.pos() + i < d.size(); ++i) max |= std::uint32_t{d[c.pos() + i]} << (8 * i);
            c.add(hf.maxPacket, c.pos(), 4, max);
            c.skip(4 + 1 + 23);
        } else {
            c.skip(3);
        }
        if (!c.ok()) return;
        stringz(c, hf.user);
        if (c.remaining() == 0) {
            fence = true;
            return;
        }
        std::size_t pw = 0;
        if (clientExt() & kExtLenencData) {
            std::uint64_t v = 0;
            c.skip(lenenc(d, c.pos(), v));
            pw = static_cast<std::size_t>(v);
        } else if (caps & kCapsSecureConnection) {
            pw = c.u8();
        } else {
            const ByteSpan rest = c.rest();
            while (pw < rest.size() && rest[pw] != 0) ++pw;
            pw = std::min(pw + 1, rest.size());
        }
        if (pw > 1 && pw <= c.remaining()) c.bytes(pw, hf.passwd);
        else c.skip(std::min(pw, c.remaining()));
        if (caps & kCapsConnectWithDb) {
            stringz(c, hf.schema);
            fence = true;
        }
        if (clientExt() & kExtPluginAuth) {
            setState(AuthSwitchRequest);
            if (c.remaining() > 0) stringz(c, hf.clientAuthPlugin);
        }
    }

    void request(State state)
    {
        if (c.remaining() == 0) {
            kind = RequestCommand;
            return;
        }
        if (state == AuthSwitchResponse) {
            kind = AuthSwitchResponseText;
            c.bytes(c.remaining(), hf.authSwitchResponseData);
            setState(ResponseOk);
            return;
        }
        kind = RequestCommand;
        c.add(hf.request, c.pos(), c.remaining(), 0);
        const std::uint8_t cmd = c.u8(hf.command);
        switch (cmd) {
        case 1: break;
        case 10: setState(ResponseTabular); break;
        case 13:
        case 14: setState(ResponseOk); break;
        case 9: setState(ResponseMessage); break;
        case 2:
        case 5:
        case 6:
            stringz(c, hf.schema);
            setState(ResponseOk);
            break;
        case 3: {
            const ByteSpan q = c.rest();
            ctx.out.addTextField(hf.query, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(q.size()), text::asText(q));
            c.skip(q.size());
            setState(ResponseTabular);
            break;
        }
        case 22: setState(ResponsePrepare); break;
        case 25: setState(Request); break;
        case 26:
        case 12:
        case 7:
        case 8:
        case 27: setState(ResponseOk); break;
        case 28:
        case 23: setState(ResponseTabular); break;
        case 4:
            stringz(c, hf.tableName);
            setState(ResponseShowFields);
            break;
        case 17:
            stringz(c, hf.user);
            setState((clientExt() & kExtPluginAuth) ? AuthSwitchRequest : ResponseOk);
            break;
        case 31: break;
        default: setState(Undefined); break;
        }
    }

    void okPacket()
    {
        const ByteSpan d = c.data();
        std::uint64_t v = 0;
        std::size_t n = lenenc(d, c.pos(), v);
        if (n) c.add(hf.affectedRows, c.pos(), n, v);
        c.skip(n);
        n = lenenc(d, c.pos(), v);
        if (n) c.add(hf.insertId, c.pos(), n, v);
        c.skip(n);
        if (c.remaining() >= 2) {
            c.add(hf.serverStatus, c.pos(), 2, le16(d, c.pos()));
            c.skip(2);
        }
        if (c.remaining() >= 2) {
            c.add(hf.warnings, c.pos(), 2, le16(d, c.pos()));
            c.skip(2);
        }
        kind = ResponseOkText;
        fence = true;
        setState(Request);  // an OK ends any exchange, the authentication one included
    }

    void fieldPacket()
    {
        c.skip(c.remaining());
        if (app[kFieldsLeftWord] > 0 && --app[kFieldsLeftWord] == 0 && (clientExt() & kExtDeprecateEof)) setState(RowPacket);
    }

    void response(State state)
    {
        kind = ResponsePlain;
        const std::uint8_t code = c.peek();
        switch (code) {
        case 0xff:
            c.u8(hf.responseCode);
            errorPacket(ResponseError);
            setState(Request);
            return;
        case 0xfe:
            c.u8(hf.responseCode);
            c.add(hf.eof, c.pos() - 1, 1, 0xfe);
            if (c.reportedRemaining() <= 5) {
                c.skip(c.remaining());
                setState(state == FieldPacket ? RowPacket : Request);
            } else if (state == AuthSwitchRequest) {
                stringz(c, hf.authSwitchName);
                if (c.remaining() > 0) c.bytes(c.remaining(), hf.authSwitchData);
                kind = AuthSwitchRequestText;
                setState(AuthSwitchResponse);
            } else {
                okPacket();
                setState(Request);
            }
            return;
        case 0x00:
            if (state == RowPacket) {
                c.skip(c.remaining());
                return;
            }
            c.u8(hf.responseCode);
            if (state == ResponsePrepare) {
                c.skip(c.remaining());
                setState(Request);
                return;
            }
            okPacket();
            return;
        default: break;
        }
        switch (state) {
        case ResponseMessage:
            if (c.remaining() > 0) {
                const ByteSpan m = c.rest();
                ctx.out.addTextField(hf.message, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(m.size()), text::asText(m));
                c.skip(m.size());
            }
            setState(Request);
            return;
        case ResponseTabular:
        case Request: {
            if (code == 0xfb) {
                c.u8(hf.responseCode);
                c.skip(c.remaining());
                kind = ResponseInfile;
                setState(InfileData);
                return;
            }
            std::uint64_t fields = 0;
            const std::size_t n = lenenc(c.data(), c.pos(), fields);
            if (n) c.add(hf.numFields, c.pos(), n, fields);
            c.skip(c.remaining());
            kind = ResponseTabularText;
            fence = true;
            app[kFieldsLeftWord] = static_cast<std::uint32_t>(std::min<std::uint64_t>(fields, 0xffffffffu));
            setState(FieldPacket);
            return;
        }
        case FieldPacket:
        case ResponseShowFields: fieldPacket(); return;
        case RowPacket: c.skip(c.remaining()); return;
        case AuthSwitchRequest:  // Wireshark 4.0 reads caching_sha2's status byte as one too
            stringz(c, hf.authSwitchName);
            kind = AuthSwitchRequestText;
            setState(AuthSwitchResponse);
            return;
        case AuthSha2: authSha2(); return;
        default:
            c.skip(c.remaining());
            setState(Undefined);
            return;
        }
    }

    // caching_sha2_password's status byte: the exchange goes on, the column is fenced.
    void authSha2()
    {
        c.skip(c.remaining());
        fence = true;
    }
};

void dissectPacket(DissectContext& ctx, const Payload& p, bool toServer, int index)
{
    thread_local std::array<std::uint32_t, 8> scratch{};
    std::uint32_t* app = ctx.tcpConversation ? ctx.tcpConversation->app : (scratch = {}, scratch.data());
    bool earlier = false;
    for (const LayerRecord& l : ctx.out.layers()) earlier |= l.filterName == "mysql";
    LayerCursor c(ctx, "MySQL", "mysql", p.data, p.at, p.reported);
    ctx.setProtocol("MySQL");
    if (index > 0) c.unlisted();  // frame.protocols names each call of the dissector once
    if (!earlier) ctx.setInfo(writeInfo, c.layer());
    const ByteSpan d = p.data;
    const std::uint32_t length = d.size() >= 3 ? d[0] | (d[1] << 8) | (std::uint32_t{d[2]} << 16) : 0;
    const std::uint32_t lengthField = c.add(hf.packetLength, 0, 3, length);
    c.skip(3);
    const std::uint8_t number = c.u8(hf.packetNumber);
    const auto state = static_cast<State>(app[kStateWord]);
    Packet pkt{ctx, c, app};
    if (!toServer) {
        if (number == 0 && state == Undefined) {
            pkt.kind = Greeting;
            pkt.greeting();
        } else {
            pkt.response(state);
        }
    } else if (state == Login && (number == 1 || (number == 2 && (pkt.clientCaps() & kCapsSsl)))) {
        pkt.login();
    } else {
        pkt.request(state);
    }
    ctx.out.setAux(lengthField, pkt.kind | (pkt.fence ? kFence : 0));
}

bool dissectMysql(DissectContext& ctx, const Payload& p)
{
    if (text::speaksTls(ctx)) {
        dissectTls(ctx, p);
        return true;
    }
    const bool toServer = text::transportPorts(ctx).dst == kPort;
    // After a reassembled PDU, TCP fences Info before the rest of the segment: the last
    // packet's text stays.
    const auto start = [&](bool afterReassembled) {
        if (!afterReassembled) return;
        const auto fields = ctx.out.fields();
        for (std::size_t i = fields.size(); i-- > 0;) {
            if (fields[i].id != hf.packetLength) continue;
            ctx.out.setAux(static_cast<std::uint32_t>(i), fields[i].aux | kFence);
            break;
        }
    };
    pdu_stream::dissect(
        ctx, p, start,
        [](ByteSpan b) -> std::size_t {
            if (b.size() < 3) return pdu_stream::kNeedMore;
            return (b[0] | (b[1] << 8) | (std::size_t{b[2]} << 16)) + 4;
        },
        [&](const Payload& m, int index) { dissectPacket(ctx, m, toServer, index); });
    return true;
}

}  // namespace

void registerMysql(ProtocolRegistrar& r)
{
    r.protocol("mysql");
    hf.packetLength = r.field({"mysql.packet_length", "Packet Length", FieldKind::Unsigned, 24});
    hf.packetNumber = r.field({"mysql.packet_number", "Packet Number", FieldKind::Unsigned, 8});
    hf.request = r.field({"mysql.request", "Request Command", FieldKind::None});
    hf.command = r.field({"mysql.command", "Command", FieldKind::Unsigned, 8, kCommands});
    hf.responseCode = r.field({"mysql.response_code", "Response Code", FieldKind::Hex, 8});
    hf.errorCode = r.field({"mysql.error_code", "Error Code", FieldKind::Unsigned, 16});
    hf.errorMessage = r.field({"mysql.error.message", "Error message", FieldKind::String});
    hf.sqlstate = r.field({"mysql.sqlstate", "SQL state", FieldKind::String});
    hf.message = r.field({"mysql.message", "Message", FieldKind::String});
    hf.serverGreeting = r.field({"mysql.server_greeting", "Server Greeting", FieldKind::None});
    hf.protocol = r.field({"mysql.protocol", "Protocol", FieldKind::Unsigned, 8});
    hf.version = r.field({"mysql.version", "Version", FieldKind::String});
    hf.capsServer = r.field({"mysql.caps.server", "Server Capabilities", FieldKind::Hex, 16});
    hf.capsClient = r.field({"mysql.caps.client", "Client Capabilities", FieldKind::Hex, 16});
    hf.extcapsServer = r.field({"mysql.extcaps.server", "Extended Server Capabilities", FieldKind::Hex, 16});
    hf.extcapsClient = r.field({"mysql.extcaps.client", "Extended Client Capabilities", FieldKind::Hex, 16});
    hf.loginRequest = r.field({"mysql.login_request", "Login Request", FieldKind::None});
    hf.maxPacket = r.field({"mysql.max_packet", "MAX Packet", FieldKind::Unsigned, 32});
    hf.tableName = r.field({"mysql.table_name", "Table Name", FieldKind::String});
    hf.user = r.field({"mysql.user", "Username", FieldKind::String});
    hf.schema = r.field({"mysql.schema", "Schema", FieldKind::String});
    hf.clientAuthPlugin = r.field({"mysql.client_auth_plugin", "Client Auth Plugin", FieldKind::String});
    hf.salt = r.field({"mysql.salt", "Salt", FieldKind::String});
    hf.salt2 = r.field({"mysql.salt2", "Salt", FieldKind::String});
    hf.authPlugin = r.field({"mysql.auth_plugin", "Authentication Plugin", FieldKind::String});
    hf.threadId = r.field({"mysql.thread_id", "Thread ID", FieldKind::Unsigned, 32});
    hf.serverStatus = r.field({"mysql.server_status", "Server Status", FieldKind::Hex, 16});
    hf.passwd = r.field({"mysql.passwd", "Password", FieldKind::Bytes});
    hf.affectedRows = r.field({"mysql.affected_rows", "Affected Rows", FieldKind::Unsigned, 64});
    hf.insertId = r.field({"mysql.insert_id", "Last INSERT ID", FieldKind::Unsigned, 64});
    hf.warnings = r.field({"mysql.warnings", "Warnings", FieldKind::Unsigned, 16});
    hf.query = r.field({"mysql.query", "Statement", FieldKind::String});
    hf.eof = r.field({"mysql.eof", "EOF marker", FieldKind::Unsigned, 8});
    hf.numFields = r.field({"mysql.num_fields", "Number of fields", FieldKind::Unsigned, 64});
    hf.authSwitchName = r.field({"mysql.auth_switch_request.name", "Auth Method Name", FieldKind::String});
    hf.authSwitchData = r.field({"mysql.auth_switch_request.data", "Auth Method Data", FieldKind::Bytes});
    hf.authSwitchResponseData = r.field({"mysql.auth_switch_response.data", "Auth Method Data", FieldKind::Bytes});
    r.tcpPort(kPort, dissectMysql);
}

}  // namespace rcvmon

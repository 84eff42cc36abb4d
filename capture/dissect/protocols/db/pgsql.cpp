// SPDX-License-Identifier: GPL-2.0-or-later
// PostgreSQL frontend/backend protocol 3.0 (https://www.postgresql.org/docs/current/protocol.html)
// on TCP 5432, as Wireshark's pgsql dissector shows it: ">" or "<" for the direction, then
// each message's type letter, "/"-separated; the SSLRequest answer is one byte that only
// sets the columns; SCRAM/GSS password messages are named by the authentication under way.
#include "dissect/protocols/db/pdu_stream.h"
#include "dissect/protocols/text/lines.h"

namespace rcvmon {
namespace {

constexpr std::uint16_t kPort = 5432;
// TcpConversation::app words: SSLRequest awaiting its answer, the authentication state.
constexpr std::size_t kSslWord = 0, kAuthWord = 1;
enum Auth : std::uint32_t { AuthNone, SaslRequested, SaslContinue, GssData };

struct PgsqlFields {
    FieldId frontend, type, length, versionMajor, versionMinor, parameterName, parameterValue, query, password,
        authtype, salt, gssData, saslMech, saslDataLength, saslData, statement, portal, returns, tag, status,
        copydata, error, pid, key, condition, text, tableOid, typeOid, oid, format, fieldCount, colName,
        colIndex, valLength, valData, colTypemod, severity, code, message, detail, hint, position,
        internalPosition, internalQuery, where, schema, table, column, typeName, constraint, file, line, routine;
} hf;

constexpr ValueName kAuthTypes[] = {
    {0, "Success"}, {1, "Kerberos V4"}, {2, "Kerberos V5"}, {3, "Plaintext password"}, {4, "crypt()ed password"},
    {5, "MD5 password"}, {6, "SCM credentials"}, {7, "GSSAPI"}, {8, "GSSAPI/SSPI continue"}, {9, "SSPI"},
    {10, "SASL"}, {11, "SASL continue"}, {12, "SASL complete"},
};
constexpr ValueName kStatus[] = {{'I', "Idle"}, {'T', "In a transaction"}, {'E', "In a failed transaction"}};
constexpr ValueName kFormats[] = {{0, "Text"}, {1, "Binary"}};

std::string_view frontendName(std::uint8_t type)
{
    switch (type) {
    case 'p': return "Authentication message";
    case 'Q': return "Simple query";
    case 'P': return "Parse";
    case 'B': return "Bind";
    case 'E': return "Execute";
    case 'D': return "Describe";
    case 'C': return "Close";
    case 'H': return "Flush";
    case 'S': return "Sync";
    case 'F': return "Function call";
    case 'd': return "Copy data";
    case 'c': return "Copy completion";
    case 'f': return "Copy failure";
    case 'X': return "Termination";
    default: return "Unknown";
    }
}

std::string_view backendName(std::uint8_t type)
{
    switch (type) {
    case 'R': return "Authentication request";
    case 'K': return "Backend key data";
    case 'S': return "Parameter status";
    case '1': return "Parse completion";
    case '2': return "Bind completion";
    case '3': return "Close completion";
    case 'C': return "Command completion";
    case 't': return "Parameter description";
    case 'T': return "Row description";
    case 'D': return "Data row";
    case 'I': return "Empty query";
    case 'n': return "No data";
    case 'E': return "Error";
    case 'N': return "Notice";
    case 's': return "Portal suspended";
    case 'Z': return "Ready for query";
    case 'A': return "Notification";
    case 'V': return "Function call response";
    case 'G': return "CopyIn response";
    case 'H': return "CopyOut response";
    case 'd': return "Copy data";
    case 'c': return "Copy completion";
    case 'v': return "Negotiate protocol version";
    default: return "Unknown";
    }
}

// The type field's aux: the type byte, and kCallStart on the first message of a call.
constexpr std::uint32_t kCallStart = 0x100;

// Wireshark appends "%s%c" per message: a NUL type (startup) adds only the separator.
void appendTypes(const LayerView& layer, std::string& out)
{
    bool first = true;
    for (const FieldRecord& f : layer.dissection().fields()) {
        if (f.id != hf.type || f.layer < layer.layer()) continue;
        if (!first && (f.aux & kCallStart)) break;
        if (!first) out += '/';
        if (const char c = static_cast<char>(f.aux & 0xff)) out += c;
        first = false;
    }
}
void writeFrontend(const LayerView& layer, std::string& out)
{
    out += '>';
    appendTypes(layer, out);
}
void writeBackend(const LayerView& layer, std::string& out)
{
    out += '<';
    appendTypes(layer, out);
}

// A NUL-terminated string field (tvb_strsize: the NUL counts; none before the end throws).
std::string_view stringz(LayerCursor& c, FieldId id)
{
    const ByteSpan rest = c.rest();
    std::size_t n = 0;
    while (n < rest.size() && rest[n] != 0) ++n;
    if (n == rest.size()) {
        c.need(n + 1);
        return {};
    }
    const std::string_view s = text::asText(rest.first(n));
    if (id != LayerCursor::kNone) c.ctx().out.addTextField(id, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(n + 1), s);
    c.skip(n + 1);
    return s;
}

void int32Field(LayerCursor& c, FieldId id)
{
    c.add(id, c.pos(), 4, static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int32_t>(c.u32()))));
}

void dataRow(LayerCursor& c, std::uint16_t count)
{
    for (std::uint32_t i = 0; i < count && c.ok(); ++i) {
        const std::size_t at = c.pos();
        const auto size = static_cast<std::int32_t>(c.u32());
        c.add(hf.valLength, at, 4, static_cast<std::uint64_t>(static_cast<std::int64_t>(size)));
        if (size > 0) c.bytes(static_cast<std::size_t>(size), hf.valData);
    }
}

void formats(LayerCursor& c)
{
    const std::uint16_t n = c.u16();
    for (std::uint32_t i = 0; i < n && c.ok(); ++i) c.u16(hf.format);
}

void frontendMessage(LayerCursor& c, std::uint8_t type, std::uint32_t length, std::uint32_t* app)
{
    switch (type) {
    case 'p':
        switch (app ? app[kAuthWord] : AuthNone) {
        case SaslRequested: {
            stringz(c, hf.saslMech);
            const std::size_t at = c.pos();
            const auto n = static_cast<std::int32_t>(c.u32());
            c.add(hf.saslDataLength, at, 4, static_cast<std::uint64_t>(static_cast<std::int64_t>(n)));
            if (n > 0) c.bytes(static_cast<std::size_t>(n), hf.saslData);
            break;
        }
        case SaslContinue: c.bytes(length >= 4 ? length - 4 : 0, hf.saslData); break;
        case GssData: c.bytes(length >= 4 ? length - 4 : 0, hf.gssData); break;
        default: stringz(c, hf.password); break;
        }
        break;
    case 'Q': stringz(c, hf.query); break;
    case 'P': {
        stringz(c, hf.statement);
        stringz(c, hf.query);
        const std::uint16_t n = c.u16();
        for (std::uint32_t i = 0; i < n && c.ok(); ++i) c.u32(hf.typeOid);
        break;
    }
    case 'B':
        stringz(c, hf.portal);
        stringz(c, hf.statement);
        formats(c);
        dataRow(c, c.u16());
        formats(c);
        break;
    case 'E':
        stringz(c, hf.portal);
        c.u32(hf.returns);
        break;
    case 'D':
    case 'C': {
        const std::uint8_t what = c.u8();
        stringz(c, what == 'P' ? hf.portal : hf.statement);
        break;
    }
    case 0: {
        const std::uint32_t code = c.u32();
        if (code == 196608) {
            c.add(hf.versionMajor, c.pos() - 4, 2, 3);
            c.add(hf.versionMinor, c.pos() - 2, 2, 0);
            auto left = static_cast<std::int64_t>(length) - 8;
            for (int guard = 0; guard < 4096 && left > 0 && c.ok(); ++guard) {
                const ByteSpan rest = c.rest();
                std::size_t n = 0;
                while (n < rest.size() && rest[n] != 0) ++n;
                left -= static_cast<std::int64_t>(n + 1);
                if (left <= 0) break;
                stringz(c, hf.parameterName);
                const std::size_t before = c.pos();
                stringz(c, hf.parameterValue);
                left -= static_cast<std::int64_t>(c.pos() - before);
                if (left == 1 && c.peek() == 0) break;
            }
        } else if (code == 80877103) {
            if (app) app[kSslWord] = 1;  // the next reply is a single byte
        } else if (code == 80877102) {
            c.u32(hf.pid);
            c.u32(hf.key);
        }
        break;
    }
    case 'd': c.bytes(length >= 4 ? length - 4 : 0, hf.copydata); break;
    case 'f': stringz(c, hf.error); break;
    case 'F':
        c.u32(hf.oid);
        formats(c);
        dataRow(c, c.u16());
        c.u16(hf.format);
        break;
    default: break;
    }
}

FieldId noticeField(std::uint8_t code)
{
    switch (code) {
    case 'S': return hf.severity;
    case 'C': return hf.code;
    case 'M': return hf.message;
    case 'D': return hf.detail;
    case 'H': return hf.hint;
    case 'P': return hf.position;
    case 'p': return hf.internalPosition;
    case 'q': return hf.internalQuery;
    case 'W': return hf.where;
    case 's': return hf.schema;
    case 't': return hf.table;
    case 'c': return hf.column;
    case 'd': return hf.typeName;
    case 'n': return hf.constraint;
    case 'F': return hf.file;
    case 'L': return hf.line;
    case 'R': return hf.routine;
    default: return hf.text;
    }
}

void backendMessage(LayerCursor& c, std::uint8_t type, std::uint32_t length, std::uint32_t* app)
{
    const auto setAuth = [app](std::uint32_t s) { if (app) app[kAuthWord] = s; };
    switch (type) {
    case 'R': {
        const std::uint32_t auth = c.u32(hf.authtype);
        if (auth == 4 || auth == 5) {
            c.bytes(auth == 4 ? 2 : 4, hf.salt);
        } else if (auth == 8) {
            setAuth(GssData);
            c.bytes(length >= 8 ? length - 8 : 0, hf.gssData);
        } else if (auth == 10) {
            setAuth(SaslRequested);
            // The mechanisms run to the message's end (offsets count the type byte).
            for (int guard = 0; guard < 256 && c.ok() && c.pos() < length; ++guard) stringz(c, hf.saslMech);
        } else if (auth == 11 || auth == 12) {
            setAuth(SaslContinue);
            if (c.pos() < length) c.bytes(length >= 8 ? length - 8 : 0, hf.saslData);
        }
        break;
    }
    case 'K':
        c.u32(hf.pid);
        c.u32(hf.key);
        break;
    case 'S':
        stringz(c, hf.parameterName);
        stringz(c, hf.parameterValue);
        break;
    case 't': {
        const std::uint16_t n = c.u16();
        for (std::uint32_t i = 0; i < n && c.ok(); ++i) c.u32(hf.typeOid);
        break;
    }
    case 'T': {
        const std::uint16_t n = c.u16(hf.fieldCount);
        for (std::uint32_t i = 0; i < n && c.ok(); ++i) {
            stringz(c, hf.colName);
            c.u32(hf.tableOid);
            c.add(hf.colIndex, c.pos(), 2, c.u16());
            c.u32(hf.typeOid);
            const std::size_t at = c.pos();
            c.add(hf.valLength, at, 2, static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int16_t>(c.u16()))));
            int32Field(c, hf.colTypemod);
            c.u16(hf.format);
        }
        break;
    }
    case 'D': dataRow(c, c.u16(hf.fieldCount)); break;
    case 'C': stringz(c, hf.tag); break;
    case 'Z': c.u8(hf.status); break;
    case 'E':
    case 'N': {
        auto left = static_cast<std::int64_t>(length) - 4;
        for (int guard = 0; guard < 256 && left > 0 && c.ok(); ++guard) {
            const std::uint8_t code = c.peek();
            if (code == 0) break;
            c.skip(1);
            const std::size_t before = c.pos();
            const std::string_view s = stringz(c, LayerCursor::kNone);
            if (!c.ok()) break;
            c.ctx().out.addTextField(noticeField(code), c.layer(), c.absolute(before - 1),
                                     static_cast<std::uint32_t>(s.size() + 2), s);
        }
        break;
    }
    case 'A':
        c.u32(hf.pid);
        stringz(c, hf.condition);
        stringz(c, hf.text);
        break;
    case 'G':
    case 'H': {
        c.u8(hf.format);
        const std::uint16_t n = c.u16();
        for (std::uint32_t i = 2; i < n && c.ok(); ++i) c.u16(hf.format);
        break;
    }
    case 'd': c.bytes(length >= 4 ? length - 4 : 0, hf.copydata); break;
    case 'V': {
        const std::size_t at = c.pos();
        const auto n = static_cast<std::int32_t>(c.u32());
        c.add(hf.valLength, at, 4, static_cast<std::uint64_t>(static_cast<std::int64_t>(n)));
        if (n > 0) c.bytes(static_cast<std::size_t>(n), hf.valData);
        break;
    }
    default: break;
    }
}

void dissectMessage(DissectContext& ctx, const Payload& p, int index, bool frontend)
{
    LayerCursor c(ctx, "PGSQL", "pgsql", p.data, p.at, p.reported);
    if (index > 0) c.unlisted();
    std::uint32_t* app = ctx.tcpConversation ? ctx.tcpConversation->app : nullptr;
    const std::uint8_t type = c.peek();
    const std::size_t n = type != 0 ? 1 : 0;
    std::uint32_t length = 0;
    if (c.remaining() >= n + 4)
        length = (std::uint32_t{p.data[n]} << 24) | (std::uint32_t{p.data[n + 1]} << 16) | (p.data[n + 2] << 8) | p.data[n + 3];
    std::string_view name = frontend ? frontendName(type) : backendName(type);
    if (frontend && type == 0 && c.remaining() >= 8) {
        const std::uint32_t tag = (std::uint32_t{p.data[4]} << 24) | (std::uint32_t{p.data[5]} << 16) | (p.data[6] << 8) | p.data[7];
        name = length == 16 && tag == 80877102  ? "Cancel request"
               : length == 8 && tag == 80877103 ? "SSL request"
               : length == 8 && tag == 80877104 ? "GSS encrypt request"
               : tag == 196608                  ? "Startup message"
                                                : "Unknown";
    } else if (frontend && type == 'p') {
        switch (app ? app[kAuthWord] : AuthNone) {
        case SaslRequested: name = "SASLInitialResponse message"; break;
        case SaslContinue: name = "SASLResponse message"; break;
        case GssData: name = "GSSResponse message"; break;
        default: name = "Password message"; break;
        }
    }
    if (length + n < 5) {  // shorter than tcp_dissect_pdus's fixed part: a reported bounds error
        c.malformed();
        c.notInTree();  // the call is in frame.protocols, but no message was added
        return;
    }
    const std::uint32_t typeField = ctx.out.addTextField(hf.type, c.layer(), c.absolute(0), static_cast<std::uint32_t>(n), name);
    ctx.out.setAux(typeField, type | (index == 0 ? kCallStart : 0));
    c.skip(n);
    c.u32(hf.length);
    c.add(hf.frontend, 0, 0, frontend ? 1 : 0);
    if (frontend)
        frontendMessage(c, type, length, app);
    else
        backendMessage(c, type, length, app);
}

bool dissectPgsql(DissectContext& ctx, const Payload& p)
{
    const bool frontend = text::transportPorts(ctx).dst == kPort;
    std::uint32_t* app = ctx.tcpConversation ? ctx.tcpConversation->app : nullptr;
    const InfoWriter writer = frontend ? writeFrontend : writeBackend;
    if (app && app[kSslWord]) {
        // The answer to SSLRequest: 'S' starts TLS on the connection; no tree item.
        app[kSslWord] = 0;
        if (!p.data.empty() && p.data[0] == 'S') {
            text::startTlsAsked(ctx);
            text::startTlsAnswered(ctx, true);
        }
        const std::uint16_t layer = ctx.out.addLayer("PGSQL", "pgsql", p.at, static_cast<std::uint32_t>(p.data.size()), ctx.inReassembled);
        hideLayer(ctx.out, layer);
        ctx.setProtocol("PGSQL");
        ctx.setInfo(writer, layer);
        return true;
    }
    if (text::speaksTls(ctx)) {
        dissectTls(ctx, p);
        return true;
    }
    pdu_stream::dissect(
        ctx, p,
        [&](bool after) {
            ctx.setProtocol("PGSQL");
            const auto layer = static_cast<std::uint16_t>(ctx.out.layers().size());
            if (after)
                ctx.appendInfo(writer, layer, "");
            else
                ctx.setInfo(writer, layer);
        },
        [](ByteSpan b) -> std::size_t {
            if (b.size() < 5) return pdu_stream::kNeedMore;
            const std::size_t n = b[0] != 0 ? 1 : 0;
            const std::size_t length = (std::size_t{b[n]} << 24) | (std::size_t{b[n + 1]} << 16) | (std::size_t{b[n + 2]} << 8) | b[n + 3];
            return length + n < 5 ? 0 : length + n;  // shorter: malformed, the rest is not split
        },
        [&](const Payload& m, int index) { dissectMessage(ctx, m, index, frontend); });
    return true;
}

}  // namespace

void registerPgsql(ProtocolRegistrar& r)
{
    r.protocol("pgsql");
    hf.frontend = r.field({"pgsql.frontend", "Frontend", FieldKind::Bool, 8});
    hf.type = r.field({"pgsql.type", "Type", FieldKind::String});
    hf.length = r.field({"pgsql.length", "Length", FieldKind::Unsigned, 32});
    hf.versionMajor = r.field({"pgsql.version_major", "Protocol major version", FieldKind::Unsigned, 16});
    hf.versionMinor = r.field({"pgsql.version_minor", "Protocol minor version", FieldKind::Unsigned, 16});
    hf.parameterName = r.field({"pgsql.parameter_name", "Parameter name", FieldKind::String});
    hf.parameterValue = r.field({"pgsql.parameter_value", "Parameter value", FieldKind::String});
    hf.query = r.field({"pgsql.query", "Query", FieldKind::String});
    hf.password = r.field({"pgsql.password", "Password", FieldKind::String});
    hf.authtype = r.field({"pgsql.authtype", "Authentication type", FieldKind::Unsigned, 32, kAuthTypes});
    hf.salt = r.field({"pgsql.salt", "Salt value", FieldKind::Bytes});
    hf.gssData = r.field({"pgsql.auth.gssapi_sspi.data", "GSSAPI or SSPI data", FieldKind::Bytes});
    hf.saslMech = r.field({"pgsql.auth.sasl.mech", "SASL authentication mechanism", FieldKind::String});
    hf.saslDataLength = r.field({"pgsql.auth.sasl.data.length", "SASL authentication data length", FieldKind::Signed, 32});
    hf.saslData = r.field({"pgsql.auth.sasl.data", "SASL authentication data", FieldKind::Bytes});
    hf.statement = r.field({"pgsql.statement", "Statement", FieldKind::String});
    hf.portal = r.field({"pgsql.portal", "Portal", FieldKind::String});
    hf.returns = r.field({"pgsql.returns", "Returns", FieldKind::Unsigned, 32});
    hf.tag = r.field({"pgsql.tag", "Tag", FieldKind::String});
    hf.status = r.field({"pgsql.status", "Status", FieldKind::Unsigned, 8, kStatus});
    hf.copydata = r.field({"pgsql.copydata", "Copy data", FieldKind::Bytes});
    hf.error = r.field({"pgsql.error", "Error", FieldKind::String});
    hf.pid = r.field({"pgsql.pid", "PID", FieldKind::Unsigned, 32});
    hf.key = r.field({"pgsql.key", "Key", FieldKind::Unsigned, 32});
    hf.condition = r.field({"pgsql.condition", "Condition", FieldKind::String});
    hf.text = r.field({"pgsql.text", "Text", FieldKind::String});
    hf.tableOid = r.field({"pgsql.oid.table", "Table OID", FieldKind::Unsigned, 32});
    hf.typeOid = r.field({"pgsql.oid.type", "Type OID", FieldKind::Unsigned, 32});
    hf.oid = r.field({"pgsql.oid", "OID", FieldKind::Unsigned, 32});
    hf.format = r.field({"pgsql.format", "Format", FieldKind::Unsigned, 16, kFormats});
    hf.fieldCount = r.field({"pgsql.field.count", "Field count", FieldKind::Unsigned, 16});
    hf.colName = r.field({"pgsql.col.name", "Column name", FieldKind::String});
    hf.colIndex = r.field({"pgsql.col.index", "Column index", FieldKind::Unsigned, 32});
    hf.valLength = r.field({"pgsql.val.length", "Column length", FieldKind::Signed, 32});
    hf.valData = r.field({"pgsql.val.data", "Data", FieldKind::Bytes});
    hf.colTypemod = r.field({"pgsql.col.typemod", "Type modifier", FieldKind::Signed, 32});
    hf.severity = r.field({"pgsql.severity", "Severity", FieldKind::String});
    hf.code = r.field({"pgsql.code", "Code", FieldKind::String});
    hf.message = r.field({"pgsql.message", "Message", FieldKind::String});
    hf.detail = r.field({"pgsql.detail", "Detail", FieldKind::String});
    hf.hint = r.field({"pgsql.hint", "Hint", FieldKind::String});
    hf.position = r.field({"pgsql.position", "Position", FieldKind::String});
    hf.internalPosition = r.field({"pgsql.internal_position", "Position (Internal)", FieldKind::String});
    hf.internalQuery = r.field({"pgsql.internal_query", "Query (Internal)", FieldKind::String});
    hf.where = r.field({"pgsql.where", "Context", FieldKind::String});
    hf.schema = r.field({"pgsql.schema_name", "Schema", FieldKind::String});
    hf.table = r.field({"pgsql.table_name", "Table", FieldKind::String});
    hf.column = r.field({"pgsql.column_name", "Column", FieldKind::String});
    hf.typeName = r.field({"pgsql.type_name", "Type", FieldKind::String});
    hf.constraint = r.field({"pgsql.constraint_name", "Constraint", FieldKind::String});
    hf.file = r.field({"pgsql.file", "File", FieldKind::String});
    hf.line = r.field({"pgsql.line", "Line", FieldKind::String});
    hf.routine = r.field({"pgsql.routine", "Routine", FieldKind::String});
    r.tcpPort(kPort, dissectPgsql);
}

}  // namespace rcvmon

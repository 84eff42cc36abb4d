// SPDX-License-Identifier: GPL-2.0-or-later
// LDAP (RFC 4511 §4) over TCP 389 and CLDAP over UDP 389: each LDAPMessage is a BER
// SEQUENCE { messageID, protocolOp, controls }. One layer per message, with Info as
// Wireshark writes it: `searchRequest(2) "dc=x" wholeSubtree `, messages of one segment
// joined by " | ". After a SASL bind with a security layer, messages travel in 4-byte
// length-prefixed SASL buffers (RFC 4422 §3.7), which are left undecoded.
#include "dissect/field_format.h"
#include "dissect/protocols/ber.h"
#include "dissect/protocols/security_blob.h"
#include "dissect/protocols/tcp_message.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

namespace rcvmon {
namespace {

struct LdapFields {
    FieldId messageId, protocolOp, version, name, authentication, simple, mechanism, baseObject, scope, objectName,
        resultCode, matchedDn, errorMessage, requestName, saslBufferLength, entry, object, delRequest, encryptedPayload, filterAnd,
        filterOr;
} hf;

enum Op : std::uint32_t {
    BindRequest = 0, BindResponse = 1, SearchRequest = 3, SearchResEntry = 4, SearchResDone = 5,
    ModifyRequest = 6, AddRequest = 8, DelRequest = 10, ModDnRequest = 12, CompareRequest = 14,
    ExtendedReq = 23,
};

constexpr ValueName kOps[] = {
    {0, "bindRequest"}, {1, "bindResponse"}, {2, "unbindRequest"}, {3, "searchRequest"}, {4, "searchResEntry"},
    {5, "searchResDone"}, {6, "modifyRequest"}, {7, "modifyResponse"}, {8, "addRequest"}, {9, "addResponse"},
    {10, "delRequest"}, {11, "delResponse"}, {12, "modDNRequest"}, {13, "modDNResponse"}, {14, "compareRequest"},
    {15, "compareResponse"}, {16, "abandonRequest"}, {19, "searchResRef"}, {23, "extendedReq"},
    {24, "extendedResp"}, {25, "intermediateResponse"},
};
constexpr ValueName kScopes[] = {{0, "baseObject"}, {1, "singleLevel"}, {2, "wholeSubtree"}};
constexpr ValueName kAuth[] = {{0, "simple"}, {3, "sasl"}, {10, "ntlmsspNegotiate"}, {11, "ntlmsspAuth"}};
constexpr ValueName kResults[] = {
    {0, "success"}, {1, "operationsError"}, {2, "protocolError"}, {3, "timeLimitExceeded"},
    {4, "sizeLimitExceeded"}, {5, "compareFalse"}, {6, "compareTrue"}, {7, "authMethodNotSupported"},
    {8, "strongAuthRequired"}, {10, "referral"}, {11, "adminLimitExceeded"},
    {12, "unavailableCriticalExtension"}, {13, "confidentialityRequired"}, {14, "saslBindInProgress"},
    {16, "noSuchAttribute"}, {17, "undefinedAttributeType"}, {18, "inappropriateMatching"},
    {19, "constraintViolation"}, {20, "attributeOrValueExists"}, {21, "invalidAttributeSyntax"},
    {32, "noSuchObject"}, {33, "aliasProblem"}, {34, "invalidDNSyntax"}, {36, "aliasDereferencingProblem"},
    {48, "inappropriateAuthentication"}, {49, "invalidCredentials"}, {50, "insufficientAccessRights"},
    {51, "busy"}, {52, "unavailable"}, {53, "unwillingToPerform"}, {54, "loopDetect"}, {64, "namingViolation"},
    {65, "objectClassViolation"}, {66, "notAllowedOnNonLeaf"}, {67, "notAllowedOnRDN"},
    {68, "entryAlreadyExists"}, {69, "objectClassModsProhibited"}, {71, "affectsMultipleDSAs"}, {80, "other"},
    {118, "canceled"}, {119, "noSuchOperation"}, {120, "tooLate"}, {121, "cannotCancel"},
    {122, "assertionFailed"}, {123, "authorizationDenied"}, {4096, "e-syncRefreshRequired"},
};

void appendName(std::string& out, const ValueName* begin, const ValueName* end, std::uint64_t v,
                std::string_view unknown)
{
    for (const ValueName* n = begin; n != end; ++n)
        if (n->value == v) {
            out += n->name;
            return;
        }
    out += unknown;
    out += '(';
    appendDecimal(out, v);
    out += ')';
}

void appendDn(const LayerView& layer, FieldId id, std::string& out)
{
    if (!layer.has(id)) return;
    const std::string_view dn = layer.text(id);
    out += '"';
    out += dn.empty() ? std::string_view("<ROOT>") : dn;
    out += "\" ";
}

void appendResult(const LayerView& layer, std::string& out)
{
    const FieldRecord* r = layer.field(hf.resultCode);
    if (!r) return;
    appendName(out, std::begin(kResults), std::end(kResults), r->number, "Unknown result");
    out += ' ';
    if (!layer.text(hf.errorMessage).empty()) {
        out += '(';
        // Control characters as Wireshark's format_text escapes them.
        for (const char ch : layer.text(hf.errorMessage)) {
            switch (ch) {
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            case '\v': out += "\\v"; break;
            case '\f': out += "\\f"; break;
            case '\a': out += "\\a"; break;
            case '\b': out += "\\b"; break;
            default: out += ch; break;
            }
        }
        out += ") ";
    }
}

// Wireshark's tree stops at depth 500, which a filter nested kFilterDepthLimit deep reaches;
// its dissector then throws, and Info shows the exception.
constexpr int kFilterDepthLimit = 124;

void appendTreeDepthBug(const LayerView& layer, std::string& out)
{
    int depth = 0;
    bool lastOr = false;
    for (const FieldRecord& f : layer.dissection().fields()) {
        if (f.layer != layer.layer() || (f.id != hf.filterAnd && f.id != hf.filterOr)) continue;
        if (++depth == kFilterDepthLimit) {
            lastOr = f.id == hf.filterOr;
            break;
        }
    }
    if (depth < kFilterDepthLimit) return;
    out += lastOr ? "[Dissector bug, protocol LDAP: Maximum tree depth 500 exceeded for \"or\" - \"ldap.or\""
                  : "[Dissector bug, protocol LDAP: Maximum tree depth 500 exceeded for \"and\" - \"ldap.and\"";
    out += " (proto_tree_add_node:5972) (Maximum depth can be increased in advanced preferences)]";
}

void writeInfo(const LayerView& layer, std::string& out)
{
    const FieldRecord* op = layer.field(hf.protocolOp);
    if (!op) return;
    appendName(out, std::begin(kOps), std::end(kOps), op->number, "Unknown");
    out += '(';
    appendDecimal(out, layer.number(hf.messageId));
    out += ") ";
    switch (op->number) {
    case BindRequest: appendDn(layer, hf.name, out); break;
    case SearchRequest:
        appendDn(layer, hf.baseObject, out);
        if (const FieldRecord* s = layer.field(hf.scope)) {
            appendName(out, std::begin(kScopes), std::end(kScopes), s->number, "Unknown");
            out += ' ';
        }
        appendTreeDepthBug(layer, out);
        break;
    case SearchResEntry: appendDn(layer, hf.objectName, out); break;
    case ModifyRequest: appendDn(layer, hf.object, out); break;
    case AddRequest:
    case ModDnRequest:
    case CompareRequest: appendDn(layer, hf.entry, out); break;
    case DelRequest: appendDn(layer, hf.delRequest, out); break;
    case ExtendedReq:
        if (layer.has(hf.requestName)) {
            const std::string_view oid = layer.text(hf.requestName);
            if (oid == "1.3.6.1.4.1.1466.20037") {
                out += "LDAP_START_TLS_OID";
            } else if (oid.starts_with("1.")) {
                out += "iso";
                out += oid.substr(1);
            } else {
                out += oid;
            }
            out += ' ';
        }
        break;
    case 24: break;  // extendedResp: Wireshark shows no result code for it
    case SearchResDone:
        appendResult(layer, out);
        out += " [";  // the count follows as digit parts (see appendCount)
        break;
    default: appendResult(layer, out); break;
    }
}

// The bind's authentication choice, after what its credentials appended (NTLMSSP).
void writeAuth(const LayerView& layer, std::string& out)
{
    if (const FieldRecord* a = layer.field(hf.authentication)) {
        appendName(out, std::begin(kAuth), std::end(kAuth), a->number, "Unknown");
        out += ' ';
    }
}

// The number of entries a search returned has no field of its own in Wireshark (it is part
// of the message item's text), so Info gets it as digit parts.
template <char D>
void writeDigit(const LayerView&, std::string& out)
{
    out += D;
}
constexpr std::array<InfoWriter, 10> kDigits = {writeDigit<'0'>, writeDigit<'1'>, writeDigit<'2'>, writeDigit<'3'>,
                                                writeDigit<'4'>, writeDigit<'5'>, writeDigit<'6'>, writeDigit<'7'>,
                                                writeDigit<'8'>, writeDigit<'9'>};
void writeOneResult(const LayerView&, std::string& out) { out += " result]"; }
void writeResults(const LayerView&, std::string& out) { out += " results]"; }

void appendCount(DissectContext& ctx, std::uint16_t layer, std::uint32_t count)
{
    char digits[10];
    int n = 0;
    do {
        digits[n++] = static_cast<char>(count % 10);
        count /= 10;
    } while (count && n < 10);
    const bool one = n == 1 && digits[0] == 1;
    while (n > 0) ctx.appendInfo(kDigits[static_cast<std::size_t>(digits[--n])], layer, "");
    ctx.appendInfo(one ? writeOneResult : writeResults, layer, "");
}

// Search entries of the connection so far: Wireshark 4.0 counts them per conversation and
// never starts over, so a searchResDone shows the entries of every search before it.
std::uint32_t& resultCount(const DissectContext& ctx)
{
    thread_local std::unordered_map<std::uint64_t, std::uint32_t> counts;
    if (counts.size() > 4096) counts.clear();
    return counts[connectionKey(ctx)];
}

// What the connection's binds chose: a SASL mechanism (after which messages may travel in
// SASL buffers), and whether it was a GSS one.
struct SaslState {
    bool saslBind = false;  // a SASL bind was asked for
    bool sasl = false;      // and succeeded: SASL buffers may follow
    bool gss = false;
};
SaslState& saslState(const DissectContext& ctx)
{
    thread_local std::unordered_map<std::uint64_t, SaslState> states;
    if (states.size() > 4096) states.clear();
    return states[connectionKey(ctx)];
}
bool& spnegoMechanism(const DissectContext& ctx) { return saslState(ctx).gss; }

struct Message {
    LayerCursor& c;
    BerReader& r;

    // Strings end at a NUL, as Wireshark's FT_STRING values do.
    void text(const BerTlv& t, FieldId id)
    {
        std::string_view v = r.text(t);
        v = v.substr(0, v.find('\0'));
        c.ctx().out.addTextField(id, c.layer(), c.absolute(t.value), static_cast<std::uint32_t>(t.length), v);
    }
    // Filter (RFC 4511 §4.5.1): the and [0] / or [1] sets it nests, one field per level.
    void filter(BerReader& in, int depth, int& budget)
    {
        BerTlv f;
        if (depth >= kFilterDepthLimit || !in.next(f) || --budget < 0) return;
        if (f.cls != BerTlv::Context || (f.tag != 0 && f.tag != 1 && f.tag != 2)) return;
        if (f.tag != 2) c.add(f.tag == 0 ? hf.filterAnd : hf.filterOr, f.start, f.end() - f.start, 0);
        BerReader items = in.inside(f);
        while (!items.atEnd() && budget > 0) {
            const std::size_t before = items.pos();
            filter(items, depth + 1, budget);
            if (items.pos() == before) break;
        }
    }
    void number(const BerTlv& t, FieldId id)
    {
        std::int64_t v = 0;
        if (r.integer(t, v)) c.add(id, t.value, t.length, static_cast<std::uint64_t>(v));
    }
    Payload contents(const BerTlv& t) const
    {
        return Payload{r.data().subspan(t.value, t.length), t.length, c.absolute(t.value)};
    }
};

// Controls [0] SEQUENCE OF Control { controlType, criticality, controlValue }: Wireshark hands
// the value of a control it knows to the LDAP dissector again, which names LDAP once more in
// the frame's protocols.
void dissectControls(DissectContext& ctx, LayerCursor& c, BerReader& r)
{
    BerTlv controls, control, e;
    if (!r.next(controls) || !controls.is(BerTlv::Context, 0)) return;
    BerReader list = r.inside(controls);
    for (int i = 0; i < 32 && list.next(control); ++i) {
        BerReader in = list.inside(control);
        if (!in.expect(e, BerTlv::Universal, 4)) return;
        const std::string_view type = in.text(e);
        const bool known = type == "1.2.840.113556.1.4.319" || type == "1.2.840.113556.1.4.473" ||
                           type == "1.2.840.113556.1.4.474";
        while (in.next(e)) {
            if (e.is(BerTlv::Universal, 4) && known) {
                const std::uint16_t layer = ctx.out.addLayer("LDAP", "ldap", c.absolute(e.value),
                                                             static_cast<std::uint32_t>(e.length), ctx.inReassembled);
                ctx.out.layer(layer).nested = true;  // inside the control's subtree
            }
        }
    }
}

void dissectMessage(DissectContext& ctx, const Payload& p, int index, std::string_view name, std::string_view filter)
{
    LayerCursor c(ctx, name, filter, p.data, p.at, p.reported);
    // index < 0: inside a SASL buffer, whose messages follow one another in Info unjoined.
    if (index != 0) c.unlisted();  // Wireshark lists the protocol once per frame
    if (index < 0) ctx.out.layer(c.layer()).nested = true;
    if (index == 0) ctx.setInfo(writeInfo, c.layer());
    else ctx.appendInfo(writeInfo, c.layer(), index < 0 ? "" : " | ");
    BerReader top(c.data(), 0, c.size(), p.reported);
    BerTlv msg, id, op, t;
    if (!top.expect(msg, BerTlv::Universal, 16)) return;
    BerReader r = top.inside(msg);
    Message m{c, r};
    if (!r.expect(id, BerTlv::Universal, 2)) return;
    m.number(id, hf.messageId);
    if (!r.next(op) || op.cls != BerTlv::Application) return;
    c.add(hf.protocolOp, op.start, 1, op.tag);
    BerReader body = r.inside(op);
    Message b{c, body};
    switch (op.tag) {
    case BindRequest:
        if (!body.expect(t, BerTlv::Universal, 2)) return;
        b.number(t, hf.version);
        if (!body.expect(t, BerTlv::Universal, 4)) return;
        b.text(t, hf.name);
        if (!body.next(t) || t.cls != BerTlv::Context) return;
        c.add(hf.authentication, t.start, 1, t.tag);
        if (t.tag == 0) {
            b.text(t, hf.simple);
        } else if (t.tag == 3) {  // SaslCredentials { mechanism, credentials OPTIONAL }
            BerReader sasl = body.inside(t);
            Message s{c, sasl};
            BerTlv mech, creds;
            saslState(ctx).saslBind = true;
            if (sasl.expect(mech, BerTlv::Universal, 4)) {
                s.text(mech, hf.mechanism);
                spnegoMechanism(ctx) = sasl.text(mech) == "GSS-SPNEGO" || sasl.text(mech) == "GSSAPI";
            }
            // Wireshark hands SASL credentials to GSS-API, which finds NTLMSSP or SPNEGO inside.
            if (sasl.next(creds) && creds.is(BerTlv::Universal, 4) && creds.length > 0)
                dissectSecurityBlob(ctx, s.contents(creds), BlobCarrier::Gssapi);
        } else if (t.tag == 10 || t.tag == 11) {  // Microsoft's NTLMSSP choices
            dissectNtlmssp(ctx, b.contents(t));
            spnegoMechanism(ctx) = true;
        }
        if (t.tag == 0 || t.tag == 3) ctx.appendInfo(writeAuth, c.layer(), "");
        break;
    case SearchRequest:
        if (!body.expect(t, BerTlv::Universal, 4)) return;
        b.text(t, hf.baseObject);
        if (!body.expect(t, BerTlv::Universal, 10)) return;
        b.number(t, hf.scope);
        for (int i = 0; i < 4 && body.next(t); ++i) {}  // derefAliases, sizeLimit, timeLimit, typesOnly
        if (body.ok()) {
            int budget = 1024;
            b.filter(body, 0, budget);
        }
        break;
    case SearchResEntry:
        if (!body.expect(t, BerTlv::Universal, 4)) return;
        b.text(t, hf.objectName);
        ++resultCount(ctx);
        break;
    case ModifyRequest:
        if (body.expect(t, BerTlv::Universal, 4)) b.text(t, hf.object);
        break;
    case AddRequest:
    case ModDnRequest:
    case CompareRequest:
        if (body.expect(t, BerTlv::Universal, 4)) b.text(t, hf.entry);
        break;
    case DelRequest:  // [APPLICATION 10] LDAPDN: the DN is the operation's own contents
        m.text(op, hf.delRequest);
        break;
    case ExtendedReq:
        if (body.next(t) && t.is(BerTlv::Context, 0)) b.text(t, hf.requestName);
        break;
    case 2:
    case 16:
    case 19:
    case 25: break;  // no LDAPResult
    default: {
        // LDAPResult: resultCode, matchedDN, errorMessage, then the operation's own fields.
        if (!body.expect(t, BerTlv::Universal, 10)) return;
        b.number(t, hf.resultCode);
        if (op.tag == BindResponse && body.integerOr(t, -1) == 0 && saslState(ctx).saslBind) saslState(ctx).sasl = true;
        if (!body.expect(t, BerTlv::Universal, 4)) return;
        b.text(t, hf.matchedDn);
        // Microsoft's NTLM bind ("Sicily") answers with the NTLMSSP challenge as matchedDN.
        if (op.tag == BindResponse && body.text(t).starts_with("NTLMSSP")) dissectNtlmssp(ctx, b.contents(t));
        if (!body.expect(t, BerTlv::Universal, 4)) return;
        b.text(t, hf.errorMessage);
        if (op.tag == BindResponse) {
            // serverSaslCreds: decoded only after a GSS-SPNEGO or GSSAPI bind, as Wireshark does.
            while (body.next(t))
                if (t.is(BerTlv::Context, 7) && spnegoMechanism(ctx) && t.length > 0)
                    dissectSecurityBlob(ctx, b.contents(t), BlobCarrier::Spnego);
        }
        if (op.tag == SearchResDone) appendCount(ctx, c.layer(), resultCount(ctx));
        break;
    }
    }
    dissectControls(ctx, c, r);
}


std::size_t messageLength(ByteSpan b)
{
    if (b.size() < 2) return 0;
    // (A SASL buffer's 4-byte length otherwise.)
    if (b[0] != 0x30) {
        if (b.size() < 4) return 0;
        const std::uint32_t sasl = (std::uint32_t{b[0]} << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
        return sasl == 0 || sasl > (1u << 24) ? 0 : 4 + std::size_t{sasl};
    }
    if (b[1] < 0x80) return 2 + std::size_t{b[1]};
    const unsigned n = b[1] & 0x7f;
    if (n == 0 || n > 4 || b.size() < 2 + n) return 0;
    std::size_t len = 0;
    for (unsigned i = 0; i < n; ++i) len = (len << 8) | b[2 + i];
    return 2 + n + len;
}

void writeNothing(const LayerView&, std::string&) {}
void writeIntegrity(const LayerView&, std::string& out) { out += "SASL GSS-API Integrity: "; }
void writePrivacy(const LayerView& layer, std::string& out)
{
    out += "SASL GSS-API Privacy: payload (";
    const FieldRecord* f = layer.field(hf.encryptedPayload);
    appendDecimal(out, f ? f->length : 0);
    out += " bytes)";
}

// A SASL buffer (RFC 4422 §3.7) after a GSS bind holds a GSS-API wrap token. Kerberos CFX
// tokens (RFC 4121 §4.2.6.2): a sealed one shows its payload's size; an integrity-only one
// carries the LDAP messages in clear after the 16-byte header and the rotated checksum.
void dissectSaslBuffer(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "LDAP", "ldap", p.data, p.at, p.reported);
    const std::uint32_t length = c.u32();
    const ByteSpan b = c.rest();
    const bool cfx = spnegoMechanism(ctx) && b.size() >= 16 && b[0] == 0x05 && b[1] == 0x04;
    if (!cfx) {
        c.add(hf.saslBufferLength, 0, 4, length);
        ctx.setInfo(writeNothing, c.layer());
        return;
    }
    const std::size_t ec = (std::size_t{b[4]} << 8) | b[5], rrc = (std::size_t{b[6]} << 8) | b[7];
    // GSS-API hands the wrap token to the Kerberos mechanism (SPNEGO-KRB5).
    const auto tokenLength = static_cast<std::uint32_t>(b.size());
    for (const auto& [name, filter] : {std::pair{"GSS-API", "gss-api"}, std::pair{"SPNEGO-KRB5", "spnego-krb5"}})
        ctx.out.layer(ctx.out.addLayer(name, filter, c.absolute(4), tokenLength, ctx.inReassembled)).nested = true;
    if (b[2] & 0x02) {  // Sealed: confounder and header copy (16 bytes each) around the payload
        c.add(hf.saslBufferLength, 0, 4, length);
        const std::size_t overhead = 16 + rrc + 16 + ec;
        const std::size_t size = b.size() > overhead ? b.size() - overhead : 0;
        const ByteSpan payload = size ? b.subspan(16 + rrc + 16, size) : ByteSpan{};
        ctx.out.addBytesField(hf.encryptedPayload, c.layer(), c.absolute(4 + std::min(16 + rrc + 16, b.size())), payload);
        ctx.setInfo(writePrivacy, c.layer());
        return;
    }
    c.add(hf.saslBufferLength, 0, 4, length);
    const std::size_t start = 16 + (rrc == ec ? rrc : 0);
    const std::size_t end = rrc == ec ? b.size() : (b.size() > ec ? b.size() - ec : 0);
    ctx.setInfo(writeIntegrity, c.layer());
    if (start >= end) return;
    Payload rest{b.subspan(start, end - start), end - start, c.absolute(4 + start)};
    for (int i = 0; i < 64 && !rest.data.empty(); ++i) {
        const std::size_t n = messageLength(rest.data);
        if (n == 0 || n > rest.data.size()) break;
        dissectMessage(ctx, Payload{rest.data.first(n), n, rest.at}, -1, "LDAP", "ldap");
        rest = Payload{rest.data.subspan(n), rest.reported - n, rest.at + static_cast<std::uint32_t>(n)};
    }
}

bool dissectTcp(DissectContext& ctx, const Payload& p)
{
    // Bytes that start no LDAPMessage are a SASL buffer only after a SASL bind (Wireshark
    // remembers the bind); otherwise they are not LDAP's.
    if (!p.data.empty() && p.data[0] != 0x30 && !saslState(ctx).sasl && !pendingTcpMessage(ctx)) return false;
    dissectTcpMessages(ctx, p, messageLength, [&](const Payload& m, int index) {
        ctx.setProtocol("LDAP");
        if (!m.data.empty() && m.data[0] != 0x30) dissectSaslBuffer(ctx, m);
        else dissectMessage(ctx, m, index, "LDAP", "ldap");
    });
    return true;
}

bool dissectUdp(DissectContext& ctx, const Payload& p)
{
    ctx.setProtocol("CLDAP");
    dissectMessage(ctx, p, 0, "CLDAP", "cldap");
    return true;
}

}  // namespace

void registerLdap(ProtocolRegistrar& r)
{
    r.protocol("ldap");
    hf.messageId = r.field({"ldap.messageID", "messageID", FieldKind::Unsigned, 32});
    hf.protocolOp = r.field({"ldap.protocolOp", "protocolOp", FieldKind::Unsigned, 32, kOps});
    hf.version = r.field({"ldap.version", "version", FieldKind::Unsigned, 32});
    hf.name = r.field({"ldap.name", "name", FieldKind::String});
    hf.authentication = r.field({"ldap.authentication", "authentication", FieldKind::Unsigned, 32, kAuth});
    hf.simple = r.field({"ldap.simple", "simple", FieldKind::String});
    hf.mechanism = r.field({"ldap.mechanism", "mechanism", FieldKind::String});
    hf.baseObject = r.field({"ldap.baseObject", "baseObject", FieldKind::String});
    hf.scope = r.field({"ldap.scope", "scope", FieldKind::Unsigned, 32, kScopes});
    hf.objectName = r.field({"ldap.objectName", "objectName", FieldKind::String});
    hf.resultCode = r.field({"ldap.resultCode", "resultCode", FieldKind::Unsigned, 32, kResults});
    hf.matchedDn = r.field({"ldap.matchedDN", "matchedDN", FieldKind::String});
    hf.errorMessage = r.field({"ldap.errorMessage", "errorMessage", FieldKind::String});
    hf.requestName = r.field({"ldap.requestName", "requestName", FieldKind::String});
    hf.entry = r.field({"ldap.entry", "entry", FieldKind::String});
    hf.object = r.field({"ldap.object", "object", FieldKind::String});
    hf.delRequest = r.field({"ldap.delRequest", "delRequest", FieldKind::String});
    hf.filterAnd = r.field({"ldap.and", "and", FieldKind::Unsigned, 32});
    hf.filterOr = r.field({"ldap.or", "or", FieldKind::Unsigned, 32});
    hf.encryptedPayload = r.field({"ldap.gssapi_encrypted_payload", "GSS-API Encrypted payload", FieldKind::Bytes});
    hf.saslBufferLength = r.field({"ldap.sasl_buffer_length", "SASL Buffer Length", FieldKind::Unsigned, 32});
    r.tcpPort(389, dissectTcp);
    r.tcpPort(3268, dissectTcp);  // the Global Catalog
    r.protocol("cldap");
    r.udpPort(389, dissectUdp);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// GSS-API initial tokens (RFC 2743 §3.1), SPNEGO NegTokenInit/NegTokenResp (RFC 4178 §4.2),
// the Kerberos GSS token inside (RFC 4121 §4.1) and NTLMSSP messages (MS-NLMP §2.2.1).
#include "dissect/protocols/security_blob.h"

#include "dissect/protocols/ber.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace rcvmon {

void dissectKerberosToken(DissectContext& ctx, const Payload& p);

namespace {

struct SecurityFields {
    FieldId gssOid, ntlmIdentifier, ntlmType, ntlmFlags, ntlmDomain, ntlmUser, ntlmHost;
} hf;

// Security tokens sit inside their carrier's subtree (see LayerRecord::nested).
std::uint16_t nestedLayer(DissectContext& ctx, std::string_view name, std::string_view filter, std::uint32_t at,
                          std::size_t length)
{
    const std::uint16_t layer =
        ctx.out.addLayer(name, filter, at, static_cast<std::uint32_t>(length), ctx.inReassembled);
    ctx.out.layer(layer).nested = true;
    return layer;
}

constexpr ValueName kNtlmTypes[] = {
    {1, "NTLMSSP_NEGOTIATE"}, {2, "NTLMSSP_CHALLENGE"}, {3, "NTLMSSP_AUTH"}, {4, "NTLMSSP_UNKNOWN"},
};

void writeNtlmInfo(const LayerView& layer, std::string& out)
{
    const FieldRecord* type = layer.field(hf.ntlmType);
    if (!type) return;
    const std::string_view name = valueName(fieldInfo(hf.ntlmType), type->number);
    out += name.empty() ? std::string_view("Unknown NTLMSSP message type") : name;
    if (type->number == 3) {
        out += ", User: ";
        out += layer.text(hf.ntlmDomain);
        out += '\\';
        out += layer.text(hf.ntlmUser);
    }
}

std::uint32_t le32(ByteSpan b, std::size_t at)
{
    return std::uint32_t{b[at]} | (std::uint32_t{b[at + 1]} << 8) | (std::uint32_t{b[at + 2]} << 16) |
           (std::uint32_t{b[at + 3]} << 24);
}

// A security buffer (length, allocated, offset) naming a string in the message; UTF-16LE
// when the message negotiated Unicode, else OEM bytes. Non-ASCII code units print as '?'
// here only when outside the Basic Multilingual Plane's one-unit range.
void addNtlmString(LayerCursor& c, std::size_t header, bool unicode, FieldId id)
{
    const ByteSpan b = c.data();
    if (header + 8 > b.size()) return;
    const std::size_t len = b[header] | (b[header + 1] << 8);
    const std::size_t off = le32(b, header + 4);
    if (off > b.size() || len > b.size() - off) return;
    thread_local std::string text;
    text.clear();
    if (unicode) {
        for (std::size_t i = 0; i + 1 < len; i += 2) {
            const unsigned u = b[off + i] | (b[off + i + 1] << 8);
            if (u < 0x80) {
                text += static_cast<char>(u);
            } else if (u < 0x800) {
                text += static_cast<char>(0xc0 | (u >> 6));
                text += static_cast<char>(0x80 | (u & 0x3f));
            } else {
                text += static_cast<char>(0xe0 | (u >> 12));
                text += static_cast<char>(0x80 | ((u >> 6) & 0x3f));
                text += static_cast<char>(0x80 | (u & 0x3f));
            }
        }
    } else {
        text.assign(reinterpret_cast<const char*>(b.data() + off), len);
    }
    c.ctx().out.addTextField(id, c.layer(), c.absolute(off), static_cast<std::uint32_t>(len), text);
}

// mechToken / responseToken contents: NTLMSSP, or a Kerberos GSS token.
void dissectMechToken(DissectContext& ctx, const Payload& p)
{
    if (dissectNtlmssp(ctx, p)) return;
    if (!p.data.empty() && (p.data[0] == 0x60 || (p.data[0] & 0xe0) == 0x60)) {
        nestedLayer(ctx, "SPNEGO-KRB5", "spnego-krb5", p.at, p.data.size());
        BerReader r(p.data, 0, p.data.size());
        BerTlv app, oid;
        if (!r.next(app)) return;
        if (!app.is(BerTlv::Application, 0)) {  // a bare Kerberos message (AP-REP in a response)
            dissectKerberosToken(ctx, p);
            return;
        }
        BerReader in = r.inside(app);
        if (!in.expect(oid, BerTlv::Universal, 6)) return;
        const std::size_t at = in.pos() + 2;  // the two-byte TOK_ID precedes the message
        if (at >= app.end()) return;
        dissectKerberosToken(ctx, Payload{p.data.subspan(at, app.end() - at), app.end() - at,
                                          p.at + static_cast<std::uint32_t>(at)});
    }
}

Payload contentsOf(const Payload& p, const BerTlv& t)
{
    return Payload{p.data.subspan(t.value, t.length), t.length, p.at + static_cast<std::uint32_t>(t.value)};
}

// NegTokenInit [0] or NegTokenResp [1]: the token inside ([2] in both) is the mechanism's.
// `r` reads `p` from `from` on; its offsets are p's.
void dissectSpnego(DissectContext& ctx, const Payload& p, BerReader& r, std::size_t from)
{
    nestedLayer(ctx, "SPNEGO", "spnego", p.at + static_cast<std::uint32_t>(from), p.data.size() - from);
    BerTlv choice, seq, e;
    if (!r.next(choice) || choice.cls != BerTlv::Context) return;
    BerReader in = r.inside(choice);
    if (!in.expect(seq, BerTlv::Universal, 16)) return;
    BerReader fields = in.inside(seq);
    bool ntlm = false;
    while (fields.next(e)) {
        BerReader inner = fields.inside(e);
        BerTlv octets;
        if (e.is(BerTlv::Context, 2)) {
            if (!inner.expect(octets, BerTlv::Universal, 4)) return;
            const Payload token = contentsOf(p, octets);
            ntlm = token.data.size() >= 8 && token.data[0] == 'N';
            dissectMechToken(ctx, token);
        } else if (e.is(BerTlv::Context, 3) && inner.expect(octets, BerTlv::Universal, 4)) {
            // mechListMIC: an NTLMSSP message signature (MS-NLMP §2.2.2.9.1, version 1) is
            // handed to NTLMSSP's verifier, which names the protocol again.
            const Payload mic = contentsOf(p, octets);
            const bool signature = mic.data.size() == 16 && mic.data[0] == 1 && mic.data[1] == 0 &&
                                   mic.data[2] == 0 && mic.data[3] == 0;
            if (ntlm || signature)
                nestedLayer(ctx, "NTLMSSP", "ntlmssp", mic.at, mic.data.size());
        }
    }
}

}  // namespace

bool dissectNtlmssp(DissectContext& ctx, const Payload& p, bool listed)
{
    static constexpr std::uint8_t kSignature[] = {'N', 'T', 'L', 'M', 'S', 'S', 'P', 0};
    if (p.data.size() < 12 || !std::equal(std::begin(kSignature), std::end(kSignature), p.data.begin())) return false;
    LayerCursor c(ctx, "NTLMSSP", "ntlmssp", p.data, p.at, p.reported);
    ctx.out.layer(c.layer()).nested = true;
    if (!listed) c.unlisted();
    ctx.appendInfo(writeNtlmInfo, c.layer(), ", ");
    c.skip(8);
    ctx.out.addTextField(hf.ntlmIdentifier, c.layer(), c.absolute(0), 8, "NTLMSSP");
    const std::uint32_t type = le32(p.data, 8);
    c.add(hf.ntlmType, 8, 4, type);
    if (type == 1 && p.data.size() >= 16) c.add(hf.ntlmFlags, 12, 4, le32(p.data, 12));
    if (type == 3 && p.data.size() >= 64) {
        const std::uint32_t flags = le32(p.data, 60);
        const bool unicode = (flags & 1) != 0;
        c.add(hf.ntlmFlags, 60, 4, flags);
        addNtlmString(c, 28, unicode, hf.ntlmDomain);
        addNtlmString(c, 36, unicode, hf.ntlmUser);
        addNtlmString(c, 44, unicode, hf.ntlmHost);
        // Wireshark names the user even when the buffers are empty.
        if (!LayerView(ctx.out, c.layer()).has(hf.ntlmDomain))
            ctx.out.addTextField(hf.ntlmDomain, c.layer(), c.absolute(28), 8, "");
        if (!LayerView(ctx.out, c.layer()).has(hf.ntlmUser))
            ctx.out.addTextField(hf.ntlmUser, c.layer(), c.absolute(36), 8, "");
    }
    return true;
}

void dissectSecurityBlob(DissectContext& ctx, const Payload& p, BlobCarrier carrier)
{
    if (p.data.empty()) return;
    const bool gssapi = carrier != BlobCarrier::Spnego;
    if (p.data[0] == 'N') {
        if (carrier == BlobCarrier::Gssapi) nestedLayer(ctx, "GSS-API", "gss-api", p.at, p.data.size());
        dissectNtlmssp(ctx, p);
        return;
    }
    BerReader r(p.data, 0, p.data.size(), p.reported);
    if (p.data[0] == 0x60) {  // GSS-API InitialContextToken: [APPLICATION 0] { thisMech, innerToken }
        LayerCursor c(ctx, "GSS-API", "gss-api", p.data, p.at, p.reported);
        ctx.out.layer(c.layer()).nested = true;
        if (!gssapi) hideLayer(ctx.out, c.layer());  // SPNEGO reads the wrapper itself
        BerTlv app, oid;
        if (!r.next(app)) return;
        BerReader in = r.inside(app);
        if (!in.expect(oid, BerTlv::Universal, 6)) return;
        thread_local std::string text;
        text.clear();
        if (BerReader::appendOid(in.contents(oid), text))
            ctx.out.addTextField(hf.gssOid, c.layer(), c.absolute(oid.value), static_cast<std::uint32_t>(oid.length), text);
        if (text == "1.3.6.1.5.5.2") {
            dissectSpnego(ctx, p, in, in.pos());
        } else if (text == "1.2.840.113554.1.2.2" || text == "1.2.840.48018.1.2.2") {
            dissectMechToken(ctx, p);
        }
        return;
    }
    if (p.data[0] == 0xa1 || p.data[0] == 0xa0) {
        if (gssapi) nestedLayer(ctx, "GSS-API", "gss-api", p.at, p.data.size());
        dissectSpnego(ctx, p, r, 0);
    }
}

// tcp_message.cpp: the per-Dissector pass its message tables are keyed by (built with this family).
void registerDissectionPass(ProtocolRegistrar& r);

void registerSecurityBlob(ProtocolRegistrar& r)
{
    registerDissectionPass(r);
    r.protocol("gss-api");
    hf.gssOid = r.field({"gss-api.OID", "OID", FieldKind::String});
    r.protocol("spnego");
    r.protocol("spnego-krb5");
    r.protocol("ntlmssp");
    hf.ntlmIdentifier = r.field({"ntlmssp.identifier", "NTLMSSP identifier", FieldKind::String});
    hf.ntlmType = r.field({"ntlmssp.messagetype", "NTLM Message Type", FieldKind::Hex, 32, kNtlmTypes});
    hf.ntlmFlags = r.field({"ntlmssp.negotiateflags", "Negotiate Flags", FieldKind::Hex, 32});
    hf.ntlmDomain = r.field({"ntlmssp.auth.domain", "Domain name", FieldKind::String});
    hf.ntlmUser = r.field({"ntlmssp.auth.username", "User name", FieldKind::String});
    hf.ntlmHost = r.field({"ntlmssp.auth.hostname", "Host name", FieldKind::String});
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// Kerberos V5 (RFC 4120 §5) over UDP and TCP 88 (§7.2.2: a 4-byte record mark before each
// message over TCP). The message's type, protocol version, realms and principal names, and
// a KRB-ERROR's code; Info as Wireshark writes it ("AS-REQ", "KRB Error: KRB5KDC_ERR_…").
#include "dissect/field_format.h"
#include "dissect/protocols/ber.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/tcp_message.h"
#include "dissect/protocols/value_names.h"

#include <string>

namespace rcvmon {
namespace {

struct KerberosFields {
    FieldId pvno, msgType, realm, crealm, cname, sname, errorCode, nameType, krb4Version, krb4MsgType, krb4MType;
    FieldId krb4Name, krb4Instance, krb4Realm, krb4Lifetime, krb4SName, krb4SInstance;
} hf;

// Kerberos v4 (MIT Project Athena): message types shifted left by one, the low bit the byte order.
constexpr ValueName kKrb4Types[] = {
    {1, "KDC Request"}, {2, "KDC Reply"}, {3, "Appl Request"}, {4, "Appl Request Mutual"}, {5, "Error Reply"},
    {6, "Private"}, {7, "Safe"}, {8, "Appl Error"}, {63, "Die"},
};

void writeKrb4Info(const LayerView& layer, std::string& out)
{
    if (const FieldRecord* t = layer.field(hf.krb4MType)) {
        const std::string_view name = valueName(fieldInfo(hf.krb4MType), t->number);
        appendNameOrHex(out, name, t->number << 1, 2);
    }
}

// An FT_STRINGZ as tshark -T fields prints it: ASCII as is (control characters too), other
// bytes as the replacement character (these names are ASCII; no UTF-8 is decoded).
void krb4String(LayerCursor& c, FieldId id)
{
    const ByteSpan rest = c.rest();
    std::size_t n = 0;
    while (n < rest.size() && rest[n] != 0) ++n;
    if (!c.need(n + 1)) return;
    thread_local std::string text;
    text.clear();
    for (std::size_t i = 0; i < n; ++i) {
        if (rest[i] < 0x80) {
            text += static_cast<char>(rest[i]);
        } else {
            text += "\xef\xbf\xbd";
        }
    }
    c.ctx().out.addTextField(id, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(n + 1), text);
    c.skip(n + 1);
}

// A version 4 message on the Kerberos port: Wireshark's Kerberos dissector hands it on.
void dissectKrb4(DissectContext& ctx, const Payload& p)
{
    ctx.out.addLayer("Kerberos", "kerberos", p.at, static_cast<std::uint32_t>(p.data.size()), ctx.inReassembled);
    LayerCursor c(ctx, "Kerberos v4", "krb4", p.data, p.at, p.reported);
    ctx.setProtocol("KRB4");
    ctx.setInfo(writeKrb4Info, c.layer());
    c.u8(hf.krb4Version);
    const std::uint8_t type = c.u8(hf.krb4MsgType);
    if (!c.ok()) return;
    c.add(hf.krb4MType, 1, 1, type >> 1);
    if ((type >> 1) != 1) return;
    // A KDC request: principal, time, lifetime and service (packet-kerberos4.c). A string
    // without its NUL inside the capture ends the dissection as Wireshark's tvb_strsize does.
    krb4String(c, hf.krb4Name);
    krb4String(c, hf.krb4Instance);
    krb4String(c, hf.krb4Realm);
    c.skip(4);  // the request time
    c.u8(hf.krb4Lifetime);
    krb4String(c, hf.krb4SName);
    krb4String(c, hf.krb4SInstance);
}

constexpr ValueName kMessageTypes[] = {
    {10, "krb-as-req"}, {11, "krb-as-rep"}, {12, "krb-tgs-req"}, {13, "krb-tgs-rep"}, {14, "krb-ap-req"},
    {15, "krb-ap-rep"}, {16, "krb-tgt-req"}, {17, "krb-tgt-rep"}, {20, "krb-safe"}, {21, "krb-priv"},
    {22, "krb-cred"}, {30, "krb-error"},
};

std::string_view messageName(std::uint64_t type)
{
    switch (type) {
    case 10: return "AS-REQ";
    case 11: return "AS-REP";
    case 12: return "TGS-REQ";
    case 13: return "TGS-REP";
    case 14: return "AP-REQ";
    case 15: return "AP-REP";
    case 16: return "TGT-REQ";
    case 17: return "TGT-REP";
    case 20: return "KRB-SAFE";
    case 21: return "KRB-PRIV";
    case 22: return "KRB-CRED";
    case 30: return "KRB-ERROR";
    default: return {};
    }
}

// RFC 4120 §7.5.9 and the PKINIT codes of RFC 4556 §3.1.3, as Wireshark names them.
constexpr ValueName kErrorCodes[] = {
    {0, "KRB5KDC_ERR_NONE"}, {1, "KRB5KDC_ERR_NAME_EXP"}, {2, "KRB5KDC_ERR_SERVICE_EXP"},
    {3, "KRB5KDC_ERR_BAD_PVNO"}, {4, "KRB5KDC_ERR_C_OLD_MAST_KVNO"}, {5, "KRB5KDC_ERR_S_OLD_MAST_KVNO"},
    {6, "KRB5KDC_ERR_C_PRINCIPAL_UNKNOWN"}, {7, "KRB5KDC_ERR_S_PRINCIPAL_UNKNOWN"},
    {8, "KRB5KDC_ERR_PRINCIPAL_NOT_UNIQUE"}, {9, "KRB5KDC_ERR_NULL_KEY"}, {10, "KRB5KDC_ERR_CANNOT_POSTDATE"},
    {11, "KRB5KDC_ERR_NEVER_VALID"}, {12, "KRB5KDC_ERR_POLICY"}, {13, "KRB5KDC_ERR_BADOPTION"},
    {14, "KRB5KDC_ERR_ETYPE_NOSUPP"}, {15, "KRB5KDC_ERR_SUMTYPE_NOSUPP"}, {16, "KRB5KDC_ERR_PADATA_TYPE_NOSUPP"},
    {17, "KRB5KDC_ERR_TRTYPE_NOSUPP"}, {18, "KRB5KDC_ERR_CLIENT_REVOKED"}, {19, "KRB5KDC_ERR_SERVICE_REVOKED"},
    {20, "KRB5KDC_ERR_TGT_REVOKED"}, {21, "KRB5KDC_ERR_CLIENT_NOTYET"}, {22, "KRB5KDC_ERR_SERVICE_NOTYET"},
    {23, "KRB5KDC_ERR_KEY_EXP"}, {24, "KRB5KDC_ERR_PREAUTH_FAILED"}, {25, "KRB5KDC_ERR_PREAUTH_REQUIRED"},
    {26, "KRB5KDC_ERR_SERVER_NOMATCH"}, {27, "KRB5KDC_ERR_MUST_USE_USER2USER"},
    {28, "KRB5KDC_ERR_PATH_NOT_ACCEPTED"}, {29, "KRB5KDC_ERR_SVC_UNAVAILABLE"},
    {31, "KRB5KRB_AP_ERR_BAD_INTEGRITY"}, {32, "KRB5KRB_AP_ERR_TKT_EXPIRED"}, {33, "KRB5KRB_AP_ERR_TKT_NYV"},
    {34, "KRB5KRB_AP_ERR_REPEAT"}, {35, "KRB5KRB_AP_ERR_NOT_US"}, {36, "KRB5KRB_AP_ERR_BADMATCH"},
    {37, "KRB5KRB_AP_ERR_SKEW"}, {38, "KRB5KRB_AP_ERR_BADADDR"}, {39, "KRB5KRB_AP_ERR_BADVERSION"},
    {40, "KRB5KRB_AP_ERR_MSG_TYPE"}, {41, "KRB5KRB_AP_ERR_MODIFIED"}, {42, "KRB5KRB_AP_ERR_BADORDER"},
    {43, "KRB5KRB_AP_ERR_ILL_CR_TKT"}, {44, "KRB5KRB_AP_ERR_BADKEYVER"}, {45, "KRB5KRB_AP_ERR_NOKEY"},
    {46, "KRB5KRB_AP_ERR_MUT_FAIL"}, {47, "KRB5KRB_AP_ERR_BADDIRECTION"}, {48, "KRB5KRB_AP_ERR_METHOD"},
    {49, "KRB5KRB_AP_ERR_BADSEQ"}, {50, "KRB5KRB_AP_ERR_INAPP_CKSUM"}, {51, "KRB5KDC_AP_PATH_NOT_ACCEPTED"},
    {52, "KRB5KRB_ERR_RESPONSE_TOO_BIG"}, {60, "KRB5KRB_ERR_GENERIC"}, {61, "KRB5KRB_ERR_FIELD_TOOLONG"},
    {62, "KDC_ERROR_CLIENT_NOT_TRUSTED"}, {63, "KDC_ERROR_KDC_NOT_TRUSTED"}, {64, "KDC_ERROR_INVALID_SIG"},
    {65, "KDC_ERR_KEY_TOO_WEAK"}, {66, "KDC_ERR_CERTIFICATE_MISMATCH"}, {67, "KRB_AP_ERR_NO_TGT"},
    {68, "KDC_ERR_WRONG_REALM"}, {69, "KRB_AP_ERR_USER_TO_USER_REQUIRED"}, {70, "KDC_ERR_CANT_VERIFY_CERTIFICATE"},
    {71, "KDC_ERR_INVALID_CERTIFICATE"}, {72, "KDC_ERR_REVOKED_CERTIFICATE"},
    {73, "KDC_ERR_REVOCATION_STATUS_UNKNOWN"}, {74, "KDC_ERR_REVOCATION_STATUS_UNAVAILABLE"},
    {75, "KDC_ERR_CLIENT_NAME_MISMATCH"}, {76, "KDC_ERR_KDC_NAME_MISMATCH"},
};

void writeInfo(const LayerView& layer, std::string& out)
{
    if (const FieldRecord* e = layer.field(hf.errorCode)) {
        out += "KRB Error: ";
        const std::string_view name = valueName(fieldInfo(hf.errorCode), e->number);
        if (name.empty()) {
            out += "Unknown error code ";
            appendHex(out, e->number, 1);
        } else {
            out += name;
        }
        return;
    }
    if (const FieldRecord* m = layer.field(hf.msgType)) {
        const std::string_view name = messageName(m->number);
        if (name.empty()) {
            out += "Unknown msg type ";
            appendHex(out, m->number, 1);
        } else {
            out += name;
        }
    }
}

struct Walker {
    LayerCursor& c;
    int depth = 0;

    void integer(const BerReader& r, const BerTlv& t, FieldId id)
    {
        BerReader in = r.inside(t);
        BerTlv v;
        std::int64_t n = 0;
        if (in.expect(v, BerTlv::Universal, 2) && in.integer(v, n)) c.add(id, v.value, v.length, static_cast<std::uint64_t>(n));
    }
    void string(const BerReader& r, const BerTlv& t, FieldId id)
    {
        BerReader in = r.inside(t);
        BerTlv v;
        if (in.next(v) && !v.constructed)
            c.ctx().out.addTextField(id, c.layer(), c.absolute(v.value), static_cast<std::uint32_t>(v.length), in.text(v));
    }
    // PrincipalName: [0] name-type, [1] name-string SEQUENCE OF KerberosString.
    void principal(const BerReader& r, const BerTlv& t, FieldId id)
    {
        BerReader seq = r.inside(t);
        BerTlv s, e;
        if (!seq.expect(s, BerTlv::Universal, 16)) return;
        BerReader in = seq.inside(s);
        while (in.next(e)) {
            if (e.is(BerTlv::Context, 0)) {
                integer(in, e, hf.nameType);
            } else if (e.is(BerTlv::Context, 1)) {
                BerReader names = in.inside(e);
                BerTlv list, n;
                if (!names.expect(list, BerTlv::Universal, 16)) return;
                BerReader items = names.inside(list);
                for (int i = 0; i < 64 && items.next(n); ++i)
                    c.ctx().out.addTextField(id, c.layer(), c.absolute(n.value), static_cast<std::uint32_t>(n.length),
                                             items.text(n));
            }
        }
    }
    // padata: SEQUENCE OF PA-DATA { [1] padata-type, [2] padata-value }; PA-TGS-REQ (1) holds an AP-REQ.
    void padata(const BerReader& r, const BerTlv& t)
    {
        BerReader seq = r.inside(t);
        BerTlv list, item, e;
        if (!seq.expect(list, BerTlv::Universal, 16)) return;
        BerReader items = seq.inside(list);
        for (int i = 0; i < 64 && items.next(item); ++i) {
            BerReader pa = items.inside(item);
            std::int64_t type = -1;
            while (pa.next(e)) {
                if (e.is(BerTlv::Context, 1)) {
                    BerReader in = pa.inside(e);
                    BerTlv v;
                    if (in.expect(v, BerTlv::Universal, 2)) type = in.integerOr(v, -1);
                } else if (e.is(BerTlv::Context, 2) && type == 1) {
                    BerReader in = pa.inside(e);
                    BerTlv v;
                    if (in.expect(v, BerTlv::Universal, 4)) {
                        BerReader inner(in.data(), v.value, v.end());
                        message(inner);
                    }
                }
            }
        }
    }
    // KDC-REQ-BODY: [1] cname, [2] realm, [3] sname, …
    void requestBody(const BerReader& r, const BerTlv& t)
    {
        BerReader seq = r.inside(t);
        BerTlv s, e;
        if (!seq.expect(s, BerTlv::Universal, 16)) return;
        BerReader in = seq.inside(s);
        while (in.next(e)) {
            if (e.is(BerTlv::Context, 1)) principal(in, e, hf.cname);
            else if (e.is(BerTlv::Context, 2)) string(in, e, hf.realm);
            else if (e.is(BerTlv::Context, 3)) principal(in, e, hf.sname);
        }
    }

    // One message: an APPLICATION-tagged SEQUENCE whose context tags mean what its type says.
    bool message(BerReader& r)
    {
        BerTlv app, s, e;
        if (++depth > 4 || !r.next(app) || app.cls != BerTlv::Application) return false;
        const std::uint32_t type = app.tag;
        BerReader outer = r.inside(app);
        if (!outer.expect(s, BerTlv::Universal, 16)) return true;
        BerReader in = outer.inside(s);
        const bool request = type == 10 || type == 12;
        const bool reply = type == 11 || type == 13;
        while (in.next(e)) {
            if (e.cls != BerTlv::Context) continue;
            const std::uint32_t tag = request ? e.tag - 1 : e.tag;  // KDC-REQ counts from [1]
            if (e.tag == 0 && request) continue;
            if (tag == 0) integer(in, e, hf.pvno);
            else if (tag == 1) integer(in, e, hf.msgType);
            else if (request && tag == 2) padata(in, e);
            else if (request && tag == 3) requestBody(in, e);
            else if (reply && tag == 2) padata(in, e);
            else if (reply && tag == 3) string(in, e, hf.crealm);
            else if (reply && tag == 4) principal(in, e, hf.cname);
            else if (type == 30 && tag == 6) integer(in, e, hf.errorCode);
            else if (type == 30 && tag == 7) string(in, e, hf.crealm);
            else if (type == 30 && tag == 8) principal(in, e, hf.cname);
            else if (type == 30 && tag == 9) string(in, e, hf.realm);
            else if (type == 30 && tag == 10) principal(in, e, hf.sname);
        }
        return true;
    }
};

void dissectMessage(DissectContext& ctx, const Payload& p, std::size_t start)
{
    LayerCursor c(ctx, "Kerberos", "kerberos", p.data, p.at, p.reported);
    ctx.setProtocol("KRB5");
    ctx.setInfo(writeInfo, c.layer());
    BerReader r(c.data(), start, c.size(), p.reported);
    Walker{c}.message(r);
}

}  // namespace

// A Kerberos message inside a GSS-API token: no columns, and no protocol of the frame of its
// own (Wireshark calls it from SPNEGO directly).
void dissectKerberosToken(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "Kerberos", "kerberos", p.data, p.at, p.reported);
    c.unlisted();
    ctx.out.layer(c.layer()).nested = true;
    BerReader r(c.data(), 0, c.size(), p.reported);
    Walker{c}.message(r);
}

namespace {

bool dissectUdp(DissectContext& ctx, const Payload& p)
{
    if (!p.data.empty() && p.data[0] == 4) {
        dissectKrb4(ctx, p);
        return true;
    }
    dissectMessage(ctx, p, 0);
    return true;
}

bool dissectTcp(DissectContext& ctx, const Payload& p)
{
    dissectTcpMessages(
        ctx, p,
        [](ByteSpan b) -> std::size_t {
            if (b.size() < 4) return 0;
            const std::uint32_t mark = (std::uint32_t{b[0]} << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
            return 4 + std::size_t{mark & 0x7fffffffu};
        },
        [&](const Payload& m, int) { dissectMessage(ctx, m, 4); },
        writeNoInfo);  // dissect_kerberos_tcp clears Info before it asks for more
    return true;
}

}  // namespace

void registerKerberos(ProtocolRegistrar& r)
{
    r.protocol("kerberos");
    hf.pvno = r.field({"kerberos.pvno", "pvno", FieldKind::Unsigned, 32});
    hf.msgType = r.field({"kerberos.msg_type", "msg-type", FieldKind::Signed, 32, kMessageTypes});
    hf.realm = r.field({"kerberos.realm", "realm", FieldKind::String});
    hf.crealm = r.field({"kerberos.crealm", "crealm", FieldKind::String});
    hf.cname = r.field({"kerberos.CNameString", "CNameString", FieldKind::String});
    hf.sname = r.field({"kerberos.SNameString", "SNameString", FieldKind::String});
    hf.errorCode = r.field({"kerberos.error_code", "error-code", FieldKind::Signed, 32, kErrorCodes});
    hf.nameType = r.field({"kerberos.name_type", "name-type", FieldKind::Signed, 32});
    r.udpPort(88, dissectUdp);
    r.tcpPort(88, dissectTcp);
    r.protocol("krb4");
    hf.krb4Version = r.field({"krb4.version", "Version", FieldKind::Unsigned, 8});
    hf.krb4MsgType = r.field({"krb4.auth_msg_type", "Msg Type", FieldKind::Hex, 8});
    hf.krb4MType = r.field({"krb4.m_type", "M Type", FieldKind::Hex, 8, kKrb4Types, 0xfe});
    hf.krb4Name = r.field({"krb4.name", "Name", FieldKind::String});
    hf.krb4Instance = r.field({"krb4.instance", "Instance", FieldKind::String});
    hf.krb4Realm = r.field({"krb4.realm", "Realm", FieldKind::String});
    hf.krb4Lifetime = r.field({"krb4.lifetime", "Lifetime", FieldKind::Unsigned, 8});
    hf.krb4SName = r.field({"krb4.s_name", "Service Name", FieldKind::String});
    hf.krb4SInstance = r.field({"krb4.s_instance", "Service Instance", FieldKind::String});
}

}  // namespace rcvmon

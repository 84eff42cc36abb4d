// SPDX-License-Identifier: GPL-2.0-or-later
// SNMP over UDP 161/162: v1 (RFC 1157), v2c (RFC 1901, PDUs of RFC 3416) and v3 (RFC 3412
// §6 message, RFC 3414 security parameters). The message header, the PDU and each variable
// binding's name; Info is the PDU's name and the names it carries, as Wireshark writes it.
#include "dissect/protocols/ber.h"
#include "dissect/protocols/context.h"
#include "dissect/udp_conversations.h"

#include <string>

namespace rcvmon {
namespace {

struct SnmpFields {
    FieldId version, community, msgVersion, data, requestId, errorStatus, errorIndex, enterprise, name,
        encryptedPdu;
} hf;

constexpr ValueName kVersions[] = {{0, "version-1"}, {1, "v2c"}, {2, "v2u"}, {3, "snmpv3"}};
constexpr ValueName kPdus[] = {
    {0, "get-request"}, {1, "get-next-request"}, {2, "get-response"}, {3, "set-request"}, {4, "trap"},
    {5, "getBulkRequest"}, {6, "informRequest"}, {7, "snmpV2-trap"}, {8, "report"},
};

// Wireshark names an OID after the deepest node of its OID registry that has a name. Without
// MIBs that node is a root arc, which its registry leaves nameless under most of the tree;
// the varbinds show "itu-t.1…" for 0.1 alone, a trap's enterprise the root arc's name.
void appendVarbindOid(std::string_view oid, std::string& out)
{
    if (oid.starts_with("0.1") && (oid.size() == 3 || oid[3] == '.')) {
        out += "itu-t";
        out += oid.substr(1);
    } else {
        out += oid;
    }
}

void appendResolvedOid(std::string_view oid, std::string& out)
{
    if (oid.starts_with("0.")) out += "itu-t";
    else if (oid.starts_with("1.")) out += "iso";
    else if (oid.starts_with("2.")) out += "joint-iso-itu-t";
    else {
        out += oid;
        return;
    }
    out += oid.substr(1);
}

void writeInfo(const LayerView& layer, std::string& out)
{
    if (layer.has(hf.encryptedPdu)) {
        out += "encryptedPDU: privKey Unknown";
        return;
    }
    const FieldRecord* pdu = layer.field(hf.data);
    if (!pdu) return;
    out += valueName(fieldInfo(hf.data), pdu->number);
    for (const FieldRecord& f : layer.dissection().fields()) {
        if (f.layer != layer.layer()) continue;
        if (f.id == hf.enterprise) {
            out += ' ';
            appendResolvedOid(layer.dissection().valueText(f), out);
        } else if (f.id == hf.name) {
            out += ' ';
            appendVarbindOid(layer.dissection().valueText(f), out);
        }
    }
}

void addInteger(LayerCursor& c, const BerReader& r, const BerTlv& t, FieldId id)
{
    std::int64_t v = 0;
    if (r.integer(t, v)) c.add(id, t.value, t.length, static_cast<std::uint64_t>(v));
}

void addOid(LayerCursor& c, const BerReader& r, const BerTlv& t, FieldId id)
{
    thread_local std::string text;
    text.clear();
    if (!BerReader::appendOid(r.contents(t), text)) return;
    c.ctx().out.addTextField(id, c.layer(), c.absolute(t.value), static_cast<std::uint32_t>(t.length), text);
}

// A PDU (RFC 3416 §3, RFC 1157 §4.1.6 for the v1 trap).
void dissectPdu(LayerCursor& c, BerReader& r)
{
    BerTlv pdu;
    if (!r.next(pdu) || pdu.cls != BerTlv::Context || pdu.tag > 8) return;
    c.add(hf.data, pdu.start, 1, pdu.tag);
    BerReader body = r.inside(pdu);
    BerTlv t;
    if (pdu.tag == 4) {  // v1 Trap-PDU: enterprise, agent-addr, generic-trap, specific-trap, time-stamp
        if (!body.expect(t, BerTlv::Universal, 6)) return;
        addOid(c, body, t, hf.enterprise);
        for (int i = 0; i < 4; ++i)
            if (!body.next(t)) return;
    } else {
        if (!body.expect(t, BerTlv::Universal, 2)) return;
        addInteger(c, body, t, hf.requestId);
        if (!body.expect(t, BerTlv::Universal, 2)) return;
        addInteger(c, body, t, hf.errorStatus);
        if (!body.expect(t, BerTlv::Universal, 2)) return;
        addInteger(c, body, t, hf.errorIndex);
    }
    BerTlv list;
    if (!body.expect(list, BerTlv::Universal, 16)) return;
    BerReader bindings = body.inside(list);
    BerTlv bind;
    for (int guard = 0; guard < 4096 && bindings.next(bind); ++guard) {
        BerReader vb = bindings.inside(bind);
        BerTlv name;
        if (!bind.is(BerTlv::Universal, 16) || !vb.expect(name, BerTlv::Universal, 6)) return;
        addOid(c, vb, name, hf.name);
    }
}

bool dissectSnmp(DissectContext& ctx, const Payload& p)
{
    // A request to the agent's port: its answer may come from any port of the agent's
    // address, and Wireshark's SNMP opens such a conversation (udp.stream then follows it).
    if (ctx.udp && !ctx.inIcmpError && ctx.net.family != 0 && ctx.udpDstPort == 161)
        ctx.udp->announceOpenPort(ctx.net.family, ctx.net.src, ctx.udpSrcPort, ctx.net.dst);
    LayerCursor c(ctx, "SNMP", "snmp", p.data, p.at, p.reported);
    ctx.setProtocol("SNMP");
    ctx.setInfo(writeInfo, c.layer());
    BerReader top(c.data(), 0, c.size(), p.reported);
    BerTlv message, t;
    if (!top.expect(message, BerTlv::Universal, 16)) return true;
    BerReader r = top.inside(message);
    if (!r.expect(t, BerTlv::Universal, 2)) return true;
    const std::int64_t version = r.integerOr(t, -1);
    if (version != 3) {
        addInteger(c, r, t, hf.version);
        if (!r.expect(t, BerTlv::Universal, 4)) return true;
        ctx.out.addTextField(hf.community, c.layer(), c.absolute(t.value), static_cast<std::uint32_t>(t.length),
                             r.text(t));
        dissectPdu(c, r);
        return true;
    }
    // SNMPv3Message: msgVersion, msgGlobalData, msgSecurityParameters, msgData.
    addInteger(c, r, t, hf.msgVersion);
    if (!r.expect(t, BerTlv::Universal, 16) || !r.expect(t, BerTlv::Universal, 4) || !r.next(t)) return true;
    if (t.is(BerTlv::Universal, 4)) {
        ctx.out.addBytesField(hf.encryptedPdu, c.layer(), c.absolute(t.value), r.contents(t));
        return true;
    }
    if (!t.is(BerTlv::Universal, 16)) return true;
    BerReader scoped = r.inside(t);  // ScopedPDU: contextEngineID, contextName, data
    if (!scoped.expect(t, BerTlv::Universal, 4) || !scoped.expect(t, BerTlv::Universal, 4)) return true;
    dissectPdu(c, scoped);
    return true;
}

}  // namespace

void registerSnmp(ProtocolRegistrar& r)
{
    r.protocol("snmp");
    hf.version = r.field({"snmp.version", "version", FieldKind::Signed, 32, kVersions});
    hf.community = r.field({"snmp.community", "community", FieldKind::String});
    hf.msgVersion = r.field({"snmp.msgVersion", "msgVersion", FieldKind::Signed, 32, kVersions});
    hf.data = r.field({"snmp.data", "data", FieldKind::Unsigned, 32, kPdus});
    hf.requestId = r.field({"snmp.request_id", "request-id", FieldKind::Signed, 32});
    hf.errorStatus = r.field({"snmp.error_status", "error-status", FieldKind::Signed, 32});
    hf.errorIndex = r.field({"snmp.error_index", "error-index", FieldKind::Signed, 32});
    hf.enterprise = r.field({"snmp.enterprise", "enterprise", FieldKind::String});
    hf.name = r.field({"snmp.name", "Object Name", FieldKind::String});
    hf.encryptedPdu = r.field({"snmp.encryptedPDU", "encryptedPDU", FieldKind::Bytes});
    r.udpPort(161, dissectSnmp);
    r.udpPort(162, dissectSnmp);
}

}  // namespace rcvmon

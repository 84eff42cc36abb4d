// SPDX-License-Identifier: GPL-2.0-or-later
// Portmap (RFC 1833 §3, program 100000 version 2) and its RPCBIND successors (versions 3
// and 4, RFC 1833 §2): mappings of program, version and protocol to a port or universal
// address. Info as packet-portmap.c: GETPORT's program and the port its reply names.
#include "dissect/field_format.h"
#include "dissect/protocols/ip_proto_names.h"
#include "dissect/protocols/rpc/rpc.h"

namespace rcvmon {
namespace {

struct PortmapFields {
    FieldId procedure[5], proc, prog, version, proto, port, answer, uaddr, rpcbProg, rpcbVersion, netid, addr, owner;
} hf;

constexpr std::uint32_t kSet = 1, kUnset = 2, kGetport = 3, kCallit = 5;

constexpr ValueName kProtos[] = {{6, "TCP"}, {17, "UDP"}};

// RPCBIND's rpcb: program, version, network id, universal address, owner.
void readRpcb(LayerCursor& c)
{
    c.u32(hf.rpcbProg);
    c.u32(hf.rpcbVersion);
    rpc::xdrString(c, hf.netid, 1024);
    rpc::xdrString(c, hf.addr, 1024);
    rpc::xdrString(c, hf.owner, 1024);
}

void dissectV2(LayerCursor& c, const rpc::Message& m)
{
    if (!m.reply) {
        if (m.procedure == kSet || m.procedure == kUnset || m.procedure == kGetport) {
            c.u32(hf.prog);
            c.u32(hf.version);
            c.u32(hf.proto);
            c.u32(hf.port);
        } else if (m.procedure == kCallit) {
            c.u32(hf.prog);
            c.u32(hf.version);
            c.u32(hf.proc);
        }
        return;
    }
    if (m.procedure == kGetport) c.u32(hf.port);
    else if (m.procedure == kSet || m.procedure == kUnset) c.add(hf.answer, c.pos(), 4, c.u32() != 0);
}

void dissectRpcbind(LayerCursor& c, const rpc::Message& m)
{
    // SET, UNSET, GETADDR and GETVERSADDR take an rpcb; GETADDR's reply is a universal address.
    const bool takesRpcb = m.procedure == 1 || m.procedure == 2 || m.procedure == 3 || m.procedure == 9;
    if (!m.reply && takesRpcb) return readRpcb(c);
    if (m.reply && (m.procedure == 3 || m.procedure == 9)) rpc::xdrString(c, hf.uaddr, 1024);
    else if (m.reply && (m.procedure == 1 || m.procedure == 2)) c.add(hf.answer, c.pos(), 4, c.u32() != 0);
}

}  // namespace

namespace rpc {

std::size_t dissectPortmap(DissectContext& ctx, const Payload& body, const Message& m)
{
    LayerCursor c(ctx, "Portmap", "portmap", body.data, body.at, body.reported);
    c.add(hf.procedure[m.version < 5 ? m.version : 2], 0, 0, m.procedure);
    if (m.version <= 2) dissectV2(c, m);
    else dissectRpcbind(c, m);
    if (!c.ok()) return kWholeBody;
    c.setLength(c.pos());
    return c.pos();
}

void writePortmapInfo(const LayerView& layer, std::string& out)
{
    const Message m = messageOf(layer);
    if (m.version > 2 || m.procedure != kGetport) return;
    if (!m.reply) {
        if (!layer.has(hf.proto)) return;
        const auto prog = static_cast<std::uint32_t>(layer.number(hf.prog));
        const Program* program = findProgram(prog);
        out += ' ';
        out += program ? program->name : "Unknown";
        out += '(';
        appendDecimal(out, prog);
        out += ") V:";
        appendDecimal(out, layer.number(hf.version));
        out += ' ';
        const std::string_view proto = ipProtocolName(static_cast<unsigned>(layer.number(hf.proto)));
        if (proto.empty()) appendDecimal(out, layer.number(hf.proto));
        else out += proto;
        return;
    }
    const FieldRecord* port = layer.field(hf.port);
    if (!port) return;
    if (port->number == 0) {
        out += " PROGRAM_NOT_AVAILABLE";
        return;
    }
    out += " Port:";
    appendDecimal(out, port->number);
}

}  // namespace rpc

void registerPortmap(ProtocolRegistrar& r)
{
    r.protocol("portmap");
    hf.procedure[0] = hf.procedure[1] = r.field({"portmap.procedure_v1", "V1 Procedure", FieldKind::Unsigned, 32});
    hf.procedure[2] = r.field({"portmap.procedure_v2", "V2 Procedure", FieldKind::Unsigned, 32});
    hf.procedure[3] = r.field({"portmap.procedure_v3", "V3 Procedure", FieldKind::Unsigned, 32});
    hf.procedure[4] = r.field({"portmap.procedure_v4", "V4 Procedure", FieldKind::Unsigned, 32});
    hf.prog = r.field({"portmap.prog", "Program", FieldKind::Unsigned, 32});
    hf.proc = r.field({"portmap.proc", "Procedure", FieldKind::Unsigned, 32});
    hf.version = r.field({"portmap.version", "Version", FieldKind::Unsigned, 32});
    hf.proto = r.field({"portmap.proto", "Protocol", FieldKind::Unsigned, 32, kProtos});
    hf.port = r.field({"portmap.port", "Port", FieldKind::Unsigned, 32});
    hf.answer = r.field({"portmap.answer", "Answer", FieldKind::Bool, 0});
    hf.uaddr = r.field({"portmap.uaddr", "Universal Address", FieldKind::String});
    hf.rpcbProg = r.field({"portmap.rpcb.prog", "Program", FieldKind::Unsigned, 32});
    hf.rpcbVersion = r.field({"portmap.rpcb.version", "Version", FieldKind::Unsigned, 32});
    hf.netid = r.field({"portmap.rpcb.netid", "Network Id", FieldKind::String});
    hf.addr = r.field({"portmap.rpcb.addr", "Universal Address", FieldKind::String});
    hf.owner = r.field({"portmap.rpcb.owner", "Owner of this Service", FieldKind::String});
}

}  // namespace rcvmon

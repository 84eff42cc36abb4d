// SPDX-License-Identifier: GPL-2.0-or-later
// EIGRP (RFC 7868 §6.6): the fixed header; its opcode names the Info column, a Hello that
// acknowledges something being "Hello (Ack)" as packet-eigrp.c shows it.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct EigrpFields {
    FieldId version, opcode, checksum, flags, seq, ack, vrid, as;
} hf;

constexpr ValueName kOpcodes[] = {
    {1, "Update"}, {2, "Request"}, {3, "Query"}, {4, "Reply"}, {5, "Hello"}, {6, "IPX/SAP Update"},
    {7, "Route Probe"}, {8, "Hello (Ack)"}, {9, "Stub-Info"}, {10, "SIA-Query"}, {11, "SIA-Reply"},
};

void writeInfo(const LayerView& l, std::string& out)
{
    std::uint64_t opcode = l.number(hf.opcode);
    if (opcode == 5 && l.number(hf.ack) != 0) opcode = 8;
    const std::string_view name = valueName(kOpcodes, opcode);
    if (!name.empty()) {
        out += name;
        return;
    }
    out += "Unknown OpCode (";
    appendHex(out, opcode, 4);
    out += ')';
}

bool dissectEigrp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "EIGRP", "eigrp", p.data, p.at, p.reported);
    ctx.setProtocol("EIGRP");
    c.u8(hf.version);
    c.u8(hf.opcode);
    c.u16(hf.checksum);
    c.u32(hf.flags);
    c.u32(hf.seq);
    c.u32(hf.ack);
    c.u16(hf.vrid);
    c.u16(hf.as);
    if (c.ok() || c.pos() > 1) ctx.setInfo(writeInfo, c.layer());
    return true;
}

}  // namespace

void registerEigrp(ProtocolRegistrar& r)
{
    r.protocol("eigrp");
    hf.version = r.field({"eigrp.version", "Version", FieldKind::Unsigned, 8});
    hf.opcode = r.field({"eigrp.opcode", "Opcode", FieldKind::Unsigned, 8, kOpcodes});
    hf.checksum = r.field({"eigrp.checksum", "Checksum", FieldKind::Hex, 16});
    hf.flags = r.field({"eigrp.flags", "Flags", FieldKind::Hex, 32});
    hf.seq = r.field({"eigrp.seq", "Sequence", FieldKind::Unsigned, 32});
    hf.ack = r.field({"eigrp.ack", "Acknowledge", FieldKind::Unsigned, 32});
    hf.vrid = r.field({"eigrp.vrid", "Virtual Router ID", FieldKind::Unsigned, 16});
    hf.as = r.field({"eigrp.as", "Autonomous System", FieldKind::Unsigned, 16});
    r.ipProtocol(88, dissectEigrp);
}

}  // namespace rcvmon

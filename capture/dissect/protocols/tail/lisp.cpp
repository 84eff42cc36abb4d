// SPDX-License-Identifier: GPL-2.0-or-later
// LISP control messages (RFC 9301 §5), UDP port 4342: the type named in Info as packet-lisp.c
// does ("Map-Register"), the record count and nonce of the common messages.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct LispFields {
    FieldId type, infoReply, records, nonce;
} hf;

constexpr ValueName kTypes[] = {{1, "Map-Request"}, {2, "Map-Reply"},   {3, "Map-Register"},
                                {4, "Map-Notify"},  {6, "Map-Referral"}, {7, "Info"},
                                {8, "Encapsulated Control Message"}};

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t type = l.number(hf.type);
    if (type == 7) {
        out += l.number(hf.infoReply) ? "Info-Reply" : "Info-Request";
        return;
    }
    const std::string_view name = valueName(kTypes, type);
    if (!name.empty()) {
        out += name;
        return;
    }
    out += "Unknown LISP Control Packet (";
    appendDecimal(out, type);
    out += ')';
}

bool dissectLisp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "LISP", "lisp", p.data, p.at, p.reported);
    ctx.setProtocol("LISP");
    const std::uint32_t word = c.u24();
    if (!c.ok()) return true;
    const unsigned type = word >> 20;
    c.add(hf.type, 0, 3, type);
    if (type == 7) c.add(hf.infoReply, 0, 3, (word >> 19) & 1);  // the R bit
    ctx.setInfo(writeInfo, c.layer());
    if (type >= 1 && type <= 4) {
        c.u8(hf.records);
        const std::uint64_t high = c.u32();
        const std::uint64_t low = c.u32();
        if (c.ok()) c.add(hf.nonce, 4, 8, high << 32 | low);
    }
    return true;
}

}  // namespace

void registerLisp(ProtocolRegistrar& r)
{
    r.protocol("lisp");
    hf.type = r.field({"lisp.type", "Type", FieldKind::Unsigned, 24, kTypes, 0xf00000});
    hf.infoReply = r.field({"lisp.info.r", "R bit (Info-Reply)", FieldKind::Bool, 24, {}, 0x080000});
    hf.records = r.field({"lisp.records", "Record Count", FieldKind::Unsigned, 8});
    hf.nonce = r.field({"lisp.nonce", "Nonce", FieldKind::Hex, 64});
    r.udpPort(4342, dissectLisp);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// OSPFv2 (RFC 2328 §A.3.1) and OSPFv3 (RFC 5340 §A.3.1): the common packet header, whose
// message type names the Info column as packet-ospf.c does.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct OspfFields {
    FieldId version, msg, length, srcrouter, area, checksum, authType, instance;
} hf;

constexpr ValueName kTypes[] = {
    {1, "Hello Packet"}, {2, "DB Description"}, {3, "LS Request"}, {4, "LS Update"}, {5, "LS Acknowledge"},
};

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t type = l.number(hf.msg);
    appendNameOrNumber(out, valueName(kTypes, type), type);
}

bool dissectOspf(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "OSPF", "ospf", p.data, p.at, p.reported);
    ctx.setProtocol("OSPF");
    const std::uint8_t version = c.u8(hf.version);
    c.u8(hf.msg);
    if (!c.ok()) return true;
    ctx.setInfo(writeInfo, c.layer());
    c.u16(hf.length);
    c.bytes(4, hf.srcrouter);
    c.bytes(4, hf.area);
    c.u16(hf.checksum);
    if (version == 3) {
        c.u8(hf.instance);
    } else if (version == 2) {
        c.u16(hf.authType);
    }
    return true;
}

}  // namespace

void registerOspf(ProtocolRegistrar& r)
{
    r.protocol("ospf");
    hf.version = r.field({"ospf.version", "Version", FieldKind::Unsigned, 8});
    hf.msg = r.field({"ospf.msg", "Message Type", FieldKind::Unsigned, 8, kTypes});
    hf.length = r.field({"ospf.packet_length", "Packet Length", FieldKind::Unsigned, 16});
    hf.srcrouter = r.field({"ospf.srcrouter", "Source OSPF Router", FieldKind::Ipv4});
    hf.area = r.field({"ospf.area_id", "Area ID", FieldKind::Ipv4});
    hf.checksum = r.field({"ospf.checksum", "Checksum", FieldKind::Hex, 16});
    hf.authType = r.field({"ospf.auth.type", "Auth Type", FieldKind::Unsigned, 16});
    hf.instance = r.field({"ospf.instance_id", "Instance ID", FieldKind::Unsigned, 8});
    r.ipProtocol(89, dissectOspf);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// IPsec ESP (RFC 4303): the SPI and sequence number; the payload is encrypted and shown as
// nothing more, as Wireshark does without keys. RFC 3948 carries ESP in UDP port 4500.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct EspFields {
    FieldId spi, sequence;
} hf;

void writeInfo(const LayerView& l, std::string& out)
{
    out += "ESP (SPI=";
    appendHex(out, l.number(hf.spi), 8);
    out += ')';
}

bool dissectEspPacket(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "ESP", "esp", p.data, p.at, p.reported);
    ctx.setProtocol("ESP");
    c.u32(hf.spi);
    if (!c.ok()) return true;
    ctx.setInfo(writeInfo, c.layer());
    c.u32(hf.sequence);
    return true;
}

}  // namespace

// The ESP layer, for UDP encapsulation (isakmp.cpp tells it from IKE on port 4500).
bool dissectEspInUdp(DissectContext& ctx, const Payload& p)
{
    return dissectEspPacket(ctx, p);
}

void registerEsp(ProtocolRegistrar& r)
{
    r.protocol("esp");
    hf.spi = r.field({"esp.spi", "ESP SPI", FieldKind::Hex, 32});
    hf.sequence = r.field({"esp.sequence", "ESP Sequence", FieldKind::Unsigned, 32});
    r.ipProtocol(50, dissectEspPacket);
}

}  // namespace rcvmon

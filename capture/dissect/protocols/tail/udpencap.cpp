// SPDX-License-Identifier: GPL-2.0-or-later
// The NAT-keepalive of UDP-encapsulated IPsec (RFC 3948 §2.3), UDP port 4500: one 0xff byte,
// shown as packet-ipsec-udp.c shows it. IKE and ESP on the same port are isakmp.cpp's.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct UdpEncapFields {
    FieldId keepalive;
} hf;

void writeInfo(const LayerView&, std::string& out) { out += "NAT-keepalive"; }

bool dissectKeepalive(DissectContext& ctx, const Payload& p)
{
    if (p.data.size() != 1 || p.reported != 1 || p.data[0] != 0xff) return false;
    LayerCursor c(ctx, "UDPENCAP", "udpencap", p.data, p.at, p.reported);
    ctx.setProtocol("UDPENCAP");
    ctx.setInfo(writeInfo, c.layer());
    c.ctx().out.addField(hf.keepalive, c.layer(), p.at, 1, 0);
    return true;
}

}  // namespace

void registerUdpEncap(ProtocolRegistrar& r)
{
    r.protocol("udpencap");
    hf.keepalive = r.field({"udpencap.nat_keepalive", "NAT-keepalive packet", FieldKind::None});
    r.udpPort(4500, dissectKeepalive);
}

}  // namespace rcvmon

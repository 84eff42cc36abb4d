// SPDX-License-Identifier: GPL-2.0-or-later
// UDP encapsulation of IPsec (RFC 3948), UDP port 4500, as packet-ipsec-udp.c shows it: its own
// layer, then a NAT-keepalive (one 0xff byte, §2.3), IKE behind a zero non-ESP marker (§2.2),
// or ESP (§2.1).
#include "dissect/protocols/context.h"

namespace rcvmon {

bool dissectIsakmp(DissectContext& ctx, const Payload& p);    // isakmp.cpp
bool dissectEspInUdp(DissectContext& ctx, const Payload& p);  // esp.cpp

namespace {

struct UdpEncapFields {
    FieldId keepalive, nonEspMarker;
} hf;

void writeInfo(const LayerView&, std::string& out) { out += "NAT-keepalive"; }

bool dissectUdpEncap(DissectContext& ctx, const Payload& p)
{
    const bool keepalive = p.data.size() == 1 && p.reported == 1 && p.data[0] == 0xff;
    if (!keepalive && p.data.size() < 4) return false;  // runts stay UDP's data
    LayerCursor c(ctx, "UDPENCAP", "udpencap", p.data, p.at, p.reported);
    ctx.setProtocol("UDPENCAP");
    if (keepalive) {
        ctx.setInfo(writeInfo, c.layer());
        ctx.out.addField(hf.keepalive, c.layer(), p.at, 1, 0);
        return true;
    }
    if (p.data[0] == 0 && p.data[1] == 0 && p.data[2] == 0 && p.data[3] == 0) {
        c.setLength(4);
        ctx.out.addField(hf.nonEspMarker, c.layer(), p.at, 4, 0);
        Payload ike = p;
        ike.data = p.data.subspan(4);
        ike.reported = p.reported >= 4 ? p.reported - 4 : 0;
        ike.at = p.at + 4;
        dissectIsakmp(ctx, ike);
        return true;
    }
    c.setLength(0);  // the SPI is ESP's
    dissectEspInUdp(ctx, p);
    return true;
}

}  // namespace

void registerUdpEncap(ProtocolRegistrar& r)
{
    r.protocol("udpencap");
    hf.keepalive = r.field({"udpencap.nat_keepalive", "NAT-keepalive packet", FieldKind::None});
    hf.nonEspMarker = r.field({"udpencap.non_esp_marker", "Non-ESP Marker", FieldKind::None});
    r.udpPort(4500, dissectUdpEncap);
}

}  // namespace rcvmon

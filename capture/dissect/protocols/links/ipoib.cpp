// SPDX-License-Identifier: GPL-2.0-or-later
// IP over InfiniBand (RFC 4391) as LINKTYPE_IPOIB (242) stores it: a 44-byte header whose
// destination hardware address (queue pair number and GID) and EtherType Wireshark shows;
// the first 20 bytes it leaves undissected.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

constexpr std::uint32_t kLinkTypeIpoib = 242;

struct IpoibFields {
    FieldId daddr, qpn, dgid, type, reserved;
} hf;

void writeInfo(const LayerView&, std::string& out) { out += "IP over Infiniband"; }

bool dissectIpoib(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "IPoIB", "ipoib", p.data, p.at, p.reported);
    ctx.setProtocol("IPoIB");
    ctx.setInfo(writeInfo, c.layer());
    c.skip(20);
    if (!c.need(20)) return true;
    c.add(hf.daddr, 20, 20, 0);
    c.skip(1);
    c.u24(hf.qpn);
    c.bytes(16, hf.dgid);
    const std::uint16_t type = c.u16(hf.type);
    c.u16(hf.reserved);
    if (!c.ok()) return true;
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (!dissectEtherType(ctx, type, next)) dissectData(ctx, next);
    return true;
}

}  // namespace

void registerIpoib(ProtocolRegistrar& r)
{
    r.protocol("ipoib");
    hf.daddr = r.field({"ipoib.daddr", "Destination address", FieldKind::None});
    hf.qpn = r.field({"ipoib.daddr.qpn", "Destination QPN", FieldKind::Hex, 24});
    hf.dgid = r.field({"ipoib.dgid", "Destination GID", FieldKind::Ipv6});
    hf.type = r.field({"ipoib.type", "Type", FieldKind::Hex, 16});
    hf.reserved = r.field({"ipoib.reserved", "Reserved", FieldKind::Hex, 16});
    r.linkType(kLinkTypeIpoib, dissectIpoib);
}

}  // namespace rcvmon

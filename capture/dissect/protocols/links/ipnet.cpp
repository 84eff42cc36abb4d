// SPDX-License-Identifier: GPL-2.0-or-later
// Solaris IPNET (LINKTYPE_IPNET 226, the ipnet(7D) observability header): version, address
// family, hook, length, interface and zone ids, then the IPv4 or IPv6 datagram.
#include "dissect/protocols/context.h"

#include <algorithm>

namespace rcvmon {
namespace {

constexpr std::uint32_t kLinkTypeIpnet = 226;
constexpr std::uint8_t kSolarisAfInet = 2, kSolarisAfInet6 = 26;

struct IpnetFields {
    FieldId version, family, htype, pktlen, ifindex, grifindex, zsrc, zdst;
} hf;

constexpr ValueName kFamilies[] = {{kSolarisAfInet, "Solaris AF_INET"}, {kSolarisAfInet6, "Solaris AF_INET6"}};
constexpr ValueName kHooks[] = {{0, "Inbound"}, {1, "Outbound"}, {2, "Local"}};

bool dissectIpnet(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "IPNET", "ipnet", p.data, p.at, p.reported);
    ctx.setProtocol("IPNET");
    c.u8(hf.version);
    const std::uint8_t family = c.u8(hf.family);
    c.u16(hf.htype);
    const std::uint32_t dataLength = c.u32(hf.pktlen);
    c.u32(hf.ifindex);
    c.u32(hf.grifindex);
    c.u32(hf.zsrc);
    c.u32(hf.zdst);
    if (!c.ok()) return true;
    // The header's data length bounds the datagram (past it, IP's reads are malformed).
    const Payload next = payloadAfter(c, std::min<std::size_t>(dataLength, c.reportedRemaining()));
    if (family == kSolarisAfInet) {
        dissectIpv4(ctx, next);
    } else if (family == kSolarisAfInet6) {
        dissectIpv6(ctx, next);
    } else {
        dissectData(ctx, next);
    }
    return true;
}

}  // namespace

void registerIpnet(ProtocolRegistrar& r)
{
    r.protocol("ipnet");
    hf.version = r.field({"ipnet.version", "Header version", FieldKind::Unsigned, 8});
    hf.family = r.field({"ipnet.family", "Address family", FieldKind::Unsigned, 8, kFamilies});
    hf.htype = r.field({"ipnet.htype", "Hook type", FieldKind::Unsigned, 16, kHooks});
    hf.pktlen = r.field({"ipnet.pktlen", "Data length", FieldKind::Unsigned, 32});
    hf.ifindex = r.field({"ipnet.ifindex", "Interface index", FieldKind::Unsigned, 32});
    hf.grifindex = r.field({"ipnet.grifindex", "Group interface index", FieldKind::Unsigned, 32});
    hf.zsrc = r.field({"ipnet.zsrc", "Source Zone ID", FieldKind::Unsigned, 32});
    hf.zdst = r.field({"ipnet.zdst", "Destination Zone ID", FieldKind::Unsigned, 32});
    r.linkType(kLinkTypeIpnet, dissectIpnet);
}

}  // namespace rcvmon

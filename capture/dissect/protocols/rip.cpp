// SPDX-License-Identifier: GPL-2.0-or-later
// RIP versions 1 and 2 (RFC 1058, RFC 2453 §4), UDP port 520: the command and the route
// entries; authentication entries (RFC 2082, RFC 4822) keep only their type.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct RipFields {
    FieldId command, version, routingDomain, family, routeTag, ip, netmask, nextHop, metric, authType;
} hf;

constexpr ValueName kCommands[] = {
    {1, "Request"}, {2, "Response"}, {3, "Traceon"}, {4, "Traceoff"}, {5, "Vendor specific (Sun)"}};

void writeInfo(const LayerView& layer, std::string& out)
{
    const std::string_view name = valueName(fieldInfo(hf.command), layer.number(hf.command));
    out += name.empty() ? std::string_view("Unknown command") : name;
}

bool dissectRip(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "RIP", "rip", p.data, p.at, p.reported);
    const std::uint8_t version = p.data.size() > 1 ? p.data[1] : 0;
    ctx.setProtocol(version == 2 ? "RIPv2" : "RIPv1");
    c.u8(hf.command);
    c.u8(hf.version);
    if (!c.ok()) return true;
    ctx.setInfo(writeInfo, c.layer());
    const std::uint16_t domain = c.u16();
    if (c.ok() && version == 2) c.add(hf.routingDomain, 2, 2, domain);
    for (int guard = 0; guard < 64 && c.ok() && c.remaining() >= 20; ++guard) {
        const std::uint16_t family = c.u16(hf.family);
        if (family == 0xffff) {
            c.u16(hf.authType);
            c.skip(16);
            continue;
        }
        const std::uint16_t tag = c.u16();
        if (version == 2) c.add(hf.routeTag, c.pos() - 2, 2, tag);
        c.bytes(4, hf.ip);
        if (version == 2) {
            c.bytes(4, hf.netmask);
            c.bytes(4, hf.nextHop);
        } else {
            c.skip(8);
        }
        const std::uint32_t metric = c.u32();
        if (c.ok()) c.add(hf.metric, c.pos() - 4, 4, metric);
    }
    return true;
}

}  // namespace

void registerRip(ProtocolRegistrar& r)
{
    r.protocol("rip");
    hf.command = r.field({"rip.command", "Command", FieldKind::Unsigned, 8, kCommands});
    hf.version = r.field({"rip.version", "Version", FieldKind::Unsigned, 8});
    hf.routingDomain = r.field({"rip.routing_domain", "Routing Domain", FieldKind::Unsigned, 16});
    hf.family = r.field({"rip.family", "Address Family", FieldKind::Unsigned, 16});
    hf.routeTag = r.field({"rip.route_tag", "Route Tag", FieldKind::Unsigned, 16});
    hf.ip = r.field({"rip.ip", "IP Address", FieldKind::Ipv4});
    hf.netmask = r.field({"rip.netmask", "Netmask", FieldKind::Ipv4});
    hf.nextHop = r.field({"rip.next_hop", "Next Hop", FieldKind::Ipv4});
    hf.metric = r.field({"rip.metric", "Metric", FieldKind::Unsigned, 16});
    hf.authType = r.field({"rip.auth.type", "Authentication type", FieldKind::Unsigned, 16});
    r.udpPort(520, dissectRip);
}

}  // namespace rcvmon

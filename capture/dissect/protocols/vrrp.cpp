// SPDX-License-Identifier: GPL-2.0-or-later
// VRRP version 2 (RFC 3768 §5) and version 3 (RFC 5798 §5): advertisements, named in Info
// with their version as packet-vrrp.c does.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct VrrpFields {
    FieldId version, type, vrid, prio, count, authType, adverInt, shortAdverInt, checksum, ip, ip6;
} hf;

void writeInfo(const LayerView& l, std::string& out)
{
    out += "Announcement (v";
    appendDecimal(out, l.number(hf.version));
    out += ')';
}

bool dissectVrrp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "VRRP", "vrrp", p.data, p.at, p.reported);
    ctx.setProtocol("VRRP");
    const std::uint8_t typever = c.u8();
    if (!c.ok()) return true;
    const unsigned version = typever >> 4;
    c.add(hf.version, 0, 1, version);
    c.add(hf.type, 0, 1, typever & 0xf);
    ctx.setInfo(writeInfo, c.layer());
    c.u8(hf.vrid);
    c.u8(hf.prio);
    const std::uint8_t count = c.u8(hf.count);
    if (version == 3) {
        const std::uint16_t interval = c.u16();
        if (c.ok()) c.add(hf.shortAdverInt, 4, 2, interval & 0xfff);
    } else {
        c.u8(hf.authType);
        c.u8(hf.adverInt);
    }
    c.u16(hf.checksum);
    // VRRPv3 over IPv6 lists IPv6 addresses (RFC 5798 §5.2.9).
    const bool ipv6 = version == 3 && ctx.net.family == 6;
    for (unsigned i = 0; i < count && c.ok(); ++i) c.bytes(ipv6 ? 16 : 4, ipv6 ? hf.ip6 : hf.ip);
    return true;
}

}  // namespace

void registerVrrp(ProtocolRegistrar& r)
{
    r.protocol("vrrp");
    hf.version = r.field({"vrrp.version", "VRRP protocol version", FieldKind::Unsigned, 8, {}, 0xf0});
    hf.type = r.field({"vrrp.type", "VRRP packet type", FieldKind::Unsigned, 8, {}, 0xf});
    hf.vrid = r.field({"vrrp.virt_rtr_id", "Virtual Rtr ID", FieldKind::Unsigned, 8});
    hf.prio = r.field({"vrrp.prio", "Priority", FieldKind::Unsigned, 8});
    hf.count = r.field({"vrrp.addr_count", "Addr Count", FieldKind::Unsigned, 8});
    hf.authType = r.field({"vrrp.auth_type", "Auth Type", FieldKind::Unsigned, 8});
    hf.adverInt = r.field({"vrrp.adver_int", "Adver Int", FieldKind::Unsigned, 8});
    hf.shortAdverInt = r.field({"vrrp.short_adver_int", "Adver Int", FieldKind::Unsigned, 16, {}, 0xfff});
    hf.checksum = r.field({"vrrp.checksum", "Checksum", FieldKind::Hex, 16});
    hf.ip = r.field({"vrrp.ip_addr", "IP Address", FieldKind::Ipv4});
    hf.ip6 = r.field({"vrrp.ipv6_addr", "IPv6 Address", FieldKind::Ipv6});
    r.ipProtocol(112, dissectVrrp);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// Cisco Auto-RP (pim-autorp-spec01) on UDP 496: candidate RPs announce themselves and the
// mapping agent publishes the RP-to-group mappings. The header's type, version and RP count
// name the Info column, as packet-auto_rp.c does; each RP entry lists its group prefixes.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct AutoRpFields {
    FieldId version, type, rpCount, groupNum, holdtime, pimVer, rpAddr, prefixSign, maskLen, groupPrefix, reserved,
        trailingJunk;
} hf;

constexpr ValueName kVersions[] = {{1, "1 or 1+"}};
constexpr ValueName kTypes[] = {{1, "RP announcement"}, {2, "RP mapping"}};
constexpr ValueName kPimVersions[] = {
    {0, "Version unknown"}, {1, "Version 1"}, {2, "Version 2"}, {3, "Dual version 1 and 2"}};
constexpr ValueName kSigns[] = {{0, "Positive group prefix"}, {1, "Negative group prefix"}};

// "RP announcement (v1 or 1+) for 2 RPs".
void writeInfo(const LayerView& l, std::string& out)
{
    const std::string_view type = valueName(kTypes, l.number(hf.type));
    const std::string_view version = valueName(kVersions, l.number(hf.version));
    out += type.empty() ? std::string_view("Unknown") : type;
    out += " (v";
    out += version.empty() ? std::string_view("Unknown") : version;
    out += ") for ";
    const std::uint64_t count = l.number(hf.rpCount);
    appendDecimal(out, count);
    out += count == 1 ? " RP" : " RPs";
}

bool dissectAutoRp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "Auto-RP", "auto_rp", p.data, p.at, p.reported);
    ctx.setProtocol("Auto-RP");
    const std::uint8_t verType = c.u8();
    const std::uint8_t rpCount = c.u8();
    if (!c.ok()) return true;
    c.add(hf.version, 0, 1, verType >> 4);
    c.add(hf.type, 0, 1, verType & 0xf);
    c.add(hf.rpCount, 1, 1, rpCount);
    ctx.setInfo(writeInfo, c.layer());
    c.u16(hf.holdtime);
    c.u32(hf.reserved);
    for (unsigned rp = 0; rp < rpCount && c.ok(); ++rp) {
        // packet-auto_rp.c reads the entry's group count, then adds the entry as one item of
        // 6 + 6 per group bytes: one reaching past the datagram is malformed.
        if (!c.need(6)) return true;
        const std::size_t span = 6 + std::size_t{c.peek(5)} * 6;
        if (span > c.reportedRemaining()) {
            c.malformed();
            return true;
        }
        if (!c.need(span)) return true;
        c.bytes(4, hf.rpAddr);
        const std::uint8_t pimVer = c.u8();
        if (!c.ok()) return true;
        c.add(hf.pimVer, c.pos() - 1, 1, pimVer & 3);
        const unsigned groups = c.u8(hf.groupNum);
        for (unsigned g = 0; g < groups && c.ok(); ++g) {
            const std::uint8_t sign = c.u8();
            if (!c.ok()) return true;
            c.add(hf.prefixSign, c.pos() - 1, 1, sign & 1);
            c.u8(hf.maskLen);
            c.bytes(4, hf.groupPrefix);
        }
    }
    if (c.ok() && c.remaining() > 0) c.bytes(c.remaining(), hf.trailingJunk);
    return true;
}

}  // namespace

void registerAutoRp(ProtocolRegistrar& r)
{
    r.protocol("auto_rp");
    hf.version = r.field({"auto_rp.version", "Protocol version", FieldKind::Unsigned, 8, kVersions, 0xf0});
    hf.type = r.field({"auto_rp.type", "Packet type", FieldKind::Unsigned, 8, kTypes, 0x0f});
    hf.rpCount = r.field({"auto_rp.rp_count", "RP count", FieldKind::Unsigned, 8});
    hf.groupNum = r.field({"auto_rp.group_num", "Number of groups this RP maps to", FieldKind::Unsigned, 8});
    hf.holdtime = r.field({"auto_rp.holdtime", "Holdtime", FieldKind::Unsigned, 16});
    hf.pimVer = r.field({"auto_rp.pim_ver", "Version", FieldKind::Unsigned, 8, kPimVersions, 0x03});
    hf.rpAddr = r.field({"auto_rp.rp_addr", "RP address", FieldKind::Ipv4});
    hf.prefixSign = r.field({"auto_rp.prefix_sign", "Sign", FieldKind::Unsigned, 8, kSigns, 0x01});
    hf.maskLen = r.field({"auto_rp.mask_len", "Mask length", FieldKind::Unsigned, 8});
    hf.groupPrefix = r.field({"auto_rp.group_prefix", "Prefix", FieldKind::Ipv4});
    hf.reserved = r.field({"auto_rp.reserved", "Reserved", FieldKind::Hex, 32});
    hf.trailingJunk = r.field({"auto_rp.trailing_junk", "Trailing junk", FieldKind::Bytes, 0});
    r.udpPort(496, dissectAutoRp);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// Cisco HSRP version 1 (RFC 2281) on UDP 1985 and version 2 (TLVs) on UDP 2029: opcode and
// state in Info ("Hello (state Active)") as packet-hsrp.c shows them.
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct HsrpFields {
    FieldId version, opcode, state, hellotime, holdtime, priority, group, reserved, authData, virtIp, advType,
        advLength, advState, v2Version, v2Opcode, v2State, v2GroupStateTlv, v2IpVersion, v2Group, v2Identifier,
        v2Priority, v2Hellotime, v2Holdtime, v2VirtIp, v2VirtIp6;
} hf;

constexpr ValueName kOpcodes[] = {{0, "Hello"}, {1, "Coup"}, {2, "Resign"}, {3, "Advertise"}};
constexpr ValueName kStates[] = {{0, "Initial"}, {1, "Learn"}, {2, "Listen"}, {4, "Speak"}, {8, "Standby"}, {16, "Active"}};
constexpr ValueName kAdvStates[] = {{1, "Dormant"}, {2, "Passive"}, {3, "Active"}};
constexpr ValueName kV2Opcodes[] = {{0, "Hello"}, {1, "Coup"}, {2, "Resign"}};
constexpr ValueName kV2States[] = {{1, "Init"}, {2, "Learn"}, {3, "Listen"}, {4, "Speak"}, {5, "Standby"}, {6, "Active"}};

void appendOpState(std::string_view opcode, std::string_view state, std::string& out)
{
    out += opcode;
    out += " (state ";
    out += state;
    out += ')';
}

void writeInfo(const LayerView& l, std::string& out)
{
    if (l.has(hf.v2Opcode)) {
        appendOpState(valueName(kV2Opcodes, l.number(hf.v2Opcode), "Unknown"),
                      valueName(kV2States, l.number(hf.v2State), "Unknown"), out);
        return;
    }
    const std::uint64_t opcode = l.number(hf.opcode);
    const std::string_view state = opcode == 3 ? valueName(kAdvStates, l.number(hf.advState), "Unknown")
                                               : valueName(kStates, l.number(hf.state), "Unknown");
    appendOpState(valueName(kOpcodes, opcode, "Unknown"), state, out);
}

bool dissectHsrpV2(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "HSRPv2", "hsrp", p.data, p.at, p.reported);
    ctx.setProtocol("HSRPv2");
    for (int guard = 0; guard < 16 && c.ok() && c.remaining() >= 2; ++guard) {
        const std::size_t at = c.pos();
        const std::uint8_t type = c.u8();
        const std::uint8_t length = c.u8();
        if (!c.ok()) break;
        if (type == 1 && length >= 40) {  // Group State TLV
            c.add(hf.v2GroupStateTlv, at, 1, type);
            c.u8(hf.v2Version);
            c.u8(hf.v2Opcode);
            c.u8(hf.v2State);
            const std::uint8_t ipVersion = c.u8(hf.v2IpVersion);
            c.u16(hf.v2Group);
            c.bytes(6, hf.v2Identifier);
            c.u32(hf.v2Priority);
            c.u32(hf.v2Hellotime);
            c.u32(hf.v2Holdtime);
            if (ipVersion == 6) {
                c.bytes(16, hf.v2VirtIp6);
            } else {
                c.bytes(4, hf.v2VirtIp);
            }
            if (c.ok()) ctx.setInfo(writeInfo, c.layer());
        }
        if (!c.ok() || at + 2 + length > c.size()) break;
        c.skip(at + 2 + length - c.pos());
    }
    return true;
}

bool dissectHsrp(DissectContext& ctx, const Payload& p)
{
    if (!p.data.empty() && p.data[0] != 0) return dissectHsrpV2(ctx, p);
    LayerCursor c(ctx, "HSRP", "hsrp", p.data, p.at, p.reported);
    ctx.setProtocol("HSRP");
    c.u8(hf.version);
    const std::uint8_t opcode = c.u8(hf.opcode);
    if (!c.ok()) return true;
    ctx.setInfo(writeInfo, c.layer());
    if (opcode == 3) {  // Advertise: one TLV with the interface state
        c.u16(hf.advType);
        c.u16(hf.advLength);
        c.u8(hf.advState);
        return true;
    }
    c.u8(hf.state);
    c.u8(hf.hellotime);
    c.u8(hf.holdtime);
    c.u8(hf.priority);
    c.u8(hf.group);
    c.u8(hf.reserved);
    const ByteSpan auth = c.bytes(8);
    if (c.ok()) {
        std::size_t n = 0;
        while (n < auth.size() && auth[n] != 0) ++n;
        ctx.out.addTextField(hf.authData, c.layer(), c.absolute(c.pos() - 8), 8,
                             std::string_view(reinterpret_cast<const char*>(auth.data()), n));
    }
    c.bytes(4, hf.virtIp);
    return true;
}

}  // namespace

void registerHsrp(ProtocolRegistrar& r)
{
    r.protocol("hsrp");
    hf.version = r.field({"hsrp.version", "Version", FieldKind::Unsigned, 8});
    hf.opcode = r.field({"hsrp.opcode", "Op Code", FieldKind::Unsigned, 8, kOpcodes});
    hf.state = r.field({"hsrp.state", "State", FieldKind::Unsigned, 8, kStates});
    hf.hellotime = r.field({"hsrp.hellotime", "Hellotime", FieldKind::Unsigned, 8});
    hf.holdtime = r.field({"hsrp.holdtime", "Holdtime", FieldKind::Unsigned, 8});
    hf.priority = r.field({"hsrp.priority", "Priority", FieldKind::Unsigned, 8});
    hf.group = r.field({"hsrp.group", "Group", FieldKind::Unsigned, 8});
    hf.reserved = r.field({"hsrp.reserved", "Reserved", FieldKind::Unsigned, 8});
    hf.authData = r.field({"hsrp.auth_data", "Authentication Data", FieldKind::String});
    hf.virtIp = r.field({"hsrp.virt_ip", "Virtual IP Address", FieldKind::Ipv4});
    hf.advType = r.field({"hsrp.adv.tlvtype", "Adv type", FieldKind::Unsigned, 16});
    hf.advLength = r.field({"hsrp.adv.tlvlength", "Adv length", FieldKind::Unsigned, 16});
    hf.advState = r.field({"hsrp.adv.state", "Adv state", FieldKind::Unsigned, 8, kAdvStates});
    hf.v2Version = r.field({"hsrp2.version", "Version", FieldKind::Unsigned, 8});
    hf.v2Opcode = r.field({"hsrp2.opcode", "Op Code", FieldKind::Unsigned, 8, kV2Opcodes});
    hf.v2State = r.field({"hsrp2.state", "State", FieldKind::Unsigned, 8, kV2States});
    hf.v2GroupStateTlv = r.field({"hsrp2.group_state_tlv", "Group State TLV", FieldKind::Unsigned, 8});
    hf.v2IpVersion = r.field({"hsrp2.ipversion", "IP Ver.", FieldKind::Unsigned, 8});
    hf.v2Group = r.field({"hsrp2.group", "Group", FieldKind::Unsigned, 16});
    hf.v2Identifier = r.field({"hsrp2.identifier", "Identifier", FieldKind::Mac});
    hf.v2Priority = r.field({"hsrp2.priority", "Priority", FieldKind::Unsigned, 32});
    hf.v2Hellotime = r.field({"hsrp2.hellotime", "Hellotime", FieldKind::Unsigned, 32});
    hf.v2Holdtime = r.field({"hsrp2.holdtime", "Holdtime", FieldKind::Unsigned, 32});
    hf.v2VirtIp = r.field({"hsrp2.virt_ip", "Virtual IP Address", FieldKind::Ipv4});
    hf.v2VirtIp6 = r.field({"hsrp2.virt_ip_v6", "Virtual IPv6 Address", FieldKind::Ipv6});
    r.udpPort(1985, dissectHsrp);
    r.udpPort(2029, dissectHsrpV2);
}

}  // namespace rcvmon

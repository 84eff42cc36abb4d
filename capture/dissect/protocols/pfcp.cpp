// SPDX-License-Identifier: GPL-2.0-or-later
// PFCP (3GPP TS 29.244 §7.2), UDP port 8805: the header of the 5G/EPC control-to-user-plane
// protocol, whose message type names the Info column.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct PfcpFields {
    FieldId flags, version, mp, s, msgType, length, seid, seqno, mpPriority;
} hf;

constexpr ValueName kMessageTypes[] = {
    {0, "Reserved"},
    {1, "PFCP Heartbeat Request"},
    {2, "PFCP Heartbeat Response"},
    {3, "PFCP PFD Management Request"},
    {4, "PFCP PFD Management Response"},
    {5, "PFCP Association Setup Request"},
    {6, "PFCP Association Setup Response"},
    {7, "PFCP Association Update Request"},
    {8, "PFCP Association Update Response"},
    {9, "PFCP Association Release Request"},
    {10, "PFCP Association Release Response"},
    {11, "PFCP Version Not Supported Response"},
    {12, "PFCP Node Report Request"},
    {13, "PFCP Node Report Response"},
    {14, "PFCP Session Set Deletion Request"},
    {15, "PFCP Session Set Deletion Response"},
    {16, "PFCP Session Set Modification Request"},
    {17, "PFCP Session Set Modification Response"},
    {50, "PFCP Session Establishment Request"},
    {51, "PFCP Session Establishment Response"},
    {52, "PFCP Session Modification Request"},
    {53, "PFCP Session Modification Response"},
    {54, "PFCP Session Deletion Request"},
    {55, "PFCP Session Deletion Response"},
    {56, "PFCP Session Report Request"},
    {57, "PFCP Session Report Response"}};

void writeInfo(const LayerView& layer, std::string& out)
{
    const std::string_view name = valueName(fieldInfo(hf.msgType), layer.number(hf.msgType));
    out += name.empty() ? std::string_view("Unknown") : name;
}

bool dissectPfcp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "PFCP", "pfcp", p.data, p.at, p.reported);
    ctx.setProtocol("PFCP");
    const std::uint8_t flags = c.u8(hf.flags);
    if (!c.ok()) return true;
    c.add(hf.version, 0, 1, flags >> 5);
    c.add(hf.mp, 0, 1, (flags >> 1) & 1);
    c.add(hf.s, 0, 1, flags & 1);
    c.u8(hf.msgType);
    if (!c.ok()) return true;
    ctx.setInfo(writeInfo, c.layer());
    c.u16(hf.length);
    if (flags & 1) {
        const ByteSpan seid = c.bytes(8);
        if (c.ok()) {
            std::uint64_t v = 0;
            for (const std::uint8_t b : seid) v = v << 8 | b;
            c.add(hf.seid, c.pos() - 8, 8, v);
        }
    }
    c.u24(hf.seqno);
    const std::uint8_t last = c.u8();
    if (c.ok() && (flags & 2)) c.add(hf.mpPriority, c.pos() - 4, 4, last >> 4);
    return true;
}

}  // namespace

void registerPfcp(ProtocolRegistrar& r)
{
    r.protocol("pfcp");
    hf.flags = r.field({"pfcp.flags", "Flags", FieldKind::Hex, 8});
    hf.version = r.field({"pfcp.version", "Version", FieldKind::Unsigned, 8, {}, 0xe0});
    hf.mp = r.field({"pfcp.mp_flag", "Message Priority (MP)", FieldKind::Bool, 8, {}, 0x2});
    hf.s = r.field({"pfcp.s", "SEID (S)", FieldKind::Bool, 8, {}, 0x1});
    hf.msgType = r.field({"pfcp.msg_type", "Message Type", FieldKind::Unsigned, 8, kMessageTypes});
    hf.length = r.field({"pfcp.length", "Length", FieldKind::Unsigned, 8});
    hf.seid = r.field({"pfcp.seid", "SEID", FieldKind::Hex, 64});
    hf.seqno = r.field({"pfcp.seqno", "Sequence Number", FieldKind::Unsigned, 24});
    hf.mpPriority = r.field({"pfcp.mp", "Message Priority", FieldKind::Unsigned, 24, {}, 0xf0});
    r.udpPort(8805, dissectPfcp);
}

}  // namespace rcvmon

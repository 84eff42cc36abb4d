// SPDX-License-Identifier: GPL-2.0-or-later
// LWAPP (draft-ohara-capwap-lwapp-04), Cisco's lightweight access point tunnel on UDP ports
// 12222-12223: a 6-byte header whose T flag tells a control message from an encapsulated
// 802.11 frame (no FCS, frame control not swapped: Wireshark's defaults). Messages sent to
// port 12223 start with the AP's MAC address. Port 12220 carries Ethernet frames (LWAPP-L3).
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"
#include "dissect/protocols/wlan/wlan.h"

namespace rcvmon {
namespace {

struct LwappFields {
    FieldId version, slotId, flags, flagType, flagFragment, flagFragmentType, fragmentId, length, rssi, snr, apid,
        controlType, controlSeqno, controlLength;
} hf;

constexpr ValueName kControlTypes[] = {
    {1, "DISCOVERY_REQUEST"}, {2, "DISCOVERY_REPLY"}, {3, "JOIN_REQUEST"}, {4, "JOIN_REPLY"},
    {5, "HANDOFF_REQUEST"}, {6, "HANDOFF_REPLY"}, {7, "HANDOFF_COMMAND"}, {8, "HANDOFF_RESPONSE"},
    {9, "HANDOFF_CONFIRM"}, {10, "CONFIGURE_REQUEST"}, {11, "CONFIGURE_RESPONSE"}, {12, "CONFIGURE_COMMAND"},
    {13, "CONFIGURE_COMMAND_RES"}, {14, "STATISTICS_INFO"}, {15, "STATISTICS_INFO_RES"},
    {16, "CHANGE_STATE_EVENT"}, {17, "CHANGE_STATE_EVENT_RES"}, {18, "RRM_CONTROL_REQ"}, {19, "RRM_CONTROL_RES"},
    {20, "RRM_DATA_REQ"}, {21, "RRM_DATA_RES"}, {22, "ECHO_REQUEST"}, {23, "ECHO_RESPONSE"}, {24, "IMAGE_DATA"},
    {25, "IMAGE_DATA_RES"}, {26, "RESET_REQ"}, {27, "RESET_RES"}, {29, "I_AM_UP_RES"}, {30, "KEY_UPDATE_REQ"},
    {31, "KEY_UPDATE_RES"}, {32, "PRIMARY_DISCOVERY_REQ"}, {33, "PRIMARY_DISCOVERY_RES"}, {34, "DATA_TRANSFER"},
    {35, "DATA_TRANSFER_RES"}, {36, "RESET_REQ_CLEAR_CONFIG"},
};

// "LWAPP IP or Layer 2 Control Packet" until the message inside names itself.
void writeInfo(const LayerView& l, std::string& out)
{
    out += "LWAPP IP or Layer 2";
    out += l.number(hf.flagType) ? " Control Packet" : " 802.11 Packet";
}

void writeControlInfo(const LayerView& l, std::string& out)
{
    out += "CNTL ";
    const std::uint64_t type = l.number(hf.controlType);
    const std::string_view name = valueName(kControlTypes, type);
    if (!name.empty()) {
        out += name;
    } else {
        out += "Bad Type: ";
        appendHex(out, type, 2);
    }
}

void writeL3Info(const LayerView&, std::string& out) { out += "802.3 Packets over Layer 3"; }

void dissectControl(DissectContext& ctx, const Payload& p)
{
    // packet-lwapp.c adds the control message as a second protocol item in the same call.
    LayerCursor c(ctx, "LWAPP-CNTL", "lwapp-cntl", p.data, p.at, p.reported);
    c.unlisted();
    ctx.setProtocol("LWAPP");
    c.u8(hf.controlType);
    if (!c.ok()) return;
    ctx.setInfo(writeControlInfo, c.layer());
    c.u8(hf.controlSeqno);
    c.u16(hf.controlLength);
    if (!c.ok() || c.reportedRemaining() == 0) return;
    dissectData(ctx, payloadAfter(c, c.reportedRemaining()));
}

bool dissectLwapp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "LWAPP", "lwapp", p.data, p.at, p.reported);
    ctx.setProtocol("LWAPP");
    if (ctx.udpDstPort == 12223) c.bytes(6, hf.apid);
    const std::uint8_t flags = c.u8();
    if (!c.ok()) return true;
    const std::size_t at = c.pos() - 1;
    c.add(hf.version, at, 1, flags >> 6);
    c.add(hf.slotId, at, 1, (flags >> 3) & 7);
    c.add(hf.flags, at, 1, flags);
    c.add(hf.flagType, at, 1, (flags >> 2) & 1);
    c.add(hf.flagFragment, at, 1, (flags >> 1) & 1);
    c.add(hf.flagFragmentType, at, 1, flags & 1);
    ctx.setInfo(writeInfo, c.layer());
    c.u8(hf.fragmentId);
    c.u16(hf.length);
    c.u8(hf.rssi);
    c.u8(hf.snr);
    if (!c.ok()) return true;
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (flags & 0x04) {
        dissectControl(ctx, next);
    } else {
        dissectWlanWithoutFcs(ctx, next);
    }
    return true;
}

bool dissectLwappL3(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "LWAPP-L3", "lwapp-l3", p.data, p.at, p.reported);
    ctx.setProtocol("LWAPP-L3");
    ctx.setInfo(writeL3Info, c.layer());
    dissectEthernet(ctx, p);
    return true;
}

}  // namespace

void registerLwapp(ProtocolRegistrar& r)
{
    r.protocol("lwapp");
    hf.version = r.field({"lwapp.version", "Version", FieldKind::Unsigned, 8});
    hf.slotId = r.field({"lwapp.slotId", "slotId", FieldKind::Unsigned, 24});
    hf.flags = r.field({"lwapp.flags", "Flags", FieldKind::Hex, 8});
    hf.flagType = r.field({"lwapp.flags.type", "Type", FieldKind::Bool, 8, {}, 0x4});
    hf.flagFragment = r.field({"lwapp.flags.fragment", "Fragment", FieldKind::Bool, 8, {}, 0x2});
    hf.flagFragmentType = r.field({"lwapp.flags.fragmentType", "Fragment Type", FieldKind::Bool, 8, {}, 0x1});
    hf.fragmentId = r.field({"lwapp.fragmentId", "Fragment Id", FieldKind::Hex, 8});
    hf.length = r.field({"lwapp.Length", "Length", FieldKind::Unsigned, 16});
    hf.rssi = r.field({"lwapp.rssi", "RSSI", FieldKind::Hex, 8});
    hf.snr = r.field({"lwapp.snr", "SNR", FieldKind::Hex, 8});
    hf.apid = r.field({"lwapp.apid", "AP Identity", FieldKind::Mac});
    hf.controlType = r.field({"lwapp.control.type", "Control Type", FieldKind::Unsigned, 8, kControlTypes});
    hf.controlSeqno = r.field({"lwapp.control.seqno", "Control Sequence Number", FieldKind::Unsigned, 8});
    hf.controlLength = r.field({"lwapp.control.length", "Control Length", FieldKind::Unsigned, 16});
    r.udpPort(12222, dissectLwapp);
    r.udpPort(12223, dissectLwapp);
    r.etherType(0x88bb, dissectLwapp);
    r.protocol("lwapp-cntl");
    r.protocol("lwapp-l3");
    r.udpPort(12220, dissectLwappL3);
}

}  // namespace rcvmon

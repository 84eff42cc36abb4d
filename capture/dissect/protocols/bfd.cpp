// SPDX-License-Identifier: GPL-2.0-or-later
// BFD control packets (RFC 5880 §4.1) on UDP 3784 (single hop, RFC 5881), 4784 (multihop,
// RFC 5883), 6784 (LAG members, RFC 7130) and 7784 (seamless BFD, RFC 7881); diagnostic,
// state and flags in Info as packet-bfd.c shows them.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct BfdFields {
    FieldId version, diag, sta, flags, detectMult, length, myDisc, yourDisc, desiredTx, requiredRx, requiredEcho;
} hf;

constexpr ValueName kDiags[] = {
    {0, "No Diagnostic"}, {1, "Control Detection Time Expired"}, {2, "Echo Function Failed"},
    {3, "Neighbor Signaled Session Down"}, {4, "Forwarding Plane Reset"}, {5, "Path Down"},
    {6, "Concatenated Path Down"}, {7, "Administratively Down"}, {8, "Reverse Concatenated Path Down"},
    {9, "Mis-Connectivity Defect"},
};
constexpr ValueName kStates[] = {{0, "AdminDown"}, {1, "Down"}, {2, "Init"}, {3, "Up"}};

void writeInfo(const LayerView& l, std::string& out)
{
    out += "Diag: ";
    out += valueName(kDiags, l.number(hf.diag), "Unknown");
    if (l.has(hf.sta)) {
        out += ", State: ";
        out += valueName(kStates, l.number(hf.sta), "Unknown");
    }
    out += ", Flags: ";
    appendHex(out, l.number(hf.flags), 2);
}

bool dissectBfd(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "BFD Control", "bfd", p.data, p.at, p.reported);
    ctx.setProtocol("BFD Control");
    const std::uint8_t first = c.u8();
    const std::uint8_t second = c.u8();
    if (!c.ok()) return true;
    const unsigned version = first >> 5;
    c.add(hf.version, 0, 1, version);
    c.add(hf.diag, 0, 1, first & 0x1f);
    if (version == 0) {
        c.add(hf.flags, 1, 1, second);
    } else {
        c.add(hf.sta, 1, 1, second >> 6);
        c.add(hf.flags, 1, 1, second & 0x3f);
    }
    ctx.setInfo(writeInfo, c.layer());
    c.u8(hf.detectMult);
    c.u8(hf.length);
    c.u32(hf.myDisc);
    c.u32(hf.yourDisc);
    c.u32(hf.desiredTx);
    c.u32(hf.requiredRx);
    c.u32(hf.requiredEcho);
    return true;
}

}  // namespace

void registerBfd(ProtocolRegistrar& r)
{
    r.protocol("bfd");
    hf.version = r.field({"bfd.version", "Protocol Version", FieldKind::Unsigned, 8, {}, 0xe0});
    hf.diag = r.field({"bfd.diag", "Diagnostic Code", FieldKind::Hex, 8, kDiags, 0x1f});
    hf.sta = r.field({"bfd.sta", "Session State", FieldKind::Hex, 8, kStates, 0xc0});
    hf.flags = r.field({"bfd.flags", "Message Flags", FieldKind::Hex, 8});
    hf.detectMult = r.field({"bfd.detect_time_multiplier", "Detect Time Multiplier", FieldKind::Unsigned, 8});
    hf.length = r.field({"bfd.message_length", "Message Length", FieldKind::Unsigned, 8});
    hf.myDisc = r.field({"bfd.my_discriminator", "My Discriminator", FieldKind::Hex, 32});
    hf.yourDisc = r.field({"bfd.your_discriminator", "Your Discriminator", FieldKind::Hex, 32});
    hf.desiredTx = r.field({"bfd.desired_min_tx_interval", "Desired Min TX Interval", FieldKind::Unsigned, 32});
    hf.requiredRx = r.field({"bfd.required_min_rx_interval", "Required Min RX Interval", FieldKind::Unsigned, 32});
    hf.requiredEcho =
        r.field({"bfd.required_min_echo_interval", "Required Min Echo Interval", FieldKind::Unsigned, 32});
    r.udpPort(3784, dissectBfd);
    r.udpPort(4784, dissectBfd);
    r.udpPort(6784, dissectBfd);
    r.udpPort(7784, dissectBfd);
}

}  // namespace rcvmon

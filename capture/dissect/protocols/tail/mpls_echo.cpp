// SPDX-License-Identifier: GPL-2.0-or-later
// MPLS LSP Ping / Traceroute (RFC 8029 §3), UDP port 3503: the fixed header of echo
// requests and replies; the TLVs that follow are not decoded. Info is the message type, as
// packet-mpls-echo.c writes it.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct MplsEchoFields {
    FieldId version, gflags, msgType, replyMode, returnCode, returnSubcode, senderHandle, sequence;
} hf;

constexpr ValueName kTypes[] = {{1, "MPLS Echo Request"},
                                {2, "MPLS Echo Reply"},
                                {3, "MPLS Data Plane Verification Request"},
                                {4, "MPLS Data Plane Verification Reply"}};
constexpr ValueName kReplyModes[] = {{1, "Do not reply"},
                                     {2, "Reply via an IPv4/IPv6 UDP packet"},
                                     {3, "Reply via an IPv4/IPv6 UDP packet with Router Alert"},
                                     {4, "Reply via application level control channel"},
                                     {5, "Reply via Specified Path"}};

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t type = l.number(hf.msgType);
    const std::string_view name = valueName(kTypes, type);
    if (!name.empty()) {
        out += name;
        return;
    }
    // val_to_str's "Unknown Message Type (0x%02X)": upper-case hex digits.
    constexpr char kDigits[] = "0123456789ABCDEF";
    out += "Unknown Message Type (0x";
    out += kDigits[(type >> 4) & 0xf];
    out += kDigits[type & 0xf];
    out += ')';
}

bool dissectMplsEcho(DissectContext& ctx, const Payload& p)
{
    // packet-mpls-echo.c takes only version 1 datagrams of at least 5 bytes.
    if (p.data.size() < 5 || p.data[0] != 0 || p.data[1] != 1) return false;
    LayerCursor c(ctx, "MPLS ECHO", "mpls-echo", p.data, p.at, p.reported);
    ctx.setProtocol("MPLS ECHO");
    c.u16(hf.version);
    c.u16(hf.gflags);
    c.u8(hf.msgType);
    ctx.setInfo(writeInfo, c.layer());
    c.u8(hf.replyMode);
    c.u8(hf.returnCode);
    c.u8(hf.returnSubcode);
    c.u32(hf.senderHandle);
    c.u32(hf.sequence);
    c.skip(16);  // timestamps sent and received
    return true;
}

}  // namespace

void registerMplsEcho(ProtocolRegistrar& r)
{
    r.protocol("mpls-echo");
    hf.version = r.field({"mpls_echo.version", "Version", FieldKind::Unsigned, 16});
    hf.gflags = r.field({"mpls_echo.flags", "Global Flags", FieldKind::Hex, 16});
    hf.msgType = r.field({"mpls_echo.msg_type", "Message Type", FieldKind::Unsigned, 8, kTypes});
    hf.replyMode = r.field({"mpls_echo.reply_mode", "Reply Mode", FieldKind::Unsigned, 8, kReplyModes});
    hf.returnCode = r.field({"mpls_echo.return_code", "Return Code", FieldKind::Unsigned, 8});
    hf.returnSubcode = r.field({"mpls_echo.return_subcode", "Return Subcode", FieldKind::Unsigned, 8});
    hf.senderHandle = r.field({"mpls_echo.sender_handle", "Sender's Handle", FieldKind::Hex, 32});
    hf.sequence = r.field({"mpls_echo.sequence", "Sequence Number", FieldKind::Unsigned, 32});
    r.udpPort(3503, dissectMplsEcho);
}

}  // namespace rcvmon

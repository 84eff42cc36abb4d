// SPDX-License-Identifier: GPL-2.0-or-later
// ISAKMP / IKEv1 (RFC 2408, RFC 2409) and IKEv2 (RFC 7296): the common header, named in Info
// by its exchange type as packet-isakmp.c does. UDP port 4500 (RFC 3948) is udpencap.cpp's.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {

namespace {

struct IsakmpFields {
    FieldId ispi, rspi, nextPayload, version, mjver, mnver, exchangeType, flags, messageId, length;
} hf;

constexpr ValueName kV1Exchanges[] = {
    {0, "NONE"}, {1, "Base"}, {2, "Identity Protection (Main Mode)"}, {3, "Authentication Only"},
    {4, "Aggressive"}, {5, "Informational"}, {6, "Transaction (Config Mode)"}, {32, "Quick Mode"},
    {33, "New Group Mode"},
};
constexpr ValueName kV2Exchanges[] = {
    {34, "IKE_SA_INIT"}, {35, "IKE_AUTH"}, {36, "CREATE_CHILD_SA"}, {37, "INFORMATIONAL"},
    {38, "IKE_SESSION_RESUME"},
};

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t major = l.number(hf.mjver);
    const std::uint64_t type = l.number(hf.exchangeType);
    const std::string_view name = valueName(major == 1 ? std::span<const ValueName>(kV1Exchanges)
                                                       : std::span<const ValueName>(kV2Exchanges), type);
    if (name.empty()) {
        out += "Unknown ";
        appendDecimal(out, type);
    } else {
        out += name;
    }
    if (major != 2 || !l.has(hf.messageId)) return;
    const std::uint64_t flags = l.number(hf.flags);
    out += " MID=";
    const std::uint64_t mid = l.number(hf.messageId);
    if (mid < 10) out += '0';  // "%02u"
    appendDecimal(out, mid);
    out += flags & 0x08 ? " Initiator" : " Responder";
    out += flags & 0x20 ? " Response" : " Request";
}

}  // namespace

// Also udpencap.cpp's, behind the non-ESP marker of UDP port 4500.
bool dissectIsakmp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "ISAKMP", "isakmp", p.data, p.at, p.reported);
    ctx.setProtocol("ISAKMP");
    c.bytes(8, hf.ispi);
    c.bytes(8, hf.rspi);
    c.u8(hf.nextPayload);
    const std::uint8_t version = c.u8(hf.version);
    if (!c.ok()) return true;
    c.add(hf.mjver, 17, 1, version >> 4);
    c.add(hf.mnver, 17, 1, version & 0xf);
    const unsigned major = version >> 4;
    if (major != 1 && major != 2) return true;
    c.u8(hf.exchangeType);
    if (!c.ok()) return true;
    ctx.setInfo(writeInfo, c.layer());
    c.u8(hf.flags);
    c.u32(hf.messageId);
    c.u32(hf.length);
    return true;
}

void registerIsakmp(ProtocolRegistrar& r)
{
    r.protocol("isakmp");
    hf.ispi = r.field({"isakmp.ispi", "Initiator SPI", FieldKind::Bytes});
    hf.rspi = r.field({"isakmp.rspi", "Responder SPI", FieldKind::Bytes});
    hf.nextPayload = r.field({"isakmp.nextpayload", "Next payload", FieldKind::Unsigned, 8});
    hf.version = r.field({"isakmp.version", "Version", FieldKind::Hex, 8});
    hf.mjver = r.field({"isakmp.mjver", "MjVer", FieldKind::Hex, 8, {}, 0xf0});
    hf.mnver = r.field({"isakmp.mnver", "MnVer", FieldKind::Hex, 8, {}, 0xf});
    hf.exchangeType = r.field({"isakmp.exchangetype", "Exchange type", FieldKind::Unsigned, 8});
    hf.flags = r.field({"isakmp.flags", "Flags", FieldKind::Hex, 8});
    hf.messageId = r.field({"isakmp.messageid", "Message ID", FieldKind::Hex, 32});
    hf.length = r.field({"isakmp.length", "Length", FieldKind::Unsigned, 32});
    r.udpPort(500, dissectIsakmp);
}

}  // namespace rcvmon

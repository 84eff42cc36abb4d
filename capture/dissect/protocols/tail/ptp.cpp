// SPDX-License-Identifier: GPL-2.0-or-later
// PTP version 2 (IEEE 1588-2008 §13.3), on UDP ports 319 (event) and 320 (general) and
// EtherType 0x88f7: the common header. Info is the message type as packet-ptp.c names it;
// management messages, whose Info names their data set, are left without one.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct PtpFields {
    FieldId transportSpecific, messageType, version, length, domain, flags, correction, clockIdentity, sourcePort,
        sequenceId, control, logPeriod;
} hf;

constexpr ValueName kTypes[] = {{0, "Sync Message"},
                                {1, "Delay_Req Message"},
                                {2, "Peer_Delay_Req Message"},
                                {3, "Peer_Delay_Resp Message"},
                                {8, "Follow_Up Message"},
                                {9, "Delay_Resp Message"},
                                {10, "Peer_Delay_Resp_Follow_Up Message"},
                                {11, "Announce Message"},
                                {12, "Signalling Message"},
                                {13, "Management Message"}};

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t type = l.number(hf.messageType);
    const std::string_view name = valueName(kTypes, type);
    if (name.empty()) {
        out += "Unknown PTP Message (";
        appendDecimal(out, type);
        out += ')';
    } else {
        out += name;
    }
}

bool dissectPtp(DissectContext& ctx, const Payload& p)
{
    // Only version 2; the version is the low nibble of the second byte.
    if (p.data.size() < 2 || (p.data[1] & 0x0f) != 2) return false;
    LayerCursor c(ctx, "PTPv2", "ptp", p.data, p.at, p.reported);
    ctx.setProtocol("PTPv2");
    const std::uint8_t first = c.u8();
    const unsigned type = first & 0x0f;
    c.add(hf.transportSpecific, 0, 1, first >> 4);
    c.add(hf.messageType, 0, 1, type);
    if (type != 13) ctx.setInfo(writeInfo, c.layer());
    c.add(hf.version, 1, 1, c.u8() & 0x0f);
    c.u16(hf.length);
    c.u8(hf.domain);
    c.skip(1);
    c.u16(hf.flags);
    const std::uint64_t high = c.u32();
    const std::uint64_t low = c.u32();
    if (c.ok()) c.add(hf.correction, 8, 8, (high << 32 | low) >> 16);  // nanoseconds, 16 fraction bits off
    c.skip(4);
    const std::uint64_t idHigh = c.u32();
    const std::uint64_t idLow = c.u32();
    if (c.ok()) c.add(hf.clockIdentity, 20, 8, idHigh << 32 | idLow);
    c.u16(hf.sourcePort);
    c.u16(hf.sequenceId);
    c.u8(hf.control);
    const std::uint8_t period = c.u8();
    if (c.ok()) c.add(hf.logPeriod, 33, 1, static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int8_t>(period))));
    return true;
}

}  // namespace

void registerPtp(ProtocolRegistrar& r)
{
    r.protocol("ptp");
    hf.transportSpecific = r.field({"ptp.v2.majorsdoid", "majorSdoId", FieldKind::Hex, 8, {}, 0xf0});
    hf.messageType = r.field({"ptp.v2.messagetype", "messageType", FieldKind::Hex, 8, kTypes, 0x0f});
    hf.version = r.field({"ptp.v2.versionptp", "versionPTP", FieldKind::Unsigned, 8, {}, 0x0f});
    hf.length = r.field({"ptp.v2.messagelength", "messageLength", FieldKind::Unsigned, 16});
    hf.domain = r.field({"ptp.v2.domainnumber", "domainNumber", FieldKind::Unsigned, 8});
    hf.flags = r.field({"ptp.v2.flags", "flags", FieldKind::Hex, 16});
    hf.correction = r.field({"ptp.v2.correction.ns", "correction", FieldKind::Unsigned, 64});
    hf.clockIdentity = r.field({"ptp.v2.clockidentity", "ClockIdentity", FieldKind::Hex, 64});
    hf.sourcePort = r.field({"ptp.v2.sourceportid", "SourcePortID", FieldKind::Unsigned, 16});
    hf.sequenceId = r.field({"ptp.v2.sequenceid", "sequenceId", FieldKind::Unsigned, 16});
    hf.control = r.field({"ptp.v2.controlfield", "controlField", FieldKind::Unsigned, 8});
    hf.logPeriod = r.field({"ptp.v2.logmessageperiod", "logMessagePeriod", FieldKind::Signed, 8});
    r.udpPort(319, dissectPtp);
    r.udpPort(320, dissectPtp);
    r.etherType(0x88f7, dissectPtp);
}

}  // namespace rcvmon

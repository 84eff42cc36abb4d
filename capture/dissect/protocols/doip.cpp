// SPDX-License-Identifier: GPL-2.0-or-later
// Diagnostics over IP (ISO 13400-2) on TCP and UDP 13400: the generic header (version, its
// inverse, payload type, length) and the payload types' addresses; a diagnostic message
// carries UDS (ISO 14229, uds.cpp). Several messages per TCP segment, reassembled when one
// spans segments.
#include "dissect/protocols/doip.h"
#include "dissect/protocols/tcp_message.h"
#include "dissect/protocols/value_names.h"

#include <string>

namespace rcvmon {
namespace {

struct DoipFields {
    FieldId version, inverse, type, length, nackCode, vin, logicalAddress, eid, gid, furtherAction, syncStatus,
        sourceAddress, targetAddress, activationType, testerAddress, responseCode, ackCode, diagNackCode, powerMode,
        nodeType, maxSockets, sockets, maxDataSize;
} hf;

constexpr std::uint16_t kPort = 13400;
constexpr std::size_t kHeader = 8;

constexpr ValueName kVersions[] = {
    {0x00, "Reserved"}, {0x01, "DoIP ISO/DIS 13400-2:2010"}, {0x02, "DoIP ISO 13400-2:2012"},
    {0x03, "DoIP ISO 13400-2:2019"}, {0xff, "Default value for vehicle identification request messages"},
};

constexpr ValueName kPayloads[] = {
    {0x0000, "Generic DoIP header NACK"}, {0x0001, "Vehicle identification request"},
    {0x0002, "Vehicle identification request with EID"}, {0x0003, "Vehicle identification request with VIN"},
    {0x0004, "Vehicle announcement message/vehicle identification response message"},
    {0x0005, "Routing activation request"}, {0x0006, "Routing activation response"},
    {0x0007, "Alive check request"}, {0x0008, "Alive check response"}, {0x4001, "DoIP entity status request"},
    {0x4002, "DoIP entity status response"}, {0x4003, "Diagnostic power mode information request"},
    {0x4004, "Diagnostic power mode information response"}, {0x8001, "Diagnostic message"},
    {0x8002, "Diagnostic message ACK"}, {0x8003, "Diagnostic message NACK"},
};

bool knownVersion(std::uint8_t version, std::uint16_t type)
{
    return (version >= 1 && version <= 3) || (version == 0xff && type >= 1 && type <= 3);
}

void writeInfo(const LayerView& layer, std::string& out)
{
    const std::uint64_t type = layer.number(hf.type);
    if (!knownVersion(static_cast<std::uint8_t>(layer.number(hf.version)), static_cast<std::uint16_t>(type))) {
        out += "Invalid/unsupported DoIP version";
        return;
    }
    appendNameOrHex(out, valueName(kPayloads, type), type, 4);
}

void fields(LayerCursor& c, std::uint16_t type, DissectContext& ctx)
{
    switch (type) {
    case 0x0000: c.u8(hf.nackCode); break;
    case 0x0002: c.bytes(6, hf.eid); break;
    case 0x0003: {
        const ByteSpan vin = c.bytes(17);
        if (c.ok()) ctx.out.addTextField(hf.vin, c.layer(), c.absolute(c.pos() - 17), 17, asText(vin));
        break;
    }
    case 0x0004: {
        const ByteSpan vin = c.bytes(17);
        if (c.ok()) ctx.out.addTextField(hf.vin, c.layer(), c.absolute(c.pos() - 17), 17, asText(vin));
        c.u16(hf.logicalAddress);
        c.bytes(6, hf.eid);
        c.bytes(6, hf.gid);
        c.u8(hf.furtherAction);
        if (c.ok() && c.remaining() >= 1) c.u8(hf.syncStatus);  // optional from version 2
        break;
    }
    case 0x0005:
        c.u16(hf.sourceAddress);
        c.u8(hf.activationType);
        break;
    case 0x0006:
        c.u16(hf.testerAddress);
        c.u16(hf.sourceAddress);
        c.u8(hf.responseCode);
        break;
    case 0x0008: c.u16(hf.sourceAddress); break;
    case 0x4002:
        c.u8(hf.nodeType);
        c.u8(hf.maxSockets);
        c.u8(hf.sockets);
        if (c.ok() && c.remaining() >= 4) c.u32(hf.maxDataSize);
        break;
    case 0x4004: c.u8(hf.powerMode); break;
    case 0x8001: {
        const std::uint16_t source = c.u16(hf.sourceAddress);
        const std::uint16_t target = c.u16(hf.targetAddress);
        if (!c.ok()) break;
        dissectUds(ctx, payloadAfter(c, c.reportedRemaining()), source, target);
        break;
    }
    case 0x8002:
    case 0x8003:
        c.u16(hf.sourceAddress);
        c.u16(hf.targetAddress);
        c.u8(type == 0x8002 ? hf.ackCode : hf.diagNackCode);
        break;
    default: break;
    }
}

void dissectMessage(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "DoIP", "doip", p.data, p.at, p.reported);
    ctx.setProtocol("DoIP");
    const std::uint8_t version = c.u8(hf.version);
    c.u8(hf.inverse);
    const std::uint16_t type = c.u16(hf.type);
    c.u32(hf.length);
    if (!c.ok()) return;
    ctx.setInfo(writeInfo, c.layer());
    if (!knownVersion(version, type)) return;
    fields(c, type, ctx);
}

std::size_t messageLength(ByteSpan b)
{
    if (b.size() < kHeader || b[0] != static_cast<std::uint8_t>(~b[1])) return 0;
    const std::size_t length = (std::size_t{b[4]} << 24) | (std::size_t{b[5]} << 16) | (b[6] << 8) | b[7];
    return length > kMaxTcpMessage ? 0 : kHeader + length;
}

bool dissectTcp(DissectContext& ctx, const Payload& p)
{
    dissectTcpMessages(ctx, p, messageLength, [&](const Payload& m, int index) {
        // A header cut by the segment's end waits for more bytes in Wireshark; none came.
        if (index > 0 && m.data.size() < kHeader && m.data.size() == m.reported) return;
        dissectMessage(ctx, m);
    });
    return true;
}

bool dissectUdp(DissectContext& ctx, const Payload& p)
{
    dissectMessage(ctx, p);
    return true;
}

}  // namespace

std::string_view asText(ByteSpan b)
{
    return {reinterpret_cast<const char*>(b.data()), b.size()};
}

void registerDoip(ProtocolRegistrar& r)
{
    r.protocol("doip");
    hf.version = r.field({"doip.version", "Version", FieldKind::Hex, 8, kVersions});
    hf.inverse = r.field({"doip.inverse", "Inverse version", FieldKind::Hex, 8});
    hf.type = r.field({"doip.type", "Type", FieldKind::Hex, 16, kPayloads});
    hf.length = r.field({"doip.length", "Length", FieldKind::Unsigned, 32});
    hf.nackCode = r.field({"doip.nack_code", "DoIP Header NACK code", FieldKind::Hex, 8});
    hf.vin = r.field({"doip.vin", "VIN", FieldKind::String});
    hf.logicalAddress = r.field({"doip.logical_address", "Logical Address", FieldKind::Hex, 16});
    hf.eid = r.field({"doip.eid", "EID", FieldKind::Bytes});
    hf.gid = r.field({"doip.gid", "GID", FieldKind::Bytes});
    hf.furtherAction = r.field({"doip.futher_action", "Further action required", FieldKind::Hex, 8});
    hf.syncStatus = r.field({"doip.sync_status", "VIN/GID sync. status", FieldKind::Hex, 8});
    hf.sourceAddress = r.field({"doip.source_address", "Source Address", FieldKind::Hex, 16});
    hf.targetAddress = r.field({"doip.target_address", "Target Address", FieldKind::Hex, 16});
    hf.activationType = r.field({"doip.activation_type", "Activation type", FieldKind::Hex, 8});
    hf.testerAddress = r.field({"doip.tester_logical_address", "Logical address of external tester", FieldKind::Hex, 16});
    hf.responseCode = r.field({"doip.response_code", "Routing activation response code", FieldKind::Hex, 8});
    hf.ackCode = r.field({"doip.diag_ack_code", "ACK code", FieldKind::Hex, 8});
    hf.diagNackCode = r.field({"doip.diag_nack_code", "NACK code", FieldKind::Hex, 8});
    hf.powerMode = r.field({"doip.power_mode", "Diagnostic power mode", FieldKind::Hex, 8});
    hf.nodeType = r.field({"doip.node_type", "Node type", FieldKind::Hex, 8});
    hf.maxSockets = r.field({"doip.max_sockets", "Max concurrent sockets", FieldKind::Unsigned, 8});
    hf.sockets = r.field({"doip.sockets", "Currently open sockets", FieldKind::Unsigned, 8});
    hf.maxDataSize = r.field({"doip.max_data_size", "Max data size", FieldKind::Unsigned, 32});
    r.tcpPort(kPort, dissectTcp);
    r.udpPort(kPort, dissectUdp);
}

}  // namespace rcvmon

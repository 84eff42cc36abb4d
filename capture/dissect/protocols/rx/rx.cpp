// SPDX-License-Identifier: GPL-2.0-or-later
// RX, AFS's remote procedure call transport (the RX protocol specification of Transarc/
// OpenAFS, as packet-rx.c reads it) on UDP 7000-7009 and 7021: its 28-byte header, then DATA's payload
// for AFS, or the ACK, CHALLENGE, RESPONSE and ABORT bodies with Wireshark's Info line.
#include "dissect/protocols/rx/rx.h"

#include "dissect/field_format.h"

namespace rcvmon {
namespace {

struct RxFields {
    FieldId epoch, cid, callNumber, seq, serial, type, flags, flagClient, flagRequestAck, flagLast, flagMore;
    FieldId flagFree, userStatus, securityIndex, spare, serviceId, ack, bufferspace, maxSkew, first, prev;
    FieldId reason, numAcks, ackType, challenge, version, nonce, minLevel, response, abort, abortCode;
} hf;

enum Type : std::uint8_t { Data = 1, Ack, Busy, Abort, AckAll, Challenge, Response, Debug, Params, Version = 13 };

constexpr ValueName kTypes[] = {
    {1, "data"}, {2, "ack"}, {3, "busy"}, {4, "abort"}, {5, "ackall"}, {6, "challenge"},
    {7, "response"}, {8, "debug"}, {9, "params"}, {13, "version"},
};
constexpr ValueName kReasons[] = {
    {1, "Ack Requested"}, {2, "Duplicate Packet"}, {3, "Out Of Sequence"}, {4, "Exceeds Window"},
    {5, "No Space"}, {6, "Ping"}, {7, "Ping Response"}, {8, "Delay"}, {9, "Idle"},
};
constexpr ValueName kAckTypes[] = {{0, "NACK"}, {1, "ACK"}};

// "<TYPE>  Seq: N  Call: N  Source Port: N  Destination Port: N  " (ACK adds its reason).
void writeInfo(const LayerView& layer, std::string& out)
{
    const auto type = static_cast<std::uint8_t>(layer.number(hf.type));
    switch (type) {
    case Ack:
        out += "ACK ";
        if (const FieldRecord* r = layer.field(hf.reason)) {
            const std::string_view name = valueName(fieldInfo(hf.reason), r->number);
            if (name.empty()) appendDecimal(out, r->number);
            else out += name;
        }
        break;
    case AckAll: out += "ACKALL"; break;
    case Challenge: out += "CHALLENGE"; break;
    case Response: out += "RESPONSE"; break;
    case Abort: out += "ABORT"; break;
    default: return;
    }
    out += "  Seq: ";
    appendDecimal(out, layer.number(hf.seq));
    out += "  Call: ";
    appendDecimal(out, layer.number(hf.callNumber));
    // The ports are kept beside the type field (aux: source << 16 | destination).
    const FieldRecord* t = layer.field(hf.type);
    out += "  Source Port: ";
    appendDecimal(out, t ? t->aux >> 16 : 0);
    out += "  Destination Port: ";
    appendDecimal(out, t ? t->aux & 0xffff : 0);
    out += "  ";
}

void dissectAck(LayerCursor& c)
{
    c.add(hf.ack, c.pos(), c.remaining(), 0);
    c.u16(hf.bufferspace);
    c.u16(hf.maxSkew);
    c.u32(hf.first);
    c.u32(hf.prev);
    c.u32(hf.serial);
    c.u8(hf.reason);
    const std::uint8_t count = c.u8(hf.numAcks);
    for (std::uint8_t i = 0; i < count && c.ok(); ++i) c.u8(hf.ackType);
}

bool dissectRx(DissectContext& ctx, const Payload& p)
{
    // packet-rx.c: at least a header, and a type it knows.
    if (p.data.size() < 28) return false;
    const std::uint8_t type = p.data[20];
    if (type == 0 || type == 10 || type == 11 || type == 12 || type > 13) return false;
    LayerCursor c(ctx, "RX", "rx", p.data, p.at, p.reported);
    ctx.setProtocol("RX");
    ctx.setInfo(writeInfo, c.layer());
    rx::Header h;
    const std::uint32_t epochAt = c.pos();
    h.epoch = c.u32();
    c.add(hf.epoch, epochAt, 4, h.epoch);
    h.cid = c.u32(hf.cid);
    h.callNumber = c.u32(hf.callNumber);
    h.seq = c.u32(hf.seq);
    c.u32(hf.serial);
    h.type = c.u8(hf.type);
    ctx.out.setAux(c.lastField(), (std::uint32_t{ctx.udpSrcPort} << 16) | ctx.udpDstPort);
    h.flags = c.u8(hf.flags);
    for (const FieldId flag : {hf.flagFree, hf.flagMore, hf.flagLast, hf.flagRequestAck, hf.flagClient})
        c.add(flag, 21, 1, h.flags & fieldInfo(flag).bitmask ? 1 : 0);
    c.u8(hf.userStatus);
    c.u8(hf.securityIndex);
    c.u16(hf.spare);
    h.serviceId = c.u16(hf.serviceId);
    switch (h.type) {
    case Ack: dissectAck(c); break;
    case Challenge:
        c.add(hf.challenge, c.pos(), c.remaining(), 0);
        if (c.u32(hf.version) == 2) {
            c.u32(hf.nonce);
            c.u32(hf.minLevel);
        }
        break;
    case Response:
        c.add(hf.response, c.pos(), c.remaining(), 0);
        c.u32(hf.version);
        break;
    case Abort: {
        c.add(hf.abort, c.pos(), c.remaining(), 0);
        c.u32(hf.abortCode);
        break;
    }
    case Data:
        c.setLength(28);
        rx::dissectAfs(ctx, payloadAfter(c, c.reportedRemaining()), h);
        break;
    default: break;
    }
    return true;
}

}  // namespace

void registerRx(ProtocolRegistrar& r)
{
    r.protocol("rx");
    hf.epoch = r.field({"rx.epoch", "Epoch", FieldKind::AbsoluteTime});
    hf.cid = r.field({"rx.cid", "CID", FieldKind::Unsigned, 32});
    hf.callNumber = r.field({"rx.callnumber", "Call Number", FieldKind::Unsigned, 32});
    hf.seq = r.field({"rx.seq", "Sequence Number", FieldKind::Unsigned, 32});
    hf.serial = r.field({"rx.serial", "Serial", FieldKind::Unsigned, 32});
    hf.type = r.field({"rx.type", "Type", FieldKind::Unsigned, 8, kTypes});
    hf.flags = r.field({"rx.flags", "Flags", FieldKind::Hex, 8});
    hf.flagClient = r.field({"rx.flags.client_init", "Client Initiated", FieldKind::Bool, 8, {}, 0x01});
    hf.flagRequestAck = r.field({"rx.flags.request_ack", "Request Ack", FieldKind::Bool, 8, {}, 0x02});
    hf.flagLast = r.field({"rx.flags.last_packet", "Last Packet", FieldKind::Bool, 8, {}, 0x04});
    hf.flagMore = r.field({"rx.flags.more_packets", "More Packets", FieldKind::Bool, 8, {}, 0x08});
    hf.flagFree = r.field({"rx.flags.free_packet", "Free Packet", FieldKind::Bool, 8, {}, 0x10});
    hf.userStatus = r.field({"rx.userstatus", "User Status", FieldKind::Unsigned, 32});
    hf.securityIndex = r.field({"rx.securityindex", "Security Index", FieldKind::Unsigned, 32});
    hf.spare = r.field({"rx.spare", "Spare/Checksum", FieldKind::Unsigned, 16});
    hf.serviceId = r.field({"rx.serviceid", "Service ID", FieldKind::Unsigned, 16});
    hf.ack = r.field({"rx.ack", "ACK Packet", FieldKind::None});
    hf.bufferspace = r.field({"rx.bufferspace", "Bufferspace", FieldKind::Unsigned, 16});
    hf.maxSkew = r.field({"rx.maxskew", "Max Skew", FieldKind::Unsigned, 16});
    hf.first = r.field({"rx.first", "First Packet", FieldKind::Unsigned, 32});
    hf.prev = r.field({"rx.prev", "Prev Packet", FieldKind::Unsigned, 32});
    hf.reason = r.field({"rx.reason", "Reason", FieldKind::Unsigned, 8, kReasons});
    hf.numAcks = r.field({"rx.num_acks", "Num ACKs", FieldKind::Unsigned, 8});
    hf.ackType = r.field({"rx.ack_type", "ACK Type", FieldKind::Unsigned, 8, kAckTypes});
    hf.challenge = r.field({"rx.challenge", "CHALLENGE Packet", FieldKind::None});
    hf.version = r.field({"rx.version", "Version", FieldKind::Unsigned, 32});
    hf.nonce = r.field({"rx.nonce", "Nonce", FieldKind::Hex, 32});
    hf.minLevel = r.field({"rx.min_level", "Min Level", FieldKind::Unsigned, 32});
    hf.response = r.field({"rx.response", "RESPONSE Packet", FieldKind::None});
    hf.abort = r.field({"rx.abort", "ABORT Packet", FieldKind::None});
    hf.abortCode = r.field({"rx.abort_code", "Abort Code", FieldKind::Signed, 32});
    for (std::uint16_t port = 7000; port <= 7009; ++port) r.udpPort(port, dissectRx);
    r.udpPort(7021, dissectRx);  // AFS backup servers
}

}  // namespace rcvmon

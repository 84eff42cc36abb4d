// SPDX-License-Identifier: GPL-2.0-or-later
// MQTT 3.1, 3.1.1 and 5.0 (OASIS MQTT Version 3.1.1 §2-3, MQTT Version 5.0) on TCP 1883, as
// Wireshark's mqtt dissector shows it: each control packet's type, its identifier when it has
// one and the topics of a publish or subscribe, packets of one segment ", "-separated.
#include "dissect/protocols/db/pdu_stream.h"
#include "dissect/tcp_conversations.h"

namespace rcvmon {
namespace {

constexpr std::uint16_t kPort = 1883;
constexpr std::size_t kVersionWord = 0;  // TcpConversation::app: the CONNECT's protocol level

struct MqttFields {
    FieldId hdrflags, msgtype, dupflag, qos, retain, len, protoLen, ver, conflags, kalive, clientidLen, clientid,
        conackFlags, conackVal, msgid, topicLen, topic, msg, subQos, subackQos;
} hf;

constexpr ValueName kTypes[] = {
    {0, "Reserved"}, {1, "Connect Command"}, {2, "Connect Ack"}, {3, "Publish Message"}, {4, "Publish Ack"},
    {5, "Publish Received"}, {6, "Publish Release"}, {7, "Publish Complete"}, {8, "Subscribe Request"},
    {9, "Subscribe Ack"}, {10, "Unsubscribe Request"}, {11, "Unsubscribe Ack"}, {12, "Ping Request"},
    {13, "Ping Response"}, {14, "Disconnect Req"}, {15, "Authentication Exchange"},
};
constexpr ValueName kQos[] = {
    {0, "At most once delivery (Fire and Forget)"}, {1, "At least once delivery (Acknowledged deliver)"},
    {2, "Exactly once delivery (Assured Delivery)"}, {3, "Reserved"},
};

void writeInfo(const LayerView& layer, std::string& out)
{
    const std::uint64_t type = layer.number(hf.msgtype);
    out += valueName(fieldInfo(hf.msgtype), type);
    if (layer.has(hf.msgid)) {
        out += " (id=";
        out += std::to_string(layer.number(hf.msgid));
        out += ')';
    }
    if (type == 3 || type == 8) {
        layer.forEach(hf.topic, [&](const FieldRecord& f) {
            out += " [";
            out += layer.dissection().valueText(f);
            out += ']';
        });
    }
}

// The remaining length (§2.2.3): its value and how many bytes encode it, 0 when cut.
std::size_t varint(ByteSpan b, std::size_t at, std::uint64_t& value)
{
    value = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        if (at + i >= b.size()) return 0;
        value |= std::uint64_t{b[at + i] & 0x7fu} << (7 * i);
        if (!(b[at + i] & 0x80)) return i + 1;
    }
    return 4;
}

std::string_view lengthString(LayerCursor& c, FieldId lengthId, FieldId id)
{
    const std::uint16_t n = c.u16(lengthId);
    const std::size_t at = c.pos();
    const ByteSpan s = c.bytes(n);
    if (!c.ok()) return {};
    const std::string_view text(reinterpret_cast<const char*>(s.data()), s.size());
    c.ctx().out.addTextField(id, c.layer(), c.absolute(at), n, text);
    return text;
}

// MQTT 5 properties before a packet's payload: skipped.
void skipProperties(LayerCursor& c, std::uint32_t version)
{
    if (version != 5) return;
    std::uint64_t n = 0;
    const std::size_t used = varint(c.data(), c.pos(), n);
    c.skip(used ? used + static_cast<std::size_t>(n) : c.remaining() + 1);
}

void dissectPacket(DissectContext& ctx, const Payload& p, int index)
{
    LayerCursor c(ctx, "MQTT", "mqtt", p.data, p.at, p.reported);
    ctx.setProtocol("MQTT");
    if (index > 0) {
        c.unlisted();
        ctx.appendInfo(writeInfo, c.layer(), ", ");
    } else {
        ctx.setInfo(writeInfo, c.layer());
    }
    std::uint32_t* app = ctx.tcpConversation ? ctx.tcpConversation->app : nullptr;
    const std::uint32_t version = app ? app[kVersionWord] : 0;
    const std::uint8_t flags = c.u8(hf.hdrflags);
    const std::uint8_t type = flags >> 4;
    c.add(hf.msgtype, 0, 1, type);
    if (type == 3) {
        c.add(hf.dupflag, 0, 1, (flags >> 3) & 1);
        c.add(hf.qos, 0, 1, (flags >> 1) & 3);
        c.add(hf.retain, 0, 1, flags & 1);
    }
    std::uint64_t length = 0;
    const std::size_t used = varint(c.data(), 1, length);
    if (used == 0) {
        c.need(c.remaining() + 1);
        return;
    }
    c.add(hf.len, 1, used, length);
    c.skip(used);
    const std::size_t end = c.pos() + static_cast<std::size_t>(length);
    switch (type) {
    case 1: {
        lengthString(c, hf.protoLen, LayerCursor::kNone);
        const std::uint8_t level = c.u8(hf.ver);
        if (app && c.ok()) app[kVersionWord] = level;
        c.u8(hf.conflags);
        c.u16(hf.kalive);
        skipProperties(c, level);
        lengthString(c, hf.clientidLen, hf.clientid);
        break;
    }
    case 2:
        c.u8(hf.conackFlags);
        c.u8(hf.conackVal);
        break;
    case 3: {
        lengthString(c, hf.topicLen, hf.topic);
        if (flags & 0x06) c.u16(hf.msgid);
        skipProperties(c, version);
        if (c.ok() && c.pos() < end && end <= c.size()) c.bytes(end - c.pos(), hf.msg);
        break;
    }
    case 4:
    case 5:
    case 6:
    case 7:
    case 11: c.u16(hf.msgid); break;
    case 8:
    case 10: {
        c.u16(hf.msgid);
        skipProperties(c, version);
        for (int guard = 0; guard < 4096 && c.ok() && c.pos() < end; ++guard) {
            lengthString(c, hf.topicLen, hf.topic);
            if (type == 8) c.u8(hf.subQos);
        }
        break;
    }
    case 9:
        c.u16(hf.msgid);
        skipProperties(c, version);
        for (int guard = 0; guard < 4096 && c.ok() && c.pos() < end; ++guard) c.u8(hf.subackQos);
        break;
    default: break;
    }
}

bool dissectMqtt(DissectContext& ctx, const Payload& p)
{
    pdu_stream::dissect(
        ctx, p, [](bool) {},
        [](ByteSpan b) -> std::size_t {
            std::uint64_t n = 0;
            const std::size_t used = varint(b, 1, n);
            if (used == 0) return b.size() >= 5 ? 0 : pdu_stream::kNeedMore;
            return 1 + used + static_cast<std::size_t>(n);
        },
        [&](const Payload& m, int index) { dissectPacket(ctx, m, index); });
    return true;
}

}  // namespace

void registerMqtt(ProtocolRegistrar& r)
{
    r.protocol("mqtt");
    hf.hdrflags = r.field({"mqtt.hdrflags", "Header Flags", FieldKind::Hex, 8});
    hf.msgtype = r.field({"mqtt.msgtype", "Message Type", FieldKind::Unsigned, 8, kTypes, 0xf0});
    hf.dupflag = r.field({"mqtt.dupflag", "DUP Flag", FieldKind::Bool, 8, {}, 0x08});
    hf.qos = r.field({"mqtt.qos", "QoS Level", FieldKind::Unsigned, 8, kQos, 0x06});
    hf.retain = r.field({"mqtt.retain", "Retain", FieldKind::Bool, 8, {}, 0x01});
    hf.len = r.field({"mqtt.len", "Msg Len", FieldKind::Unsigned, 64});
    hf.protoLen = r.field({"mqtt.proto_len", "Protocol Name Length", FieldKind::Unsigned, 16});
    hf.ver = r.field({"mqtt.ver", "Version", FieldKind::Unsigned, 8});
    hf.conflags = r.field({"mqtt.conflags", "Connect Flags", FieldKind::Hex, 8});
    hf.kalive = r.field({"mqtt.kalive", "Keep Alive", FieldKind::Unsigned, 16});
    hf.clientidLen = r.field({"mqtt.clientid_len", "Client ID Length", FieldKind::Unsigned, 16});
    hf.clientid = r.field({"mqtt.clientid", "Client ID", FieldKind::String});
    hf.conackFlags = r.field({"mqtt.conack.flags", "Acknowledge Flags", FieldKind::Hex, 8});
    hf.conackVal = r.field({"mqtt.conack.val", "Return Code", FieldKind::Unsigned, 8});
    hf.msgid = r.field({"mqtt.msgid", "Message Identifier", FieldKind::Unsigned, 16});
    hf.topicLen = r.field({"mqtt.topic_len", "Topic Length", FieldKind::Unsigned, 16});
    hf.topic = r.field({"mqtt.topic", "Topic", FieldKind::String});
    hf.msg = r.field({"mqtt.msg", "Message", FieldKind::Bytes});
    hf.subQos = r.field({"mqtt.sub.qos", "Requested QoS", FieldKind::Unsigned, 8, kQos});
    hf.subackQos = r.field({"mqtt.suback.qos", "Granted QoS", FieldKind::Unsigned, 8, kQos});
    r.tcpPort(kPort, dissectMqtt);
}

}  // namespace rcvmon

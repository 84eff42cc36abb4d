// SPDX-License-Identifier: GPL-2.0-or-later
// OpenFlow (OpenFlow Switch Specification 1.0.0, ONF TS-001) on TCP 6653 (IANA), and on the
// legacy port 6633 as Wireshark's heuristic takes it: a segment sent TO 6633 claims the whole
// connection, later segments in both directions follow. Several messages per segment, each
// framed by the common header's length; a message spanning segments is reassembled.
#include "dissect/protocols/context.h"
#include "dissect/protocols/tcp_conversations_app.h"
#include "dissect/protocols/tcp_message.h"
#include "dissect/protocols/value_names.h"

#include <string>

namespace rcvmon {
namespace {

struct OpenFlowFields {
    FieldId version, type, length, xid;
} hf;

constexpr std::uint16_t kLegacyPort = 6633;
constexpr std::uint32_t kClaimed = 0x4f46;  // 'OF': the connection is OpenFlow's

constexpr ValueName kVersions[] = {{1, "1.0"}, {2, "1.1"}, {3, "1.2"}, {4, "1.3"}, {5, "1.4"}, {6, "1.5"}};

constexpr ValueName kTypesV1[] = {
    {0, "OFPT_HELLO"}, {1, "OFPT_ERROR"}, {2, "OFPT_ECHO_REQUEST"}, {3, "OFPT_ECHO_REPLY"},
    {4, "OFPT_VENDOR"}, {5, "OFPT_FEATURES_REQUEST"}, {6, "OFPT_FEATURES_REPLY"},
    {7, "OFPT_GET_CONFIG_REQUEST"}, {8, "OFPT_GET_CONFIG_REPLY"}, {9, "OFPT_SET_CONFIG"},
    {10, "OFPT_PACKET_IN"}, {11, "OFPT_FLOW_REMOVED"}, {12, "OFPT_PORT_STATUS"}, {13, "OFPT_PACKET_OUT"},
    {14, "OFPT_FLOW_MOD"}, {15, "OFPT_PORT_MOD"}, {16, "OFPT_STATS_REQUEST"}, {17, "OFPT_STATS_REPLY"},
    {18, "OFPT_BARRIER_REQUEST"}, {19, "OFPT_BARRIER_REPLY"}, {20, "OFPT_QUEUE_GET_CONFIG_REQUEST"},
    {21, "OFPT_QUEUE_GET_CONFIG_REPLY"},
};

// "Type: OFPT_HELLO" (col_add_fstr: each message of a segment replaces the one before).
void writeInfo(const LayerView& layer, std::string& out)
{
    out += "Type: ";
    const std::uint64_t type = layer.number(hf.type);
    appendNameOrNumber(out, valueName(kTypesV1, type), type);
}

// A message of a version without a dissector: OpenFlow cleared the column, nothing follows.
void writeNothing(const LayerView&, std::string&) {}

std::size_t messageLength(ByteSpan b)
{
    if (b.size() < 4) return 0;
    const std::size_t length = (std::size_t{b[2]} << 8) | b[3];
    return length >= 8 ? length : 0;
}

struct Dissected {
    std::uint16_t layer;
    InfoWriter writer;
    bool malformed = false;  // Wireshark's exception; its note survives only in the last message
};

// One message. Only version 1.0 gets its own layer; Wireshark 4.0 decodes the others'
// bodies in dissectors RcvMon does not have yet, so they stay the common protocol item.
Dissected dissectMessage(DissectContext& ctx, const Payload& p, bool listed)
{
    LayerCursor outer(ctx, "OpenFlow", "openflow", p.data, p.at, p.reported);
    ctx.setProtocol("OpenFlow");
    outer.notInTree();  // Wireshark's OpenFlow adds no item of its own: filters see only the version's
    if (!listed) outer.unlisted();
    if (p.data.empty() || p.data[0] != 1) {
        if (!p.data.empty()) outer.add(hf.version, 0, 1, p.data[0] & 0x7f);
        return {outer.layer(), writeNothing};
    }
    LayerCursor c(ctx, "OpenFlow 1.0", "openflow_v1", p.data, p.at, p.reported);
    const std::uint8_t first = c.u8();
    c.add(hf.version, 0, 1, first & 0x7f);
    const std::uint8_t type = c.u8(hf.type);
    const std::uint16_t length = c.u16(hf.length);
    c.u32(hf.xid);
    // A FLOW_MOD is followed by at least one action header: Wireshark reads one even when the
    // length leaves no room (72 bytes of fixed part), and so marks such a message malformed.
    constexpr std::size_t kFlowModFixed = 72;
    if (!c.ok()) return {c.layer(), writeInfo};
    const bool malformed = type == 14 && length <= kFlowModFixed;
    return {c.layer(), writeInfo, malformed};
}

void markMalformed(DissectContext& ctx, std::uint16_t layer)
{
    LayerRecord& l = ctx.out.layer(layer);
    if (l.status != ParseStatus::Ok) return;
    l.status = ParseStatus::Malformed;
    l.threw = true;
}

void dissectStream(DissectContext& ctx, const Payload& p)
{
    Dissected last{LayerCursor::kNone, nullptr};
    bool firstReassembled = false;
    dissectTcpMessages(ctx, p, messageLength, [&](const Payload& m, int index) {
        if (index == 0) firstReassembled = ctx.inReassembled;
        const bool listed = index == 0 || (index == 1 && firstReassembled);
        // A header cut by the segment's end waits for more bytes in Wireshark; none came.
        if (index > 0 && m.data.size() < 8 && m.data.size() == m.reported) return;
        const Dissected d = dissectMessage(ctx, m, listed);
        // A reassembled message keeps its text; TCP fences the column after it.
        if (index == 0 && firstReassembled) {
            ctx.setInfo(d.writer, d.layer);
            if (d.malformed) markMalformed(ctx, d.layer);
            return;
        }
        last = d;
    });
    if (last.layer == LayerCursor::kNone) return;
    // Each message's col_add_fstr replaces the text, and with it an earlier message's note.
    if (last.malformed) markMalformed(ctx, last.layer);
    if (firstReassembled) {
        ctx.appendInfo(last.writer, last.layer, "");
    } else {
        ctx.setInfo(last.writer, last.layer);
    }
}

bool dissectPort(DissectContext& ctx, const Payload& p)
{
    dissectStream(ctx, p);
    return true;
}

// Port 6633: Wireshark's heuristic takes a connection from its first segment sent to 6633
// (conversation_set_dissector), and declines the segments before.
bool dissectLegacyPort(DissectContext& ctx, const Payload& p)
{
    std::uint32_t* word = appConversationWord(ctx);
    if (!word) return false;
    if (*word != kClaimed) {
        if (tcpDestinationPort(ctx) != kLegacyPort) return false;
        *word = kClaimed;
    }
    dissectStream(ctx, p);
    return true;
}

}  // namespace

void registerOpenFlow(ProtocolRegistrar& r)
{
    r.protocol("openflow");
    hf.version = r.field({"openflow.version", "Version", FieldKind::Hex, 8, kVersions, 0x7f});
    r.tcpPort(6653, dissectPort);
    r.tcpPort(kLegacyPort, dissectLegacyPort);
    r.protocol("openflow_v1");
    hf.type = r.field({"openflow_1_0.type", "Type", FieldKind::Unsigned, 8, kTypesV1});
    hf.length = r.field({"openflow.length", "Length", FieldKind::Unsigned, 16});
    hf.xid = r.field({"openflow.xid", "Transaction ID", FieldKind::Unsigned, 32});
}

}  // namespace rcvmon

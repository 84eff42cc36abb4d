// SPDX-License-Identifier: GPL-2.0-or-later
// DCCP (RFC 4340 §5), IP protocol 33: the generic header, the type's subheader and the
// options' extent. As packet-dccp.c: a stream index per address/port pair, sequence and
// acknowledgement numbers relative to the first Request/Response of each direction, and
// "39420 → 5001 [Request] Seq=0 (service=not specified)" in Info.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/endpoint_pair.h"
#include "dissect/protocols/value_names.h"

#include <cstring>
#include <unordered_map>

namespace rcvmon {
namespace {

struct DccpFields {
    FieldId srcport, dstport, port, stream, dataOffset, ccval, cscov, checksum, type, x, seq, seqRaw, ack, ackRaw,
        serviceCode, resetCode, data1, data2, data3, options;
} hf;

constexpr ValueName kTypes[] = {{0, "Request"},  {1, "Response"}, {2, "Data"},      {3, "Ack"},
                                {4, "DataAck"},  {5, "CloseReq"}, {6, "Close"},     {7, "Reset"},
                                {8, "Sync"},     {9, "SyncAck"},  {10, "Listen"},   {11, "Reserved"},
                                {12, "Reserved"}, {13, "Reserved"}, {14, "Reserved"}, {15, "Reserved"}};
// IANA's service codes: four ASCII letters read as a number.
constexpr ValueName kServiceCodes[] = {
    {0, "not specified"},
    {0x4c545020, "LTP: Licklider Transmission Protocol"},
    {0x44495343, "DISC: Discard"},
    {0x52544350, "RTCP: RTCP connection, separate from the corresponding RTP"},
    {0x52545041, "RTPA: RTP session conveying audio data (and associated RTCP)"},
    {0x5254504f, "RTPO: RTP session conveying other media (and associated RTCP)"},
    {0x52545054, "RTPT: RTP session conveying text media (and associated RTCP)"},
    {0x52545056, "RTPV: RTP session conveying video data (and associated RTCP)"},
    {0x53594c47, "SYLG: Syslog Protocol"},
    {0x42554e44, "Bundle Protocol"},
    {0x4e504d50, "NPMP: NetPerfMeter Data"},
    {0xffffffff, "Reserved (Invalid)"},
};
constexpr ValueName kResetCodes[] = {
    {0, "Unspecified"},   {1, "Closed"},          {2, "Aborted"},            {3, "No Connection"},
    {4, "Packet Error"},  {5, "Option Error"},    {6, "Mandatory Error"},    {7, "Connection Refused"},
    {8, "Bad Service Code"}, {9, "Too Busy"},     {10, "Bad Init Cookie"},   {11, "Aggression Penalty"},
    {12, "Reserved"}};

// One DCCP conversation: its stream index and each direction's base sequence number.
class DccpConversations final : public ProtocolState {
public:
    using Key = EndpointPair;
    struct Flow {
        std::uint64_t base = 0;
        bool baseSet = false;
    };
    struct Conversation {
        std::uint32_t stream = 0;
        Flow flow1, flow2;
    };
    Conversation& get(const Key& k)
    {
        if (m_conversations.size() >= kMax) m_conversations.clear();
        const auto [it, added] = m_conversations.try_emplace(k);
        if (added) it->second.stream = m_next++;
        return it->second;
    }
    void clear() override
    {
        m_conversations.clear();
        m_next = 0;
    }

private:
    static constexpr std::size_t kMax = 1u << 16;
    std::unordered_map<Key, Conversation, EndpointPairHash> m_conversations;
    std::uint32_t m_next = 0;
};

std::uint16_t conversationsSlot = 0xffff;

void writeInfo(const LayerView& l, std::string& out)
{
    appendDecimal(out, l.number(hf.srcport));
    out += " \xe2\x86\x92 ";
    appendDecimal(out, l.number(hf.dstport));
    if (!l.has(hf.type)) return;
    out += " [";
    out += valueName(kTypes, l.number(hf.type), "Unknown Type");
    out += ']';
    if (!l.has(hf.seqRaw)) return;
    out += " Seq=";
    appendDecimal(out, l.number(hf.seq));
    if (l.has(hf.ackRaw)) {
        out += " (Ack=";
        appendDecimal(out, l.has(hf.ack) ? l.number(hf.ack) : l.number(hf.ackRaw));
        out += ')';
    }
    if (l.has(hf.serviceCode)) {
        out += " (service=";
        const std::uint64_t code = l.number(hf.serviceCode);
        appendNameOrNumber(out, valueName(kServiceCodes, code), code);
        out += ')';
    }
    if (l.has(hf.resetCode)) {
        out += " (code=";
        out += valueName(kResetCodes, l.number(hf.resetCode), "Unknown");
        out += ')';
    }
}

// Reads an acknowledgement subheader of `wide` (48-bit) or short (24-bit) form.
bool readAck(LayerCursor& c, const DccpConversations::Flow* rev, bool wide, bool mask24)
{
    std::uint64_t ack = 0;
    const std::size_t at = c.pos();
    if (wide) {
        c.u16();
        ack = std::uint64_t{c.u16()} << 32;
        ack |= c.u32();
        if (!c.ok()) return false;
        c.add(hf.ackRaw, at + 2, 6, ack);
    } else {
        c.u8();
        ack = c.u24();
        if (!c.ok()) return false;
        c.add(hf.ackRaw, at + 1, 3, ack);
    }
    if (rev && rev->baseSet) {
        std::uint64_t rel = ack - rev->base;
        if (mask24) rel &= 0xffffff;
        c.add(hf.ack, at + (wide ? 2 : 1), wide ? 6 : 3, rel);
    }
    return true;
}

bool dissectDccp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "DCCP", "dccp", p.data, p.at, p.reported);
    ctx.setProtocol("DCCP");
    const std::uint16_t srcPort = c.u16(hf.srcport);
    c.add(hf.port, 0, 2, srcPort);
    const std::uint16_t dstPort = c.u16(hf.dstport);
    c.add(hf.port, 2, 2, dstPort);
    if (!c.ok()) return true;
    ctx.setInfo(writeInfo, c.layer());

    DccpConversations* conversations = ctx.inIcmpError ? nullptr : ctx.state<DccpConversations>(conversationsSlot);
    DccpConversations::Flow* fwd = nullptr;
    DccpConversations::Flow* rev = nullptr;
    if (conversations && ctx.net.family != 0) {
        // packet-dccp.c's direction: the greater address (or port) is flow 1.
        const std::size_t n = ctx.net.family == 4 ? 4 : 16;
        int direction = std::memcmp(ctx.net.src.data(), ctx.net.dst.data(), n);
        if (direction == 0) direction = srcPort > dstPort ? 1 : -1;
        DccpConversations::Key key;
        if (direction >= 0) key = {ctx.net.src, ctx.net.dst, srcPort, dstPort};
        else key = {ctx.net.dst, ctx.net.src, dstPort, srcPort};
        DccpConversations::Conversation& conv = conversations->get(key);
        c.add(hf.stream, 4, 0, conv.stream);
        fwd = direction >= 0 ? &conv.flow1 : &conv.flow2;
        rev = direction >= 0 ? &conv.flow2 : &conv.flow1;
    }

    const std::uint8_t dataOffset = c.u8(hf.dataOffset);
    const std::uint8_t cc = c.u8();
    c.add(hf.ccval, 5, 1, cc >> 4);
    c.add(hf.cscov, 5, 1, cc & 0xf);
    c.u16(hf.checksum);
    const std::uint8_t typeByte = c.u8();
    if (!c.ok()) return true;
    const unsigned type = (typeByte >> 1) & 0xf;
    const bool x = typeByte & 1;
    c.add(hf.type, 8, 1, type);
    c.add(hf.x, 8, 1, x);
    const std::size_t headerLength = std::size_t{dataOffset} * 4;
    // An advertised length too small for the subheader ends packet-dccp.c's dissection
    // with an expert note, no exception.
    if (headerLength < (x ? 16u : 12u)) return true;
    std::uint64_t seq = 0;
    if (x) {
        c.u8();
        seq = std::uint64_t{c.u16()} << 32;
        seq |= c.u32();
    } else {
        seq = c.u24();
    }
    if (!c.ok()) return true;
    const std::uint64_t shown = fwd && fwd->baseSet ? (x ? seq - fwd->base : (seq - fwd->base) & 0xffffff) : seq;
    c.add(hf.seqRaw, x ? 10 : 9, x ? 6 : 3, seq);
    c.add(hf.seq, x ? 10 : 9, x ? 6 : 3, shown);

    const auto setBase = [&] {
        if (fwd && !fwd->baseSet) {
            fwd->base = seq;
            fwd->baseSet = true;
        }
    };
    switch (type) {
    case 0:
    case 10:
        if (headerLength < c.pos() + 4) return true;
        c.u32(hf.serviceCode);
        setBase();
        break;
    case 1:
        if (headerLength < c.pos() + 12) return true;
        if (!readAck(c, rev, true, false)) return true;
        c.u32(hf.serviceCode);
        setBase();
        break;
    case 2: break;
    case 3:
    case 4:
        if (headerLength < c.pos() + (x ? 8 : 4)) return true;
        if (!readAck(c, rev, x, !x)) return true;
        break;
    case 7:
        if (headerLength < c.pos() + 4) return true;
        if (!readAck(c, rev, true, true)) return true;
        c.u8(hf.resetCode);
        c.u8(hf.data1);
        c.u8(hf.data2);
        c.u8(hf.data3);
        break;
    case 5:
    case 6:
    case 8:
    case 9:
        if (headerLength < c.pos() + 8) return true;
        if (!readAck(c, rev, true, true)) return true;
        break;
    default: return true;  // reserved type: expert note, nothing more
    }
    if (!c.ok() || headerLength > 1020) return true;
    if (headerLength > c.pos()) {
        const std::size_t options = headerLength - c.pos();
        c.ctx().out.addField(hf.options, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(options), 0);
        if (!c.skip(options)) return true;
    }
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (next.reported > 0) dissectData(ctx, next);
    return true;
}

}  // namespace

void registerDccp(ProtocolRegistrar& r)
{
    r.protocol("dccp");
    hf.srcport = r.field({"dccp.srcport", "Source Port", FieldKind::Unsigned, 16});
    hf.dstport = r.field({"dccp.dstport", "Destination Port", FieldKind::Unsigned, 16});
    hf.port = r.field({"dccp.port", "Source or Destination Port", FieldKind::Unsigned, 16});
    hf.stream = r.field({"dccp.stream", "Stream index", FieldKind::Unsigned, 32});
    hf.dataOffset = r.field({"dccp.data_offset", "Data Offset", FieldKind::Unsigned, 8});
    hf.ccval = r.field({"dccp.ccval", "CCVal", FieldKind::Unsigned, 8});
    hf.cscov = r.field({"dccp.cscov", "Checksum Coverage", FieldKind::Unsigned, 8});
    hf.checksum = r.field({"dccp.checksum", "Checksum", FieldKind::Hex, 16});
    hf.type = r.field({"dccp.type", "Type", FieldKind::Unsigned, 8, kTypes});
    hf.x = r.field({"dccp.x", "Extended Sequence Numbers", FieldKind::Bool});
    hf.seq = r.field({"dccp.seq", "Sequence Number", FieldKind::Unsigned, 64});
    hf.seqRaw = r.field({"dccp.seq_raw", "Sequence Number (raw)", FieldKind::Unsigned, 64});
    hf.ack = r.field({"dccp.ack", "Acknowledgement Number", FieldKind::Unsigned, 64});
    hf.ackRaw = r.field({"dccp.ack_raw", "Acknowledgement Number (raw)", FieldKind::Unsigned, 64});
    hf.serviceCode = r.field({"dccp.service_code", "Service Code", FieldKind::Unsigned, 32, kServiceCodes});
    hf.resetCode = r.field({"dccp.reset_code", "Reset Code", FieldKind::Unsigned, 8, kResetCodes});
    hf.data1 = r.field({"dccp.data1", "Data 1", FieldKind::Unsigned, 8});
    hf.data2 = r.field({"dccp.data2", "Data 2", FieldKind::Unsigned, 8});
    hf.data3 = r.field({"dccp.data3", "Data 3", FieldKind::Unsigned, 8});
    hf.options = r.field({"dccp.options", "Options", FieldKind::None});
    conversationsSlot =
        r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<DccpConversations>(); });
    r.ipProtocol(33, dissectDccp);
}

}  // namespace rcvmon

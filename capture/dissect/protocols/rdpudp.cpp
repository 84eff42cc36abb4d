// SPDX-License-Identifier: GPL-2.0-or-later
// RDP's UDP transport ([MS-RDPEUDP] and [MS-RDPEUDP2]) on UDP 3389, as packet-rdpudp.c:
// version 1 headers (SYN, SYNEX, ACK vectors, FEC, data carrying TLS) until a SYN+ACK agrees
// on version 0x101, after which the conversation's next frames are RDPEUDP2 packets, whose
// first and eighth bytes are swapped on the wire. The Info column lists the parts present.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/endpoint_pair.h"
#include "dissect/protocols/value_names.h"

#include <tuple>
#include <unordered_map>
#include <vector>

namespace rcvmon {
namespace {

struct RdpudpFields {
    // Version 1.
    FieldId snSourceAck, receiveWindowSize, flags, flagSyn, flagFin, flagAck, flagData, flagFec, flagCn, flagCwr,
        flagAoa, flagSynLossy, flagAckDelayed, flagCorrelationId, flagSynEx, initialSeq, upstreamMtu, downstreamMtu,
        correlationId, synexFlags, synexVersionInfo, synexVersion, cookieHash, ackItem, ackItemRle, fecCoded,
        fecSourceStart, fecRange, fecIndex, resetSeqNum, dataSnCoded, dataSourceStart;
    // Version 2.
    FieldId prefixByte, packetType, shortPacketLength, flags2, flag2Ack, flag2Data, flag2AckVec, flag2Aoa,
        flag2Overhead, flag2DelayAck, logWindow, ackSeq, ackTs, ackSendTimeGap, numDelayedAcks, delayedTimeScale,
        overheadSize, delayAckMax, delayAckTimeout, aoaSeq, dataSeq, channelSeq, ackvecBase, ackvecSize,
        ackvecHaveTs, ackvecTimestamp, ackvecTimeGap;
} hf;

enum : std::uint16_t {
    kSyn = 0x0001, kFin = 0x0002, kAck = 0x0004, kData = 0x0008, kFec = 0x0010, kCn = 0x0020, kCwr = 0x0040,
    kAoa = 0x0100, kSynLossy = 0x0200, kAckDelayed = 0x0400, kCorrelationId = 0x0800, kSynEx = 0x1000,
};
enum : std::uint16_t { k2Ack = 0x001, k2Data = 0x004, k2AckVec = 0x008, k2Aoa = 0x010, k2Overhead = 0x040, k2DelayAck = 0x100 };

constexpr ValueName kVersions[] = {{0x0001, "UDPv1-1"}, {0x0002, "UDPv1-2"}, {0x0101, "UDPv2"}};
constexpr ValueName kPacketTypes[] = {{0, "Data"}, {8, "Dummy"}};

// Per conversation: whether the SYN asked for lossy transport (DTLS instead of TLS) and the
// first frame of version 2.
class RdpudpConversations final : public ProtocolState {
public:
    using Key = EndpointPair;
    struct Conversation {
        bool lossy = false;
        std::uint64_t startV2At = UINT64_MAX;
    };
    Conversation& get(const Key& k)
    {
        if (m_conversations.size() >= kMax) m_conversations.clear();
        return m_conversations[k];
    }
    void clear() override { m_conversations.clear(); }

private:
    static constexpr std::size_t kMax = 1u << 12;
    std::unordered_map<Key, Conversation, EndpointPairHash> m_conversations;
};

std::uint16_t conversationsSlot = 0xffff;

// Both directions share one conversation: the endpoints in a fixed order.
RdpudpConversations::Key keyOf(const DissectContext& ctx)
{
    RdpudpConversations::Key k;
    const bool srcFirst = std::tie(ctx.net.src, ctx.udpSrcPort) < std::tie(ctx.net.dst, ctx.udpDstPort);
    k.a = srcFirst ? ctx.net.src : ctx.net.dst;
    k.b = srcFirst ? ctx.net.dst : ctx.net.src;
    k.portA = srcFirst ? ctx.udpSrcPort : ctx.udpDstPort;
    k.portB = srcFirst ? ctx.udpDstPort : ctx.udpSrcPort;
    return k;
}

// "SYN,CORRELATIONID,SYNEX": the parts in the order packet-rdpudp.c appends them.
void writeInfoV1(const LayerView& l, std::string& out)
{
    const std::size_t start = out.size();
    const auto flags = static_cast<std::uint16_t>(l.number(hf.flags));
    const auto add = [&](std::string_view item) {
        if (out.size() > start) out += ',';
        out += item;
    };
    if (flags & kSyn) add("SYN");
    if (flags & kCorrelationId) add("CORRELATIONID");
    if (flags & kSynEx) add("SYNEX");
    if ((flags & kAck) && !(flags & kSyn)) add("ACK");
    if (flags & kFec) add("FEC");
    if (flags & kAoa) add("AOA");
    if (flags & kData) add("DATA");
}

void writeInfoV2(const LayerView& l, std::string& out)
{
    const std::size_t start = out.size();
    const auto flags = static_cast<std::uint16_t>(l.number(hf.flags2));
    const auto add = [&](std::string_view item) {
        if (out.size() > start) out += ',';
        out += item;
    };
    if (flags & k2Ack) add("ACK");
    if (flags & k2Overhead) add("OVERHEAD");
    if (flags & k2DelayAck) add("DELAYACK");
    if (flags & k2Aoa) add("AOA");
    if (flags & k2Data) add(l.number(hf.packetType) == 8 ? "DUMMY" : "DATA");
    if (flags & k2AckVec) add("ACKVEC");
}

// Wireshark's TLS clears the Info column on entry, so a record still incomplete leaves it empty.
void writeNoInfo(const LayerView&, std::string&) {}

void addFlagBits(LayerCursor& c, std::size_t at, std::uint16_t flags)
{
    constexpr std::pair<FieldId RdpudpFields::*, std::uint16_t> kBits[] = {
        {&RdpudpFields::flagSyn, kSyn}, {&RdpudpFields::flagFin, kFin}, {&RdpudpFields::flagAck, kAck},
        {&RdpudpFields::flagData, kData}, {&RdpudpFields::flagFec, kFec}, {&RdpudpFields::flagCn, kCn},
        {&RdpudpFields::flagCwr, kCwr}, {&RdpudpFields::flagAoa, kAoa},
        {&RdpudpFields::flagSynLossy, kSynLossy}, {&RdpudpFields::flagAckDelayed, kAckDelayed},
        {&RdpudpFields::flagCorrelationId, kCorrelationId}, {&RdpudpFields::flagSynEx, kSynEx},
    };
    for (const auto& [field, bit] : kBits) c.add(hf.*field, at, 2, (flags & bit) != 0);
}

void dissectV1(DissectContext& ctx, const Payload& p, RdpudpConversations::Conversation* conv)
{
    LayerCursor c(ctx, "RDPUDP", "rdpudp", p.data, p.at, p.reported);
    ctx.setProtocol("RDPUDP");
    c.u32(hf.snSourceAck);
    c.u16(hf.receiveWindowSize);
    const std::uint16_t flags = c.u16(hf.flags);
    if (!c.ok()) return;
    addFlagBits(c, 6, flags);
    ctx.setInfo(writeInfoV1, c.layer());
    if ((flags & kSyn) && conv) conv->lossy = (flags & kSynLossy) != 0;
    if (flags & kSyn) {
        c.u32(hf.initialSeq);
        c.u16(hf.upstreamMtu);
        c.u16(hf.downstreamMtu);
    }
    if (flags & kCorrelationId) {
        c.bytes(16, hf.correlationId);
        c.skip(16);  // the correlation id is followed by 16 reserved bytes
    }
    if (flags & kSynEx) {
        const std::uint16_t synexFlags = c.u16(hf.synexFlags);
        if (!c.ok()) return;
        c.add(hf.synexVersionInfo, c.pos() - 2, 2, synexFlags & 1);
        if (synexFlags & 1) {
            const std::uint16_t version = c.u16(hf.synexVersion);
            if (version == 0x0101) {
                c.bytes(32, hf.cookieHash);
                if (c.ok() && (flags & kAck) && conv) conv->startV2At = ctx.frameNumber + 1;
            }
        }
    }
    if ((flags & kAck) && !(flags & kSyn)) {
        unsigned size = c.u16();
        // Bounded by the packet: each item is one byte.
        while (c.ok() && size-- > 0) {
            const std::uint8_t item = c.u8(hf.ackItem);
            if (c.ok()) c.add(hf.ackItemRle, c.pos() - 1, 1, item & 0x3f);
        }
    }
    if (flags & kFec) {
        c.u32(hf.fecCoded);
        c.u32(hf.fecSourceStart);
        c.u8(hf.fecRange);
        c.u8(hf.fecIndex);
    }
    if (flags & kAoa) c.u32(hf.resetSeqNum);
    if (flags & kData) {
        c.u32(hf.dataSnCoded);
        c.u32(hf.dataSourceStart);
        if (!c.ok()) return;
        const Payload data = payloadAfter(c, c.reportedRemaining());
        // A lossy conversation carries DTLS, which is not handed on here.
        if (conv && conv->lossy) {
            dissectData(ctx, data);
        } else {
            ctx.setInfo(writeNoInfo, c.layer());
            dissectTls(ctx, data);
        }
    }
}

void dissectV2(DissectContext& ctx, const Payload& p)
{
    // The packet as sent has its first and eighth bytes swapped; the copy keeps its capacity.
    thread_local std::vector<std::uint8_t> unwrapped;
    unwrapped.assign(p.data.begin(), p.data.end());
    if (unwrapped.size() >= 8) std::swap(unwrapped[0], unwrapped[7]);
    const ByteSpan d(unwrapped);
    LayerCursor c(ctx, "RDPUDP", "rdpudp", d, p.at, p.reported);
    ctx.setProtocol("RDPUDP2");
    const std::uint8_t prefix = c.u8(hf.prefixByte);
    if (!c.ok()) return;
    const unsigned type = (prefix >> 1) & 0xf;
    c.add(hf.packetType, 0, 1, type);
    c.add(hf.shortPacketLength, 0, 1, prefix & 7);
    const std::uint16_t flags = c.u16le();
    if (!c.ok()) return;
    c.add(hf.flags2, 1, 2, flags & 0xfff);
    c.add(hf.flag2Ack, 1, 2, flags & k2Ack);
    c.add(hf.flag2Data, 1, 2, (flags & k2Data) != 0);
    c.add(hf.flag2AckVec, 1, 2, (flags & k2AckVec) >> 3);
    c.add(hf.flag2Aoa, 1, 2, (flags & k2Aoa) >> 4);
    c.add(hf.flag2Overhead, 1, 2, (flags & k2Overhead) >> 6);
    c.add(hf.flag2DelayAck, 1, 2, (flags & k2DelayAck) >> 8);
    c.add(hf.logWindow, 1, 2, flags >> 12);
    ctx.setInfo(writeInfoV2, c.layer());
    if (flags & k2Ack) {
        c.u16le(hf.ackSeq);
        const std::size_t at = c.pos();
        if (!c.need(5)) return;
        c.add(hf.ackTs, at, 3, d[at] | d[at + 1] << 8 | std::uint32_t{d[at + 2]} << 16);
        c.skip(3);
        c.u8(hf.ackSendTimeGap);
        const std::uint8_t delayed = c.u8();
        if (!c.ok()) return;
        c.add(hf.numDelayedAcks, c.pos() - 1, 1, delayed & 0xf);
        c.add(hf.delayedTimeScale, c.pos() - 1, 1, delayed >> 4);
        c.skip(delayed & 0xf);
    }
    if (flags & k2Overhead) c.u8(hf.overheadSize);
    if (flags & k2DelayAck) {
        c.u8(hf.delayAckMax);
        c.u16le(hf.delayAckTimeout);
    }
    if (flags & k2Aoa) c.u16le(hf.aoaSeq);
    if (flags & k2Data) c.u16le(hf.dataSeq);
    if (flags & k2AckVec) {
        c.u16le(hf.ackvecBase);
        const std::uint8_t size = c.u8();
        if (!c.ok()) return;
        c.add(hf.ackvecSize, c.pos() - 1, 1, size & 0x7f);
        c.add(hf.ackvecHaveTs, c.pos() - 1, 1, size >> 7);
        if (size & 0x80) {
            const std::size_t at = c.pos();
            if (!c.need(4)) return;
            c.add(hf.ackvecTimestamp, at, 3, d[at] | d[at + 1] << 8 | std::uint32_t{d[at + 2]} << 16);
            c.skip(3);
            c.u8(hf.ackvecTimeGap);
        }
        c.skip(size & 0x7f);
    }
    if ((flags & k2Data) && type != 8) {
        c.u16le(hf.channelSeq);
        if (!c.ok() || c.reportedRemaining() == 0) return;
        // The channel's bytes are TLS records; records spanning packets are not put together.
        ctx.setInfo(writeNoInfo, c.layer());
        dissectTls(ctx, payloadAfter(c, c.reportedRemaining()));
    }
}

bool dissectRdpudp(DissectContext& ctx, const Payload& p)
{
    RdpudpConversations* all =
        ctx.inIcmpError || ctx.net.family == 0 ? nullptr : ctx.state<RdpudpConversations>(conversationsSlot);
    RdpudpConversations::Conversation* conv = all ? &all->get(keyOf(ctx)) : nullptr;
    if (conv && ctx.frameNumber >= conv->startV2At) {
        dissectV2(ctx, p);
    } else {
        dissectV1(ctx, p, conv);
    }
    return true;
}

}  // namespace

void registerRdpudp(ProtocolRegistrar& r)
{
    r.protocol("rdpudp");
    hf.snSourceAck = r.field({"rdpudp.snsourceack", "snSourceAck", FieldKind::Hex, 32});
    hf.receiveWindowSize = r.field({"rdpudp.receivewindowsize", "ReceiveWindowSize", FieldKind::Unsigned, 16});
    hf.flags = r.field({"rdpudp.flags", "Flags", FieldKind::Hex, 16});
    hf.flagSyn = r.field({"rdpudp.flags.syn", "Syn", FieldKind::Bool, 16, {}, kSyn});
    hf.flagFin = r.field({"rdpudp.flags.fin", "Fin", FieldKind::Bool, 16, {}, kFin});
    hf.flagAck = r.field({"rdpudp.flags.ack", "Ack", FieldKind::Bool, 16, {}, kAck});
    hf.flagData = r.field({"rdpudp.flags.data", "Data", FieldKind::Bool, 16, {}, kData});
    hf.flagFec = r.field({"rdpudp.flags.fec", "FECData", FieldKind::Bool, 16, {}, kFec});
    hf.flagCn = r.field({"rdpudp.flags.cn", "CN", FieldKind::Bool, 16, {}, kCn});
    hf.flagCwr = r.field({"rdpudp.flags.cwr", "CWR", FieldKind::Bool, 16, {}, kCwr});
    hf.flagAoa = r.field({"rdpudp.flags.aoa", "Ack of Acks", FieldKind::Bool, 16, {}, kAoa});
    hf.flagSynLossy = r.field({"rdpudp.flags.synlossy", "Syn lossy", FieldKind::Bool, 16, {}, kSynLossy});
    hf.flagAckDelayed = r.field({"rdpudp.flags.ackdelayed", "Ack delayed", FieldKind::Bool, 16, {}, kAckDelayed});
    hf.flagCorrelationId =
        r.field({"rdpudp.flags.correlationid", "Correlation id", FieldKind::Bool, 16, {}, kCorrelationId});
    hf.flagSynEx = r.field({"rdpudp.flags.synex", "SynEx", FieldKind::Bool, 16, {}, kSynEx});
    hf.initialSeq = r.field({"rdpudp.initialsequencenumber", "Initial SequenceNumber", FieldKind::Hex, 32});
    hf.upstreamMtu = r.field({"rdpudp.upstreammtu", "Upstream MTU", FieldKind::Unsigned, 16});
    hf.downstreamMtu = r.field({"rdpudp.downstreammtu", "DownStream MTU", FieldKind::Unsigned, 16});
    hf.correlationId = r.field({"rdpudp.correlationid", "Correlation Id", FieldKind::Bytes, 0});
    hf.synexFlags = r.field({"rdpudp.synex.flags", "Flags", FieldKind::Hex, 16});
    hf.synexVersionInfo = r.field({"rdpudp.synex.flags.versioninfo", "Version info", FieldKind::Bool, 8, {}, 0x1});
    hf.synexVersion = r.field({"rdpudp.synex.version", "Version", FieldKind::Hex, 16, kVersions});
    hf.cookieHash = r.field({"rdpudp.synex.cookiehash", "Cookie Hash", FieldKind::Bytes, 0});
    hf.ackItem = r.field({"rdpudp.ack.item", "Ack item", FieldKind::Hex, 8});
    hf.ackItemRle = r.field({"rdpudp.ack.item.rle", "Run length", FieldKind::Unsigned, 8, {}, 0x3f});
    hf.fecCoded = r.field({"rdpudp.fec.coded", "snCoded", FieldKind::Hex, 32});
    hf.fecSourceStart = r.field({"rdpudp.fec.sourcestart", "snSourceStart", FieldKind::Hex, 32});
    hf.fecRange = r.field({"rdpudp.fec.range", "Range", FieldKind::Unsigned, 8});
    hf.fecIndex = r.field({"rdpudp.fec.fecindex", "Fec index", FieldKind::Unsigned, 8});
    hf.resetSeqNum = r.field({"rdpudp.resetSeqNum", "snResetSeqNum", FieldKind::Hex, 32});
    hf.dataSnCoded = r.field({"rdpudp.data.sncoded", "snCoded", FieldKind::Hex, 32});
    hf.dataSourceStart = r.field({"rdpudp.data.sourceStart", "snSourceStart", FieldKind::Hex, 32});

    hf.prefixByte = r.field({"rdpudp.prefixbyte", "PacketPrefixByte", FieldKind::Hex, 8});
    hf.packetType = r.field({"rdpudp.packetType", "PacketType", FieldKind::Hex, 8, kPacketTypes, 0x1e});
    hf.shortPacketLength = r.field({"rdpudp.shortpacketlen", "Short packet length", FieldKind::Unsigned, 8, {}, 0x7});
    hf.flags2 = hf.flags;  // the same filter name in both versions
    // Version 2 reuses version 1's names for its own bits (the registry keeps the first spec).
    hf.flag2Ack = r.field({"rdpudp.flags.ack", "Ack", FieldKind::Bool, 16, {}, k2Ack});
    hf.flag2Data = r.field({"rdpudp.flags.data", "Data", FieldKind::Bool, 16, {}, k2Data});
    hf.flag2AckVec = r.field({"rdpudp.flags.ackvec", "AckVec", FieldKind::Hex, 16, {}, k2AckVec});
    hf.flag2Aoa = r.field({"rdpudp.flags.ackofacks", "AckOfAcks", FieldKind::Hex, 16, {}, k2Aoa});
    hf.flag2Overhead = r.field({"rdpudp.flags.overheadsize", "OverheadSize", FieldKind::Hex, 16, {}, k2Overhead});
    hf.flag2DelayAck = r.field({"rdpudp.flags.delayackinfo", "DelayedAckInfo", FieldKind::Hex, 16, {}, k2DelayAck});
    hf.logWindow = r.field({"rdpudp.logWindow", "LogWindow", FieldKind::Unsigned, 16, {}, 0xf000});
    hf.ackSeq = r.field({"rdpudp.ack.seqnum", "Base Seq", FieldKind::Hex, 16});
    hf.ackTs = r.field({"rdpudp.ack.ts", "receivedTS", FieldKind::Unsigned, 24});
    hf.ackSendTimeGap = r.field({"rdpudp.ack.sendTimeGap", "sendTimeGap", FieldKind::Unsigned, 8});
    hf.numDelayedAcks = r.field({"rdpudp.ack.numDelayedAcks", "NumDelayedAcks", FieldKind::Unsigned, 8, {}, 0x0f});
    hf.delayedTimeScale = r.field({"rdpudp.ack.delayedTimeScale", "delayedTimeScale", FieldKind::Unsigned, 8, {}, 0xf0});
    hf.overheadSize = r.field({"rdpudp.overheadsize", "Overhead size", FieldKind::Unsigned, 8});
    hf.delayAckMax = r.field({"rdpudp.delayackinfo.max", "MaxDelayedAcks", FieldKind::Unsigned, 8});
    hf.delayAckTimeout = r.field({"rdpudp.delayackinfo.timeout", "DelayedAckTimeoutInMs", FieldKind::Unsigned, 16});
    hf.aoaSeq = r.field({"rdpudp.ackofacksseqnum", "Sequence number", FieldKind::Hex, 16});
    hf.dataSeq = r.field({"rdpudp.data.seqnum", "Sequence number", FieldKind::Hex, 16});
    hf.channelSeq = r.field({"rdpudp.data.channelseqnumber", "Channel sequence number", FieldKind::Hex, 16});
    hf.ackvecBase = r.field({"rdpudp.ackvec.baseseqnum", "Base sequence number", FieldKind::Hex, 16});
    hf.ackvecSize = r.field({"rdpudp.ackvec.codedackvecsize", "Coded ackvec size", FieldKind::Unsigned, 16, {}, 0x7f});
    hf.ackvecHaveTs = r.field({"rdpudp.ackvec.havets", "Have timestamp", FieldKind::Bool, 8, {}, 0x80});
    hf.ackvecTimestamp = r.field({"rdpudp.ackvec.timestamp", "Timestamp", FieldKind::Hex, 24});
    hf.ackvecTimeGap = r.field({"rdpudp.ackvec.sendacktimegap", "SendAckTimeGap", FieldKind::Unsigned, 8});
    conversationsSlot =
        r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<RdpudpConversations>(); });
    r.udpPort(3389, dissectRdpudp);
}

}  // namespace rcvmon

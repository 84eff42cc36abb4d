// SPDX-License-Identifier: GPL-2.0-or-later
// TCP (RFC 9293) as Wireshark 4.0 dissects it: header and flags (ECE/CWR, RFC 3168; AE and the
// ACE counter, RFC 9768 AccECN), the stream index, relative sequence numbers, window scaling
// (RFC 7323: the scale both SYNs agreed, unknown mid-stream), options (tcp_options.cpp), the
// sequence analysis (tcp_analysis.cpp) with its "[TCP …]" Info prefixes, then the application
// protocol chosen by port when the segment carries captured payload.
#include "dissect/field_format.h"
#include "dissect/protocols/tcp_options.h"
#include "dissect/tcp_conversations.h"
#include "names/port_names_scope.h"

namespace rcvmon {

TcpFields tcpHf;

namespace {

constexpr std::uint16_t kFin = 0x01, kSyn = 0x02, kUrg = 0x20, kAck = 0x10;
constexpr std::string_view kArrow = " \xe2\x86\x92 ";  // " → " as Wireshark writes it

void appendFlags(std::string& out, std::uint64_t flags, const FieldRecord* ace)
{
    static constexpr std::string_view kNames[] = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};
    bool any = false;
    const auto add = [&](std::string_view name) {
        if (any) out += ", ";
        out += name;
        any = true;
    };
    for (unsigned bit = 0; bit < 9; ++bit) {
        if (ace && bit == 6) {  // AccECN: ECE, CWR and AE are one counter
            add("ACE=");
            appendDecimal(out, ace->number);
            break;
        }
        if (flags & (1u << bit)) add(kNames[bit]);
    }
    if (flags & 0xe00) add("Reserved");
    if (!any) out += "<None>";
}

void writeInfo(const LayerView& l, std::string& out)
{
    // Port names when a PortNamesScope turns transport names on ("https(443)").
    if (l.has(field::TcpSrcPort)) names::appendPort(out, names::Transport::Tcp, l.number(field::TcpSrcPort));
    out += kArrow;
    if (l.has(field::TcpDstPort)) names::appendPort(out, names::Transport::Tcp, l.number(field::TcpDstPort));
    const FieldRecord* flagsField = l.field(field::TcpFlags);
    if (!flagsField) return;
    const std::uint64_t flags = flagsField->number;
    out += " [";
    appendFlags(out, flags, l.field(tcpHf.flagsAce));
    out += "] Seq=";
    appendDecimal(out, l.number(field::TcpSeq));
    if (flags & kAck) {
        out += " Ack=";
        appendDecimal(out, l.number(field::TcpAck));
    }
    if (!l.has(field::TcpWindowSizeValue)) return;
    out += " Win=";
    appendDecimal(out, l.has(tcpHf.windowSize) ? l.number(tcpHf.windowSize) : l.number(field::TcpWindowSizeValue));
    if ((flags & kUrg) && l.has(field::TcpUrgentPointer)) {
        out += " Urg=";
        appendDecimal(out, l.number(field::TcpUrgentPointer));
    }
    if (l.has(field::TcpLen)) {
        out += " Len=";
        appendDecimal(out, l.number(field::TcpLen));
    }
    // The options, in the order they came.
    for (const FieldRecord& f : l.dissection().fields()) {
        if (f.layer != l.layer()) continue;
        std::string_view label;
        if (f.id == field::TcpOptionMss) label = " MSS=";
        else if (f.id == tcpHf.wscaleMultiplier) label = " WS=";
        else if (f.id == tcpHf.tsval) label = " TSval=";
        else if (f.id == tcpHf.tsecr) label = " TSecr=";
        else if (f.id == tcpHf.sackLe) label = " SLE=";
        else if (f.id == tcpHf.sackRe) label = " SRE=";
        else if (f.id == tcpHf.userTo) label = " USER_TO=";
        else if (f.id == tcpHf.accEcnEe0b) label = " EE0B=";
        else if (f.id == tcpHf.accEcnEceb) label = " ECEB=";
        else if (f.id == tcpHf.accEcnEe1b) label = " EE1B=";
        if (!label.empty()) {
            out += label;
            appendDecimal(out, f.number);
        } else if (f.id == tcpHf.sackPerm) {
            out += " SACK_PERM";
        } else if (f.id == tcpHf.tfoRequest) {
            out += " TFO=R";
        } else if (f.id == tcpHf.tfoCookie) {
            out += " TFO=C";
        }
    }
}

// Wireshark prepends one "[TCP …] " per analysis result; the last prepended reads first.
void writeAnalysisPrefix(const LayerView& l, std::string& out)
{
    if (l.has(tcpHf.zeroWindowProbeAck)) out += "[TCP ZeroWindowProbeAck] ";
    if (l.has(tcpHf.zeroWindow)) out += "[TCP ZeroWindow] ";
    if (l.has(tcpHf.zeroWindowProbe)) out += "[TCP ZeroWindowProbe] ";
    if (l.has(tcpHf.duplicateAck)) {
        out += "[TCP Dup ACK ";
        appendDecimal(out, l.number(tcpHf.duplicateAckFrame));
        out += '#';
        appendDecimal(out, l.number(tcpHf.duplicateAckNum));
        out += "] ";
    }
    if (l.has(tcpHf.keepAliveAck)) out += "[TCP Keep-Alive ACK] ";
    if (l.has(tcpHf.keepAlive)) out += "[TCP Keep-Alive] ";
    if (l.has(tcpHf.windowFull)) out += "[TCP Window Full] ";
    if (l.has(tcpHf.windowUpdate)) out += "[TCP Window Update] ";
    if (l.has(tcpHf.ackLostSegment)) out += "[TCP ACKed unseen segment] ";
    if (l.has(tcpHf.lostSegment)) out += "[TCP Previous segment not captured] ";
    if (l.has(tcpHf.outOfOrder)) out += "[TCP Out-Of-Order] ";
    if (l.has(tcpHf.spuriousRetransmission)) out += "[TCP Spurious Retransmission] ";
    if (l.has(tcpHf.fastRetransmission)) out += "[TCP Fast Retransmission] ";
    const bool plainRetransmission =
        l.has(tcpHf.retransmission) && !l.has(tcpHf.fastRetransmission) && !l.has(tcpHf.spuriousRetransmission);
    if (plainRetransmission) out += "[TCP Retransmission] ";
    if (l.has(tcpHf.reusedPorts)) out += "[TCP Port numbers reused] ";
}

// The analysis as Wireshark's tree has it: the flags item, then one expert item per result
// (fast and spurious retransmissions are also retransmissions; a duplicate ACK has both a
// tree item and an expert item of the same name).
void addAnalysis(LayerCursor& c, const TcpConversations::Analysis& a)
{
    namespace ta = tcp_analysis;
    if (a.flags == 0) return;
    c.add(tcpHf.analysisFlags, 0, 0, 1);
    const auto mark = [&](std::uint16_t bit, FieldId id) {
        if (a.flags & bit) c.add(id, 0, 0, 1);
    };
    mark(ta::ReusedPorts, tcpHf.reusedPorts);
    mark(ta::Retransmission | ta::FastRetransmission | ta::SpuriousRetransmission, tcpHf.retransmission);
    mark(ta::FastRetransmission, tcpHf.fastRetransmission);
    mark(ta::SpuriousRetransmission, tcpHf.spuriousRetransmission);
    mark(ta::OutOfOrder, tcpHf.outOfOrder);
    mark(ta::LostPacket, tcpHf.lostSegment);
    mark(ta::AckLostPacket, tcpHf.ackLostSegment);
    mark(ta::WindowUpdate, tcpHf.windowUpdate);
    mark(ta::WindowFull, tcpHf.windowFull);
    mark(ta::KeepAlive, tcpHf.keepAlive);
    mark(ta::KeepAliveAck, tcpHf.keepAliveAck);
    if (a.flags & ta::DuplicateAck) {
        c.add(tcpHf.duplicateAck, 0, 0, 1);
        c.add(tcpHf.duplicateAckNum, 0, 0, a.dupAckNum);
        c.add(tcpHf.duplicateAckFrame, 0, 0, a.dupAckFrame);
        c.add(tcpHf.duplicateAck, 0, 0, 1);
    }
    mark(ta::ZeroWindowProbe, tcpHf.zeroWindowProbe);
    mark(ta::ZeroWindow, tcpHf.zeroWindow);
    mark(ta::ZeroWindowProbeAck, tcpHf.zeroWindowProbeAck);
    c.ctx().prependInfo(writeAnalysisPrefix, c.layer());
}

// RFC 7323 §2.2: scaling holds only when both SYNs carried the option (verify_tcp_window_scaling).
void settleWindowScaling(TcpDirectionState& mine, TcpDirectionState& peer, bool synAck)
{
    if (mine.winScale == -1) {
        mine.winScale = -2;
        peer.winScale = -2;
    } else if (synAck && peer.winScale == -2) {
        mine.winScale = -2;
    }
}

}  // namespace

void writeTcpSegmentOfPdu(const LayerView&, std::string& out) { out += "[TCP segment of a reassembled PDU]"; }

void dissectTcp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "TCP", "tcp", p.data, p.at, p.reported);
    if (p.reported == 0) c.notInTree();  // as UDP: listed, but no protocol item
    const std::uint16_t srcPort = c.u16(field::TcpSrcPort);
    const std::uint16_t dstPort = c.u16(field::TcpDstPort);
    // packet-tcp.c names the columns once it has read both ports: a header cut before
    // them leaves the outer protocol's.
    if (c.ok()) {
        ctx.setProtocol("TCP");
        ctx.setInfo(writeInfo, c.layer());
    }
    // In a header quoted by an ICMPv4 error Wireshark adds the sequence number at once: the
    // quote often ends right after it (RFC 792 quotes only 8 bytes of the datagram).
    const bool icmpIp = ctx.inIcmpError && ctx.net.family == 4;
    const std::uint32_t seq = icmpIp ? c.u32(field::TcpSeq) : c.u32();
    const std::uint32_t ack = c.u32();
    const std::uint16_t offFlags = c.u16();
    if (!c.ok()) return;  // whatever ports were read still identify the segment
    const std::size_t hdrLen = static_cast<std::size_t>(offFlags >> 12) * 4;
    const std::uint16_t flags = offFlags & 0x0fff;
    const bool syn = (flags & kSyn) != 0, hasAck = (flags & kAck) != 0;
    // Wireshark sizes (and analyses) a segment only when it has all of it: not in an
    // unreassembled fragment, not quoted by an ICMP error, not shorter than its header.
    const bool haveLength = !ctx.inFragment && !ctx.inIcmpError && p.reported >= hdrLen;
    const std::size_t segLen = haveLength ? p.reported - hdrLen : 0;
    const ByteSpan bytes = c.data();
    const std::uint16_t rawWindow = bytes.size() >= 16 ? static_cast<std::uint16_t>(bytes[14] << 8 | bytes[15]) : 0;

    TcpConversations::Result conv;
    conv.relSeq = seq;
    conv.relAck = ack;
    if (ctx.tcp && ctx.net.family != 0) {
        TcpConversations::Endpoint s, d;
        s.addr = ctx.net.src;
        s.port = srcPort;
        d.addr = ctx.net.dst;
        d.port = dstPort;
        TcpConversations::Segment seg;
        seg.seq = seq;
        seg.ack = ack;
        seg.length = static_cast<std::uint32_t>(segLen);
        seg.flags = flags;
        seg.window = rawWindow;
        seg.haveLength = haveLength && bytes.size() >= 16;
        seg.inError = ctx.inIcmpError;
        seg.timeNs = ctx.timeNs;
        seg.frame = ctx.frameNumber;
        conv = ctx.tcp->observe(ctx.net.family, s, d, seg);
        c.add(tcpHf.stream, 0, 0, conv.conversation->stream);
    }
    if (haveLength) c.add(field::TcpLen, 12, 1, segLen);
    if (!icmpIp) c.add(field::TcpSeq, 4, 4, conv.relSeq);
    c.add(field::TcpSeqRaw, 4, 4, seq);
    // tshark 4.0 shows the acknowledgment number even without the ACK flag (raw, then).
    c.add(field::TcpAck, 8, 4, hasAck ? conv.relAck : ack);
    c.add(field::TcpAckRaw, 8, 4, ack);
    c.add(field::TcpHdrLen, 12, 1, hdrLen);
    if (hdrLen < 20) {
        c.malformed();
        return;
    }
    TcpConversation* tcpd = ctx.inIcmpError ? nullptr : conv.conversation;
    c.add(field::TcpFlags, 12, 2, flags);
    c.add(field::TcpFlagsFin, 13, 1, flags & 0x01);
    c.add(field::TcpFlagsSyn, 13, 1, (flags >> 1) & 1);
    c.add(field::TcpFlagsReset, 13, 1, (flags >> 2) & 1);
    c.add(field::TcpFlagsPush, 13, 1, (flags >> 3) & 1);
    c.add(field::TcpFlagsAck, 13, 1, (flags >> 4) & 1);
    c.add(field::TcpFlagsUrg, 13, 1, (flags >> 5) & 1);
    // RFC 9768: once both ends set up AccECN (or an AccECN option was seen), ECE, CWR and AE
    // of a non-SYN segment are the 3-bit ACE counter.
    if (!syn && tcpd && ((tcpd->accEcnSyn && tcpd->accEcnSynAck) || tcpd->accEcnOption))
        c.add(tcpHf.flagsAce, 12, 2, ((flags >> 8) & 1) << 2 | ((flags >> 7) & 1) << 1 | ((flags >> 6) & 1));
    c.u16(field::TcpWindowSizeValue);
    if (c.ok()) {
        // SYNs are never scaled; afterwards the shift the SYNs agreed, unknown (-1) when the
        // handshake was not seen, -2 when one side did not offer scaling.
        std::uint32_t window = rawWindow;
        TcpDirectionState* mine = conv.conversation ? conv.direction : nullptr;
        if (!syn && mine && mine->winScale >= 0) window <<= mine->winScale;
        c.add(tcpHf.windowSize, 14, 2, window);
        if (!syn && mine) {
            const std::int64_t factor = mine->winScale >= 0 ? std::int64_t{1} << mine->winScale : mine->winScale;
            c.add(tcpHf.windowScaleFactor, 14, 2, static_cast<std::uint64_t>(factor));
        }
    }
    c.u16(field::TcpChecksum);
    c.u16(field::TcpUrgentPointer);
    if (!c.ok()) return;
    if (hdrLen > p.reported) {
        c.malformed();
        return;
    }
    TcpOptionState options;
    if (tcpd) {
        options.conversation = tcpd;
        options.sender = conv.direction;
        options.sackBase = conv.peer->base;
    }
    dissectTcpOptions(c, hdrLen, options);
    if (syn && tcpd) settleWindowScaling(*conv.direction, *conv.peer, hasAck);
    if (syn && conv.conversation) conv.conversation->serverPort = hasAck ? srcPort : dstPort;
    addAnalysis(c, conv.analysis);
    if (TransportTap* tap = ctx.out.transportTap(); tap && haveLength && conv.conversation &&
                                                    ctx.out.layers()[c.layer()].status != ParseStatus::Truncated) {
        // Wireshark's follow tap: every segment whose length is known, payload or not, even when
        // an option is malformed (Wireshark flags it and goes on) but not when the capture cut
        // the options (that throws before the tap).
        TransportPayload t{TransportPayload::Transport::Tcp, c.layer(), ctx.net.family, ctx.net.src, ctx.net.dst, srcPort, dstPort,
                           conv.conversation->stream, conv.relSeq, static_cast<std::uint32_t>(segLen), flags,
                           conv.relAck, ByteSpan(p.data).subspan(hdrLen < p.data.size() ? hdrLen : p.data.size())};
        tap->payload(t);
    }
    if (c.ok() && c.pos() < hdrLen) c.skip(hdrLen - c.pos());
    if (!c.ok()) return;
    const Payload payload = payloadAfter(c, p.reported - hdrLen);
    // The FIN ending a PDU that runs until it completes the PDU even without payload.
    if (payload.data.empty() && (flags & kFin) && ctx.desegment && !ctx.inFragment && !conv.retransmission && tcpd &&
        conv.direction->pduRemaining != 0 && conv.direction->pdu.untilFin) {
        ctx.tcpConversation = conv.conversation;
        ctx.tcpDirection = conv.direction;
        continueTcpPdu(ctx, payload);
        return;
    }
    // Wireshark calls no application dissector for a segment whose payload was not captured,
    // for a retransmission, or for the cut payload of an unreassembled IP fragment.
    if (payload.data.empty() || conv.retransmission || ctx.inFragment || !conv.conversation) {
        if (payload.data.empty()) return;
        dissectData(ctx, payload);
        // Desegmenting, Wireshark shows a retransmission's bytes as TCP segment data.
        if (conv.retransmission && ctx.desegment) hideLayer(ctx.out, static_cast<std::uint16_t>(ctx.out.layers().size() - 1));
        return;
    }
    ctx.tcpConversation = conv.conversation;
    ctx.tcpDirection = conv.direction;
    if (continueTcpPdu(ctx, payload)) return;
    if (!dissectByPort(ctx, Transport::Tcp, srcPort, dstPort, payload, conv.conversation->serverPort))
        dissectData(ctx, payload);
}

void registerTcp(ProtocolRegistrar& r)
{
    r.protocol("tcp");
    tcpHf.stream = r.field({"tcp.stream", "Stream index", FieldKind::Unsigned, 32});
    tcpHf.flagsAce = r.field({"tcp.flags.ace", "ACE", FieldKind::Unsigned, 8});
    tcpHf.windowSize = r.field({"tcp.window_size", "Calculated window size", FieldKind::Unsigned, 32});
    tcpHf.windowScaleFactor = r.field({"tcp.window_size_scalefactor", "Window size scaling factor", FieldKind::Signed, 32});
    registerTcpOptionFields(r);
    const auto none = [&](std::string_view name, std::string_view label) {
        return r.field({name, label, FieldKind::None, 0});
    };
    tcpHf.analysisFlags = none("tcp.analysis.flags", "TCP Analysis Flags");
    tcpHf.retransmission = none("tcp.analysis.retransmission", "This frame is a (suspected) retransmission");
    tcpHf.fastRetransmission = none("tcp.analysis.fast_retransmission", "This frame is a (suspected) fast retransmission");
    tcpHf.spuriousRetransmission =
        none("tcp.analysis.spurious_retransmission", "This frame is a (suspected) spurious retransmission");
    tcpHf.outOfOrder = none("tcp.analysis.out_of_order", "This frame is a (suspected) out-of-order segment");
    tcpHf.reusedPorts = none("tcp.analysis.reused_ports",
                             "A new tcp session is started with the same ports as an earlier session in this trace");
    tcpHf.lostSegment = none("tcp.analysis.lost_segment", "Previous segment(s) not captured (common at capture start)");
    tcpHf.ackLostSegment =
        none("tcp.analysis.ack_lost_segment", "ACKed segment that wasn't captured (common at capture start)");
    tcpHf.windowUpdate = none("tcp.analysis.window_update", "TCP window update");
    tcpHf.windowFull = none("tcp.analysis.window_full", "TCP window specified by the receiver is now completely full");
    tcpHf.keepAlive = none("tcp.analysis.keep_alive", "TCP keep-alive segment");
    tcpHf.keepAliveAck = none("tcp.analysis.keep_alive_ack", "ACK to a TCP keep-alive segment");
    tcpHf.zeroWindowProbe = none("tcp.analysis.zero_window_probe", "TCP Zero Window Probe");
    tcpHf.zeroWindow = none("tcp.analysis.zero_window", "TCP Zero Window segment");
    tcpHf.zeroWindowProbeAck = none("tcp.analysis.zero_window_probe_ack", "ACK to a TCP Zero Window Probe");
    tcpHf.duplicateAck = none("tcp.analysis.duplicate_ack", "Duplicate ACK");
    tcpHf.duplicateAckNum = r.field({"tcp.analysis.duplicate_ack_num", "Duplicate ACK #", FieldKind::Unsigned, 32});
    tcpHf.duplicateAckFrame =
        r.field({"tcp.analysis.duplicate_ack_frame", "Duplicate to the ACK in frame", FieldKind::Unsigned, 32});
}

}  // namespace rcvmon

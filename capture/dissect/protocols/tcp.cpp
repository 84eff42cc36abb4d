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

#include <array>
#include <limits>
#include <utility>

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

// What each field means to writeInfo: one of the header fields it reads (its index in
// writeInfo's found[]), an option it lists, or nothing. Indexed by FieldId, built once after the
// protocols registered: a table lookup per field beats comparing against twenty ids.
enum InfoRole : std::uint8_t {
    kRoleSrcPort, kRoleDstPort, kRoleFlags, kRoleAce, kRoleSeq, kRoleAck, kRoleWinValue, kRoleWinSize,
    kRoleUrgent, kRoleLen, kRoleHeaderRoles,
    kRoleMss = kRoleHeaderRoles, kRoleWs, kRoleTsval, kRoleTsecr, kRoleSle, kRoleSre, kRoleUserTo, kRoleEe0b,
    kRoleEceb, kRoleEe1b, kRoleSackPerm, kRoleTfoR, kRoleTfoC,
    kRoleNoRole = 0xff,
};

using InfoRoles = std::array<std::uint8_t, std::size_t{std::numeric_limits<FieldId>::max()} + 1>;

InfoRoles buildInfoRoles()
{
    const std::pair<FieldId, InfoRole> roles[] = {
        {field::TcpSrcPort, kRoleSrcPort}, {field::TcpDstPort, kRoleDstPort}, {field::TcpFlags, kRoleFlags},
        {tcpHf.flagsAce, kRoleAce}, {field::TcpSeq, kRoleSeq}, {field::TcpAck, kRoleAck},
        {field::TcpWindowSizeValue, kRoleWinValue}, {tcpHf.windowSize, kRoleWinSize},
        {field::TcpUrgentPointer, kRoleUrgent}, {field::TcpLen, kRoleLen},
        {field::TcpOptionMss, kRoleMss}, {tcpHf.wscaleMultiplier, kRoleWs}, {tcpHf.tsval, kRoleTsval}, {tcpHf.tsecr, kRoleTsecr},
        {tcpHf.sackLe, kRoleSle}, {tcpHf.sackRe, kRoleSre}, {tcpHf.userTo, kRoleUserTo}, {tcpHf.accEcnEe0b, kRoleEe0b},
        {tcpHf.accEcnEceb, kRoleEceb}, {tcpHf.accEcnEe1b, kRoleEe1b}, {tcpHf.sackPerm, kRoleSackPerm},
        {tcpHf.tfoRequest, kRoleTfoR}, {tcpHf.tfoCookie, kRoleTfoC},
    };
    InfoRoles table;  // every FieldId has an entry: no range check per field
    table.fill(kRoleNoRole);
    // In reverse, so an id listed twice keeps its first role.
    for (auto it = std::rbegin(roles); it != std::rend(roles); ++it) table[it->first] = it->second;
    return table;
}

void writeInfo(const LayerView& l, std::string& out)
{
    static const InfoRoles roleOf = buildInfoRoles();
    // The first occurrence of each field Info reads, found in one pass over the layer.
    const FieldRecord* found[kRoleHeaderRoles] = {};
    bool options = false;
    l.forEachField([&](const FieldRecord& f) {
        const std::uint8_t role = roleOf[f.id];
        if (role < kRoleHeaderRoles) {
            if (!found[role]) found[role] = &f;
        } else if (role != kRoleNoRole) {
            options = true;
        }
    });
    const FieldRecord *srcPort = found[kRoleSrcPort], *dstPort = found[kRoleDstPort], *flagsField = found[kRoleFlags],
                      *ace = found[kRoleAce], *seq = found[kRoleSeq], *ack = found[kRoleAck], *winValue = found[kRoleWinValue],
                      *winSize = found[kRoleWinSize], *urgent = found[kRoleUrgent], *len = found[kRoleLen];
    // Port names when a PortNamesScope turns transport names on ("https(443)").
    if (srcPort) names::appendPort(out, names::Transport::Tcp, srcPort->number);
    out += kArrow;
    if (dstPort) names::appendPort(out, names::Transport::Tcp, dstPort->number);
    if (!flagsField) return;
    const std::uint64_t flags = flagsField->number;
    out += " [";
    appendFlags(out, flags, ace);
    out += "] Seq=";
    appendDecimal(out, seq ? seq->number : 0);
    if (flags & kAck) {
        out += " Ack=";
        appendDecimal(out, ack ? ack->number : 0);
    }
    if (!winValue) return;
    out += " Win=";
    appendDecimal(out, winSize ? winSize->number : winValue->number);
    if ((flags & kUrg) && urgent) {
        out += " Urg=";
        appendDecimal(out, urgent->number);
    }
    if (len) {
        out += " Len=";
        appendDecimal(out, len->number);
    }
    if (!options) return;
    // The options, in the order they came.
    static constexpr std::string_view kLabels[] = {" MSS=", " WS=", " TSval=", " TSecr=", " SLE=",
                                                   " SRE=", " USER_TO=", " EE0B=", " ECEB=", " EE1B="};
    l.forEachField([&](const FieldRecord& f) {
        const std::uint8_t role = roleOf[f.id];
        if (role == kRoleNoRole || role < kRoleHeaderRoles) return;
        if (role <= kRoleEe1b) {
            out += kLabels[role - kRoleMss];
            appendDecimal(out, f.number);
        } else if (role == kRoleSackPerm) {
            out += " SACK_PERM";
        } else if (role == kRoleTfoR) {
            out += " TFO=R";
        } else if (role == kRoleTfoC) {
            out += " TFO=C";
        }
    });
}

// Wireshark prepends one "[TCP …] " per analysis result; the last prepended reads first.
// One pass over the layer's fields (a lookup per flag cost a scan each on every flagged row).
void writeAnalysisPrefix(const LayerView& l, std::string& out)
{
    enum : std::uint32_t {
        ZeroWindowProbeAck = 1u << 0, ZeroWindow = 1u << 1, ZeroWindowProbe = 1u << 2, DuplicateAck = 1u << 3,
        KeepAliveAck = 1u << 4, KeepAlive = 1u << 5, WindowFull = 1u << 6, WindowUpdate = 1u << 7,
        AckLostSegment = 1u << 8, LostSegment = 1u << 9, OutOfOrder = 1u << 10, Spurious = 1u << 11,
        Fast = 1u << 12, Retransmission = 1u << 13, ReusedPorts = 1u << 14, DupFrame = 1u << 15, DupNum = 1u << 16,
    };
    const std::pair<FieldId, std::uint32_t> flags[] = {
        {tcpHf.zeroWindowProbeAck, ZeroWindowProbeAck}, {tcpHf.zeroWindow, ZeroWindow},
        {tcpHf.zeroWindowProbe, ZeroWindowProbe}, {tcpHf.duplicateAck, DuplicateAck},
        {tcpHf.keepAliveAck, KeepAliveAck}, {tcpHf.keepAlive, KeepAlive}, {tcpHf.windowFull, WindowFull},
        {tcpHf.windowUpdate, WindowUpdate}, {tcpHf.ackLostSegment, AckLostSegment}, {tcpHf.lostSegment, LostSegment},
        {tcpHf.outOfOrder, OutOfOrder}, {tcpHf.spuriousRetransmission, Spurious}, {tcpHf.fastRetransmission, Fast},
        {tcpHf.retransmission, Retransmission}, {tcpHf.reusedPorts, ReusedPorts},
        {tcpHf.duplicateAckFrame, DupFrame}, {tcpHf.duplicateAckNum, DupNum},
    };
    std::uint32_t seen = 0;
    std::uint64_t dupFrame = 0, dupNum = 0;
    bool inAnalysis = false;  // addAnalysis adds its items after the flags item
    l.forEachField([&](const FieldRecord& f) {
        if (!inAnalysis) {
            inAnalysis = f.id == tcpHf.analysisFlags;
            return;
        }
        for (const auto& [id, bit] : flags) {
            if (f.id != id) continue;
            if (bit == DupFrame && !(seen & DupFrame)) dupFrame = f.number;
            if (bit == DupNum && !(seen & DupNum)) dupNum = f.number;
            seen |= bit;
        }
    });
    if (seen & ZeroWindowProbeAck) out += "[TCP ZeroWindowProbeAck] ";
    if (seen & ZeroWindow) out += "[TCP ZeroWindow] ";
    if (seen & ZeroWindowProbe) out += "[TCP ZeroWindowProbe] ";
    if (seen & DuplicateAck) {
        out += "[TCP Dup ACK ";
        appendDecimal(out, dupFrame);
        out += '#';
        appendDecimal(out, dupNum);
        out += "] ";
    }
    if (seen & KeepAliveAck) out += "[TCP Keep-Alive ACK] ";
    if (seen & KeepAlive) out += "[TCP Keep-Alive] ";
    if (seen & WindowFull) out += "[TCP Window Full] ";
    if (seen & WindowUpdate) out += "[TCP Window Update] ";
    if (seen & AckLostSegment) out += "[TCP ACKed unseen segment] ";
    if (seen & LostSegment) out += "[TCP Previous segment not captured] ";
    if (seen & OutOfOrder) out += "[TCP Out-Of-Order] ";
    if (seen & Spurious) out += "[TCP Spurious Retransmission] ";
    if (seen & Fast) out += "[TCP Fast Retransmission] ";
    if ((seen & Retransmission) && !(seen & (Fast | Spurious))) out += "[TCP Retransmission] ";
    if (seen & ReusedPorts) out += "[TCP Port numbers reused] ";
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
    // Nor for a keep-alive or zero-window probe: their byte is junk, shown as data.
    const bool probe = (conv.analysis.flags & (tcp_analysis::KeepAlive | tcp_analysis::ZeroWindowProbe)) != 0;
    if (payload.data.empty() || conv.retransmission || ctx.inFragment || !conv.conversation || probe) {
        if (payload.data.empty()) return;
        dissectData(ctx, payload);
        // Desegmenting, Wireshark shows a retransmission's bytes as TCP segment data.
        if (conv.retransmission && ctx.desegment && !probe)
            hideLayer(ctx.out, static_cast<std::uint16_t>(ctx.out.layers().size() - 1));
        return;
    }
    ctx.tcpConversation = conv.conversation;
    ctx.tcpDirection = conv.direction;
    // Wireshark's MSP for "one more segment" ends one byte past what it has: the segment after
    // a gap starts a dissection of its own.
    if (TcpDirectionState* dir = conv.direction; dir && dir->pduRemaining != 0 &&
        (conv.analysis.flags & tcp_analysis::LostPacket) &&
        (dir->pduWholeSegment || (dir->pdu.more && dir->pdu.wholeSegments)))
        abandonTcpPdu(ctx, *dir);
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
    r.protocol("mptcp");  // RFC 8684 options, each a protocol of the frame (tcp_options.cpp)
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// The expert items of Wireshark 4.0's packet-tcp.c (ei_tcp_connection_*, ei_tcp_analysis_*)
// and of its exception handler (epan/show_exception.c), with their severities and groups.
#include "expert_collector.h"

#include "dissect/protocol_registry.h"

#include <string>

namespace rcvmon {
namespace {

constexpr std::uint64_t kFin = 0x01, kSyn = 0x02, kRst = 0x04, kAck = 0x10;

FieldId idOf(std::string_view name)
{
    const auto id = findField(name);
    return id ? *id : static_cast<FieldId>(~FieldId{0});
}

ExpertItem tcpItem(ExpertSeverity severity, std::string summary)
{
    return ExpertItem{severity, ExpertGroup::Sequence, "TCP", std::move(summary), true};
}

}  // namespace

ExpertCollector::ExpertCollector()
{
    protocolTables();  // the registered TCP analysis fields get their ids here
    m_id = Ids{
        idOf("tcp.stream"),
        idOf("tcp.analysis.retransmission"),
        idOf("tcp.analysis.fast_retransmission"),
        idOf("tcp.analysis.spurious_retransmission"),
        idOf("tcp.analysis.out_of_order"),
        idOf("tcp.analysis.reused_ports"),
        idOf("tcp.analysis.lost_segment"),
        idOf("tcp.analysis.ack_lost_segment"),
        idOf("tcp.analysis.window_update"),
        idOf("tcp.analysis.window_full"),
        idOf("tcp.analysis.keep_alive"),
        idOf("tcp.analysis.keep_alive_ack"),
        idOf("tcp.analysis.zero_window_probe"),
        idOf("tcp.analysis.zero_window"),
        idOf("tcp.analysis.zero_window_probe_ack"),
        idOf("tcp.analysis.duplicate_ack_num"),
    };
    m_comment = idOf("frame.comment");
}

void ExpertCollector::collect(const Dissection& d, std::vector<ExpertItem>& out)
{
    // The comments' items come first: their tree is above the frame's.
    for (const FieldRecord& f : d.fields()) {
        if (f.id != m_comment) continue;
        std::string text;
        d.appendValue(f, text);
        out.push_back(ExpertItem{ExpertSeverity::Comment, ExpertGroup::Comment, "Frame", std::move(text), true});
    }
    const auto layers = d.layers();
    for (std::uint16_t i = 0; i < layers.size(); ++i)
        if (layers[i].filterName == "tcp") collectTcp(d, i, out);
    collectException(d, out);
}

void ExpertCollector::collectTcp(const Dissection& d, std::uint16_t layer, std::vector<ExpertItem>& out)
{
    const LayerView tcp(d, layer);
    const bool fast = tcp.has(m_id.fastRetransmission);
    const bool spurious = tcp.has(m_id.spuriousRetransmission);
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != layer) continue;
        const FieldId id = f.id;
        if (id == field::TcpAckRaw) {
            // At the acknowledgment number, before the flags (ei_tcp_ack_nonzero).
            if (f.number != 0 && !(tcp.number(field::TcpFlags) & kAck))
                out.push_back(ExpertItem{ExpertSeverity::Note, ExpertGroup::Protocol, "TCP",
                                         "The acknowledgment number field is nonzero while the ACK flag is not set", true});
        } else if (id == field::TcpFlags) {
            // Set on the flag items as the flags subtree is built, before the analysis.
            const std::uint64_t flags = f.number;
            if (flags & kSyn) {
                if (flags & kAck)
                    out.push_back(tcpItem(ExpertSeverity::Chat, "Connection establish acknowledge (SYN+ACK): server port " +
                                                                    std::to_string(tcp.number(field::TcpSrcPort))));
                else
                    out.push_back(tcpItem(ExpertSeverity::Chat, "Connection establish request (SYN): server port " +
                                                                    std::to_string(tcp.number(field::TcpDstPort))));
            }
            if (flags & kFin) {
                out.push_back(tcpItem(ExpertSeverity::Chat, "Connection finish (FIN)"));
                // The conversation's first FIN initiates the close; later ones undergo it.
                if (const FieldRecord* stream = tcp.field(m_id.stream)) {
                    if (m_closing.insert(stream->number).second)
                        out.push_back(tcpItem(ExpertSeverity::Note, "This frame initiates the connection closing"));
                    else
                        out.push_back(tcpItem(ExpertSeverity::Note, "This frame undergoes the connection closing"));
                }
            }
            if (flags & kRst) out.push_back(tcpItem(ExpertSeverity::Warning, "Connection reset (RST)"));
        } else if (id == m_id.retransmission) {
            // Fast and spurious retransmissions carry the plain item too, without its expert.
            if (!fast && !spurious)
                out.push_back(tcpItem(ExpertSeverity::Note, "This frame is a (suspected) retransmission"));
        } else if (id == m_id.fastRetransmission) {
            out.push_back(tcpItem(ExpertSeverity::Note, "This frame is a (suspected) fast retransmission"));
        } else if (id == m_id.spuriousRetransmission) {
            out.push_back(tcpItem(ExpertSeverity::Note, "This frame is a (suspected) spurious retransmission"));
        } else if (id == m_id.outOfOrder) {
            out.push_back(tcpItem(ExpertSeverity::Warning, "This frame is a (suspected) out-of-order segment"));
        } else if (id == m_id.reusedPorts) {
            out.push_back(tcpItem(ExpertSeverity::Note,
                                  "A new tcp session is started with the same ports as an earlier session in this trace"));
        } else if (id == m_id.lostSegment) {
            out.push_back(tcpItem(ExpertSeverity::Warning, "Previous segment(s) not captured (common at capture start)"));
        } else if (id == m_id.ackLostSegment) {
            out.push_back(tcpItem(ExpertSeverity::Warning, "ACKed segment that wasn't captured (common at capture start)"));
        } else if (id == m_id.windowUpdate) {
            out.push_back(tcpItem(ExpertSeverity::Chat, "TCP window update"));
        } else if (id == m_id.windowFull) {
            out.push_back(tcpItem(ExpertSeverity::Warning, "TCP window specified by the receiver is now completely full"));
        } else if (id == m_id.keepAlive) {
            out.push_back(tcpItem(ExpertSeverity::Note, "TCP keep-alive segment"));
        } else if (id == m_id.keepAliveAck) {
            out.push_back(tcpItem(ExpertSeverity::Note, "ACK to a TCP keep-alive segment"));
        } else if (id == m_id.duplicateAckNum) {
            out.push_back(tcpItem(ExpertSeverity::Note, "Duplicate ACK (#" + std::to_string(f.number) + ")"));
        } else if (id == m_id.zeroWindowProbe) {
            out.push_back(tcpItem(ExpertSeverity::Note, "TCP Zero Window Probe"));
        } else if (id == m_id.zeroWindow) {
            out.push_back(tcpItem(ExpertSeverity::Warning, "TCP Zero Window segment"));
        } else if (id == m_id.zeroWindowProbeAck) {
            out.push_back(tcpItem(ExpertSeverity::Note, "ACK to a TCP Zero Window Probe"));
        }
    }
}

void ExpertCollector::collectException(const Dissection& d, std::vector<ExpertItem>& out) const
{
    const auto layers = d.layers();
    std::uint16_t at = 0;
    const ParseStatus ended = d.exception(&at);
    if (ended == ParseStatus::Malformed && at < layers.size()) {
        out.push_back(ExpertItem{ExpertSeverity::Error, ExpertGroup::Malformed, layers[at].name,
                                 "Malformed Packet (Exception occurred)", true});
    } else if (ended == ParseStatus::Truncated && at < layers.size()) {
        // Wireshark records no expert item for a snap length cut; RcvMon lists it anyway,
        // as "[Packet size limited during capture]" is what its users look for.
        out.push_back(ExpertItem{ExpertSeverity::Warning, ExpertGroup::Undecoded, layers[at].name,
                                 "Packet size limited during capture", false});
    }
    // An impossible value Wireshark reports with protocol-specific words and dissects on.
    for (const LayerRecord& l : layers)
        if (l.status == ParseStatus::Malformed && !l.threw)
            out.push_back(ExpertItem{ExpertSeverity::Error, ExpertGroup::Protocol, l.name,
                                     "Invalid header value; " + std::string(l.name) + " dissection stopped", false});
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to the dissectors: the per-frame context every protocol file receives, and the
// checked cursor each layer reads its header with.
#pragma once

#include "core/byte_reader.h"
#include "core/bytes.h"
#include "dissect/dissection.h"
#include "dissect/protocol_registry.h"

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

namespace rcvmon {

struct ExpectedConversation;
class ExpectedConversations;
class IpReassembler;
class PduPrefixes;
class TcpConversations;
class UdpConversations;
class QuicConnections;
struct TcpConversation;
struct TcpDirectionState;
struct TcpPdu;

// The innermost network addresses, for transport layers that key state on them.
struct NetEndpoints {
    std::uint8_t family = 0;  // 4 or 6; 0 when there is no IP layer
    std::array<std::uint8_t, 16> src{}, dst{};
};

struct DissectContext {
    explicit DissectContext(Dissection& dissection) : out(dissection) {}

    Dissection& out;
    IpReassembler* reassembler = nullptr;  // null when reassembly is off
    TcpConversations* tcp = nullptr;
    std::span<const std::unique_ptr<ProtocolState>> states;  // registered cross-frame state, by slot
    ExpectedConversations* expected = nullptr;  // connections announced by another (FTP data)
    // The announcement the dissector now running was chosen by (FTP data, RTP); else null.
    ExpectedConversation* announced = nullptr;
    PduPrefixes* pduPrefixes = nullptr;         // headers of PDUs spanning TCP segments
    UdpConversations* udp = nullptr;
    QuicConnections* quic = nullptr;
    // Set by TCP for the application dissectors of its payload.
    TcpConversation* tcpConversation = nullptr;
    TcpDirectionState* tcpDirection = nullptr;
    bool desegment = false;       // TCP reassembly on (tshark's default, off with --no-reassembly)
    bool inFragment = false;      // payload of an IP fragment that was not reassembled
    std::uint16_t udpDstPort = 0;
    std::uint16_t udpSrcPort = 0;  // of the innermost UDP header (QUIC keys connections on it)
    std::uint64_t frameNumber = 0;
    std::int64_t timeNs = 0;      // the frame's time, for TCP analysis's timing rules
    bool columnsWritable = true;  // false inside the packet an ICMP error quotes, as in Wireshark
    bool inReassembled = false;   // offsets refer to a reassembled datagram
    bool inIcmpError = false;
    int depth = 0;                // nesting guard against hostile tunnel stacks
    NetEndpoints net;

    static constexpr int kMaxDepth = 24;
    // The state a protocol registered (ProtocolRegistrar::state); null when the dissection
    // runs without a Dissector's state.
    template <typename T>
    T* state(std::uint16_t slot) const
    {
        return slot < states.size() ? static_cast<T*>(states[slot].get()) : nullptr;
    }
    void setProtocol(std::string_view name) { if (columnsWritable) out.setProtocol(name); }
    void setInfo(InfoKind kind, std::uint16_t layer) { if (columnsWritable) out.setInfo(kind, layer); }
    void setInfo(InfoWriter writer, std::uint16_t layer) { if (columnsWritable) out.setInfo(writer, layer); }
    void appendInfo(InfoWriter writer, std::uint16_t layer, std::string_view separator = ", ")
    {
        if (columnsWritable) out.appendInfo(writer, layer, separator);
    }
    void prependInfo(InfoWriter writer, std::uint16_t layer) { if (columnsWritable) out.prependInfo(writer, layer); }
};

// A bounds-checked view of one layer's bytes. `data` is what was captured of the layer,
// `reported` what its headers say it has: running out inside `reported` is Truncated
// (snaplen cut), running out past it is Malformed. Once a read fails every later read
// fails too, so a parser may read a whole header and check ok() once.
class LayerCursor {
public:
    static constexpr FieldId kNone = 0xffff;

    LayerCursor(DissectContext& ctx, std::string_view name, std::string_view filterName, ByteSpan data,
                std::uint32_t at, std::size_t reported)
        : m_ctx(ctx), m_data(data), m_at(at), m_reported(reported < data.size() ? data.size() : reported)
    {
        m_layer = ctx.out.addLayer(name, filterName, at, static_cast<std::uint32_t>(data.size()), ctx.inReassembled);
        if (!ctx.columnsWritable) ctx.out.layer(m_layer).quoted = true;
    }

    std::uint16_t layer() const { return m_layer; }
    bool ok() const { return m_ok; }
    std::size_t pos() const { return m_pos; }
    std::size_t size() const { return m_data.size(); }
    std::size_t remaining() const { return m_data.size() - m_pos; }
    std::size_t reportedRemaining() const { return m_reported - m_pos; }
    ByteSpan data() const { return m_data; }
    ByteSpan rest() const { return m_data.subspan(m_pos); }
    std::uint8_t peek(std::size_t at = 0) const { return m_ok && at < remaining() ? m_data[m_pos + at] : 0; }
    std::uint32_t absolute(std::size_t rel) const { return m_at + static_cast<std::uint32_t>(rel); }
    DissectContext& ctx() { return m_ctx; }

    // True when n more bytes are there; otherwise marks the layer and returns false.
    bool need(std::size_t n)
    {
        if (!m_ok) return false;
        if (n <= remaining()) return true;
        fail(n <= reportedRemaining() ? ParseStatus::Truncated : ParseStatus::Malformed);
        return false;
    }
    // Wireshark's exception: the dissection of the frame ends in this layer (see
    // Dissection::exception).
    void fail(ParseStatus status)
    {
        m_ok = false;
        LayerRecord& l = m_ctx.out.layer(m_layer);
        if (l.status == ParseStatus::Ok) {
            l.status = status;
            l.threw = true;
        }
    }
    void malformed() { fail(ParseStatus::Malformed); }
    // An impossible value Wireshark reports as expert info without throwing: this layer stops,
    // the frame's columns get no exception note.
    void invalid()
    {
        m_ok = false;
        LayerRecord& l = m_ctx.out.layer(m_layer);
        if (l.status == ParseStatus::Ok) l.status = ParseStatus::Malformed;
    }

    std::uint8_t u8(FieldId id = kNone) { return static_cast<std::uint8_t>(read(1, id)); }
    std::uint16_t u16(FieldId id = kNone) { return static_cast<std::uint16_t>(read(2, id)); }
    std::uint32_t u24(FieldId id = kNone) { return static_cast<std::uint32_t>(read(3, id)); }
    std::uint32_t u32(FieldId id = kNone) { return static_cast<std::uint32_t>(read(4, id)); }
    // Little-endian, for the protocols from the PC world (SMB and what it carries).
    std::uint16_t u16le(FieldId id = kNone)
    {
        const std::uint16_t v = static_cast<std::uint16_t>(read(2, kNone));
        const std::uint16_t le = static_cast<std::uint16_t>((v >> 8) | (v << 8));
        if (m_ok && id != kNone) add(id, m_pos - 2, 2, le);
        return le;
    }
    // n bytes; recorded as an address/bytes field when id is given. Empty on failure.
    ByteSpan bytes(std::size_t n, FieldId id = kNone)
    {
        if (!need(n)) return {};
        ByteSpan b = m_data.subspan(m_pos, n);
        if (id != kNone) m_lastField = m_ctx.out.addBytesField(id, m_layer, absolute(m_pos), b);
        m_pos += n;
        return b;
    }
    bool skip(std::size_t n)
    {
        if (!need(n)) return false;
        m_pos += n;
        return true;
    }
    // A value read earlier (bit fields), recorded at a position relative to the layer.
    std::uint32_t add(FieldId id, std::size_t rel, std::size_t len, std::uint64_t value)
    {
        return m_lastField = m_ctx.out.addField(id, m_layer, absolute(rel), static_cast<std::uint32_t>(len), value);
    }
    std::uint32_t lastField() const { return m_lastField; }
    // The layer covers only `n` bytes (a header's declared length cut padding off).
    void setLength(std::size_t n) { m_ctx.out.layer(m_layer).length = static_cast<std::uint32_t>(n); }
    // The layer is left out of frame.protocols (see LayerRecord::listed).
    void unlisted() { m_ctx.out.layer(m_layer).listed = false; }
    // No protocol item in the tree (see LayerRecord::inTree).
    void notInTree() { m_ctx.out.layer(m_layer).inTree = false; }

private:
    std::uint64_t read(std::size_t n, FieldId id)
    {
        if (!need(n)) return 0;
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < n; ++i) v = (v << 8) | m_data[m_pos + i];
        if (id != kNone) add(id, m_pos, n, v);
        m_pos += n;
        return v;
    }

    DissectContext& m_ctx;
    ByteSpan m_data;
    std::uint32_t m_at;
    std::size_t m_reported;
    std::size_t m_pos = 0;
    std::uint16_t m_layer = 0;
    std::uint32_t m_lastField = Dissection::kNoField;
    bool m_ok = true;
};

// Bytes Wireshark keeps inside another protocol's tree (TCP segment data): the layer stays
// for the detail pane but is no protocol of the frame.
inline void hideLayer(Dissection& out, std::uint16_t layer)
{
    out.layer(layer).listed = false;
    out.layer(layer).inTree = false;
}

// A payload handed to the next protocol: captured bytes, declared length, frame offset.
struct Payload {
    ByteSpan data;
    std::size_t reported = 0;
    std::uint32_t at = 0;
};

inline Payload payloadAfter(const LayerCursor& c, std::size_t declared)
{
    const std::size_t captured = c.remaining();
    Payload p;
    p.data = c.rest().first(declared < captured ? declared : captured);
    p.reported = declared;
    p.at = c.absolute(c.pos());
    return p;
}

// ---- One entry point per protocol file ----
void dissectEthernet(DissectContext& ctx, const Payload& p);
// By LINKTYPE_* (dissector.cpp): a frame's start, or what a capture header (PKTAP) names.
bool dissectLinkType(DissectContext& ctx, std::uint32_t linkType, const Payload& p);
void dissectLinuxSll(DissectContext& ctx, const Payload& p);
void dissectLinuxSll2(DissectContext& ctx, const Payload& p);
void dissectNullLoopback(DissectContext& ctx, const Payload& p, bool networkOrder);
void dissectRawIp(DissectContext& ctx, const Payload& p);
void dissectData(DissectContext& ctx, const Payload& p);
// EtherType → parser; false when the type is unknown (caller shows it as data).
bool dissectEtherType(DissectContext& ctx, std::uint16_t etherType, const Payload& p);
void dissectVlan(DissectContext& ctx, const Payload& p);
// Cisco FabricPath, tried on every Ethernet frame; false when the frame is not one.
bool dissectFabricPath(DissectContext& ctx, const Payload& p);
void dissectMpls(DissectContext& ctx, const Payload& p);
void dissectLlc(DissectContext& ctx, const Payload& p);
void dissectArp(DissectContext& ctx, const Payload& p);
void dissectEapol(DissectContext& ctx, const Payload& p);
void dissectIpv4(DissectContext& ctx, const Payload& p);
void dissectIpv6(DissectContext& ctx, const Payload& p);
// IP protocol number → parser; false when unknown.
bool dissectIpProtocol(DissectContext& ctx, std::uint8_t protocol, const Payload& p);
void dissectAh(DissectContext& ctx, const Payload& p);
void dissectTcp(DissectContext& ctx, const Payload& p);
void dissectUdp(DissectContext& ctx, const Payload& p);
void dissectIcmp(DissectContext& ctx, const Payload& p);
void dissectIcmpv6(DissectContext& ctx, const Payload& p);
void dissectIgmp(DissectContext& ctx, const Payload& p);
void dissectGre(DissectContext& ctx, const Payload& p);
void dissectSctp(DissectContext& ctx, const Payload& p);
void dissectM3ua(DissectContext& ctx, const Payload& p);
void dissectEap(DissectContext& ctx, const Payload& p);
void dissectBasicXid(DissectContext& ctx, const Payload& p);
void dissectNbdgm(DissectContext& ctx, const Payload& p);
// An SMB message carried by a NetBIOS datagram; false when the bytes are not SMB.
bool dissectSmbDatagram(DissectContext& ctx, const Payload& p);
// TCP desegmentation as Wireshark shows it (tcp_pdu.cpp). An application dissector whose PDU
// needs bytesStillNeeded more from later segments calls startTcpPdu with its layer: unless
// something complete came first in this segment, that layer leaves the tree. The segments in
// between show only TCP; the one completing the PDU shows its layers over the reassembled
// bytes, and Wireshark's "tcp.segments" item. Without reassembly it only names the column.
// A PDU with a `reassembled` dissector also passes `start`, its bytes in this segment; they are
// kept (bounded) and handed over whole. kTcpPduOneMoreSegment: the length is not known yet
// (a cut header), the next segment is taken whole (Wireshark's DESEGMENT_ONE_MORE_SEGMENT).
inline constexpr std::size_t kTcpPduOneMoreSegment = ~std::size_t{0};
// With TcpPdu::untilFin: the PDU ends with the sender's FIN.
inline constexpr std::size_t kTcpPduUntilFin = ~std::size_t{0} - 1;
bool continueTcpPdu(DissectContext& ctx, const Payload& p);
void startTcpPdu(DissectContext& ctx, const TcpPdu& pdu, std::size_t bytesStillNeeded, std::uint16_t layer,
                 bool completeHere = false, ByteSpan start = {});
void dissectTls(DissectContext& ctx, const Payload& p);
// Application protocols recognised by port: names the Protocol column and dissects DNS-like ones.
enum class Transport : std::uint8_t { Udp, Tcp };
// serverPort (TCP, 0 unknown): the connection's server port, tried before the others.
bool dissectByPort(DissectContext& ctx, Transport transport, std::uint16_t srcPort, std::uint16_t dstPort,
                   const Payload& p, std::uint16_t serverPort = 0);

}  // namespace rcvmon

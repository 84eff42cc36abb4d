// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/flow_table.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace rcvmon {

struct DissectContext;
struct Payload;

// An application PDU that spans segments, as the segment completing it shows it.
struct TcpPdu {
    std::string_view protocol;                 // the Protocol column
    std::string_view layerName, layerFilter;   // the application layer ("HTTP", "http")
    std::string_view bodyName, bodyFilter;     // the layer of its body (HTTP), or empty
    // When set, the PDU's bytes are kept and this dissector gets them whole on the completing
    // segment, then the rest of that segment (Wireshark's another_pdu_follows); it may start a
    // new PDU. Null: the completing segment only shows the layers named above.
    bool (*reassembled)(DissectContext& ctx, const Payload& payload) = nullptr;
    // Called on the segment that completes the PDU, with its layer: records what the first
    // segment learnt (kept in `saved`) and sets the Info column. Null: Info stays TCP's.
    void (*complete)(DissectContext& ctx, std::uint16_t layer, const TcpPdu& pdu, const Payload& segment) = nullptr;
    std::uint32_t saved[2] = {};
    // Asked when the bytes awaited have come, with the segment and where in it they end: how
    // many more the PDU needs (0: it is complete). HTTP's chunked bodies say their length
    // chunk by chunk. `resumeAtStart` set: the next segment is read from its start.
    std::size_t (*more)(DissectContext& ctx, TcpPdu& pdu, const Payload& segment, std::size_t end) = nullptr;
    bool resumeAtStart = false;
    // The bytes awaited are a lower bound (a header cut short): keep whole segments.
    bool wholeSegments = false;
    // What Info the application leaves when it asks for more (Wireshark then appends "[TCP
    // segment of a reassembled PDU]"): by default the segment keeps TCP's; `clearsInfo` for a
    // dissector that clears the column first (TLS). `again`: the dissector is called anew on
    // every segment until the PDU is complete (Wireshark's DESEGMENT_ONE_MORE_SEGMENT: HTTP
    // headers, chunked bodies) and sets the Info of the segments between too.
    bool clearsInfo = false;
    // The PDU runs until the sender's FIN (Wireshark's DESEGMENT_UNTIL_FIN: an HTTP response
    // with neither Content-Length nor chunks); the FIN segment completes it, payload or not.
    bool untilFin = false;
    void (*again)(DissectContext& ctx, std::uint16_t layer, const TcpPdu& pdu) = nullptr;
};

// Wireshark's sequence analysis flags (packet-tcp.c TCP_A_*), one bit each.
namespace tcp_analysis {
constexpr std::uint16_t Retransmission = 0x0001;
constexpr std::uint16_t LostPacket = 0x0002;
constexpr std::uint16_t AckLostPacket = 0x0004;
constexpr std::uint16_t KeepAlive = 0x0008;
constexpr std::uint16_t DuplicateAck = 0x0010;
constexpr std::uint16_t ZeroWindow = 0x0020;
constexpr std::uint16_t ZeroWindowProbe = 0x0040;
constexpr std::uint16_t ZeroWindowProbeAck = 0x0080;
constexpr std::uint16_t KeepAliveAck = 0x0100;
constexpr std::uint16_t OutOfOrder = 0x0200;
constexpr std::uint16_t FastRetransmission = 0x0400;
constexpr std::uint16_t WindowUpdate = 0x0800;
constexpr std::uint16_t WindowFull = 0x1000;
constexpr std::uint16_t ReusedPorts = 0x2000;
constexpr std::uint16_t SpuriousRetransmission = 0x4000;
}  // namespace tcp_analysis

// The last segments a direction sent that are not yet acknowledged (Wireshark keeps them all;
// the newest kCapacity are enough to find where an unseen ACKed run ends).
class TcpUnacked {
public:
    static constexpr std::uint8_t kCapacity = 8;
    struct Segment {
        std::uint32_t seq = 0, next = 0;
    };
    void push(std::uint32_t seq, std::uint32_t next)
    {
        m_head = static_cast<std::uint8_t>((m_head + 1) % kCapacity);
        m_items[m_head] = Segment{seq, next};
        if (m_count < kCapacity) ++m_count;
    }
    template <typename Fn>
    void forEachNewestFirst(Fn&& fn) const
    {
        for (std::uint8_t i = 0; i < m_count; ++i) fn(m_items[(m_head + kCapacity - i) % kCapacity]);
    }
    // Drops what `ack` covers; a segment it covers in part keeps the rest.
    void acknowledge(std::uint32_t ack);

private:
    std::array<Segment, kCapacity> m_items{};
    std::uint8_t m_head = 0, m_count = 0;
};

// What one direction of a TCP connection remembers between segments (Wireshark's tcp_flow_t
// with its tcp_analyze_seq_flow_info_t). Fixed size: nothing here grows with the traffic.
struct TcpDirectionState {
    std::uint32_t base = 0;             // relative sequence numbers count from here
    bool baseKnown = false;
    std::int8_t winScale = -1;          // window scale shift; -1 unknown, -2 no scaling used
    bool isFirstAck = false;            // a SYN was sent and no pure ACK yet
    std::uint16_t lastSegmentFlags = 0; // analysis flags of this direction's last segment
    std::uint32_t window = 0xffffffffu; // last raw window; all ones until a segment is seen
    std::uint32_t nextSeq = 0;          // highest sequence number sent + 1; 0 unknown
    std::uint32_t maxSeqToBeAcked = 0;  // end of the data seen without a hole
    std::uint32_t lastAck = 0;
    std::int32_t dupAckNum = 0;         // -1 after an ACKed-unseen segment, as Wireshark
    std::uint64_t lastNonDupAck = 0;    // frame of the last ACK that moved
    std::int64_t nextSeqTime = 0;       // ns, when nextSeq last moved
    std::int64_t lastAckTime = 0;
    TcpUnacked unacked;
    // Highest end seen, for the application dispatch (no dissector for resent bytes).
    std::uint32_t highestEnd = 0;
    bool highestKnown = false;
    // An application PDU spread over segments (Wireshark's TCP desegmentation): bytes still
    // to come, and what the completing segment shows. Payload bytes are kept (bounded) only for
    // a dissector that asks for the PDU whole (TLS).
    std::uint32_t pduRemaining = 0;
    bool pduWholeSegment = false;        // the PDU takes all of the next segment (length unknown yet)
    TcpPdu pdu;
    std::vector<std::uint8_t> pduBytes;  // the PDU so far, for a dissector that wants it whole
};

// What TLS remembers of a connection (protocols/tls/), as Wireshark's SslSession.
struct TlsSession {
    std::uint16_t version = 0;               // negotiated version; 0 until an authoritative message
    std::array<std::uint64_t, 2> ccsFrame{}; // first ChangeCipherSpec frame per direction (0: none)
    std::array<std::uint32_t, 2> hsRemaining{};  // bytes of a handshake message still to come
    std::array<std::uint8_t, 2> hsType{};        // and its type
    bool detected = false;                   // found by the heuristic: later segments are TLS too
};

struct TcpConversation {
    TcpDirectionState dir[2];
    std::uint32_t stream = 0;          // tcp.stream
    std::int64_t synTime = 0;          // ns of the last SYN, 0 none
    std::int64_t firstRtt = 0;         // ns, SYN to the first pure ACK; 0 unknown
    bool finOrRst = false;             // a FIN+ACK or RST was seen
    bool accEcnSyn = false, accEcnSynAck = false, accEcnOption = false;  // RFC 9768 set-up seen
    bool httpSeen = false;  // a request or response line was seen: later data is HTTP continuation
    // HTTP: the last request's method when its response has no body (1 HEAD, 2 CONNECT), the
    // port a CONNECT asked for, and whether its 2xx answer made the connection that tunnel.
    std::uint8_t httpNoBodyMethod = 0;
    bool httpTunnel = false;
    std::uint16_t httpConnectPort = 0;
    // The port the SYN went to (or the SYN+ACK came from), 0 unseen: Wireshark tries its
    // dissector before the lower and the higher port.
    std::uint16_t serverPort = 0;
    TlsSession tls;
    // The application protocol's own state across segments (SMTP: reading DATA, BDAT bytes left;
    // SSH: versions, banners, key exchange).
    std::uint32_t app[8] = {};
};

// TCP conversations keyed by address/port pairs, as Wireshark's TCP analysis keeps them:
// the stream index (tcp.stream, in order of first appearance), relative sequence numbers —
// each direction counts from its SYN, or from one less than the first number seen
// mid-connection — Wireshark's sequence analysis (tcp_analysis.cpp), window scaling, and
// application PDUs spanning segments.
//
// Memory bound: at most kMaxFlows conversations of sizeof(TcpConversation) each (allocated in
// chunks of kChunk as they appear) plus the index, boundBytes() in all (under 128 MiB with the
// application protocols' per-connection state); payload bytes are kept
// only for a PDU whose dissector wants it whole (a TLS record), at most 256 KiB per direction
// and only while it is incomplete (protocols/tcp_pdu.cpp), and at most kMaxKeptBytes over all
// conversations at once (keptBytes(): the buffers' capacity): past it a new PDU is only named,
// as one too large to keep. When a new conversation would exceed kMaxFlows the table starts
// over (analysis restarts, stream numbers keep counting).
class TcpConversations {
public:
    static constexpr std::uint32_t kMaxFlows = 131072;
    // As many as fill one 2 MiB huge page (core/huge_pages.h).
    static constexpr std::uint32_t kChunk = static_cast<std::uint32_t>(HugePageBytes / sizeof(TcpConversation));
    static constexpr std::uint32_t kMaxChunks = (kMaxFlows + kChunk - 1) / kChunk;
    static constexpr std::size_t kChunkBytes = roundUpToHugePages(std::size_t{kChunk} * sizeof(TcpConversation));
    static constexpr std::size_t kMaxKeptBytes = std::size_t{128} << 20;

    struct Endpoint {
        std::array<std::uint8_t, 16> addr{};
        std::uint16_t port = 0;
    };
    struct Segment {
        std::uint32_t seq = 0, ack = 0;
        std::uint32_t length = 0;     // payload bytes
        std::uint16_t flags = 0;      // the 12 flag bits
        std::uint16_t window = 0;     // raw, unscaled
        bool haveLength = true;       // false in an unreassembled IP fragment
        bool inError = false;         // quoted by an ICMP error: no analysis, absolute numbers
        std::int64_t timeNs = 0;
        std::uint64_t frame = 0;
    };
    struct Analysis {
        std::uint16_t flags = 0;      // tcp_analysis bits
        std::uint32_t dupAckNum = 0;
        std::uint64_t dupAckFrame = 0;
    };
    struct Result {
        std::uint32_t relSeq = 0, relAck = 0;
        bool retransmission = false;  // all payload bytes were sent before
        TcpConversation* conversation = nullptr;
        TcpDirectionState* direction = nullptr;  // the sender's side
        TcpDirectionState* peer = nullptr;
        Analysis analysis;
    };

    TcpConversations() : m_index(kMaxFlows) {}
    Result observe(std::uint8_t family, const Endpoint& src, const Endpoint& dst, const Segment& segment);
    // The index slot observe() will read for this pair starts loading (Dissector calls it as a
    // frame begins, so the wait overlaps the lower layers' dissection).
    void prefetch(std::uint8_t family, const Endpoint& src, const Endpoint& dst) const;
    // Then, the slot cached: the conversation's record starts loading (nothing when it is new).
    void prefetchRecord(std::uint8_t family, const Endpoint& src, const Endpoint& dst) const;
    void clear();
    std::uint32_t size() const { return m_used; }
    std::size_t memoryBytes() const;
    static std::size_t boundBytes();
    // The reassembly buffers (TcpDirectionState::pduBytes): bytes held now and at most so far.
    std::size_t keptBytes() const { return m_keptBytes; }
    std::size_t peakKeptBytes() const { return m_peakKeptBytes; }
    bool mayKeep(std::size_t more) const { return m_keptBytes + more <= kMaxKeptBytes; }
    // A buffer's capacity went from `before` to `after` bytes.
    void keptChanged(std::size_t before, std::size_t after)
    {
        m_keptBytes = m_keptBytes + after - before;
        if (m_keptBytes > m_peakKeptBytes) m_peakKeptBytes = m_keptBytes;
    }

private:
    void releaseKept();
    TcpConversation& slot(std::uint32_t i) { return m_chunks[i / kChunk][i % kChunk]; }
    const TcpConversation& slot(std::uint32_t i) const { return m_chunks[i / kChunk][i % kChunk]; }
    std::uint32_t newConversation(const ConversationKey& key);

    FlowIndex m_index;
    using Chunk = std::vector<TcpConversation, PrefaultingAllocator<TcpConversation>>;
    std::vector<Chunk> m_chunks;
    std::uint32_t m_used = 0;
    std::uint32_t m_nextStream = 0;
    std::size_t m_keptBytes = 0, m_peakKeptBytes = 0;
};

// Wireshark's tcp_analyze_sequence_number: classifies one segment and updates the sender's
// and receiver's analysis state. `me` is the sender's index in conv.dir.
TcpConversations::Analysis analyzeTcpSegment(TcpConversation& conv, int me, const TcpConversations::Segment& s);

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace rcvmon {

struct DissectContext;
struct Payload;

// What one direction of a TCP connection remembers between segments.
// An application PDU that spans segments, as the segment completing it shows it.
struct TcpPdu {
    std::string_view protocol;                 // the Protocol column
    std::string_view layerName, layerFilter;   // the application layer ("HTTP", "http")
    std::string_view bodyName, bodyFilter;     // the layer of its body (HTTP), or empty
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
};

struct TcpDirectionState {
    std::uint32_t base = 0;      // relative sequence numbers count from here
    std::uint32_t nextSeq = 0;   // highest sequence number sent so far + 1
    bool baseKnown = false;
    bool nextKnown = false;
    // An application PDU spread over segments (Wireshark's TCP desegmentation): bytes still
    // to come, and what the completing segment shows.
    std::uint32_t pduRemaining = 0;
    TcpPdu pdu;
};

struct TcpConversation {
    TcpDirectionState dir[2];
    bool httpSeen = false;  // a request or response line was seen: later data is HTTP continuation
    bool tls13 = false;     // a ServerHello selected TLS 1.3 (RFC 8446 supported_versions)
    // The application protocol's own state across segments (SMTP: reading DATA, BDAT bytes left;
    // SSH: versions, banners, key exchange).
    std::uint32_t app[8] = {};
};

// TCP conversations keyed by address/port pairs, as Wireshark's TCP analysis keeps them:
// relative sequence numbers (tcp.seq/tcp.ack) — each direction counts from its SYN, or from
// one less than the first number seen mid-connection — retransmission detection, and
// application PDUs spanning segments. Bounded: at kMaxFlows conversations it starts over.
class TcpConversations {
public:
    static constexpr std::size_t kMaxFlows = 65536;

    struct Endpoint {
        std::array<std::uint8_t, 16> addr{};
        std::uint16_t port = 0;
    };
    struct Segment {
        std::uint32_t seq = 0, ack = 0;
        std::uint32_t length = 0;  // payload bytes
        bool syn = false, fin = false, hasAck = false;
    };
    struct Result {
        std::uint32_t relSeq = 0, relAck = 0;
        bool retransmission = false;  // all payload bytes were sent before
        TcpConversation* conversation = nullptr;
        TcpDirectionState* direction = nullptr;  // the sender's side
    };

    Result observe(std::uint8_t family, const Endpoint& src, const Endpoint& dst, const Segment& segment);
    void clear() { m_flows.clear(); }

private:
    struct Key {
        std::array<std::uint8_t, 37> bytes{};
        friend bool operator==(const Key&, const Key&) = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const;
    };
    std::unordered_map<Key, TcpConversation, KeyHash> m_flows;
};

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "follow/follow_stream.h"

#include <array>
#include <cstdint>
#include <list>
#include <vector>

namespace rcvmon {

// One TCP segment of the followed stream, as Wireshark's follow tap gets it.
struct TcpFollowSegment {
    FollowEndpoint src, dst;
    std::uint32_t seq = 0;      // relative sequence number (tcp.seq)
    std::uint32_t length = 0;   // tcp.len: the segment's payload length, captured or not
    bool syn = false;
    std::uint32_t ack = 0;      // tcp.ack (relative when the ACK flag is set)
    ByteSpan data;              // the captured payload
    std::uint64_t frame = 0;
    Timestamp ts;
};

// Puts a TCP stream's payload in sequence order exactly as tshark 4.0's follow does
// (packet-tcp.c follow_tcp_tap_listener and check_follow_fragments): bytes already seen are
// dropped, a retransmission that carries more keeps only the new part, segments ahead of the
// stream wait until the gap fills, and when the peer acknowledges bytes that were never
// captured the gap becomes a "[N bytes missing in capture file]" chunk.
class TcpFollower {
public:
    explicit TcpFollower(FollowStream& out) : m_out(out) {}
    void add(const TcpFollowSegment& s);

private:
    struct Pending {
        std::uint32_t seq = 0;
        std::uint64_t frame = 0;
        Timestamp ts;
        std::vector<std::uint8_t> data;
    };
    bool applyPending(int side, std::uint32_t acknowledged, std::uint64_t frame, bool useAck);

    FollowStream& m_out;
    std::array<std::uint32_t, 2> m_seq{};           // next expected sequence number per side
    std::array<std::uint64_t, 2> m_written{};       // bytes taken in order per side
    std::array<std::list<Pending>, 2> m_pending;    // out-of-order segments, in arrival order
};

// Whether a packet from src:srcPort comes from Node 1; the first packet seen names Node 0
// (Wireshark's follow_info client, set while its port is still 0).
bool followIsServer(FollowStream& stream, const FollowEndpoint& src, const FollowEndpoint& dst);

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to tcp.cpp and tcp_options.cpp: TCP's registered fields and the option walker.
#pragma once

#include "dissect/protocols/context.h"

#include <cstdint>

namespace rcvmon {

struct TcpDirectionState;
struct TcpConversation;

struct TcpFields {
    FieldId stream, flagsAce, windowSize, windowScaleFactor;
    FieldId sackPerm, wscaleMultiplier, sackLe, sackRe, sackCount, tsval, tsecr, tfoRequest, tfoCookie, userTo;
    FieldId accEcnEe0b, accEcnEceb, accEcnEe1b;
    FieldId analysisFlags, retransmission, fastRetransmission, spuriousRetransmission, outOfOrder, reusedPorts,
        lostSegment, ackLostSegment, windowUpdate, windowFull, keepAlive, keepAliveAck, zeroWindowProbe, zeroWindow,
        zeroWindowProbeAck, duplicateAck, duplicateAckNum, duplicateAckFrame;
};
extern TcpFields tcpHf;

void registerTcpOptionFields(ProtocolRegistrar& r);

// Info's " [TCP segment of a reassembled PDU]" (tcp_pdu.cpp appends it after a space).
void writeTcpSegmentOfPdu(const LayerView& layer, std::string& out);

// What the options change in the conversation (null outside one, e.g. in ICMP errors).
struct TcpOptionState {
    TcpConversation* conversation = nullptr;
    TcpDirectionState* sender = nullptr;
    std::uint32_t sackBase = 0;  // the receiver's ISN: SACK edges are shown relative to it
};

// Walks the options between the cursor and `end` (RFC 9293 §3.2), recording fields in option
// order; the Info writer prints them from those fields.
void dissectTcpOptions(LayerCursor& c, std::size_t end, const TcpOptionState& state);

// Drops the PDU a direction waits for (tcp_pdu.cpp): a segment after a gap falls outside a PDU
// that only asked for one more segment, which can then never complete.
void abandonTcpPdu(DissectContext& ctx, TcpDirectionState& dir);

}  // namespace rcvmon

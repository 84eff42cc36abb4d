// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/dissection.h"
#include "dissect/field_registry.h"
#include "expert_item.h"

#include <cstdint>
#include <unordered_set>
#include <vector>

namespace rcvmon {

// Finds the expert events Wireshark would report for a frame in RcvMon's Dissection: the
// exception that ended it ([Malformed Packet]; [Packet size limited during capture] as
// RcvMon's own note), each packet comment's (Comment/Comment, frame.comment.expert), TCP's connection items (SYN, SYN+ACK, FIN, RST) and every
// tcp.analysis.* result, in the tree's order. TCP analysis needs a Dissector fed in file
// order, and the FIN items need this collector fed the same frames in the same order
// (it remembers which stream already began closing); reset() with the Dissector.
class ExpertCollector {
public:
    ExpertCollector();

    // Appends the frame's items to `out` (which is not cleared).
    void collect(const Dissection& dissection, std::vector<ExpertItem>& out);
    void reset() { m_closing.clear(); }

private:
    void collectTcp(const Dissection& d, std::uint16_t layer, std::vector<ExpertItem>& out);
    void collectException(const Dissection& d, std::vector<ExpertItem>& out) const;

    struct Ids {
        FieldId stream, retransmission, fastRetransmission, spuriousRetransmission, outOfOrder,
            reusedPorts, lostSegment, ackLostSegment, windowUpdate, windowFull, keepAlive,
            keepAliveAck, zeroWindowProbe, zeroWindow, zeroWindowProbeAck, duplicateAckNum;
    } m_id;
    FieldId m_comment;  // frame.comment: each raises a Comment item (frame.comment.expert)
    std::unordered_set<std::uint64_t> m_closing;  // tcp.stream values whose first FIN was seen
};

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to the database and stream protocols: Wireshark's tcp_dissect_pdus as the
// application dissector sees it, for protocols that set their columns on every call
// (PGSQL's ">", MySQL's "Request"). Segments in the middle of a PDU never reach the
// dissector; the segment that completes one gets a call over the reassembled PDU, then a
// second call over what follows it, whose column text Wireshark writes after a fence.
#pragma once

#include "dissect/protocols/tcp_message.h"
#include "dissect/protocols/tcp_options.h"

namespace rcvmon::pdu_stream {

// `start(afterReassembled)` opens a call (columns, the direction); `lengthOf(bytes)` gives a
// PDU's total length from its header, 0 when the bytes cannot say (then they are dissected
// as they are), kNeedMore when the header itself is cut (the rest waits for more, shown as
// nothing); `dissect(pdu, index)` dissects one PDU, `index` counting those of this call. A PDU
// shorter than its header is handed over with the rest of the segment, as the last.
inline constexpr std::size_t kNeedMore = kMessageLengthUnknown;

template <typename Start, typename LengthOf, typename Dissect>
void dissect(DissectContext& ctx, const Payload& p, Start&& start, LengthOf&& lengthOf, Dissect&& dissect)
{
    Payload whole, rest = p;
    switch (continueTcpMessage(ctx, p, whole, rest)) {
    case TcpMessageStep::Pending: return;
    case TcpMessageStep::Complete:
        start(false);
        inReassembledMessage(ctx, [&] { dissect(whole, 0); });
        markReassembled(ctx, whole.data.size());
        if (rest.data.empty()) return;
        start(true);
        break;
    case TcpMessageStep::None: start(false); break;
    }
    splitTcpMessages(rest, 0, lengthOf, dissect, [&](const Payload& from, std::size_t total, int index) {
        const bool wanted = total == kNeedMore ? ctx.desegment
                                               : ctx.desegment && ctx.tcpDirection && !ctx.inReassembled &&
                                                     from.data.size() == from.reported;
        if (!wanted) return false;
        // Wireshark asks TCP for more and shows nothing of these bytes; too large to keep,
        // they are still not dissected.
        if (total != kNeedMore && beginTcpMessage(ctx, from, total, index == 0)) return true;
        if (index == 0) {
            ctx.setProtocol("TCP");
            ctx.appendInfo(writeTcpSegmentOfPdu, static_cast<std::uint16_t>(ctx.out.layers().size() - 1), " ");
        }
        return true;
    });
}

}  // namespace rcvmon::pdu_stream

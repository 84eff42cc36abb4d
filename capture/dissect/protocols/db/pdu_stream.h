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
inline constexpr std::size_t kNeedMore = ~std::size_t{0};

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
    int index = 0;
    for (int guard = 0; guard < 1024 && !rest.data.empty(); ++guard) {
        const std::size_t total = lengthOf(rest.data);
        if ((total == kNeedMore && ctx.desegment) || (total != kNeedMore && total > rest.reported && ctx.desegment && ctx.tcpDirection && !ctx.inReassembled &&
                                   rest.data.size() == rest.reported)) {
            // Wireshark asks TCP for more and shows nothing of these bytes; too large to keep,
            // they are still not dissected.
            if (total != kNeedMore && beginTcpMessage(ctx, rest, total, index == 0)) return;
            if (index == 0) {
                ctx.setProtocol("TCP");
                ctx.appendInfo(writeTcpSegmentOfPdu, static_cast<std::uint16_t>(ctx.out.layers().size() - 1), " ");
            }
            return;
        }
        if (total == 0 || total == kNeedMore || total >= rest.reported) {
            dissect(rest, index++);
            return;
        }
        const std::size_t captured = std::min(total, rest.data.size());
        dissect(Payload{rest.data.first(captured), total, rest.at}, index++);
        rest = Payload{rest.data.subspan(captured), rest.reported - total, rest.at + static_cast<std::uint32_t>(total)};
    }
}

}  // namespace rcvmon::pdu_stream

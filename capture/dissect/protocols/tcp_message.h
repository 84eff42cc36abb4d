// SPDX-License-Identifier: GPL-2.0-or-later
// Messages that span TCP segments, for the protocols whose Info comes from deep inside a
// message (SMB2, DCE/RPC, Kerberos, LDAP): the segments of one message are kept until the
// last arrives, which is then dissected over the whole message, as Wireshark's
// tcp_dissect_pdus shows it. Segments in between show TCP only. Bounded: a message larger
// than kMaxTcpMessage is not collected, and a segment that does not follow the kept bytes
// (lost or reordered) drops them.
#pragma once

#include "dissect/protocols/context.h"

#include <algorithm>

namespace rcvmon {

constexpr std::size_t kMaxTcpMessage = 1u << 20;

enum class TcpMessageStep : std::uint8_t { None, Pending, Complete };

// Which pass over a capture the frame belongs to, for state the application dissectors keep
// between frames in tables of their own: frames come in file order, so a frame number lower
// than the last one seen starts a new pass (a new file, or a dissector started over), and
// state of the old pass must not leak into it.
std::uint64_t dissectionPass(const DissectContext& ctx);
// The key of the frame's TCP connection in such tables: the connection within this pass.
std::uint64_t connectionKey(const DissectContext& ctx);

// Called first for each segment. Pending: the segment continued a kept message and was
// consumed. Complete: `whole` is the reassembled message (valid until the next call; its
// offsets are the message's own), `rest` what this segment holds after it.
TcpMessageStep continueTcpMessage(DissectContext& ctx, const Payload& segment, Payload& whole, Payload& rest);

// Wireshark's "Reassembled TCP Segments" item, after the layers of the message it completed.
void markReassembled(DissectContext& ctx, std::size_t length);

// Whether an earlier segment of this direction began a message this one may continue: a
// heuristic dissector claims such a segment although it shows no header.
bool pendingTcpMessage(const DissectContext& ctx);

// A message starting at `from` needs `total` bytes, more than the segment holds: keeps its
// bytes for the segments that follow and shows them as TCP segment data. False when it
// cannot be collected (no reassembly, a cut capture, too large): dissect what is there.
// `pendingInfo`: the Info the protocol leaves before asking for more, when nothing complete
// came first (null keeps TCP's; writeNoInfo for a protocol that clears the column).
bool beginTcpMessage(DissectContext& ctx, const Payload& from, std::size_t total, bool firstInSegment,
                     InfoWriter pendingInfo = nullptr);

// An Info column the protocol cleared (col_clear): TCP's note then stands alone.
void writeNoInfo(const LayerView&, std::string&);

// Dissects `whole` as reassembled bytes: offsets are in its own space for the call.
template <typename Fn>
void inReassembledMessage(DissectContext& ctx, Fn&& fn)
{
    const bool saved = ctx.inReassembled;
    ctx.inReassembled = true;
    fn();
    ctx.inReassembled = saved;
}

// `lengthOf`'s answer when a message's header is itself cut, so its length is not known yet.
inline constexpr std::size_t kMessageLengthUnknown = ~std::size_t{0};

// Splits `rest` into the messages their headers announce, as tcp_dissect_pdus does:
// `lengthOf(bytes)` gives a message's total length (0: not a message start, the rest is handed
// to `dissect` as it is; kMessageLengthUnknown: the header is cut); `dissect(message, index)`
// dissects one; `incomplete(rest, total, index)` is asked about a message that continues past
// the segment (or whose length is unknown) and answers whether it took the bytes — if not,
// they are dissected as they are.
template <typename LengthOf, typename Dissect, typename Incomplete>
void splitTcpMessages(Payload rest, int index, LengthOf&& lengthOf, Dissect&& dissect, Incomplete&& incomplete)
{
    for (int guard = 0; guard < 1024 && !rest.data.empty(); ++guard) {
        const std::size_t total = lengthOf(rest.data);
        if (total == 0 || total == rest.reported) {
            dissect(rest, index);
            return;
        }
        if (total == kMessageLengthUnknown || total > rest.reported) {
            if (!incomplete(rest, total, index)) dissect(rest, index);
            return;
        }
        const std::size_t captured = std::min(total, rest.data.size());
        dissect(Payload{rest.data.first(captured), total, rest.at}, index++);
        rest = Payload{rest.data.subspan(captured), rest.reported - total, rest.at + static_cast<std::uint32_t>(total)};
    }
}

// A stream of messages: the segment's messages split as above. A message that continues past
// the segment is kept for the segments that complete it.
template <typename LengthOf, typename Dissect>
void dissectTcpMessages(DissectContext& ctx, const Payload& p, LengthOf&& lengthOf, Dissect&& dissect,
                        InfoWriter pendingInfo = nullptr)
{
    Payload whole, rest = p;
    int index = 0;
    switch (continueTcpMessage(ctx, p, whole, rest)) {
    case TcpMessageStep::Pending: return;
    case TcpMessageStep::Complete:
        inReassembledMessage(ctx, [&] { dissect(whole, index++); });
        markReassembled(ctx, whole.data.size());
        break;
    case TcpMessageStep::None: rest = p; break;
    }
    splitTcpMessages(rest, index, lengthOf, dissect, [&](const Payload& from, std::size_t total, int at) {
        return total != kMessageLengthUnknown && beginTcpMessage(ctx, from, total, at == 0, pendingInfo);
    });
}

}  // namespace rcvmon

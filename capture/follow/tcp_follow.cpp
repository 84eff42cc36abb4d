// SPDX-License-Identifier: GPL-2.0-or-later
#include "follow/tcp_follow.h"

#include <string>

namespace rcvmon {
namespace {

// Sequence-space comparisons (modulo 2^32), as Wireshark's LT_SEQ / GT_SEQ.
bool lessSeq(std::uint32_t a, std::uint32_t b) { return static_cast<std::int32_t>(a - b) < 0; }
bool greaterSeq(std::uint32_t a, std::uint32_t b) { return static_cast<std::int32_t>(a - b) > 0; }

}  // namespace

bool followIsServer(FollowStream& stream, const FollowEndpoint& src, const FollowEndpoint& dst)
{
    if (stream.client.port == 0) {
        stream.client = src;
        stream.server = dst;
    }
    return !(stream.client.address == src.address && stream.client.port == src.port);
}

void TcpFollower::add(const TcpFollowSegment& s)
{
    std::uint32_t sequence = s.seq + (s.syn ? 1 : 0);
    std::uint32_t length = s.length;
    const int side = followIsServer(m_out, s.src, s.dst) ? 1 : 0;
    ByteSpan data = s.data;

    // This segment may acknowledge bytes of the other side that the capture never saw.
    while (!m_pending[1 - side].empty() && applyPending(1 - side, s.ack, s.frame, true)) {
    }

    std::uint32_t& next = m_seq[side];
    if (m_written[side] == 0 && next == 0) next = sequence;
    if (lessSeq(sequence, next)) {
        // Dated, but a retransmission may carry more than was seen: keep only the new part.
        const std::uint32_t end = sequence + length;
        if (greaterSeq(end, next)) {
            const std::uint32_t skip = next - sequence;
            data = data.size() <= skip ? ByteSpan{} : data.subspan(skip);
            sequence = next;
            length = end - next;
        }
    }
    if (data.empty() || lessSeq(sequence, next)) return;

    if (sequence == next) {
        next += length;
        m_written[side] += data.size();
        m_out.append(side == 1, s.frame, s.ts, data);
        while (applyPending(side, 0, s.frame, false)) {
        }
    } else {
        m_pending[side].push_back(Pending{sequence, s.frame, s.ts, std::vector<std::uint8_t>(data.begin(), data.end())});
    }
}

bool TcpFollower::applyPending(int side, std::uint32_t acknowledged, std::uint64_t frame, bool useAck)
{
    auto& pending = m_pending[side];
    if (pending.empty()) return false;
    std::uint32_t& next = m_seq[side];
    std::uint32_t lowest = pending.front().seq;
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        if (greaterSeq(lowest, it->seq)) lowest = it->seq;
        const auto size = static_cast<std::uint32_t>(it->data.size());
        if (lessSeq(it->seq, next)) {
            // Partly seen already: take what lies beyond the stream's end, if anything.
            if (greaterSeq(it->seq + size, next)) {
                const std::uint32_t skip = next - it->seq;
                if (size > skip) m_out.append(side == 1, it->frame, it->ts, ByteSpan(it->data).subspan(skip));
                next += size - skip;
            }
            pending.erase(it);
            return true;
        }
        if (it->seq == next) {
            if (size > 0) m_out.append(side == 1, it->frame, it->ts, ByteSpan(it->data));
            next += size;
            pending.erase(it);
            return true;
        }
    }
    if (useAck && greaterSeq(acknowledged, lowest)) {
        // The peer acknowledged bytes the capture lacks. Wireshark's marker keeps its NUL.
        const std::string marker =
            "[" + std::to_string(static_cast<std::int32_t>(lowest - next)) + " bytes missing in capture file]";
        const auto* p = reinterpret_cast<const std::uint8_t*>(marker.c_str());
        m_out.append(side == 1, frame, Timestamp{}, ByteSpan(p, marker.size() + 1));
        next = lowest;
        return true;
    }
    return false;
}

}  // namespace rcvmon

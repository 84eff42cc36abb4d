// SPDX-License-Identifier: GPL-2.0-or-later
// Wireshark's TCP sequence analysis (epan/dissectors/packet-tcp.c, tcp_analyze_sequence_number,
// as tshark 4.0 runs it): zero window and its probes, lost and ACKed-unseen segments,
// keep-alives, window updates and full windows, duplicate ACKs, and the retransmission kinds
// (fast, out-of-order, spurious, plain). Same tests, same order, same state; sequence numbers
// are absolute and compared modulo 2^32 as Wireshark's GT_SEQ/LT_SEQ do.
#include "dissect/tcp_conversations.h"

namespace rcvmon {
namespace {

constexpr std::uint16_t kFin = 0x01, kSyn = 0x02, kRst = 0x04, kAck = 0x10;

bool gtSeq(std::uint32_t a, std::uint32_t b) { return static_cast<std::int32_t>(a - b) > 0; }
bool ltSeq(std::uint32_t a, std::uint32_t b) { return static_cast<std::int32_t>(a - b) < 0; }
bool leSeq(std::uint32_t a, std::uint32_t b) { return static_cast<std::int32_t>(a - b) <= 0; }

}  // namespace

TcpConversations::Analysis analyzeTcpSegment(TcpConversation& conv, int me, const TcpConversations::Segment& s)
{
    namespace ta = tcp_analysis;
    TcpDirectionState& fwd = conv.dir[me];
    TcpDirectionState& rev = conv.dir[1 - me];
    TcpConversations::Analysis a;
    const std::uint32_t seq = s.seq, ack = s.ack, seglen = s.length, window = s.window;
    const std::uint16_t flags = s.flags;
    const bool synFinRst = (flags & (kSyn | kFin | kRst)) != 0;

    [&] {
        // Zero window probe: one byte at the next expected number into a closed window.
        if (seglen == 1 && seq == fwd.nextSeq && rev.window == 0) {
            a.flags |= ta::ZeroWindowProbe;
            return;
        }
        if (window == 0 && (flags & (kRst | kFin | kSyn)) == 0) a.flags |= ta::ZeroWindow;
        // A hole before this segment: something was not captured (RST segments excepted).
        if (fwd.nextSeq && gtSeq(seq, fwd.nextSeq) && (flags & kRst) == 0) a.flags |= ta::LostPacket;
        // Keep-alive: 0 or 1 byte starting one before the next expected number.
        if ((seglen == 0 || seglen == 1) && seq == fwd.nextSeq - 1 && !synFinRst) a.flags |= ta::KeepAlive;
        // Window update: an empty segment repeating SEQ/ACK with a new window.
        if (seglen == 0 && window && window != fwd.window && seq == fwd.nextSeq && ack == fwd.lastAck && !synFinRst)
            a.flags |= ta::WindowUpdate;
        // Window full: the data reaches the edge of the window the receiver advertised.
        if (seglen > 0 && rev.winScale != -1 && !synFinRst) {
            const int shift = rev.isFirstAck ? 0 : (rev.winScale == -2 ? 0 : rev.winScale);
            if (seq + seglen == rev.lastAck + (rev.window << shift)) a.flags |= ta::WindowFull;
        }
        const bool repeats = seglen == 0 && seq == fwd.nextSeq && !synFinRst;
        if (repeats && window && window == fwd.window && ack == fwd.lastAck && (rev.lastSegmentFlags & ta::KeepAlive)) {
            a.flags |= ta::KeepAliveAck;
            return;
        }
        if (repeats && window == 0 && window == fwd.window && (ack == fwd.lastAck || ack == fwd.lastAck + 1) &&
            (rev.lastSegmentFlags & ta::ZeroWindowProbe)) {
            a.flags |= ta::ZeroWindowProbeAck;
            return;
        }
        if (repeats && window && window == fwd.window && ack == fwd.lastAck) {
            fwd.dupAckNum = fwd.dupAckNum == -1 ? 1 : fwd.dupAckNum + 1;  // -1: after an ACKed-unseen
            a.flags |= ta::DuplicateAck;
            a.dupAckNum = static_cast<std::uint32_t>(fwd.dupAckNum);
            a.dupAckFrame = fwd.lastNonDupAck;
        }
    }();

    if (ack != fwd.lastAck) {
        fwd.lastNonDupAck = s.frame;
        fwd.dupAckNum = 0;
    }

    // ACKed unseen segment: this acknowledges data of the other direction never seen. Flagged
    // once: the mark moves to the end of the unacknowledged run just above this ACK, if the
    // ACK ends where one starts, else to the ACK itself.
    if (rev.maxSeqToBeAcked && gtSeq(ack, rev.maxSeqToBeAcked) && (flags & kAck)) {
        if (ack == fwd.lastAck + 1 && seq == fwd.nextSeq && (rev.lastSegmentFlags & ta::ZeroWindowProbe)) {
            // The ACK that reopens a zero window after a probe: a window update.
            rev.nextSeq = ack;
            rev.maxSeqToBeAcked = ack;
            a.flags |= ta::WindowUpdate;
        } else {
            std::uint32_t tailLe = 0, tailRe = 0;
            rev.unacked.forEachNewestFirst([&](const TcpUnacked::Segment& u) {
                if (tailLe == tailRe) {
                    tailLe = u.seq;
                    tailRe = u.next;
                }
                if (!ltSeq(u.seq, ack)) {
                    if (u.next == tailLe) {
                        tailLe = u.seq;
                    } else {
                        tailLe = u.seq;
                        tailRe = u.next;
                    }
                }
            });
            rev.maxSeqToBeAcked = (ack == tailLe && gtSeq(tailRe, ack)) ? tailRe : ack;
            a.flags |= ta::AckLostPacket;
        }
    }

    // Retransmission, fast retransmission, out-of-order, spurious: data (or SYN/FIN) that
    // does not advance the sequence number. A keep-alive is none of them.
    if ((seglen > 0 || (flags & (kSyn | kFin))) && !(a.flags & ta::KeepAlive)) {
        bool notAdvanced = fwd.nextSeq && ltSeq(seq, fwd.nextSeq);
        // More than one byte right after a possible zero window probe adds new data.
        if (seglen > 1 && fwd.nextSeq - 1 == seq) notAdvanced = false;
        // Wireshark's time differences are unsigned: a frame earlier than the reference is
        // never "within" a threshold. Subtracted unsigned too, so times a damaged file puts
        // centuries apart wrap instead of overflowing.
        const auto since = [&](std::int64_t t) {
            return static_cast<std::uint64_t>(s.timeNs) - static_cast<std::uint64_t>(t);
        };
        const std::uint64_t oooThreshold = conv.firstRtt != 0 ? static_cast<std::uint64_t>(conv.firstRtt) : 3000000;
        if (seglen > 0 && rev.lastAck && leSeq(seq + seglen, rev.lastAck)) {
            a.flags |= ta::SpuriousRetransmission;
        } else if (notAdvanced && rev.dupAckNum >= 2 && rev.lastAck == seq && since(rev.lastAckTime) < 20000000) {
            a.flags |= ta::FastRetransmission;
        } else if (notAdvanced && since(fwd.nextSeqTime) < oooThreshold &&
                   fwd.nextSeq != seq + seglen + ((flags & (kSyn | kFin)) ? 1 : 0)) {
            a.flags |= ta::OutOfOrder;
        } else if (notAdvanced) {
            a.flags |= ta::Retransmission;
        }
    }

    // Every segment moves the highest number seen (pure ACKs included, as they set where the
    // next data must start); a SYN or FIN counts one. A zero window probe does not move it.
    std::uint32_t nextSeq = seq + seglen;
    if (flags & (kSyn | kFin)) nextSeq += 1;
    const bool probe = (a.flags & ta::ZeroWindowProbe) != 0;
    if ((gtSeq(nextSeq, fwd.nextSeq) || !fwd.nextSeq) && !probe) {
        fwd.nextSeq = nextSeq;
        fwd.nextSeqTime = s.timeNs;
    }
    // The end of the data seen without a hole, for ACKed-unseen detection.
    if ((seq == fwd.maxSeqToBeAcked || !fwd.maxSeqToBeAcked) && !probe) fwd.maxSeqToBeAcked = fwd.nextSeq;

    if (seglen || (flags & (kSyn | kFin))) fwd.unacked.push(seq, nextSeq);

    fwd.window = window;
    fwd.lastAck = ack;
    fwd.lastAckTime = s.timeNs;
    fwd.lastSegmentFlags = a.flags;
    rev.unacked.acknowledge(ack);
    return a;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stream_chain_index.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <set>
#include <utility>
#include <vector>

class QTimer;

namespace rcvmon {

class PacketStoreView;

// Dissects one frame as the in-order pass (and `rcvmon-cli`) did, for a row or the detail
// pane, without dissecting every frame before it: it replays through a Dissector only the
// frame's chain (StreamChainIndex: its TCP or UDP stream, else its address pair) up to the
// frame, corrects the stream numbers the replay counted from 0, and checks the result against
// the pass's digest. The few frames whose state comes from outside their chain (an IP datagram
// reassembled from fragments, a data connection a control one announced) fail the check and are
// dissected again after every retained frame before them, which is exact.
//
// Cost: a few cursors stay where they stopped, so the rows of a screen, asked top to bottom,
// continue their chains. A frame that needs more than DirectFrames replayed is not done while
// the view waits: dissect() says no (the row shows the frame alone meanwhile), and the replay
// runs in 5 ms slices on a zero-delay timer, keeps the result (at most KeptResults of them) and
// reports it through the ready callback, so the row is refreshed. A paint (PaintBudget) also
// bounds the frames all its rows replay together: the rows past PaintFrames are deferred the
// same way. The last KeptResults answers are kept (a row's colour is asked for after its
// text). GUI thread, as the store view.
class FrameReplay {
public:
    static constexpr std::size_t DirectFrames = 64;
    // ~1.5 ms of replay on the benchmark VM (a chain's frames are scattered over the file: a
    // cold read each, ~5 µs): a jump's paint stays within a 60 Hz frame.
    static constexpr std::size_t PaintFrames = 256;
    static constexpr std::size_t KeptResults = 128;
    static constexpr std::size_t MaxDeferred = 4096;

    FrameReplay(PacketStoreView& store, const StreamChainIndex& index);
    ~FrameReplay();

    void setInterfaceNames(const Dissector::InterfaceNames& names);
    void setFrameComments(const Dissector::FrameComments& comments);
    // Called with the frames dissect() said no to that can now be answered.
    using Ready = std::function<void(const std::vector<std::uint64_t>&)>;
    void setReady(Ready ready) { m_ready = std::move(ready); }

    // Frame `number` into `out`, with its bytes in `frame` (valid until the store's next
    // frame() call). False when the pass has not reached it yet, or the replay is long: then
    // the frame is remembered and reported as ready later (settled(), the ready callback).
    bool dissect(std::uint64_t number, Dissection& out, FrameRef& frame);

    // Drops the kept answer for frame `number`: it no longer holds (the user edited its comments).
    void forget(std::uint64_t number);

    // While one lives (a view painting), the replays dissect() runs before answering total at
    // most `frames` frames; a row past that is deferred as a long one is. Null: nothing.
    class PaintBudget {
    public:
        explicit PaintBudget(FrameReplay* replay, std::size_t frames = PaintFrames);
        ~PaintBudget();
        PaintBudget(const PaintBudget&) = delete;
        PaintBudget& operator=(const PaintBudget&) = delete;

    private:
        FrameReplay* m_replay;
        std::size_t m_outer;  // a paint inside a paint (a nested repaint) also spends the outer one's
        std::size_t m_given;
    };

    // Frames asked for before the pass reached them, now behind it: [first, last], or false.
    // Each is reported once.
    bool settled(std::uint64_t& first, std::uint64_t& last);

    struct Counts {
        std::uint64_t chainReplays = 0;   // answered from their chain
        std::uint64_t prefixReplays = 0;  // the digest differed: answered after every frame before
        std::uint64_t deferred = 0;       // answered by the timer's slices
        std::uint64_t framesDissected = 0;
    };
    const Counts& counts() const { return m_counts; }
    bool busy() const { return !m_deferred.empty(); }

private:
    struct Cursor {
        Dissector dissector;
        std::uint64_t last = 0;  // the frame it dissected last (0: none, or moving)
        std::uint64_t used = 0;  // for least-recently-used reuse
        bool held = false;       // a deferred replay is moving it
        StreamChainIndex::StreamIds ids;
        Cursor() : dissector(Dissector::Options{true}) {}
    };
    // A deferred replay moving a cursor over `frames` (ascending) towards `target`.
    struct Job {
        std::uint64_t target = 0;
        Cursor* cursor = nullptr;
        bool prefix = false;
        std::vector<std::uint64_t> frames;
        std::size_t next = 0;
    };
    std::size_t chainTo(std::uint64_t number, Cursor*& cursor, std::size_t limit);
    Cursor& takeCursor(std::uint64_t chainStart);
    bool finish(Cursor& cursor, std::uint64_t number, Dissection& out, FrameRef& frame);
    bool replayPrefix(std::uint64_t number, Dissection& out, FrameRef& frame);
    void correctStreams(const StreamChainIndex::StreamIds& ids, Dissection& out) const;
    bool feed(Cursor& cursor, std::uint64_t number);
    bool keptResult(std::uint64_t number, Dissection& out, FrameRef& frame);
    void keep(std::uint64_t number, const Dissection& result);
    void defer(std::uint64_t number);
    void startJob();
    void work();

    static constexpr std::size_t Cursors = 8;
    PacketStoreView& m_store;
    const StreamChainIndex& m_index;
    std::array<std::unique_ptr<Cursor>, Cursors> m_cursors;
    std::unique_ptr<Cursor> m_prefix;
    std::uint64_t m_clock = 0;
    std::vector<std::uint64_t> m_chain;  // reused: the frames to replay, newest first
    Dissection m_scratch;                // the frames before the one asked for
    FieldId m_tcpStream = 0, m_udpStream = 0;
    std::uint64_t m_pendingFirst = 0, m_pendingLast = 0;  // asked for ahead of the pass; 0: none
    std::set<std::uint64_t> m_deferred;
    Job m_job;
    std::list<std::pair<std::uint64_t, Dissection>> m_kept;  // newest first
    std::unique_ptr<QTimer> m_timer;
    std::size_t m_budget = SIZE_MAX;  // frames dissect() may still replay before answering
    Ready m_ready;
    Counts m_counts;
};

}  // namespace rcvmon

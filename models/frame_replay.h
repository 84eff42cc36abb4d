// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stream_chain_index.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace rcvmon {

class PacketStoreView;

// Dissects one frame as the in-order pass (and `rcvmon-cli`) did, for a row or the detail
// pane, without dissecting every frame before it: it replays through a Dissector only the
// frame's chain (StreamChainIndex: its TCP or UDP stream, else its address pair) up to the
// frame, corrects the stream numbers the replay counted from 0, and checks the result against
// the pass's digest. The few frames whose state comes from outside their chain (an IP datagram
// reassembled from fragments, a data connection a control one announced) fail the check and are
// dissected again after every retained frame before them, which is exact and costs what the
// pass cost up to there (a cursor, so following frames continue from it).
// A few cursors stay where they stopped, so the rows of a screen, asked top to bottom, each
// continue their chain instead of starting it again. GUI thread, as the store view.
class FrameReplay {
public:
    FrameReplay(PacketStoreView& store, const StreamChainIndex& index);
    ~FrameReplay();

    void setInterfaceNames(const Dissector::InterfaceNames& names);
    void setFrameComments(const Dissector::FrameComments& comments);

    // Frame `number` into `out`, with its bytes in `frame` (valid until the store's next
    // frame() call). False when the pass has not reached it yet: then nothing is done and the
    // number is remembered (settled() reports it once the pass has passed it).
    bool dissect(std::uint64_t number, Dissection& out, FrameRef& frame);

    // Frames asked for before the pass reached them, now behind it: [first, last], or false.
    // Each is reported once.
    bool settled(std::uint64_t& first, std::uint64_t& last);

    struct Counts {
        std::uint64_t chainReplays = 0;   // answered from their chain
        std::uint64_t prefixReplays = 0;  // the digest differed: answered after every frame before
        std::uint64_t framesDissected = 0;
    };
    const Counts& counts() const { return m_counts; }

private:
    struct Cursor {
        Dissector dissector;
        std::uint64_t last = 0;  // the frame it dissected last (0: none)
        std::uint64_t used = 0;  // for least-recently-used reuse
        StreamChainIndex::StreamIds ids;
        Cursor() : dissector(Dissector::Options{true}) {}
    };
    bool replayChain(std::uint64_t number, Dissection& out, FrameRef& frame);
    bool replayPrefix(std::uint64_t number, Dissection& out, FrameRef& frame);
    void correctStreams(const StreamChainIndex::StreamIds& ids, Dissection& out) const;
    bool feed(Cursor& cursor, std::uint64_t number);

    static constexpr std::size_t Cursors = 8;
    PacketStoreView& m_store;
    const StreamChainIndex& m_index;
    std::array<std::unique_ptr<Cursor>, Cursors> m_cursors;
    std::unique_ptr<Cursor> m_prefix;
    std::uint64_t m_clock = 0;
    std::vector<std::uint64_t> m_chain;  // reused
    Dissection m_scratch;                // the frames before the one asked for
    FieldId m_tcpStream = 0, m_udpStream = 0;
    std::uint64_t m_pendingFirst = 0, m_pendingLast = 0;  // asked for ahead of the pass; 0: none
    Counts m_counts;
};

}  // namespace rcvmon

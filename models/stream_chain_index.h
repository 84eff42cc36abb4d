// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "store_pass.h"

#include "dissect/dissection.h"
#include "dissect/dissector.h"

#include <cstdint>
#include <deque>
#include <unordered_map>

namespace rcvmon {

// The window dissects the rows a view shows, in any order; the CLI dissects every frame in
// order, so TCP analysis, stream numbers, reassembly and request/response links see the frames
// before. This pass walks the retained frames once in order (a StorePass: 5 ms slices, and it
// follows a live capture as it grows) with a Dissector set up as the CLI's, and keeps per frame
// only what lets FrameReplay rebuild that frame's state later from a few frames:
//   - the previous frame of the same chain (its TCP stream, else its UDP stream, else its
//     address pair): a 32-bit distance, 0 for the first;
//   - a digest of the frame's in-order dissection, which the replay checks itself against.
// 8 bytes per frame (Entry), plus one Chain (24 bytes in a hash map) per stream or address pair.
class StreamChainIndex : public StorePass {
    Q_OBJECT
public:
    struct Entry {
        std::uint32_t back = 0;    // this frame's number minus the chain's previous one; 0: first
        std::uint32_t digest = 0;  // dissectionDigest() of the in-order dissection
    };
    // The stream numbers (tcp.stream / udp.stream) the in-order pass gave a chain's first
    // frame: a replay that starts at that frame numbers them from 0 and is corrected with these.
    struct StreamIds {
        static constexpr std::uint32_t None = 0xffffffffu;
        std::uint32_t tcp = None, udp = None;
    };

    explicit StreamChainIndex(QObject* parent = nullptr);

    void setInterfaceNames(Dissector::InterfaceNames names) { m_dissector.setInterfaceNames(std::move(names)); }
    void setFrameComments(Dissector::FrameComments comments) { m_dissector.setFrameComments(std::move(comments)); }

    // Frames [firstIndexed(), endIndexed()) have entries.
    std::uint64_t firstIndexed() const { return m_base; }
    std::uint64_t endIndexed() const { return m_base + m_entries.size(); }
    bool covers(std::uint64_t number) const { return number >= m_base && number < endIndexed(); }
    const Entry& entry(std::uint64_t number) const { return m_entries[static_cast<std::size_t>(number - m_base)]; }
    // A chain starting at frame `first`: its stream numbers (None when `first` starts none).
    StreamIds streamsOfChainAt(std::uint64_t first) const;
    // Drops the entries of frames the store no longer holds (a live capture's ring).
    void forgetBefore(std::uint64_t number);
    // Bytes kept: entries and chains.
    std::size_t memoryBytes() const;

protected:
    void begin() override;
    void visit(const FrameRef& frame, std::uint64_t number) override;

private:
    struct Chain {
        std::uint64_t first = 0, last = 0;
        StreamIds ids;
    };
    std::uint64_t chainKey(std::uint64_t number, StreamIds& ids) const;

    Dissector m_dissector;
    Dissection m_dissection;
    FieldId m_tcpStream = 0, m_udpStream = 0;
    std::uint64_t m_base = 1;
    std::deque<Entry> m_entries;
    std::unordered_map<std::uint64_t, Chain> m_chains;        // by chain key
    std::unordered_map<std::uint64_t, StreamIds> m_starts;   // by the chain's first frame
};

}  // namespace rcvmon

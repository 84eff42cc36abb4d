// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/dissection.h"
#include "dissect/dissector.h"

#include <cstdint>

namespace rcvmon {

class PacketStoreView;

// The store's frames dissected in order with one Dissector, as tshark reads a file: TCP
// analysis, streams and reassembly see every frame before the one asked for. Asked in
// ascending order (an export), each frame is dissected once; asked for an earlier frame, it
// starts again from the store's first. The table's own row-at-a-time dissection keeps no such
// state, which tshark -T json's tcp.stream, relative numbers and analysis need.
class SequentialDissection {
public:
    explicit SequentialDissection(PacketStoreView& store);
    Dissector& dissector() { return m_dissector; }

    // Frame `number` dissected after every frame before it; null when the store no longer
    // holds it (or cannot read it). Valid until the next call.
    const Dissection* at(std::uint64_t number);

private:
    PacketStoreView& m_store;
    Dissector m_dissector;
    Dissection m_dissection;
    std::uint64_t m_next = 0;  // the next frame to dissect; 0: not started
};

}  // namespace rcvmon

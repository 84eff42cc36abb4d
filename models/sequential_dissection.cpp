// SPDX-License-Identifier: GPL-2.0-or-later
#include "sequential_dissection.h"

#include "packet_store_view.h"

namespace rcvmon {

SequentialDissection::SequentialDissection(PacketStoreView& store) : m_store(store) {}

const Dissection* SequentialDissection::at(std::uint64_t number)
{
    if (number < m_store.firstNumber() || number >= m_store.endNumber()) return nullptr;
    if (m_next == 0 || number < m_next) {
        m_dissector.reset();
        m_next = m_store.firstNumber();
    }
    FrameRef frame;
    bool read = false;
    for (; m_next <= number; ++m_next) {
        // A frame that cannot be read is left out, as a torn record is by tshark.
        read = m_store.frame(m_next, frame);
        if (read) m_dissector.dissect(frame, m_next, m_dissection);
    }
    return read ? &m_dissection : nullptr;
}

}  // namespace rcvmon

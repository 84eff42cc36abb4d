// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/flow_key_queue.h"

#include <bit>

namespace rcvmon {

FlowKeyQueue::FlowKeyQueue(std::size_t capacity)
{
    const std::size_t size = std::bit_ceil(capacity < 2 ? std::size_t{2} : capacity);
    m_cells = std::make_unique<Cell[]>(size);
    m_mask = size - 1;
    // A cell whose sequence equals a position is free for the producer at that position.
    for (std::size_t i = 0; i < size; ++i) m_cells[i].sequence.store(i, std::memory_order_relaxed);
}

bool FlowKeyQueue::tryPush(const FlowKey& key) noexcept
{
    std::size_t position = m_enqueue.load(std::memory_order_relaxed);
    for (;;) {
        Cell& cell = m_cells[position & m_mask];
        const std::size_t sequence = cell.sequence.load(std::memory_order_acquire);
        const auto lag = static_cast<std::ptrdiff_t>(sequence - position);
        if (lag == 0) {
            // Claim the position; on a lost race `position` is reloaded and we try again.
            if (m_enqueue.compare_exchange_weak(position, position + 1, std::memory_order_relaxed)) {
                cell.key = key;
                cell.sequence.store(position + 1, std::memory_order_release);
                return true;
            }
        } else if (lag < 0) {
            return false;  // the consumer has not freed this cell yet: full
        } else {
            position = m_enqueue.load(std::memory_order_relaxed);
        }
    }
}

bool FlowKeyQueue::tryPop(FlowKey& key) noexcept
{
    std::size_t position = m_dequeue.load(std::memory_order_relaxed);
    for (;;) {
        Cell& cell = m_cells[position & m_mask];
        const std::size_t sequence = cell.sequence.load(std::memory_order_acquire);
        const auto lag = static_cast<std::ptrdiff_t>(sequence - (position + 1));
        if (lag == 0) {
            if (m_dequeue.compare_exchange_weak(position, position + 1, std::memory_order_relaxed)) {
                key = cell.key;
                // Free the cell for the producer one lap ahead.
                cell.sequence.store(position + m_mask + 1, std::memory_order_release);
                return true;
            }
        } else if (lag < 0) {
            return false;  // empty
        } else {
            position = m_dequeue.load(std::memory_order_relaxed);
        }
    }
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/flow_key.h"

#include <atomic>
#include <cstddef>
#include <memory>

namespace rcvmon {

// A bounded lock-free queue of flow keys (Dmitry Vyukov's bounded MPMC queue): any number of
// capture threads push, ProcessMap's worker pops. Neither side ever waits or allocates after
// construction: a push into a full queue fails at once and the caller counts the loss.
class FlowKeyQueue {
public:
    // capacity is rounded up to a power of two, at least 2.
    explicit FlowKeyQueue(std::size_t capacity);
    FlowKeyQueue(const FlowKeyQueue&) = delete;
    FlowKeyQueue& operator=(const FlowKeyQueue&) = delete;

    bool tryPush(const FlowKey& key) noexcept;
    bool tryPop(FlowKey& key) noexcept;
    std::size_t capacity() const { return m_mask + 1; }

private:
    struct Cell {
        std::atomic<std::size_t> sequence{0};
        FlowKey key;
    };
    static constexpr std::size_t kCacheLine = 64;

    std::unique_ptr<Cell[]> m_cells;
    std::size_t m_mask = 0;
    alignas(kCacheLine) std::atomic<std::size_t> m_enqueue{0};
    alignas(kCacheLine) std::atomic<std::size_t> m_dequeue{0};
};

}  // namespace rcvmon

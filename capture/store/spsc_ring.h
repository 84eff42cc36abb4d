// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"
#include "store/packet_tags.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace rcvmon {

// One frame as the consumer sees it: valid until pop().
struct RingEntry {
    FrameRef frame;
    PacketTags tags;
};

// A bounded single-producer single-consumer lock-free ring of frames, sized in bytes.
// Each entry is a fixed header followed by the frame bytes, padded to 8; an entry that
// would run past the end of the buffer leaves a skip marker and starts again at 0, so an
// entry is always contiguous and front() hands out a view with no copy. A lent entry
// (tryStageLent) holds a pointer to the frame's bytes instead of the bytes themselves.
//
// Threads: tryPush()/tryStage()/publish() from one producer thread, front()/pop()/drain() from one consumer
// thread; capacity(), bytesUsed() and the static helpers from anywhere. Like rigtorp's
// SPSCQueue each side caches the other's index and re-reads the shared atomic only when
// the ring looks full (producer) or empty (consumer); acquire/release only.
class SpscRing {
public:
    // capacityBytes is rounded up to a power of two (at least 4 KiB). Allocates once, here.
    explicit SpscRing(std::size_t capacityBytes);
    SpscRing(const SpscRing&) = delete;
    SpscRing& operator=(const SpscRing&) = delete;

    std::size_t capacity() const { return m_capacity; }
    // Bytes one frame occupies in the ring: header plus data, padded to 8.
    static std::size_t entryBytes(std::size_t capturedLength);
    // Bytes a lent entry (tryStageLent) occupies, whatever the frame's length.
    static std::size_t lentEntryBytes();
    // The largest entry accepted: half the ring, so that an empty ring takes any entry
    // up to it wherever the write position happens to be (a skip plus the entry fit).
    std::size_t maxEntryBytes() const { return m_capacity / 2; }
    bool canEverHold(std::size_t capturedLength) const { return entryBytes(capturedLength) <= maxEntryBytes(); }

    // Producer. Copies the frame in; never blocks, never allocates. False when the ring
    // is full or the frame can never fit (see canEverHold): the caller counts the loss.
    // The entry is visible to the consumer at once.
    bool tryPush(const FrameRef& frame, const PacketTags& tags = {});
    // Producer, batched: as tryPush, but the consumer sees staged entries only at the next
    // publish() (or once PublishEvery bytes are staged). Publishing the write position
    // once per batch instead of per frame keeps its cache line from bouncing between the
    // two cores for every frame while the consumer keeps up.
    bool tryStage(const FrameRef& frame, const PacketTags& tags = {});
    // As tryStage, but the entry points at frame.data instead of holding a copy: the
    // producer keeps those bytes in place until returned(stagedPosition()) taken after this.
    bool tryStageLent(const FrameRef& frame, const PacketTags& tags = {});
    // Producer: the position after the last staged entry.
    std::uint64_t stagedPosition() const { return m_writeLocal; }
    // Producer: whether the consumer has released every entry before position.
    bool returned(std::uint64_t position) const { return m_read.load(std::memory_order_acquire) >= position; }
    void publish() { m_write.store(m_writeLocal, std::memory_order_release); }
    static constexpr std::uint64_t PublishEvery = 64u << 10;

    // Consumer. The oldest entry, or false when empty. The view stays valid until pop().
    bool front(RingEntry& out);
    // Releases the entry front() returned; only after a successful front().
    void pop();
    // Hands up to maxFrames entries to fn(const FrameRef&, const PacketTags&), oldest
    // first, releasing each after fn returns. Returns how many were handed out.
    template <typename Fn>
    std::size_t drain(Fn&& fn, std::size_t maxFrames)
    {
        std::size_t count = 0;
        RingEntry entry;
        while (count < maxFrames && front(entry)) {
            fn(static_cast<const FrameRef&>(entry.frame), static_cast<const PacketTags&>(entry.tags));
            pop();
            ++count;
        }
        return count;
    }

    // Like drain(), but the entries stay in place until beforeRelease() has returned and
    // are then released together: their bytes can go to one gathered write instead of being
    // copied out. Stops after maxFrames entries or once maxBytes of the ring are held, so the
    // producer keeps room meanwhile.
    template <typename Fn, typename Release>
    std::size_t drainHeld(Fn&& fn, Release&& beforeRelease, std::size_t maxFrames, std::size_t maxBytes)
    {
        std::size_t count = 0;
        const std::uint64_t start = m_readLocal;
        RingEntry entry;
        while (count < maxFrames && m_readLocal - start < maxBytes && front(entry)) {
            prefetchEntryAfterFront();  // its header is a cache miss otherwise: the producer wrote it
            fn(static_cast<const FrameRef&>(entry.frame), static_cast<const PacketTags&>(entry.tags));
            m_readLocal += m_frontBytes;  // consumed, not yet released
            m_frontBytes = 0;
            ++count;
        }
        beforeRelease();
        m_read.store(m_readLocal, std::memory_order_release);
        return count;
    }

    // Either side; a snapshot that may be stale by the time it returns.
    std::size_t bytesUsed() const;
    bool empty() const { return bytesUsed() == 0; }

private:
    static constexpr std::size_t kCacheLine = 64;
    bool stage(const FrameRef& frame, const PacketTags& tags, bool lent);

    void prefetchEntryAfterFront() const
    {
#if defined(__GNUC__) || defined(__clang__)
        __builtin_prefetch(m_buffer + ((m_readLocal + m_frontBytes) & m_mask));
#endif
    }

    std::size_t m_capacity = 0;
    std::size_t m_mask = 0;
    std::unique_ptr<std::uint64_t[]> m_storage;  // 8-aligned entries
    std::uint8_t* m_buffer = nullptr;

    // Producer's line: its own position (published), what it has staged beyond that, and
    // its cached view of the reader.
    alignas(kCacheLine) std::atomic<std::uint64_t> m_write{0};
    std::uint64_t m_writeLocal = 0;
    std::uint64_t m_readCache = 0;
    // Consumer's line: its own position (published), unpublished progress, cached writer.
    alignas(kCacheLine) std::atomic<std::uint64_t> m_read{0};
    std::uint64_t m_readLocal = 0;
    std::uint64_t m_writeCache = 0;
    std::uint64_t m_frontBytes = 0;
};

}  // namespace rcvmon

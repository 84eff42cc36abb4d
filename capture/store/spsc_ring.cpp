// SPDX-License-Identifier: GPL-2.0-or-later
#include "store/spsc_ring.h"

#include <bit>
#include <cstring>

namespace rcvmon {

namespace {

// The fixed part of every entry, one half cache line: a 60-byte frame's entry is 96 bytes.
// The entry's size follows from capturedLength; a capturedLength of SkipMarker sends the
// reader back to the start of the buffer. Link types are 16 bits, as in pcapng and the
// packet store's records.
struct EntryHeader {
    std::uint32_t capturedLength;
    std::uint32_t originalLength;
    std::int64_t sec;
    std::uint32_t nsec;
    std::uint32_t interfaceId;
    std::uint16_t linkType;
    Direction direction;
    ProtocolClass protocol;
    CaptureMode mode;
    std::uint8_t flags;
    std::uint16_t lent;  // 1: a pointer to the frame's bytes follows instead of the bytes
};
static_assert(sizeof(EntryHeader) == 32, "entries stay 8-aligned and small");

constexpr std::uint32_t SkipMarker = 0xffffffffu;
constexpr std::uint64_t PrefetchAhead = 512;

constexpr std::size_t kMinCapacity = 4096;

}  // namespace

SpscRing::SpscRing(std::size_t capacityBytes)
    : m_capacity(std::bit_ceil(capacityBytes < kMinCapacity ? kMinCapacity : capacityBytes)),
      m_mask(m_capacity - 1),
      m_storage(new std::uint64_t[m_capacity / sizeof(std::uint64_t)]),  // untouched until used
      m_buffer(reinterpret_cast<std::uint8_t*>(m_storage.get()))
{
}

std::size_t SpscRing::entryBytes(std::size_t capturedLength)
{
    return (sizeof(EntryHeader) + capturedLength + 7) & ~std::size_t{7};
}

std::size_t SpscRing::lentEntryBytes()
{
    return sizeof(EntryHeader) + sizeof(const std::uint8_t*);
}

bool SpscRing::tryPush(const FrameRef& frame, const PacketTags& tags)
{
    const bool staged = tryStage(frame, tags);
    publish();
    return staged;
}

bool SpscRing::tryStage(const FrameRef& frame, const PacketTags& tags)
{
    return stage(frame, tags, false);
}

bool SpscRing::tryStageLent(const FrameRef& frame, const PacketTags& tags)
{
    return stage(frame, tags, true);
}

bool SpscRing::stage(const FrameRef& frame, const PacketTags& tags, bool lent)
{
    const std::size_t length = frame.data.size();
    if (length >= SkipMarker || (!lent && !canEverHold(length))) return false;
    const std::uint64_t need = lent ? lentEntryBytes() : entryBytes(length);

    const std::uint64_t write = m_writeLocal;
    std::uint64_t offset = write & m_mask;
    const std::uint64_t toEnd = m_capacity - offset;
    const std::uint64_t total = need <= toEnd ? need : toEnd + need;
    if (write + total - m_readCache > m_capacity) {
        m_readCache = m_read.load(std::memory_order_acquire);
        if (write + total - m_readCache > m_capacity) {
            publish();  // what is staged is the consumer's to drain
            return false;
        }
    }

    if (need > toEnd) {
        std::memcpy(m_buffer + offset, &SkipMarker, sizeof(SkipMarker));
        offset = 0;
    }
    EntryHeader header{};
    header.capturedLength = static_cast<std::uint32_t>(length);
    header.sec = frame.ts.sec;
    header.nsec = frame.ts.nsec;
    header.originalLength = frame.originalLength;
    header.linkType = static_cast<std::uint16_t>(frame.linkType);
    header.interfaceId = frame.interfaceId;
    header.direction = frame.direction;
    header.protocol = tags.protocol;
    header.mode = tags.mode;
    header.flags = frame.flags;
    header.lent = lent ? 1 : 0;
    std::memcpy(m_buffer + offset, &header, sizeof(header));
    if (lent) {
        const std::uint8_t* bytes = frame.data.data();
        std::memcpy(m_buffer + offset + sizeof(header), &bytes, sizeof(bytes));
    } else if (length != 0) {
        std::memcpy(m_buffer + offset + sizeof(header), frame.data.data(), length);
    }

    m_writeLocal = write + total;
#if defined(__GNUC__) || defined(__clang__)
    // The lines ahead were last read on the consumer's core: ask for them now, for writing,
    // so that the entries to come do not each wait for their line.
    __builtin_prefetch(m_buffer + ((m_writeLocal + PrefetchAhead) & m_mask), 1);
#endif
    // The producer's own position: reading it back costs no trip to the consumer's core.
    if (m_writeLocal - m_write.load(std::memory_order_relaxed) >= PublishEvery) publish();
    return true;
}

bool SpscRing::front(RingEntry& out)
{
    for (;;) {
        if (m_readLocal == m_writeCache) {
            m_writeCache = m_write.load(std::memory_order_acquire);
            if (m_readLocal == m_writeCache) return false;
        }
        const std::uint64_t offset = m_readLocal & m_mask;
        EntryHeader header;
        std::memcpy(&header.capturedLength, m_buffer + offset, sizeof(header.capturedLength));
        if (header.capturedLength == SkipMarker) {
            // The entry continues at the start of the buffer.
            m_readLocal += m_capacity - offset;
            continue;
        }
        std::memcpy(&header, m_buffer + offset, sizeof(header));
        out.frame.ts = Timestamp{header.sec, header.nsec};
        out.frame.capturedLength = header.capturedLength;
        out.frame.originalLength = header.originalLength;
        out.frame.linkType = header.linkType;
        out.frame.interfaceId = header.interfaceId;
        out.frame.direction = header.direction;
        out.frame.flags = header.flags;
        const std::uint8_t* bytes = m_buffer + offset + sizeof(header);
        if (header.lent) std::memcpy(&bytes, bytes, sizeof(bytes));
        out.frame.data = ByteSpan(bytes, header.capturedLength);
        out.tags.protocol = header.protocol;
        out.tags.mode = header.mode;
        m_frontBytes = header.lent ? lentEntryBytes() : entryBytes(header.capturedLength);
        return true;
    }
}

void SpscRing::pop()
{
    m_readLocal += m_frontBytes;
    m_frontBytes = 0;
    m_read.store(m_readLocal, std::memory_order_release);
}

std::size_t SpscRing::bytesUsed() const
{
    const std::uint64_t read = m_read.load(std::memory_order_acquire);
    const std::uint64_t write = m_write.load(std::memory_order_acquire);
    return write >= read ? static_cast<std::size_t>(write - read) : 0;
}

}  // namespace rcvmon

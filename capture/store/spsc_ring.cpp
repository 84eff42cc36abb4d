// SPDX-License-Identifier: GPL-2.0-or-later
#include "store/spsc_ring.h"

#include <bit>
#include <cstring>
#include <limits>

namespace rcvmon {

namespace {

// The fixed part of every entry; an entryBytes of 0 is the skip marker that sends the
// reader back to the start of the buffer.
struct EntryHeader {
    std::uint32_t entryBytes;
    std::uint32_t capturedLength;
    std::int64_t sec;
    std::uint32_t nsec;
    std::uint32_t originalLength;
    std::uint32_t linkType;
    std::uint32_t interfaceId;
    Direction direction;
    ProtocolClass protocol;
    CaptureMode mode;
    std::uint8_t flags;
    std::uint32_t reserved;
};
static_assert(sizeof(EntryHeader) % 8 == 0, "entries stay 8-aligned");

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

bool SpscRing::tryPush(const FrameRef& frame, const PacketTags& tags)
{
    const std::size_t length = frame.data.size();
    if (length > std::numeric_limits<std::uint32_t>::max() || !canEverHold(length)) return false;
    const std::uint64_t need = entryBytes(length);

    const std::uint64_t write = m_write.load(std::memory_order_relaxed);
    std::uint64_t offset = write & m_mask;
    const std::uint64_t toEnd = m_capacity - offset;
    const std::uint64_t total = need <= toEnd ? need : toEnd + need;
    if (write + total - m_readCache > m_capacity) {
        m_readCache = m_read.load(std::memory_order_acquire);
        if (write + total - m_readCache > m_capacity) return false;
    }

    if (need > toEnd) {
        const std::uint32_t skip = 0;
        std::memcpy(m_buffer + offset, &skip, sizeof(skip));
        offset = 0;
    }
    EntryHeader header{};
    header.entryBytes = static_cast<std::uint32_t>(need);
    header.capturedLength = static_cast<std::uint32_t>(length);
    header.sec = frame.ts.sec;
    header.nsec = frame.ts.nsec;
    header.originalLength = frame.originalLength;
    header.linkType = frame.linkType;
    header.interfaceId = frame.interfaceId;
    header.direction = frame.direction;
    header.protocol = tags.protocol;
    header.mode = tags.mode;
    header.flags = frame.flags;
    std::memcpy(m_buffer + offset, &header, sizeof(header));
    if (length != 0) std::memcpy(m_buffer + offset + sizeof(header), frame.data.data(), length);

    m_write.store(write + total, std::memory_order_release);
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
        std::uint32_t entryBytes = 0;
        std::memcpy(&entryBytes, m_buffer + offset, sizeof(entryBytes));
        if (entryBytes == 0) {
            // Skip marker: the entry continues at the start of the buffer.
            m_readLocal += m_capacity - offset;
            continue;
        }
        EntryHeader header;
        std::memcpy(&header, m_buffer + offset, sizeof(header));
        out.frame.ts = Timestamp{header.sec, header.nsec};
        out.frame.capturedLength = header.capturedLength;
        out.frame.originalLength = header.originalLength;
        out.frame.linkType = header.linkType;
        out.frame.interfaceId = header.interfaceId;
        out.frame.direction = header.direction;
        out.frame.flags = header.flags;
        out.frame.data = ByteSpan(m_buffer + offset + sizeof(header), header.capturedLength);
        out.tags.protocol = header.protocol;
        out.tags.mode = header.mode;
        m_frontBytes = entryBytes;
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

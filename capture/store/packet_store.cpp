// SPDX-License-Identifier: GPL-2.0-or-later
#include "store/packet_store.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

#ifdef _WIN32
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace rcvmon {

namespace {

constexpr std::uint64_t kMiB = 1u << 20;
constexpr std::uint64_t kMinBound = kMiB;
constexpr std::uint64_t kMaxDefaultBound = 2048 * kMiB;
constexpr std::uint64_t kFallbackBound = 512 * kMiB;
constexpr std::uint32_t kMinChunk = 64u << 10;
constexpr std::uint64_t kMaxRecordBlockBytes = 256u << 10;
// 2^18 records of 40 bytes: 10 MiB, whole huge pages (page_block.h) and a power of two.
constexpr std::uint64_t kLargeRecordBlockBytes = 10u << 20;
static_assert(kLargeRecordBlockBytes % sizeof(PacketRecord) == 0 &&
                  std::has_single_bit(kLargeRecordBlockBytes / sizeof(PacketRecord)) &&
                  kLargeRecordBlockBytes % (2u << 20) == 0,
              "a large record block holds a power of two of records in whole 2 MiB pages");
constexpr std::uint32_t kMinRecordsPerBlock = 256;

std::string mebibytes(std::uint64_t bytes)
{
    const std::uint64_t tenths = bytes * 10 / kMiB;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MiB";
}

}  // namespace

std::uint64_t physicalMemoryBytes()
{
#ifdef _WIN32
    MEMORYSTATUSEX status{};
    status.dwLength = sizeof(status);
    if (!GlobalMemoryStatusEx(&status)) return 0;
    return status.ullTotalPhys;
#else
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || pageSize <= 0) return 0;
    return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(pageSize);
#endif
}

std::uint64_t defaultMemoryBound()
{
    const std::uint64_t physical = physicalMemoryBytes();
    if (physical == 0) return kFallbackBound;
    return std::clamp(physical / 4, kMinBound, kMaxDefaultBound);
}

PacketStore::PacketStore(PacketStoreOptions options)
    : m_bound(std::max(options.memoryBound, kMinBound)), m_policy(options.policy)
{
    // Small bounds get small units, so eviction never throws away more than a sixteenth.
    const std::uint64_t chunk = std::min<std::uint64_t>(options.chunkBytes, m_bound / 16);
    m_chunkBytes = static_cast<std::uint32_t>(std::max<std::uint64_t>(chunk, kMinChunk));
    const std::uint64_t maxBlock = options.largeRecordBlocks ? kLargeRecordBlockBytes : kMaxRecordBlockBytes;
    const std::uint64_t blockBytes = std::min(maxBlock, m_bound / 32);
    // A power of two, so finding a record is a shift and a mask.
    const auto records = std::max<std::uint64_t>(blockBytes / sizeof(PacketRecord), kMinRecordsPerBlock);
    m_blockShift = static_cast<std::uint32_t>(std::bit_width(records) - 1);
    m_recordsPerBlock = std::uint32_t{1} << m_blockShift;
}

PacketStore::PacketStore(FrameAccessor accessor, PacketStoreOptions options) : PacketStore(options)
{
    m_accessor = std::move(accessor);
}

PacketStore::~PacketStore() = default;

bool PacketStore::append(const FrameRef& frame, const PacketTags& tags)
{
    if (fileBacked() || m_stopped.load(std::memory_order_relaxed)) {
        refuse();
        return false;
    }
    const std::size_t length = frame.data.size();
    const std::uint64_t blockBytes = std::uint64_t{m_recordsPerBlock} * sizeof(PacketRecord);
    if (length > std::numeric_limits<std::uint32_t>::max() || length + blockBytes > m_bound ||
        ((needChunk(length) || needRecordBlock()) && !makeRoom(length))) {
        refuse();
        return false;
    }

    std::uint64_t serial = m_firstChunkSerial + m_chunks.size();
    std::uint32_t offset = 0;
    if (length != 0) {
        if (needChunk(length)) newChunk(length);
        Chunk& chunk = m_chunks.back();
        offset = chunk.used;
        std::memcpy(chunk.data.data() + offset, frame.data.data(), length);
        chunk.used += static_cast<std::uint32_t>(length);
        serial = m_firstChunkSerial + m_chunks.size() - 1;
    }

    fillRecord(pushRecord(), serial << 32 | offset, static_cast<std::uint32_t>(length), frame, tags);
    return true;
}

// appendAt() when its inline path has no open record: the first append, a full block, or
// a store that refuses (not file-backed, stopped).
bool PacketStore::appendAtNewBlock(std::uint64_t fileOffset, const FrameRef& frame, const PacketTags& tags)
{
    if (!fileBacked() || m_stopped.load(std::memory_order_relaxed) || (needRecordBlock() && !makeRoom(0))) {
        refuse();
        return false;
    }
    PacketRecord& record = pushRecord();
    fillRecord(record, fileOffset, frame.capturedLength, frame, tags);
    // The rest of this block is the inline path's: nothing evicts the block being written.
    m_openRecords = m_recordsPerBlock - 1 - static_cast<std::uint32_t>((m_endIndex - 1) & (m_recordsPerBlock - 1));
    m_nextRecord = &record + 1;
    return true;
}

bool PacketStore::needChunk(std::size_t frameBytes) const
{
    return frameBytes != 0 && (m_chunks.empty() || m_chunks.back().size - m_chunks.back().used < frameBytes);
}

void PacketStore::newChunk(std::size_t frameBytes)
{
    Chunk chunk;
    if (m_spareChunk.data && m_spareChunk.size >= frameBytes) {
        chunk = std::move(m_spareChunk);  // already counted
        chunk.used = 0;
    } else {
        chunk.size = std::max(m_chunkBytes, static_cast<std::uint32_t>(frameBytes));
        chunk.data = PageBlock(chunk.size);
        setMemoryUsed(memoryUsed() + chunk.size);
    }
    m_chunks.push_back(std::move(chunk));
}

// Evicts (or stops) until the chunk and record block this append may need fit the bound.
bool PacketStore::makeRoom(std::size_t frameBytes)
{
    const std::uint64_t blockBytes = std::uint64_t{m_recordsPerBlock} * sizeof(PacketRecord);
    for (;;) {
        std::uint64_t need = 0;
        if (needChunk(frameBytes) && !(m_spareChunk.data && m_spareChunk.size >= frameBytes))
            need += std::max<std::uint64_t>(m_chunkBytes, frameBytes);
        if (needRecordBlock() && !m_spareBlock) need += blockBytes;
        if (memoryUsed() + need <= m_bound) return true;
        if (m_policy == BoundPolicy::StopAtBound) {
            stopAtBound();
            return false;
        }
        if (!evictOldest()) return false;
    }
}

bool PacketStore::needRecordBlock() const
{
    return (m_endIndex >> m_blockShift) >= m_firstBlock + m_blocks.size();
}

bool PacketStore::evictOldest()
{
    if (fileBacked() || m_chunks.empty()) {
        if (m_firstIndex == m_endIndex) return false;
        const std::uint64_t blockEnd = ((m_firstIndex >> m_blockShift) + 1) * m_recordsPerBlock;
        evictThrough(fileBacked() ? std::min(blockEnd, m_endIndex) : m_endIndex);
        return true;
    }
    // Every packet whose bytes are in the oldest chunk goes with it; they are the oldest.
    std::uint64_t index = m_firstIndex;
    while (index < m_endIndex && (recordAt(index).location >> 32) <= m_firstChunkSerial) ++index;
    evictThrough(index);
    if (!m_spareChunk.data && m_chunks.front().size == m_chunkBytes)
        m_spareChunk = std::move(m_chunks.front());
    else
        setMemoryUsed(memoryUsed() - m_chunks.front().size);
    m_chunks.pop_front();
    ++m_firstChunkSerial;
    return true;
}

void PacketStore::evictThrough(std::uint64_t index)
{
    m_evicted.fetch_add(index - m_firstIndex, std::memory_order_relaxed);
    m_firstIndex = index;
    m_size.store(m_endIndex - m_firstIndex, std::memory_order_relaxed);
    freeEvictedBlocks();
}

void PacketStore::freeEvictedBlocks()
{
    const std::uint64_t blockBytes = std::uint64_t{m_recordsPerBlock} * sizeof(PacketRecord);
    while (!m_blocks.empty() && (m_firstBlock + 1) * m_recordsPerBlock <= m_firstIndex) {
        if (!m_spareBlock)
            m_spareBlock = std::move(m_blocks.front());
        else
            setMemoryUsed(memoryUsed() - blockBytes);
        m_blocks.pop_front();
        ++m_firstBlock;
    }
}

void PacketStore::stopAtBound()
{
    m_openRecords = 0;
    if (m_stopped.exchange(true, std::memory_order_relaxed)) return;
    m_stopMessage = "Capture stopped: the packet store reached its memory bound of " + mebibytes(m_bound) + " with " +
                    std::to_string(size()) +
                    " packets kept. Raise the memory bound, or let the oldest packets be evicted, to capture longer.";
}

PacketRecord& PacketStore::pushRecord()
{
    if (needRecordBlock()) {
        if (m_blocks.empty()) m_firstBlock = (m_endIndex >> m_blockShift);
        if (m_spareBlock) {
            m_blocks.push_back(std::move(m_spareBlock));  // already counted
        } else {
            m_blocks.emplace_back(std::size_t{m_recordsPerBlock} * sizeof(PacketRecord));
            setMemoryUsed(memoryUsed() + std::uint64_t{m_recordsPerBlock} * sizeof(PacketRecord));
        }
    }
    // Appends always land in the newest block: no need for recordAt()'s block lookup.
    PacketRecord& record = m_blocks.back().as<PacketRecord>()[m_endIndex & (m_recordsPerBlock - 1)];
    ++m_endIndex;
    m_size.store(m_endIndex - m_firstIndex, std::memory_order_relaxed);
    return record;
}

PacketRecord& PacketStore::recordAt(std::uint64_t index)
{
    return m_blocks[static_cast<std::size_t>((index >> m_blockShift) - m_firstBlock)]
        .as<PacketRecord>()[index & (m_recordsPerBlock - 1)];
}

const PacketRecord& PacketStore::recordAt(std::uint64_t index) const
{
    return m_blocks[static_cast<std::size_t>((index >> m_blockShift) - m_firstBlock)]
        .as<PacketRecord>()[index & (m_recordsPerBlock - 1)];
}

const PacketRecord& PacketStore::record(std::uint64_t number) const
{
    return recordAt(number - 1);
}

void PacketStore::setMappedFrames(ByteSpan file, std::uint32_t frameOffset, std::uint64_t base)
{
    m_mappedFile = frameOffset != 0 ? file : ByteSpan();
    m_mappedFrameOffset = frameOffset;
    m_mappedBase = base;
}

void PacketStore::evictBefore(std::uint64_t number)
{
    if (number <= firstNumber()) return;
    evictThrough(std::min(number, endNumber()) - 1);
}

bool PacketStore::readFrame(std::uint64_t number, FrameRef& out) const
{
    if (!contains(number)) {
        m_error = "packet " + std::to_string(number) + " is not in the store (evicted, or not captured yet)";
        return false;
    }
    const PacketRecord& r = record(number);
    out = r.frameWithoutBytes();
    if (fileBacked()) {
        const std::uint64_t at = r.location - m_mappedBase + m_mappedFrameOffset;
        if (!m_mappedFile.empty() && r.location >= m_mappedBase && at <= m_mappedFile.size()
            && m_mappedFile.size() - at >= r.capturedLength) {
            out.data = m_mappedFile.subspan(static_cast<std::size_t>(at), r.capturedLength);
            return true;
        }
        FrameRef fromFile;
        if (!m_accessor(r.location, fromFile)) {
            m_error = "cannot read packet " + std::to_string(number) + " from the file (offset " +
                      std::to_string(r.location) + ")";
            return false;
        }
        out.data = fromFile.data;
        out.capturedLength = static_cast<std::uint32_t>(fromFile.data.size());
        return true;
    }
    if (r.capturedLength != 0) {
        const Chunk& chunk = m_chunks[static_cast<std::size_t>((r.location >> 32) - m_firstChunkSerial)];
        out.data = ByteSpan(chunk.data.data() + (r.location & 0xffffffffu), r.capturedLength);
    }
    return true;
}

FrameRef PacketStore::frame(std::uint64_t number) const
{
    FrameRef out;
    readFrame(number, out);
    return out;
}

void PacketStore::setMarks(std::uint64_t number, std::uint8_t marks)
{
    if (contains(number)) recordAt(number - 1).marks = marks;
}

void PacketStore::refuse()
{
    m_refused.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace rcvmon

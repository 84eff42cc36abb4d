// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"
#include "store/packet_record.h"
#include "store/page_block.h"
#include "store/packet_tags.h"

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>

namespace rcvmon {

// Physical memory of this machine in bytes, 0 when it cannot be told.
std::uint64_t physicalMemoryBytes();
// The store's default bound: a quarter of physical memory, at most 2 GiB.
std::uint64_t defaultMemoryBound();

enum class BoundPolicy : std::uint8_t {
    EvictOldest,  // at the bound the oldest packets go, whole chunks at a time, counted
    StopAtBound,  // at the bound appending stops and stopMessage() says why
};

struct PacketStoreOptions {
    std::uint64_t memoryBound = defaultMemoryBound();  // at least 1 MiB is used
    BoundPolicy policy = BoundPolicy::EvictOldest;
    std::uint32_t chunkBytes = 4u << 20;  // arena chunk; lowered to bound/16 for small bounds
    // Index records per block, in bytes: 256 KiB, or 10 MiB of transparent huge pages (page_block.h)
    // for a store that expects millions of packets. Lowered to bound/32 for small bounds.
    bool largeRecordBlocks = false;
};

// Reads the frame stored at a file offset (a file reader's readAt); false with no bytes.
using FrameAccessor = std::function<bool(std::uint64_t offset, FrameRef& out)>;

// The append-only packet store the GUI models read: one PacketRecord per packet plus the
// frame bytes, either copied into large arena chunks (live capture) or left in the file
// they came from (an opened file: only the records live in memory, frame() asks the
// accessor). Packets are numbered from 1 and keep their number when older ones are evicted;
// the retained ones are [firstNumber(), endNumber()).
//
// Memory: records and chunks together never exceed memoryBound(). At the bound the oldest
// arena chunk (file-backed: the oldest block of records) is evicted with every packet in
// it, or, under StopAtBound, append() refuses and stopMessage() says so.
//
// Threads: not thread-safe. One thread (the GUI thread, which drains the capture ring on a
// timer) appends and reads; a FrameRef from frame() is valid until the next append. Only
// size(), memoryUsed(), evictedCount(), refusedCount() and stopped() may be read from any
// thread (relaxed atomics, for status lines).
class PacketStore {
public:
    explicit PacketStore(PacketStoreOptions options = {});
    // File-backed: frames stay in the file; append with appendAt().
    explicit PacketStore(FrameAccessor accessor, PacketStoreOptions options = {});
    PacketStore(const PacketStore&) = delete;
    PacketStore& operator=(const PacketStore&) = delete;
    ~PacketStore();

    bool fileBacked() const { return static_cast<bool>(m_accessor); }
    // File-backed store over a mapped file whose frames all start frameOffset bytes after
    // their record (pcap): readFrame() takes the bytes straight from the mapping, without a
    // call to the accessor, which stays for anything out of bounds. base: the location the
    // file's first byte has (a spool split over several files numbers them as one).
    void setMappedFrames(ByteSpan file, std::uint32_t frameOffset, std::uint64_t base = 0);

    // Arena store: copies the frame in. False when refused (stopped at the bound, or a
    // frame larger than the whole bound); refusals are counted.
    bool append(const FrameRef& frame, const PacketTags& tags = {});
    // File-backed store: records a frame that lives at fileOffset; frame.data is ignored.
    // Opening a file calls this once per packet: while the newest record block has room
    // the record is written right here, inline.
    bool appendAt(std::uint64_t fileOffset, const FrameRef& frame, const PacketTags& tags = {})
    {
        if (m_openRecords == 0) return appendAtNewBlock(fileOffset, frame, tags);
        --m_openRecords;
        fillRecord(*m_nextRecord++, fileOffset, frame.capturedLength, frame, tags);
        ++m_endIndex;
        m_size.store(m_endIndex - m_firstIndex, std::memory_order_relaxed);
        return true;
    }

    std::uint64_t firstNumber() const { return m_firstIndex + 1; }
    std::uint64_t endNumber() const { return m_endIndex + 1; }
    std::size_t size() const { return static_cast<std::size_t>(m_size.load(std::memory_order_relaxed)); }
    bool contains(std::uint64_t number) const { return number >= firstNumber() && number < endNumber(); }

    // The record of a retained packet (contains(number) must hold).
    const PacketRecord& record(std::uint64_t number) const;
    // Metadata and bytes of a retained packet; false (and error()) when it is not retained
    // or the file could not give its bytes.
    bool readFrame(std::uint64_t number, FrameRef& out) const;
    // The same, returning the frame; its data is empty on failure.
    FrameRef frame(std::uint64_t number) const;
    const std::string& error() const { return m_error; }

    void setMarks(std::uint64_t number, std::uint8_t marks);
    // Removes the packets before `number` (the oldest), counted in evictedCount(): for an
    // owner that deletes their bytes (a spool's oldest file at its disk bound).
    void evictBefore(std::uint64_t number);

    std::uint64_t memoryBound() const { return m_bound; }
    BoundPolicy policy() const { return m_policy; }
    std::uint64_t memoryUsed() const { return m_memoryUsed.load(std::memory_order_relaxed); }
    std::uint64_t evictedCount() const { return m_evicted.load(std::memory_order_relaxed); }
    std::uint64_t refusedCount() const { return m_refused.load(std::memory_order_relaxed); }
    bool stopped() const { return m_stopped.load(std::memory_order_relaxed); }
    const std::string& stopMessage() const { return m_stopMessage; }
    std::uint32_t chunkBytes() const { return m_chunkBytes; }
    std::uint32_t recordsPerBlock() const { return m_recordsPerBlock; }

private:
    struct Chunk {
        PageBlock data;
        std::uint32_t size = 0;
        std::uint32_t used = 0;
    };

    bool appendAtNewBlock(std::uint64_t fileOffset, const FrameRef& frame, const PacketTags& tags);
    // location: the file offset (file-backed) or chunk serial << 32 | offset (arena).
    static void fillRecord(PacketRecord& record, std::uint64_t location, std::uint32_t capturedLength,
                           const FrameRef& frame, const PacketTags& tags)
    {
        record.location = location;
        record.sec = frame.ts.sec;
        record.nsec = frame.ts.nsec;
        record.capturedLength = capturedLength;
        record.originalLength = frame.originalLength;
        record.interfaceId = frame.interfaceId;
        record.linkType = static_cast<std::uint16_t>(frame.linkType);
        record.direction = frame.direction;
        record.protocol = tags.protocol;
        record.mode = tags.mode;
        record.frameFlags = frame.flags;
        record.marks = 0;
        record.reserved = 0;
    }
    bool makeRoom(std::size_t frameBytes);
    bool needChunk(std::size_t frameBytes) const;
    bool needRecordBlock() const;
    void newChunk(std::size_t frameBytes);
    bool evictOldest();
    void evictThrough(std::uint64_t index);
    void freeEvictedBlocks();
    void stopAtBound();
    PacketRecord& pushRecord();
    PacketRecord& recordAt(std::uint64_t index);
    const PacketRecord& recordAt(std::uint64_t index) const;
    void refuse();
    void setMemoryUsed(std::uint64_t bytes) { m_memoryUsed.store(bytes, std::memory_order_relaxed); }

    FrameAccessor m_accessor;
    ByteSpan m_mappedFile;
    std::uint32_t m_mappedFrameOffset = 0;
    std::uint64_t m_mappedBase = 0;
    std::uint64_t m_bound = 0;
    BoundPolicy m_policy = BoundPolicy::EvictOldest;
    std::uint32_t m_chunkBytes = 0;
    std::uint32_t m_recordsPerBlock = 0;  // 1 << m_blockShift
    std::uint32_t m_blockShift = 0;

    // Records: blocks of m_recordsPerBlock; index i (number i + 1) lives in block
    // i >> m_blockShift, the front block being m_firstBlock.
    std::deque<PageBlock> m_blocks;
    std::uint64_t m_firstBlock = 0;
    std::uint64_t m_firstIndex = 0;
    std::uint64_t m_endIndex = 0;
    // appendAt()'s inline path: free records left in the newest block, and the next one.
    // Zero unless the store is file-backed and running (set by appendAtNewBlock()).
    std::uint32_t m_openRecords = 0;
    PacketRecord* m_nextRecord = nullptr;

    // Arena chunks, oldest first; the front one has serial m_firstChunkSerial.
    std::deque<Chunk> m_chunks;
    std::uint64_t m_firstChunkSerial = 0;
    // One evicted chunk and record block kept (and counted) for reuse: at the bound the
    // store recycles memory instead of returning it to the allocator and faulting it in again.
    Chunk m_spareChunk;
    PageBlock m_spareBlock;

    std::atomic<std::uint64_t> m_size{0};
    std::atomic<std::uint64_t> m_memoryUsed{0};
    std::atomic<std::uint64_t> m_evicted{0};
    std::atomic<std::uint64_t> m_refused{0};
    std::atomic<bool> m_stopped{false};
    std::string m_stopMessage;
    mutable std::string m_error;
};

}  // namespace rcvmon

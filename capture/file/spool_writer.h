// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/capture_file_writer.h"
#include "store/packet_record.h"
#include "store/packet_tags.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace rcvmon {

class CaptureSession;

// Spools a live capture to disk: its own thread is the session ring's consumer and writes
// every frame to a pcapng file in place (CaptureFileWriter, OutputFile::Placement::InPlace),
// flushing after each batch, so the file always holds every packet handed over so far and
// reads back after a kill. For each frame it publishes an index record (PacketRecord with
// the block's location as location) into a fixed queue that the GUI drains into a
// file-backed PacketStore: the GUI never touches the ring, and the capture thread never
// waits on either of them. When the queue is full this thread waits (the ring absorbs the
// burst, then counts drops); it never allocates per packet.
//
// With a disk bound the spool is a ring of files, as dumpcap's -b: a new file starts when
// the current one reaches a share of the bound, and when all of them together pass the
// bound the oldest is retired (its owner evicts its packets and deletes it). A location is
// the file's base plus the offset in it: the files read as one address space, in order.
//
// Threads: start()/abandon()/drain()/the getters from the GUI thread; run() on its own.
struct SpoolSegment {
    std::string path;
    std::uint64_t base = 0;  // location of its first byte
    bool retired = false;    // past the disk bound: its packets leave, the file goes
};

class SpoolWriter {
public:
    // Files per disk bound: the ring keeps between kRingFiles - 1 and kRingFiles of them.
    static constexpr std::uint64_t kRingFiles = 8;
    // Names the next file of the ring (called on the spool thread, once per file).
    using PathMaker = std::function<std::string()>;
    // Creates (truncates) the first file, writes the section header. diskBound: bytes all
    // files together keep (0: one file, until the disk is full).
    static std::unique_ptr<SpoolWriter> create(PathMaker nextPath, CaptureSession& session,
                                               std::uint64_t diskBound, std::string& error);
    SpoolWriter(const SpoolWriter&) = delete;
    SpoolWriter& operator=(const SpoolWriter&) = delete;
    ~SpoolWriter();

    void start();
    // Ends the thread without waiting for the GUI to take the remaining records (teardown).
    void abandon();

    // GUI: up to maxRecords published records to fn(const PacketRecord&), oldest first.
    template <typename Fn>
    std::size_t drain(Fn&& fn, std::size_t maxRecords)
    {
        const std::uint64_t tail = m_tail.load(std::memory_order_acquire);
        std::uint64_t head = m_head.load(std::memory_order_relaxed);
        std::size_t count = 0;
        for (; head != tail && count < maxRecords; ++head, ++count) fn(static_cast<const PacketRecord&>(m_slots[head & m_mask]));
        m_head.store(head, std::memory_order_release);
        return count;
    }
    // The thread has ended (the capture ended and its last frames are on disk) and every record was drained.
    bool done() const
    {
        return m_finished.load(std::memory_order_acquire)
               && m_head.load(std::memory_order_relaxed) == m_tail.load(std::memory_order_acquire);
    }

    // The first file's path.
    const std::string& path() const { return m_firstPath; }
    // The files so far, oldest first, retired ones included until forgetRetired().
    std::vector<SpoolSegment> segments() const;
    // Changes each time a file starts or is retired.
    std::uint64_t segmentsVersion() const { return m_segmentsVersion.load(std::memory_order_acquire); }
    // While set, retired files stay on disk for the owner to delete (a save is reading them);
    // otherwise this thread deletes each as it retires it (where the system lets it: Windows
    // refuses while the owner maps it, and the owner deletes it once unmapped).
    void keepRetiredFiles(bool keep) { m_keepRetired.store(keep, std::memory_order_release); }
    // The owner took over the retired files with a base before `before`: no longer listed.
    void forgetRetired(std::uint64_t before);
    // End of the whole records written (a location): everything before it is readable now.
    std::uint64_t committedEnd() const { return m_committed.load(std::memory_order_acquire); }
    // The first location not retired: packets before it are past the disk bound.
    std::uint64_t liveBase() const { return m_liveBase.load(std::memory_order_acquire); }
    // Bytes in the files not retired.
    std::uint64_t committedBytes() const { return committedEnd() - liveBase(); }
    std::uint64_t packetsWritten() const { return m_packets.load(std::memory_order_relaxed); }
    // Frames the ring handed over that did not reach the file (after a write failure).
    std::uint64_t framesLost() const { return m_lost.load(std::memory_order_relaxed); }
    std::uint64_t diskBound() const { return m_diskBound; }
    // A new file starts when the current one reaches this (0: never).
    std::uint64_t fileBytes() const { return m_fileBytes; }
    // Why spooling stopped early (disk bound, write failure); empty otherwise.
    std::string error() const;

private:
    SpoolWriter(PathMaker nextPath, CaptureSession& session, std::uint64_t diskBound);
    bool openFile(std::string& error);
    bool rotate();
    void retireOldest();
    void run();
    void write(const FrameRef& frame, const PacketTags& tags);
    bool fileInterface(const FrameRef& frame, std::uint32_t& index);
    void fail(const std::string& message);

    PathMaker m_nextPath;
    std::string m_firstPath;
    std::string m_path;  // the current file (spool thread)
    CaptureSession& m_session;
    std::uint64_t m_diskBound;
    std::uint64_t m_fileBytes = 0;
    std::uint64_t m_base = 0;           // location of the current file's first byte (spool thread)
    std::uint64_t m_filePackets = 0;    // in the current file (spool thread)
    std::unique_ptr<CaptureFileWriter> m_writer;
    std::vector<std::uint32_t> m_fileInterface;  // session interface id -> IDB index (spool thread)

    mutable std::mutex m_segmentsMutex;  // taken once per file, never per packet
    std::vector<SpoolSegment> m_segments;
    std::atomic<std::uint64_t> m_segmentsVersion{0};
    std::atomic<std::uint64_t> m_liveBase{0};
    std::atomic<bool> m_keepRetired{false};

    std::unique_ptr<PacketRecord[]> m_slots;
    std::uint64_t m_mask = 0;
    std::uint64_t m_staged = 0;  // records written by this batch, published after its flush
    alignas(64) std::atomic<std::uint64_t> m_tail{0};
    alignas(64) std::atomic<std::uint64_t> m_head{0};

    std::atomic<std::uint64_t> m_committed{0};
    std::atomic<std::uint64_t> m_packets{0};
    std::atomic<std::uint64_t> m_lost{0};
    std::atomic<bool> m_stopped{false};  // bound reached or write failed: frames are no longer written
    std::atomic<bool> m_abandon{false};
    std::atomic<bool> m_finished{false};
    mutable std::mutex m_errorMutex;
    std::string m_error;
    std::thread m_thread;
};

}  // namespace rcvmon

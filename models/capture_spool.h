// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/mapped_file.h"
#include "store/packet_store.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rcvmon {

class CaptureSession;
class SpoolWriter;

// The window's side of a spooled capture: the temporary pcapng files its live capture goes
// to (SpoolWriter writes them on its own thread), a file-backed PacketStore that reads the
// frames back from them while they grow, and whether it was saved. Also a recovered spool
// file taken over from a crashed run (adopt()). With a disk bound the files are a ring: when
// the writer retires the oldest, its packets leave the store (the only eviction, counted in
// the store's evictedCount()) and the file is deleted. The files are removed when this is
// destroyed: a capture the user neither saved nor recovered leaves nothing behind, unless
// the process dies first. GUI thread only.
class CaptureSpool {
public:
    // Creates a spool file in `directory` for `session` (not yet started) and starts
    // writing its frames there. diskBound: what the ring of files keeps (0: one file, until
    // the disk is full).
    static std::unique_ptr<CaptureSpool> start(const std::string& directory, CaptureSession& session,
                                               std::uint64_t diskBound, std::string& error);
    // A spool file already on disk (already renamed to this process, see adoptSpool()).
    static std::unique_ptr<CaptureSpool> adopt(const std::string& path);
    CaptureSpool(const CaptureSpool&) = delete;
    CaptureSpool& operator=(const CaptureSpool&) = delete;
    ~CaptureSpool();

    // Live: the store whose frames stay in the spool file; only index records in memory.
    std::unique_ptr<PacketStore> makeStore(const PacketStoreOptions& options);
    // Live: moves up to maxRecords newly spooled packets into the store, maps what the files
    // gained, and evicts the packets of files retired at the disk bound (deleting them). The
    // store's frames stay valid until the next call (as after an append).
    std::size_t drainInto(PacketStore& store, std::size_t maxRecords);
    // Live, after the session stopped: takes every remaining packet (waits for the writer).
    void finish(PacketStore& store);
    // Stops the writer thread without waiting for the records (before the session goes away).
    void abandon();
    // Live: the writer has ended and every record is in the store.
    bool drained() const;

    // The first file: names this capture (recovery, the saved-state check).
    const std::string& path() const { return m_path; }
    // The files that hold the retained packets now, oldest first (what Save writes).
    std::vector<std::string> livePaths() const;
    // The same, and the frame number in `store` of their first packet (what a save's packet
    // i is: *firstNumber + i). The writer may have retired a file whose packets the store
    // still holds until the next drain: they are not in these files.
    std::vector<std::string> livePaths(const PacketStore& store, std::uint64_t& firstNumber) const;
    // While set (a save reads the files), files retired at the disk bound are kept on disk;
    // their packets still leave the list. Cleared: they are deleted at the next drain.
    void holdDeletions(bool hold);
    std::uint64_t diskUsed() const;
    std::uint64_t diskBound() const;
    // Why spooling stopped early (disk bound, write failure); empty when it did not.
    std::string error() const;

    // Unsaved: packets arrived since the last markSaved() (a recovered file: until saved once).
    bool unsaved() const;
    // Packets in the file now (live: spooled so far), to pass to markSaved() after saving.
    std::uint64_t packetsSpooled() const;
    void markSaved(std::uint64_t packets);

private:
    struct File {
        std::string path;
        std::uint64_t base = 0;  // location of its first byte
        MappedFile map;
    };

    CaptureSpool() = default;
    bool readAt(std::uint64_t offset, FrameRef& out);
    void followSegments();
    void evictRetired(PacketStore& store);
    void remap();
    void deleteRetiredFiles();

    std::string m_path;
    std::unique_ptr<SpoolWriter> m_writer;  // null for an adopted file
    std::vector<File> m_files;             // oldest first; live ones only
    std::uint64_t m_segmentsSeen = 0;
    // Mappings replaced or retired by the last drain: frames read before it stay valid one more round.
    std::vector<MappedFile> m_previousMaps;
    std::vector<std::string> m_retiredPaths;  // to delete once unmapped
    bool m_holdDeletions = false;
    PacketStore* m_store = nullptr;
    std::uint64_t m_savedPackets = 0;
    bool m_everSaved = false;
};

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "file/mapped_file.h"
#include "store/packet_store.h"

#include <cstdint>
#include <memory>
#include <string>

namespace rcvmon {

class CaptureSession;
class SpoolWriter;

// The window's side of a spooled capture: the temporary pcapng its live capture goes to
// (SpoolWriter writes it on its own thread), a file-backed PacketStore that reads the frames
// back from it while it grows, and whether it was saved. Also a recovered spool file taken
// over from a crashed run (adopt()). The file is removed when this is destroyed: a capture
// the user neither saved nor recovered leaves nothing behind, unless the process dies first.
// GUI thread only.
class CaptureSpool {
public:
    // Creates a spool file in `directory` for `session` (not yet started) and starts
    // writing its frames there. diskBound: the capture stops there (0: disk full).
    static std::unique_ptr<CaptureSpool> start(const std::string& directory, CaptureSession& session,
                                               std::uint64_t diskBound, std::string& error);
    // A spool file already on disk (already renamed to this process, see adoptSpool()).
    static std::unique_ptr<CaptureSpool> adopt(const std::string& path);
    CaptureSpool(const CaptureSpool&) = delete;
    CaptureSpool& operator=(const CaptureSpool&) = delete;
    ~CaptureSpool();

    // Live: the store whose frames stay in the spool file; only index records in memory.
    std::unique_ptr<PacketStore> makeStore(const PacketStoreOptions& options);
    // Live: moves up to maxRecords newly spooled packets into the store and maps what the
    // file gained. The store's frames stay valid until the next call (as after an append).
    std::size_t drainInto(PacketStore& store, std::size_t maxRecords);
    // Live, after the session stopped: takes every remaining packet (waits for the writer).
    void finish(PacketStore& store);
    // Stops the writer thread without waiting for the records (before the session goes away).
    void abandon();
    // Live: the writer has ended and every record is in the store.
    bool drained() const;

    const std::string& path() const { return m_path; }
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
    CaptureSpool() = default;
    bool readAt(std::uint64_t offset, FrameRef& out);
    void remap();

    std::string m_path;
    std::unique_ptr<SpoolWriter> m_writer;  // null for an adopted file
    MappedFile m_map;
    MappedFile m_previousMap;  // frames read before the last remap stay valid one more round
    PacketStore* m_store = nullptr;
    std::uint64_t m_savedPackets = 0;
    bool m_everSaved = false;
};

}  // namespace rcvmon

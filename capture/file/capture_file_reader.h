// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon {

enum class FileFormat : std::uint8_t { Pcap, PcapNg };

// One pcapng Interface Description Block (pcap: exactly one).
struct InterfaceInfo {
    std::uint32_t linkType = 0;
    std::uint32_t snapLength = 0;
    std::string name;                  // if_name, may be empty
    std::string description;           // if_description
    std::uint8_t tsResolution = 6;     // if_tsresol as stored (bit 7 = power of 2); default 6 (µs)
    std::int64_t tsOffsetSeconds = 0;  // if_tsoffset
};

// RcvMon's own pcap / pcapng reader. The format is found by magic number, never by name.
// Not thread-safe: call next() and readAt() from one thread at a time (pcapng's interface
// and section lists grow while next() reads).
class CaptureFileReader {
public:
    // path "-" reads standard input as a stream (no mmap); regular files are memory-mapped,
    // other paths (FIFOs, /dev/fd/N) are streamed. On failure returns nullptr and error =
    // one clear sentence naming the file and the reason.
    static std::unique_ptr<CaptureFileReader> open(const std::string& path, std::string& error);
    // Streams an already open descriptor (a pipe); displayName names it in messages.
    static std::unique_ptr<CaptureFileReader> openDescriptor(int fd, bool takeOwnership,
                                                             const std::string& displayName,
                                                             std::string& error);
    virtual ~CaptureFileReader();

    // Next frame in file order; false at end of file or on error (then error() is non-empty).
    // FrameRef.data stays valid as long as the reader lives for mapped files, and until the
    // next call for streams.
    virtual bool next(FrameRef& frame) = 0;
    // For a pass in file order that keeps no frame (indexing a file, printing it): a mapped
    // file is then read by copy through a small buffer, not through the mapping (faster: see
    // FileInput::copySequentialReads), and FrameRef.data from next() stays valid only until
    // the second call after (so one frame can be read ahead). readAt() is unchanged.
    virtual void copySequentialReads() {}
    virtual const std::string& error() const = 0;
    // Non-empty when the file ends inside a record: its torn tail, which a capture killed
    // mid-write (or still being written) leaves. Reading stops cleanly before it: every whole
    // record was returned, error() stays empty, and this one sentence says where the cut is.
    virtual const std::string& warning() const = 0;
    virtual FileFormat format() const = 0;
    // Interfaces declared so far; pcapng's grow while reading (all sections, in file order:
    // FrameRef.interfaceId indexes this list).
    virtual const std::vector<InterfaceInfo>& interfaces() const = 0;

    // Random access (mapped files only): the file offset of the frame last returned by next(),
    // and reading a frame back by that offset without touching other frames or next()'s place.
    // A failed readAt() says why in error(). Offsets stay valid for the reader's lifetime.
    virtual bool randomAccess() const = 0;
    virtual std::uint64_t lastFrameOffset() const = 0;
    virtual bool readAt(std::uint64_t offset, FrameRef& frame) = 0;
    // When every frame of a mapped file starts the same distance after its record's offset
    // (pcap), that distance, and the mapped bytes: a store can then find a frame from its
    // index record alone. 0 and empty otherwise (pcapng blocks differ; streams).
    virtual std::uint32_t fixedFrameOffset() const { return 0; }
    virtual ByteSpan mappedBytes() const { return {}; }
    // The size of a mapped file (0 for streams): what a store indexing it can expect.
    virtual std::uint64_t mappedSize() const { return 0; }
    // The comments (pcapng opt_comment) of the frame last returned by next() or readAt(), as
    // views valid as long as that frame's bytes; `out` is cleared first and reused by the caller.
    virtual void frameComments(std::vector<std::string_view>& out) const { out.clear(); }
};

// Captured lengths above this are damage, not packets (Wireshark's and libpcap's limit).
inline constexpr std::uint32_t MaxCapturedLength = 262144;

}  // namespace rcvmon

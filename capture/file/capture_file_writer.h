// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"
#include "file/capture_file_reader.h"
#include "file/interface_statistics.h"
#include "file/output_file.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace rcvmon {

// Writes pcapng (SHB, an IDB per interface with if_name and if_tsresol=9, EPBs with
// nanosecond timestamps and epb_flags direction) or pcap (nanosecond magic 0xa1b23c4d,
// so timestamps stay exact). Little-endian, buffered in large pieces.
class CaptureFileWriter {
public:
    // Atomic (exports): writes to a temporary file beside `path`; commit() flushes and renames
    // it into place, and destroying an uncommitted writer removes the temporary: never a
    // partial file. InPlace (live captures): writes `path` itself, which holds the file
    // header and every record up to the last flush(): always readable (see OutputFile).
    // path "-" writes straight to standard output (no temp, no rename).
    static std::unique_ptr<CaptureFileWriter> create(const std::string& path, FileFormat format, std::string& error,
                                                     OutputFile::Placement placement = OutputFile::Placement::Atomic);
    // Declare an interface (pcapng IDB with if_name and if_tsresol=9); returns its index.
    // pcap has one link type: a second, different one is an error.
    virtual std::optional<std::uint32_t> addInterface(const InterfaceInfo& info, std::string& error) = 0;
    // Writes frame.data (its size is the captured length) on a declared interface, whose
    // link type frame.linkType must be.
    virtual bool write(const FrameRef& frame, std::uint32_t interfaceIndex, std::string& error) = 0;
    // The comments the next write() gives its frame (pcapng opt_comment); views held only until
    // that write. Formats without per-packet comments (pcap) drop them, as editcap does.
    virtual void setNextComments(const std::vector<std::string_view>& /*comments*/) {}
    virtual bool commit(std::string& error) = 0;
    // pcapng: an Interface Statistics Block for a declared interface; pcap has none (no-op).
    virtual bool writeStatistics(std::uint32_t /*interfaceIndex*/, const InterfaceStatistics& /*stats*/,
                                 std::string& /*error*/)
    {
        return true;
    }
    // Writes out what is buffered (a stream's reader sees it now). pcap's file header goes
    // out with the first flush after an interface is declared, packets or not.
    virtual bool flush(std::string& error) = 0;
    // Bytes written so far, buffered ones included: the file's size once flushed.
    virtual std::uint64_t size() const = 0;
    // Whether frames written with borrowFrameBytes(true) still wait for a flush().
    virtual bool holdsBorrowedBytes() const = 0;
    // The caller keeps every written frame's bytes valid until its next flush(), so large
    // frames are written from where they are instead of being copied (see OutputFile).
    virtual void borrowFrameBytes(bool on) = 0;
    virtual ~CaptureFileWriter();
};

}  // namespace rcvmon

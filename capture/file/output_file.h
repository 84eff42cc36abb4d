// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#ifndef _WIN32
#include <sys/uio.h>
#endif

namespace rcvmon {

// A file written through a large buffer, in one of two placements:
// - Atomic (exports): bytes go into a temporary file beside the target, and only commit()
//   renames it into place. Destroying an uncommitted OutputFile removes the temporary, so a
//   failure never leaves a partial file.
// - InPlace (live captures): the target itself is written from the first byte, so whatever
//   ends the process, the file holds everything flushed so far. A write that fails half way
//   (a full disk) is cut back to the last whole record, so the file stays readable.
// Either way the buffer is written out only between records (see reserveRecord()), so the
// file on disk never ends inside one while the process runs.
// Path "-" writes straight to standard output; devices and FIFOs are always written in place.
class OutputFile {
public:
    enum class Placement : std::uint8_t { Atomic, InPlace };

    OutputFile() = default;
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    bool create(const std::string& path, std::string& error, Placement placement = Placement::Atomic);
    // Buffers n bytes; writes the buffer out when full. False (and error) once anything failed.
    bool append(const std::uint8_t* data, std::size_t n, std::string& error);
    // Room for n more bytes (n at most the buffer's 1 MiB) that the caller fills at once:
    // a small block costs one call, not one per field. Null (and error) once anything failed.
    std::uint8_t* appendSpace(std::size_t n, std::string& error);
    // Whether appendFrameBytes() would keep a pointer to a frame of n bytes instead of copying it.
    bool borrows(std::size_t n) const { return m_borrowing && n >= kBorrowFrom; }
    // A frame's bytes: as append(), but see borrowFrameBytes().
    bool appendFrameBytes(const std::uint8_t* data, std::size_t n, std::string& error);
    // Lets appendFrameBytes() keep a pointer to large frames instead of copying them, when the
    // caller promises they stay valid until its next flush(): a live capture's ring entries are
    // then written straight from the ring, one gathered write per batch (POSIX; copied elsewhere).
    void borrowFrameBytes(bool on) { m_borrowing = on; }
    // Starts a record of `bytes` buffered bytes and `borrowedPieces` appendFrameBytes() calls:
    // writes out what is buffered first if the record would not fit, so that no write ever
    // ends inside it. Records that go through appendSpace() in one piece need no call.
    bool reserveRecord(std::size_t bytes, std::size_t borrowedPieces, std::string& error);
    // Writes out everything appended so far.
    bool flush(std::string& error);
    // Whether bytes borrowed by appendFrameBytes() wait for the next flush().
    bool holdsBorrowedBytes() const;
    // Bytes appended so far, written out or not: the file's size once flushed.
    std::uint64_t size() const { return m_flushedSize + m_pending; }
    // Writes the buffer out, closes the file and renames it into place.
    bool commit(std::string& error);

    const std::string& temporaryPath() const { return m_tempPath; }

private:
    bool createInPlace(const std::string& path, std::string& error);
#ifdef _WIN32
    static constexpr std::size_t kBorrowFrom = SIZE_MAX;  // no gathered writes here: always copy
#else
    // Borrowed (not copied) pieces start at this size: below it a copy costs less than a piece.
    static constexpr std::size_t kBorrowFrom = 256;
#endif
    bool borrow(const std::uint8_t* data, std::size_t n, std::string& error);
    bool writeGathered(std::string& error);
    // False (and error) after a failure or once the file is closed.
    bool writable(std::string& error) const;
    // Remembers the first write failure (every later call repeats it) and returns false.
    bool failWriting(const std::string& reason, std::string& error);
    bool writeOut(const std::uint8_t* data, std::size_t n, std::string& error);
    // In place: cuts the file back to its last whole record after a failed write.
    void cutTornTail();
    void discard();

    std::string m_path;
    std::string m_tempPath;
    std::string m_error;  // the first failure, repeated to later calls
    std::vector<std::uint8_t> m_buffer;
    std::size_t m_used = 0;
    std::uint64_t m_flushedSize = 0;  // bytes in the file, all whole records
    std::uint64_t m_pending = 0;      // bytes appended since (buffered or borrowed)
    bool m_borrowing = false;
#ifndef _WIN32
    // Borrowed mode: the pieces to write, in order: runs of m_buffer and borrowed bytes.
    std::vector<iovec> m_pieces;
    std::size_t m_runStart = 0;  // first byte of m_buffer not yet in m_pieces
#endif
    bool m_toStdout = false;
    bool m_inPlace = false;  // written directly, never renamed over (Placement::InPlace, devices, FIFOs)
    bool m_regular = false;  // a regular file written in place: a torn tail can be cut off
    bool m_open = false;
    bool m_committed = false;
#ifdef _WIN32
    void* m_handle = nullptr;
#else
    int m_fd = -1;
#endif
};

}  // namespace rcvmon

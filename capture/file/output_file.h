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

// A file written safely: bytes go, through a large buffer, into a temporary file beside
// the target, and only commit() renames it into place. Destroying an uncommitted
// OutputFile removes the temporary, so a failure never leaves a partial file.
// Path "-" writes straight to standard output.
class OutputFile {
public:
    OutputFile() = default;
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    bool create(const std::string& path, std::string& error);
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
    // Writes out everything appended so far.
    bool flush(std::string& error);
    // Writes the buffer out, closes the file and renames it into place.
    bool commit(std::string& error);

    const std::string& temporaryPath() const { return m_tempPath; }

private:
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
    void discard();

    std::string m_path;
    std::string m_tempPath;
    std::string m_error;  // the first failure, repeated to later calls
    std::vector<std::uint8_t> m_buffer;
    std::size_t m_used = 0;
    bool m_borrowing = false;
#ifndef _WIN32
    // Borrowed mode: the pieces to write, in order: runs of m_buffer and borrowed bytes.
    std::vector<iovec> m_pieces;
    std::size_t m_runStart = 0;  // first byte of m_buffer not yet in m_pieces
#endif
    bool m_toStdout = false;
    bool m_inPlace = false;  // a device or FIFO: written directly, never renamed over
    bool m_open = false;
    bool m_committed = false;
#ifdef _WIN32
    void* m_handle = nullptr;
#else
    int m_fd = -1;
#endif
};

}  // namespace rcvmon

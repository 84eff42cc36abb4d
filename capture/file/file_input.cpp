// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/file_input.h"

#include <cerrno>
#include <cstring>
#include <utility>

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace rcvmon {

namespace {

// Streams are read in large pieces so a pipe costs few system calls.
constexpr std::size_t StreamChunk = 256 * 1024;

long readSome(int fd, std::uint8_t* into, std::size_t n)
{
#ifdef _WIN32
    return _read(fd, into, static_cast<unsigned>(n));
#else
    for (;;) {
        const ssize_t got = ::read(fd, into, n);
        if (got >= 0 || errno != EINTR) return static_cast<long>(got);
    }
#endif
}

}  // namespace

FileInput::FileInput(MappedFile file) : m_isMapped(true), m_file(std::move(file)) { populateAhead(); }

FileInput::FileInput(int fd, bool owned) : m_isMapped(false), m_fd(fd), m_ownsFd(owned) {}

FileInput::~FileInput()
{
    if (m_ownsFd && m_fd >= 0) {
#ifdef _WIN32
        _close(m_fd);
#else
        ::close(m_fd);
#endif
    }
}

// A sequential read maps the file a few MiB at a time, ahead of the read position.
void FileInput::populateAhead()
{
    constexpr std::size_t Chunk = std::size_t{4} << 20;
    if (m_populatedTo >= m_file.size()) {
        m_populatedTo = SIZE_MAX;
        return;
    }
    const std::size_t from = m_populatedTo > m_pos ? m_populatedTo : m_pos;
    m_file.populate(from, Chunk);
    m_populatedTo = from + Chunk;
}

// ~1 MiB: the copy stays in the core's cache while the records in it are read.
constexpr std::size_t CopyChunk = std::size_t{1} << 20;

void FileInput::copySequentialReads()
{
    if (!m_isMapped || m_copied || !m_file.canReadAt()) return;
    m_copied = true;
    m_copyStart = m_pos;
    m_copyEnd = 0;
}

// Called when [m_pos, m_pos + n) is not all in the buffer (n already cut at the file's end).
std::size_t FileInput::fillCopy(std::size_t n)
{
    // The unread tail moves to the front of a buffer that holds no frame the caller may still
    // use: this one, or the spare when the last frame handed out lies in this one.
    const std::size_t tail = m_copyStart + m_copyEnd > m_pos ? m_copyStart + m_copyEnd - m_pos : 0;
    const std::uint8_t* tailBytes = m_buffer.data() + (m_pos - m_copyStart);
    std::size_t wanted = n > CopyChunk ? n : CopyChunk;
    if (wanted > m_file.size() - m_pos) wanted = m_file.size() - m_pos;
    if (m_lastFrameInBuffer) {
        if (m_spare.size() < wanted) m_spare.resize(wanted);
        if (tail > 0) std::memcpy(m_spare.data(), tailBytes, tail);
        m_buffer.swap(m_spare);
        m_lastFrameInBuffer = false;
    } else {
        if (tail > 0) std::memmove(m_buffer.data(), tailBytes, tail);
        if (m_buffer.size() < wanted) m_buffer.resize(wanted);
    }
    m_copyStart = m_pos;
    m_copyEnd = tail;

    errno = 0;
    m_copyEnd += m_file.readAt(m_pos + tail, m_buffer.data() + tail, wanted - tail);
    if (m_copyEnd < n) {
        // A read error, or a file that shrank since it was opened.
        m_ioError = errno ? std::strerror(errno) : "the file became shorter while it was read";
        return m_copyEnd;
    }
    return n;
}

std::size_t FileInput::fillStream(std::size_t n)
{
    std::size_t available = m_bufferEnd - m_bufferPos;
    if (available >= n || m_eof) return available < n ? available : n;

    // Keep the unread tail, drop what was consumed, make room for n bytes and more.
    if (m_bufferPos > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_bufferPos, available);
        m_bufferPos = 0;
        m_bufferEnd = available;
    }
    const std::size_t wanted = n > StreamChunk ? n : StreamChunk;
    if (m_buffer.size() < wanted) m_buffer.resize(wanted);

    while (available < n) {
        const long got = readSome(m_fd, m_buffer.data() + m_bufferEnd, m_buffer.size() - m_bufferEnd);
        if (got <= 0) {
            if (got < 0) m_ioError = std::strerror(errno);
            m_eof = true;
            break;
        }
        m_bufferEnd += static_cast<std::size_t>(got);
        available += static_cast<std::size_t>(got);
    }
    return available < n ? available : n;
}

}  // namespace rcvmon

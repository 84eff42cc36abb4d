// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"
#include "file/mapped_file.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rcvmon {

// The bytes a capture reader parses: a whole mapped file (random access, nothing copied)
// or a stream read from a descriptor (pipe, standard input) through a growing buffer.
// Readers ask for the next n bytes, look at them, then consume them.
class FileInput {
public:
    explicit FileInput(MappedFile file);
    // Streams fd; closes it on destruction when owned.
    FileInput(int fd, bool owned);
    ~FileInput();
    FileInput(const FileInput&) = delete;
    FileInput& operator=(const FileInput&) = delete;

    // Makes up to n bytes readable at the read position and says how many are: fewer than n
    // only at the end of the input or after a read error (ioError()). For streams this may
    // move earlier bytes, so pointers from data() end here.
    std::size_t fill(std::size_t n)
    {
        if (m_isMapped) {
            const std::size_t left = m_file.size() - m_pos;
            const std::size_t want = n < left ? n : left;
            if (m_copied && m_pos + want > m_copyStart + m_copyEnd) return fillCopy(want);
            return want;
        }
        return fillStream(n);
    }
    const std::uint8_t* data() const
    {
        if (m_isMapped) return m_copied ? m_buffer.data() + (m_pos - m_copyStart) : m_file.bytes().data() + m_pos;
        return m_buffer.data() + m_bufferPos;
    }
    void consume(std::size_t n)
    {
        if (m_isMapped) {
            m_pos += n;
            if (!m_copied && m_pos >= m_populatedTo) populateAhead();
        } else {
            m_bufferPos += n;
            m_streamPos += n;
        }
    }
    // consume() for the record of a frame handed to the caller: in copied reads its bytes stay
    // where they are until the first fill() after the next consumeFrame(), so the frame after
    // it can be read ahead while this one is still in use.
    void consumeFrame(std::size_t n)
    {
        m_lastFrameInBuffer = true;
        consume(n);
    }

    // For one pass in file order: a mapped file is read by copying it through a buffer of
    // ~1 MiB (pread) instead of through the mapping. Each page of a mapping costs a fault on
    // its first touch; in a virtual machine with shadow page tables that is an exit to the
    // hypervisor, ~1 µs for every 4 KiB, and opening a file became a walk of those faults. The
    // kernel copies from its own map of large pages, and the buffer stays in the cache. Frames
    // then stay valid as consumeFrame() says; whole() and random access keep the mapping.
    // Does nothing for streams or where the file has no descriptor to read (Windows).
    void copySequentialReads();
    // Reading a file is a walk of dependent loads (each header says where the next one is),
    // which the hardware prefetcher does not follow across pages. Readers call this with the
    // size of each record they consume, so the cache lines a few KiB ahead are requested at
    // the pace the file is read: opening a file runs about twice as fast.
    void prefetchAhead(std::size_t bytes) const
    {
#if defined(__GNUC__) || defined(__clang__)
        constexpr std::size_t Distance = 4096;
        if (!m_isMapped || m_copied || m_file.size() - m_pos < Distance + bytes) return;
        const std::uint8_t* ahead = m_file.bytes().data() + m_pos + Distance;
        for (std::size_t line = 0; line < bytes; line += 64) __builtin_prefetch(ahead + line);
#else
        (void)bytes;
#endif
    }

    std::uint64_t position() const { return m_isMapped ? m_pos : m_streamPos; }

    bool isMapped() const { return m_isMapped; }
    // The whole file (mapped input only).
    ByteSpan whole() const { return m_file.bytes(); }
    const std::string& ioError() const { return m_ioError; }

private:
    std::size_t fillStream(std::size_t n);
    std::size_t fillCopy(std::size_t n);
    void populateAhead();

    bool m_isMapped;
    MappedFile m_file;
    std::size_t m_pos = 0;
    std::size_t m_populatedTo = 0;  // the mapped pages before this offset are in the page tables
    // copySequentialReads(): m_buffer holds the file from m_copyStart. A refill writes where
    // the frame handed out last is not: in place, or into m_spare, the two then swapped.
    bool m_copied = false;
    std::size_t m_copyStart = 0;
    std::size_t m_copyEnd = 0;  // bytes of m_buffer filled
    bool m_lastFrameInBuffer = false;
    std::vector<std::uint8_t> m_spare;

    int m_fd = -1;
    bool m_ownsFd = false;
    bool m_eof = false;
    std::vector<std::uint8_t> m_buffer;  // a stream's bytes, or a mapped file's copied ones
    std::size_t m_bufferPos = 0;  // read position inside m_buffer
    std::size_t m_bufferEnd = 0;  // bytes of m_buffer filled
    std::uint64_t m_streamPos = 0;
    std::string m_ioError;
};

}  // namespace rcvmon

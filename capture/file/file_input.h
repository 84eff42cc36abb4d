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
            return n < left ? n : left;
        }
        return fillStream(n);
    }
    const std::uint8_t* data() const
    {
        return m_isMapped ? m_file.bytes().data() + m_pos : m_buffer.data() + m_bufferPos;
    }
    void consume(std::size_t n)
    {
        if (m_isMapped) {
            m_pos += n;
            if (m_pos >= m_populatedTo) populateAhead();
        } else {
            m_bufferPos += n;
            m_streamPos += n;
        }
    }
    // Reading a file is a walk of dependent loads (each header says where the next one is),
    // which the hardware prefetcher does not follow across pages. Readers call this with the
    // size of each record they consume, so the cache lines a few KiB ahead are requested at
    // the pace the file is read: opening a file runs about twice as fast.
    void prefetchAhead(std::size_t bytes) const
    {
#if defined(__GNUC__) || defined(__clang__)
        constexpr std::size_t Distance = 4096;
        if (!m_isMapped || m_file.size() - m_pos < Distance + bytes) return;
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
    void populateAhead();

    bool m_isMapped;
    MappedFile m_file;
    std::size_t m_pos = 0;
    std::size_t m_populatedTo = 0;  // the mapped pages before this offset are in the page tables

    int m_fd = -1;
    bool m_ownsFd = false;
    bool m_eof = false;
    std::vector<std::uint8_t> m_buffer;
    std::size_t m_bufferPos = 0;  // read position inside m_buffer
    std::size_t m_bufferEnd = 0;  // bytes of m_buffer filled
    std::uint64_t m_streamPos = 0;
    std::string m_ioError;
};

}  // namespace rcvmon

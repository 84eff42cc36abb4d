// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace rcvmon {

// A whole file mapped read-only into memory (mmap on POSIX, a file mapping on Windows).
// The bytes stay valid while the object lives; it is move-only.
class MappedFile {
public:
    enum class Kind : std::uint8_t { Mapped, NotRegular };

    MappedFile() = default;
    ~MappedFile();
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    // Maps path. False with error = the system's reason (no file name; the caller adds it).
    // A path that is not a regular file (a FIFO, a character device) gives kind() NotRegular
    // and, on POSIX, an open descriptor in releaseDescriptor() for streaming instead.
    bool open(const std::string& path, std::string& error);

    ByteSpan bytes() const { return {m_data, m_size}; }
    std::size_t size() const { return m_size; }
    Kind kind() const { return m_kind; }
    // The descriptor of a NotRegular file, handed over to the caller (-1 when none).
    int releaseDescriptor();
    // Maps [offset, offset + length) into the page tables in one call, ahead of a sequential
    // read: one system call instead of a page fault every 64 KiB, which costs a trap (and, in a
    // virtual machine, an exit to the hypervisor). A hint only; does nothing where unsupported.
    void populate(std::size_t offset, std::size_t length) const;
    // Copies [offset, offset + length) from the file with pread, without touching the mapping
    // (FileInput::copySequentialReads says why); returns the bytes copied, fewer at the end or
    // on an error. Only where canReadAt() (POSIX: the descriptor stays open with the mapping).
    bool canReadAt() const;
    std::size_t readAt(std::size_t offset, std::uint8_t* into, std::size_t length) const;

private:
    void close();

    const std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
    Kind m_kind = Kind::Mapped;
    int m_fd = -1;
#ifdef _WIN32
    void* m_mapping = nullptr;
#endif
};

}  // namespace rcvmon

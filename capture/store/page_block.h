// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace rcvmon {

// Memory for the packet store in whole pages straight from the operating system, zero
// filled. On Linux the pages are mapped in the one call that allocates them (MAP_POPULATE)
// instead of by a page fault per 4 KiB as they are first written: opening a
// million-packet file writes 40 MB of index records, and those ten thousand faults were a
// tenth of the index pass. The store writes every byte it reads, so no zeroing is asked
// of the C++ side either. Blocks of whole 2 MiB are transparent huge pages instead
// (core/huge_pages.h), resident as they are written.
class PageBlock {
public:
    PageBlock() = default;
    // Throws std::bad_alloc when the system has no memory to give.
    explicit PageBlock(std::size_t bytes);
    ~PageBlock();
    PageBlock(PageBlock&& other) noexcept;
    PageBlock& operator=(PageBlock&& other) noexcept;
    PageBlock(const PageBlock&) = delete;
    PageBlock& operator=(const PageBlock&) = delete;

    explicit operator bool() const { return m_data != nullptr; }
    std::uint8_t* data() const { return m_data; }
    std::size_t size() const { return m_size; }

    // The block as an array of T, for types that live in raw memory without construction.
    template <typename T>
    T* as() const
    {
        static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
        return reinterpret_cast<T*>(m_data);
    }

private:
    void release();

    std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
};

}  // namespace rcvmon

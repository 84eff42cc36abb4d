// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/huge_pages.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace rcvmon {

// Maps every page of a fresh block of at least 256 KiB in one system call, before it is first
// written: otherwise each 4 KiB page faults on its first write, and in a virtual machine each
// fault is a trap to the hypervisor (a tenth of a full dissection's time, measured on one).
// A hint: where unsupported (Linux before 5.14, other systems) the writes fault as before.
inline void prefaultForWrite(void* block, std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    constexpr std::size_t Worthwhile = std::size_t{256} << 10;
    if (bytes < Worthwhile) return;
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto begin = (reinterpret_cast<std::uintptr_t>(block) + page - 1) / page * page;
    const auto end = (reinterpret_cast<std::uintptr_t>(block) + bytes) / page * page;
    if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
#else
    (void)block;
    (void)bytes;
#endif
}

// std::allocator for the dissector's large tables (flow index slots, conversation chunks),
// which are written whole as soon as they are made. From 1 MiB on a block is whole huge pages
// (core/huge_pages.h): mapped ahead, each 4 KiB page still costs a hypervisor that shadows page
// tables an exit on its first write.
template <class T>
struct PrefaultingAllocator {
    using value_type = T;

    PrefaultingAllocator() = default;
    template <class U>
    PrefaultingAllocator(const PrefaultingAllocator<U>&) noexcept
    {
    }

    T* allocate(std::size_t n)
    {
        if (inHugePages(n)) {
            void* pages = mapHugePages(roundUpToHugePages(n * sizeof(T)));
            if (!pages) throw std::bad_alloc();
            return static_cast<T*>(pages);
        }
        T* block = std::allocator<T>{}.allocate(n);
        prefaultForWrite(block, n * sizeof(T));
        return block;
    }
    void deallocate(T* block, std::size_t n) noexcept
    {
        if (inHugePages(n)) unmapHugePages(block, roundUpToHugePages(n * sizeof(T)));
        else std::allocator<T>{}.deallocate(block, n);
    }

    friend bool operator==(const PrefaultingAllocator&, const PrefaultingAllocator&) { return true; }

private:
    static constexpr bool inHugePages(std::size_t n)
    {
        return HaveHugePages && alignof(T) <= HugePageBytes && n >= HugePageBytes / 2 / sizeof(T);
    }
};

}  // namespace rcvmon

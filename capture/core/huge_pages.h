// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace rcvmon {

// Anonymous memory in whole 2 MiB transparent huge pages, for large blocks written as soon as
// they are made (index records, the dissector's tables). A hypervisor that shadows the guest's
// page tables takes an exit on the first touch of every 4 KiB page, even one mapped ahead
// (MADV_POPULATE_WRITE): ~6 us each on the machine measured, 70 ms for 40 MB of records,
// against 3 ms in huge pages. Each huge page is mapped by the fault of its first write, so a
// block only partly written is only partly resident.
inline constexpr std::size_t HugePageBytes = std::size_t{2} << 20;

inline constexpr std::size_t roundUpToHugePages(std::size_t bytes)
{
    return (bytes + HugePageBytes - 1) / HugePageBytes * HugePageBytes;
}

#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(MADV_POPULATE_WRITE)
inline constexpr bool HaveHugePages = true;

// bytes: a multiple of HugePageBytes. The block starts on a 2 MiB boundary (the excess of a
// larger mapping is unmapped). Where the kernel has no transparent huge pages it is mapped
// ahead instead. Null when the system has no memory to give.
inline void* mapHugePages(std::size_t bytes)
{
    void* raw = mmap(nullptr, bytes + HugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return nullptr;
    const auto start = reinterpret_cast<std::uintptr_t>(raw);
    const auto aligned = (start + HugePageBytes - 1) & ~(std::uintptr_t{HugePageBytes} - 1);
    if (aligned > start) munmap(raw, aligned - start);
    if (const std::size_t after = start + bytes + HugePageBytes - (aligned + bytes); after > 0)
        munmap(reinterpret_cast<void*>(aligned + bytes), after);
    void* pages = reinterpret_cast<void*>(aligned);
    if (madvise(pages, bytes, MADV_HUGEPAGE) != 0) madvise(pages, bytes, MADV_POPULATE_WRITE);
    return pages;
}

inline void unmapHugePages(void* pages, std::size_t bytes) { munmap(pages, bytes); }
#else
inline constexpr bool HaveHugePages = false;
inline void* mapHugePages(std::size_t) { return nullptr; }
inline void unmapHugePages(void*, std::size_t) {}
#endif

}  // namespace rcvmon

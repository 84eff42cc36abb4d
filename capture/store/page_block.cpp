// SPDX-License-Identifier: GPL-2.0-or-later
#include "store/page_block.h"

#include "core/huge_pages.h"

#include <new>
#include <utility>

#ifdef _WIN32
#include <windows.h>
#else
#include <sys/mman.h>
#endif

namespace rcvmon {

PageBlock::PageBlock(std::size_t bytes) : m_size(bytes)
{
    if (bytes == 0) return;
#ifdef _WIN32
    void* pages = VirtualAlloc(nullptr, bytes, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    if (!pages) throw std::bad_alloc();
#else
    if (HaveHugePages && bytes % HugePageBytes == 0) {
        void* pages = mapHugePages(bytes);
        if (!pages) throw std::bad_alloc();
        m_data = static_cast<std::uint8_t*>(pages);
        return;
    }
#ifdef MAP_POPULATE
    constexpr int Populate = MAP_POPULATE;
#else
    constexpr int Populate = 0;
#endif
    void* pages = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | Populate, -1, 0);
    if (pages == MAP_FAILED) throw std::bad_alloc();
#endif
    m_data = static_cast<std::uint8_t*>(pages);
}

PageBlock::~PageBlock() { release(); }

PageBlock::PageBlock(PageBlock&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}

PageBlock& PageBlock::operator=(PageBlock&& other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

void PageBlock::release()
{
    if (!m_data) return;
#ifdef _WIN32
    VirtualFree(m_data, 0, MEM_RELEASE);
#else
    munmap(m_data, m_size);
#endif
    m_data = nullptr;
    m_size = 0;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "allocation_counter.h"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<bool> g_counting{false};
std::atomic<std::size_t> g_allocations{0};
}  // namespace

// GCC sees the malloc/free pair through inlining and takes it for mismatched new/delete.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t size)
{
    if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace rcvmon::test {

AllocationCounter::AllocationCounter()
{
    g_allocations.store(0);
    g_counting.store(true);
}

AllocationCounter::~AllocationCounter() { g_counting.store(false); }

std::size_t AllocationCounter::count() const { return g_allocations.load(); }

std::size_t AllocationCounter::stop()
{
    g_counting.store(false);
    return g_allocations.load();
}

}  // namespace rcvmon::test

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>

namespace rcvmon::test {

// Counts the operator new calls of the whole test binary between start and stop, to prove a
// path allocates nothing per packet. Link allocation_counter.cpp into the test: it replaces
// the global operator new, which only one file of a program may do.
class AllocationCounter {
public:
    AllocationCounter();   // starts counting from zero
    ~AllocationCounter();  // stops
    AllocationCounter(const AllocationCounter&) = delete;
    AllocationCounter& operator=(const AllocationCounter&) = delete;
    // Allocations since construction (or the last stop()); stop() also ends counting.
    std::size_t count() const;
    std::size_t stop();
};

}  // namespace rcvmon::test

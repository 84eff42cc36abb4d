// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rcvmon {

// The frame numbers a display filter lets through, ascending: row r of the filtered packet
// list is at(r). Appends go at the back, eviction drops from the front without moving the
// rest each time (the gap is reclaimed once it is half of the storage).
class FilteredRows {
public:
    std::size_t size() const { return m_numbers.size() - m_head; }
    bool empty() const { return size() == 0; }
    std::uint64_t at(std::size_t row) const { return m_numbers[m_head + row]; }
    // Numbers must come in increasing order, each above the last one held.
    void append(std::uint64_t number) { m_numbers.push_back(number); }
    // The row holding `number`, or -1.
    std::ptrdiff_t rowOf(std::uint64_t number) const;
    // How many rows hold numbers below `number` (the rows eviction takes).
    std::size_t countBelow(std::uint64_t number) const;
    void dropFront(std::size_t count);
    void clear();

private:
    std::vector<std::uint64_t> m_numbers;
    std::size_t m_head = 0;
};

}  // namespace rcvmon

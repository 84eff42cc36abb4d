// SPDX-License-Identifier: GPL-2.0-or-later
#include "filtered_rows.h"

#include <algorithm>

namespace rcvmon {

std::ptrdiff_t FilteredRows::rowOf(std::uint64_t number) const
{
    const auto begin = m_numbers.begin() + static_cast<std::ptrdiff_t>(m_head);
    const auto it = std::lower_bound(begin, m_numbers.end(), number);
    if (it == m_numbers.end() || *it != number) return -1;
    return it - begin;
}

std::size_t FilteredRows::countBelow(std::uint64_t number) const
{
    const auto begin = m_numbers.begin() + static_cast<std::ptrdiff_t>(m_head);
    return static_cast<std::size_t>(std::lower_bound(begin, m_numbers.end(), number) - begin);
}

void FilteredRows::dropFront(std::size_t count)
{
    m_head += std::min(count, size());
    if (m_head > 4096 && m_head * 2 > m_numbers.size()) {
        m_numbers.erase(m_numbers.begin(), m_numbers.begin() + static_cast<std::ptrdiff_t>(m_head));
        m_head = 0;
    }
}

void FilteredRows::clear()
{
    m_numbers.clear();
    m_numbers.shrink_to_fit();
    m_head = 0;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <span>
#include <vector>

namespace rcvmon {

// Row indices as tshark prints its conversation and endpoint tables: most frames first,
// equal totals in the order they were first seen (a stable sort of the insertion order).
template <typename Row>
std::vector<std::size_t> rowsByFramesDescending(std::span<const Row> rows)
{
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&rows](std::size_t a, std::size_t b) { return rows[a].frames() > rows[b].frames(); });
    return order;
}

}  // namespace rcvmon

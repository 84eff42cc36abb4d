// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <algorithm>
#include <cstdint>

namespace rcvmon {

// How long a live packet list waits between taking in new rows (and dropping evicted ones).
// QTableView's vertical header keeps one item per row and, after any insert or remove,
// recomputes every row's position (QHeaderView: O(rows), about 1-2 ns a row) and moves the
// whole list when rows leave from the front. Waiting in proportion to the rows keeps that
// work at a small, fixed share of the event loop (≈ 3-4 %) at any capture size: every
// change below 680,000 rows, once a second from 20 million rows (a row every 50 ns).
constexpr int MinRowSyncMs = 34;    // 30 times a second: as smooth as the eye follows
constexpr int MaxRowSyncMs = 1500;  // the tail still moves visibly
constexpr std::uint64_t RowsPerSyncMs = 20000;

constexpr int rowSyncIntervalMs(std::uint64_t rows)
{
    return static_cast<int>(std::clamp<std::uint64_t>(rows / RowsPerSyncMs, MinRowSyncMs, MaxRowSyncMs));
}

}  // namespace rcvmon

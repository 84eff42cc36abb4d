// SPDX-License-Identifier: GPL-2.0-or-later
// The name tables load entries in file order and look them up by key: sorting keeps the first
// definition of each key, as Wireshark's loaders do when a file names a prefix or port twice.
#pragma once

#include <algorithm>
#include <vector>

namespace rcvmon {

template <typename Entry>
void sortKeepingFirstOfEachKey(std::vector<Entry>& entries)
{
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
    entries.erase(std::unique(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.key == b.key; }),
                  entries.end());
    entries.shrink_to_fit();
}

}  // namespace rcvmon

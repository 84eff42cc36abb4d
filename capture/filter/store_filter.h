// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "filter/packet_matcher.h"
#include "store/packet_store.h"

#include <cstdint>
#include <vector>

namespace rcvmon {

// Re-filters the stored packets [first, end) — what the packet list does when the filter
// changes — appending the numbers that pass to `passing`, in order. The pass is bound by
// memory, not by the filter: every frame's headers are a cache miss in a mapped file or
// arena, so it asks for the headers of the frames a few packets ahead while it works.
void filterStoredPackets(const PacketStore& store, std::uint64_t first, std::uint64_t end, StoredPacketMatcher& matcher,
                         std::vector<std::uint64_t>& passing);

}  // namespace rcvmon

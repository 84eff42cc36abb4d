// SPDX-License-Identifier: GPL-2.0-or-later
#include "filter/store_filter.h"

namespace rcvmon {
namespace {

// How many packets ahead to prefetch: far enough to hide a memory access behind the work
// on the packets in between, near enough that the lines are still cached when used.
constexpr std::uint64_t kPrefetchDistance = 12;

// Frames of one mapped file (or one arena chunk) keep their spacing in memory: the frame
// `ahead` starts where the current one does plus the difference of their store locations.
// A wrong guess (another chunk) costs nothing: a prefetch never faults.
inline void prefetchFrame(const FrameRef& current, std::uint64_t currentLocation, std::uint64_t aheadLocation)
{
#if defined(__GNUC__)
    const auto base = reinterpret_cast<std::uintptr_t>(current.data.data());
    const std::uintptr_t target = base + static_cast<std::uintptr_t>(aheadLocation - currentLocation);
    // The record header before the bytes, then the link, IP and transport headers: three
    // lines 64 bytes apart cover the 16 + 78 bytes read whatever the alignment.
    __builtin_prefetch(reinterpret_cast<const void*>(target - 16));
    __builtin_prefetch(reinterpret_cast<const void*>(target + 48));
    __builtin_prefetch(reinterpret_cast<const void*>(target + 112));
#else
    (void)current;
    (void)currentLocation;
    (void)aheadLocation;
#endif
}

}  // namespace

void filterStoredPackets(const PacketStore& store, std::uint64_t first, std::uint64_t end, StoredPacketMatcher& matcher,
                         std::vector<std::uint64_t>& passing)
{
    if (first < store.firstNumber()) first = store.firstNumber();
    if (end > store.endNumber()) end = store.endNumber();
    FrameRef frame;
    if (!matcher.filter().needsBytes()) {
        // frame.* tests only: the index record has all they read.
        for (std::uint64_t n = first; n < end; ++n) {
            frame = store.record(n).frameWithoutBytes();
            if (matcher.matches(frame, n)) passing.push_back(n);
        }
        return;
    }
    // Locations of the frames ahead, kept so each record is looked up once.
    std::uint64_t ahead[kPrefetchDistance] = {};
    for (std::uint64_t n = first; n < end && n < first + kPrefetchDistance; ++n)
        ahead[(n - first) % kPrefetchDistance] = store.record(n).location;
    for (std::uint64_t n = first; n < end; ++n) {
        std::uint64_t& slot = ahead[(n - first) % kPrefetchDistance];
        const std::uint64_t location = slot;
        if (n + kPrefetchDistance < end) slot = store.record(n + kPrefetchDistance).location;
        if (!store.readFrame(n, frame)) continue;
        if (n + kPrefetchDistance < end) prefetchFrame(frame, location, slot);
        if (matcher.matches(frame, n)) passing.push_back(n);
    }
}

}  // namespace rcvmon

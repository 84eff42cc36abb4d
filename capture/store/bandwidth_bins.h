// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"
#include "core/timestamp.h"
#include "store/protocol_class.h"

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace rcvmon {

inline constexpr std::size_t kDirectionSlots = 4;  // indexed by Direction

struct TrafficCount {
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;  // wire bytes (original length)

    friend bool operator==(const TrafficCount&, const TrafficCount&) = default;
};

// One second of traffic, per direction and per protocol class.
struct BandwidthSample {
    std::int64_t second = 0;  // capture-time Unix second
    std::array<TrafficCount, kDirectionSlots> byDirection{};
    std::array<TrafficCount, kProtocolSlots> byProtocol{};

    const TrafficCount& direction(Direction d) const { return byDirection[static_cast<std::size_t>(d)]; }
    const TrafficCount& protocol(ProtocolClass c) const { return byProtocol[protocolSlot(c)]; }
    TrafficCount total() const;
};

// Bandwidth counted as frames pass, so charts never rescan the store: one-second bins by
// capture time in a fixed circular array covering the last binCount seconds.
//
// Threads: add() from one writer (the capture thread), never blocking; snapshot() and the
// getters from any thread. Each bin carries its second as a sequence stamp: the writer
// invalidates it while it recycles the bin, and a reader that sees the stamp change while
// copying reports that second as empty instead of mixing two seconds.
class BandwidthBins {
public:
    explicit BandwidthBins(std::size_t binCount = 600);
    BandwidthBins(const BandwidthBins&) = delete;
    BandwidthBins& operator=(const BandwidthBins&) = delete;
    ~BandwidthBins();

    std::size_t binCount() const { return m_binCount; }

    // Writer: counts one frame. A frame older than the window is counted in lateFrames()
    // only; a newer second moves the window, emptying the bins it reuses.
    void add(const Timestamp& ts, Direction direction, ProtocolClass protocol, std::uint32_t wireBytes);

    // Any thread: the newest second seen, false before the first frame.
    bool newestSecond(std::int64_t& out) const;
    // Any thread: the last `seconds` seconds ending at the newest, oldest first; seconds
    // without traffic are zero samples. Empty before the first frame.
    std::vector<BandwidthSample> snapshot(std::size_t seconds) const;
    std::uint64_t lateFrames() const { return m_late.load(std::memory_order_relaxed); }

private:
    static constexpr std::size_t kCounters = 2 * (kDirectionSlots + kProtocolSlots);
    static constexpr std::int64_t kInvalid = INT64_MIN;

    struct Bin {
        std::atomic<std::int64_t> second{kInvalid};
        std::array<std::atomic<std::uint64_t>, kCounters> counters{};
    };

    Bin& binFor(std::int64_t second) const;
    void recycle(Bin& bin, std::int64_t second);
    static void bump(std::atomic<std::uint64_t>& counter, std::uint64_t by);
    void count(Bin& bin, Direction direction, ProtocolClass protocol, std::uint32_t wireBytes);

    std::size_t m_binCount;
    std::unique_ptr<Bin[]> m_bins;
    std::atomic<std::int64_t> m_newest{kInvalid};
    // The writer's last bin: frames come in runs of the same second, and finding a bin
    // takes two divisions. Any recycling refreshes it; only add() uses it.
    std::int64_t m_lastSecond = kInvalid;
    Bin* m_lastBin = nullptr;
    std::atomic<std::uint64_t> m_late{0};
};

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace rcvmon {

enum class CapturePlatform { Linux, Windows };

// What the capture can and cannot see right now, and how much it lost.
struct CaptureHealth {
    CapturePlatform platform = CapturePlatform::Linux;
    bool live = false;
    QString interfaceName;
    CaptureMode mode = CaptureMode::Off;
    bool allProtocols = false;
    std::optional<bool> nicPromiscuous;  // the kernel's IFF_PROMISC; unset when unknown
    std::uint64_t received = 0;
    std::uint64_t droppedKernel = 0;
    std::uint64_t droppedRing = 0;
    std::uint64_t evicted = 0;
    std::uint64_t memoryUsed = 0;
    std::uint64_t memoryBound = 0;
};

// The blind spots of a mode on a platform, one sentence each (seed and DESIGN.md).
QStringList blindSpots(const CaptureHealth& health);
// Whether promiscuous mode took effect, in words; empty when the question does not apply.
QString promiscuousVerdict(const CaptureHealth& health);

}  // namespace rcvmon

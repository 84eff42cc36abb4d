// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"
#include "core/timestamp.h"

#include <cstdint>
#include <string>

namespace rcvmon {

// A mode or interface switch of a running capture, for the models to show as a mark.
struct CaptureEvent {
    Timestamp time;                 // wall clock when the switch was applied
    std::string interfaceName;      // the interface that was capturing
    CaptureMode oldMode = CaptureMode::Off;
    CaptureMode newMode = CaptureMode::Off;
    std::string newInterface;       // equal to interfaceName for a mode switch
    std::uint64_t framesBefore = 0; // frames the session had received before the switch
    bool ok = true;                 // false: the switch failed, message says why
    std::string message;
};

}  // namespace rcvmon

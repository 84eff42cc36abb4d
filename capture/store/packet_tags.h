// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"
#include "store/protocol_class.h"

#include <cstdint>

namespace rcvmon {

// What the capture thread learned about a frame on the way in, carried beside it through
// the ring into the store: its quick protocol class and the RCVALL mode it was caught in.
struct PacketTags {
    ProtocolClass protocol = ProtocolClass::Other;
    CaptureMode mode = CaptureMode::Off;
};

}  // namespace rcvmon

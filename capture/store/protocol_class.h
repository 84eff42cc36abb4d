// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// The protocol class a frame is binned and tagged under comes from the dissect area's
// quick classifier; this header adds the fixed slot count the bandwidth bins need.
#include "dissect/quick_classify.h"

#include <cstddef>
#include <cstdint>

namespace rcvmon {

// Bandwidth bins keep a fixed number of protocol slots; a class past the last slot is
// counted as Other, so the dissect area can grow its enum without breaking the bins.
inline constexpr std::size_t kProtocolSlots = 16;

constexpr std::size_t protocolSlot(ProtocolClass cls)
{
    const auto slot = static_cast<std::size_t>(cls);
    return slot < kProtocolSlots ? slot : static_cast<std::size_t>(ProtocolClass::Other);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// The protocol class a frame is binned and tagged under. The dissect area owns the real
// classifier (dissect/quick_classify.h); until it exists this header carries a small one of
// the same shape, so the store and its tests build either way and switch over by themselves.
#if __has_include("dissect/quick_classify.h")
#include "dissect/quick_classify.h"
#else
#include "store/fallback_classify.h"
#endif

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

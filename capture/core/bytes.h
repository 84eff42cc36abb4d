// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace rcvmon {

// A read-only window on packet or file bytes; never owns them.
using ByteSpan = std::span<const std::uint8_t>;

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>

namespace rcvmon {

// A FrameRef::flags bit beside FrameFlag's: the frame was read from a pcap file, which has no
// interface blocks, so (like tshark) it has no frame.interface_id. Kept out of frame.h, which
// nearly every file includes.
inline constexpr std::uint8_t kFrameFlagNoInterface = 0x04;

}  // namespace rcvmon

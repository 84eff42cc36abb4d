// SPDX-License-Identifier: GPL-2.0-or-later
// Test-only frame loading for the dissector's reference tests: every frame of a capture, copied,
// read by RcvMon's own reader (which test_capture_file_oracle holds to libpcap's frames,
// lengths, timestamps and bytes, and which reads the caplen a record states, as tshark does).
#pragma once

#include "core/frame.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rcvmon::testing {

struct LoadedFrame {
    FrameRef ref;  // ref.data points into bytes
    std::vector<std::uint8_t> bytes;
};

// Loads every frame of a capture; false (and why) when the file cannot be read to its end.
bool loadFrames(const std::string& path, std::vector<LoadedFrame>& frames, std::string& error);

}  // namespace rcvmon::testing

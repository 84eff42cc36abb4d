// SPDX-License-Identifier: GPL-2.0-or-later
// Test-only frame loading: libpcap is the reader (nanosecond precision). libpcap refuses
// pcapng files whose interfaces differ in link type or snaplen (ldap__gap-data-missing.pcapng);
// for those a minimal pcapng block walker (SHB, IDB, EPB, SPB) gives each packet its own
// interface's link type, until RcvMon's own reader replaces both.
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

// Loads every frame of a capture; `how` says which reader was used ("libpcap" / "pcapng-walker").
bool loadFrames(const std::string& path, std::vector<LoadedFrame>& frames, std::string& error, std::string* how = nullptr);

}  // namespace rcvmon::testing

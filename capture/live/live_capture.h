// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"
#include "live/capture_source.h"

#ifdef _WIN32
#include "live/windows/windows_interfaces.h"
#else
#include "live/linux/network_interfaces.h"
#endif

#include <memory>
#include <optional>
#include <string>

namespace rcvmon {

// What a user chooses for a live capture, the same on every platform.
struct LiveCaptureOptions {
    std::string interfaceName;
    CaptureMode mode = CaptureMode::IpLevel;
    bool allProtocols = false;  // beyond the seed: ARP and other non-IP frames too (Linux)
    std::string filter;         // BPF capture filter (Linux)
};

// Opens the platform's live source (AF_PACKET on Linux, SIO_RCVALL on Windows) and starts
// it in options.mode. On failure returns null and one message a user understands.
std::unique_ptr<CaptureSource> openLiveCapture(const LiveCaptureOptions& options, std::string& error);

// The interface a capture starts on by default: the one carrying the default route.
std::optional<std::string> defaultCaptureInterface();

}  // namespace rcvmon

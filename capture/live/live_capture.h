// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"
#include "live/capture_source.h"
#include "live/network_interface.h"

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

// The platform-neutral API the window and the CLI use: they include no live/linux or
// live/windows header, so the same code drives AF_PACKET and SIO_RCVALL.

// The interface a capture starts on by default: the one carrying the default route.
std::optional<std::string> defaultCaptureInterface();

}  // namespace rcvmon

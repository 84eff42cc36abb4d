// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace rcvmon {

// The seed's RCVALL_VALUE, the same words on every platform (DESIGN.md).
enum class CaptureMode : std::uint8_t {
    Off,      // RCVALL_OFF: no capture, promiscuous membership dropped
    On,       // RCVALL_ON: promiscuous, every IPv4/IPv6 frame the NIC sees
    IpLevel,  // RCVALL_IPLEVEL: only what the NIC itself accepts
};

constexpr std::string_view captureModeName(CaptureMode mode)
{
    switch (mode) {
    case CaptureMode::Off: return "off";
    case CaptureMode::On: return "on";
    case CaptureMode::IpLevel: return "iplevel";
    }
    return "off";
}

constexpr std::optional<CaptureMode> parseCaptureMode(std::string_view text)
{
    if (text == "on") return CaptureMode::On;
    if (text == "iplevel") return CaptureMode::IpLevel;
    if (text == "off") return CaptureMode::Off;
    return std::nullopt;
}

}  // namespace rcvmon

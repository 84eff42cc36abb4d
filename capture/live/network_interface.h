// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rcvmon {

// One network interface as the capture dialog and `rcvmon-cli -D` list it, the same on every
// platform: AF_PACKET's netlink view on Linux, GetAdaptersAddresses on Windows.
struct NetworkInterface {
    std::string name;         // "eth0"; on Windows the friendly name ("Ethernet"), UTF-8
    std::uint32_t index = 0;
    std::vector<std::string> addresses;  // "198.18.0.1/24", "fe80::1/64"
    bool up = false;
    bool running = false;
    bool loopback = false;
    bool promiscuous = false;  // the kernel's own view (Linux); unknown on Windows: false
    std::string macAddress;    // "02:00:00:00:00:01"; empty when the link has none
    std::string description;   // the driver's description where the platform has one (Windows)
};

// The interfaces this process can capture on, ordered by index. On failure returns an empty
// list and says why in error.
std::vector<NetworkInterface> listNetworkInterfaces(std::string& error);

// Whether the kernel holds name in promiscuous mode now; nullopt where the platform cannot tell.
std::optional<bool> interfacePromiscuous(const std::string& name);

}  // namespace rcvmon

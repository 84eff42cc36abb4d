// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rcvmon {

// One network interface as the capture dialog and `rcvmon-cli -D` list it.
struct NetworkInterface {
    std::string name;
    std::uint32_t index = 0;
    std::vector<std::string> addresses;  // "198.18.0.1/24", "fe80::1/64"
    bool up = false;
    bool running = false;
    bool loopback = false;
    bool promiscuous = false;  // the kernel's own view: set while any socket holds PROMISC
    std::string macAddress;    // "02:00:00:00:00:01"; empty when the link has none
};

// The interfaces of the calling thread's network namespace, ordered by index.
// On failure returns an empty list and says why in error.
std::vector<NetworkInterface> listNetworkInterfaces(std::string& error);

// The interface that carries the default route (IPv4 first, then IPv6), lowest metric.
std::optional<std::string> defaultRouteInterface();

}  // namespace rcvmon

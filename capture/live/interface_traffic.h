// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rcvmon {

// The kernel's running totals for one interface since it came up (wrap-around is the
// caller's business: a total that goes down means the counter was reset).
struct InterfaceTraffic {
    std::string name;  // as listNetworkInterfaces() names it
    std::uint64_t rxBytes = 0;
    std::uint64_t txBytes = 0;
    std::uint64_t rxPackets = 0;
    std::uint64_t txPackets = 0;
};

// Every interface's traffic counters now, the same on every platform: /proc/net/dev on Linux,
// GetIfTable2 on Windows. No privilege needed. On failure returns an empty list and says why
// in error (an unsupported platform says so).
std::vector<InterfaceTraffic> readInterfaceTraffic(std::string& error);

// One /proc/net/dev text parsed (Linux's format; public so tests can feed it); lines that do
// not parse are skipped.
std::vector<InterfaceTraffic> parseProcNetDev(const std::string& text);

}  // namespace rcvmon

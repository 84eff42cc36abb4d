// SPDX-License-Identifier: GPL-2.0-or-later
// Linux: one read of /proc/net/dev gives every interface's totals at once.
#include "live/interface_traffic.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace rcvmon {

std::vector<InterfaceTraffic> readInterfaceTraffic(std::string& error)
{
    std::FILE* file = std::fopen("/proc/net/dev", "re");
    if (!file) {
        error = std::string("cannot read /proc/net/dev: ") + std::strerror(errno);
        return {};
    }
    std::string text;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, n);
    std::fclose(file);
    return parseProcNetDev(text);
}

}  // namespace rcvmon

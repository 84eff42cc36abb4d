// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/linux/capture_privilege.h"

#include <array>

#include <unistd.h>

namespace rcvmon {

std::string runningBinaryPath()
{
    std::array<char, 4096> path{};
    const ssize_t length = readlink("/proc/self/exe", path.data(), path.size() - 1);
    if (length <= 0) return "<binary>";
    return std::string(path.data(), static_cast<std::size_t>(length));
}

std::string missingPrivilegeMessage(const std::string& interfaceName, const std::string& action)
{
    return "cannot capture on " + interfaceName + ": permission denied to " + action +
           ". Live capture needs root, or the CAP_NET_RAW capability (plus CAP_NET_ADMIN for "
           "promiscuous mode \"on\"). Grant them to this program with: sudo setcap "
           "cap_net_raw,cap_net_admin=eip " + runningBinaryPath();
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <string>

namespace rcvmon {

// The path of the running binary (/proc/self/exe), or "<binary>" when it cannot be read.
std::string runningBinaryPath();

// What to tell a user whose live capture was refused for want of privilege: what is
// missing (root, or CAP_NET_RAW, plus CAP_NET_ADMIN for promiscuous mode) and the command
// that grants it to this binary. `action` says what failed, e.g. "open a packet socket".
std::string missingPrivilegeMessage(const std::string& interfaceName, const std::string& action);

}  // namespace rcvmon

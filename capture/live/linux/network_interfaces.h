// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/network_interface.h"

#include <optional>
#include <string>

namespace rcvmon {

// The interface that carries the default route (IPv4 first, then IPv6), lowest metric.
std::optional<std::string> defaultRouteInterface();

}  // namespace rcvmon

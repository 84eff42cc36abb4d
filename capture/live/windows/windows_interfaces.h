// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/network_interface.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon {

// One network interface as GetAdaptersAddresses reports it: the shared fields, plus what only
// Windows has.
struct WindowsNetworkInterface : NetworkInterface {
    std::string adapterName;      // "{GUID}": stable across renames
    std::uint32_t ipv6Index = 0;  // Ipv6IfIndex (scope id of link-local addresses); may be 0
};

// Every interface with its unicast addresses, from GetAdaptersAddresses (never a hostname
// lookup), ordered by index. On failure returns nothing and sets error.
std::vector<WindowsNetworkInterface> listWindowsInterfaces(std::string& error);

// The interface whose friendly name, adapter GUID or decimal index is text; nullptr if none.
const WindowsNetworkInterface* findWindowsInterface(const std::vector<WindowsNetworkInterface>& list,
                                                    std::string_view text);

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon {

// One network interface as GetAdaptersAddresses reports it, with the same fields as the Linux
// enumeration (to be hoisted into one shared header).
struct WindowsNetworkInterface {
    std::string name;         // friendly name ("Ethernet", "Wi-Fi"), UTF-8; pcapng if_name
    std::string adapterName;  // "{GUID}": stable across renames
    std::string description;  // driver's description ("Intel(R) Ethernet ...")
    std::uint32_t index = 0;      // IfIndex, or Ipv6IfIndex when IPv4 is off
    std::uint32_t ipv6Index = 0;  // Ipv6IfIndex (scope id of link-local addresses); may be 0
    std::vector<std::string> addresses;  // unicast "a.b.c.d/len" and "x:y::z/len"
    bool up = false;           // OperStatus is IfOperStatusUp
    bool running = false;      // the same: Windows folds carrier into OperStatus
    bool loopback = false;     // IfType is IF_TYPE_SOFTWARE_LOOPBACK
    bool promiscuous = false;  // unknown on Windows: always false
    std::string macAddress;    // "aa:bb:cc:dd:ee:ff", empty when there is none
};

// Every interface with its unicast addresses, from GetAdaptersAddresses (never a hostname
// lookup), ordered by index. On failure returns nothing and sets error.
std::vector<WindowsNetworkInterface> listWindowsInterfaces(std::string& error);

// The Linux names (capture/live/linux/network_interfaces.h), so rcvmon-cli -D is one piece of
// code on both platforms until the struct moves to a shared header.
using NetworkInterface = WindowsNetworkInterface;
inline std::vector<NetworkInterface> listNetworkInterfaces(std::string& error)
{
    return listWindowsInterfaces(error);
}

// The interface whose friendly name, adapter GUID or decimal index is text; nullptr if none.
const WindowsNetworkInterface* findWindowsInterface(const std::vector<WindowsNetworkInterface>& list,
                                                    std::string_view text);

}  // namespace rcvmon

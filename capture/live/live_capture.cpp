// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/live_capture.h"

#ifdef _WIN32
#include "live/windows/rcvall_source.h"
#include "live/windows/windows_interfaces.h"
#else
#include "live/linux/af_packet_source.h"
#include "live/linux/network_interfaces.h"
#endif

namespace rcvmon {

#ifdef _WIN32

std::unique_ptr<CaptureSource> openLiveCapture(const LiveCaptureOptions& options, std::string& error)
{
    // SIO_RCVALL hands up IPv4/IPv6 datagrams only and has no kernel filter to attach.
    if (options.allProtocols) {
        error = "capturing non-IP frames (--all-protocols) is not possible with SIO_RCVALL on Windows";
        return nullptr;
    }
    if (!options.filter.empty()) {
        error = "capture filters (-f) are not supported on Windows yet";
        return nullptr;
    }
    return RcvallSource::open(options.interfaceName, options.mode, error);
}

std::vector<NetworkInterface> listNetworkInterfaces(std::string& error)
{
    const std::vector<WindowsNetworkInterface> windows = listWindowsInterfaces(error);
    return {windows.begin(), windows.end()};  // the shared part of each
}

// Windows has no per-interface promiscuous flag to read: SIO_RCVALL's state is per socket.
std::optional<bool> interfacePromiscuous(const std::string&) { return std::nullopt; }

std::optional<std::string> defaultCaptureInterface()
{
    std::string error;
    for (const auto& iface : listNetworkInterfaces(error))
        if (iface.up && !iface.loopback && !iface.addresses.empty()) return iface.name;
    return std::nullopt;
}

#else

std::unique_ptr<CaptureSource> openLiveCapture(const LiveCaptureOptions& options, std::string& error)
{
    AfPacketSource::Options o;
    o.interfaceName = options.interfaceName;
    o.mode = options.mode;
    o.allProtocols = options.allProtocols;
    o.filter = options.filter;
    return AfPacketSource::open(o, error);
}

std::optional<std::string> defaultCaptureInterface() { return defaultRouteInterface(); }

std::optional<bool> interfacePromiscuous(const std::string& name)
{
    std::string error;
    for (const NetworkInterface& nif : listNetworkInterfaces(error))
        if (nif.name == name) return nif.promiscuous;
    return std::nullopt;
}

#endif

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/live_capture.h"

#ifdef _WIN32
#include "live/windows/rcvall_source.h"
#else
#include "live/linux/af_packet_source.h"
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

#endif

}  // namespace rcvmon

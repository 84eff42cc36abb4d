// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/rcvall_error.h"

#include <winsock2.h>

#include <string>

namespace rcvmon {
namespace {

struct KnownError {
    int code;
    std::string_view name;
    std::string_view explanation;
};

// Opening capture files never needs any of this, so the messages that end live capture say so.
constexpr KnownError kKnownErrors[] = {
    {WSAEACCES, "WSAEACCES",
     "live capture needs Administrator rights. Right-click RcvMon and choose \"Run as "
     "administrator\", or start it from an elevated command prompt (Windows Terminal or cmd "
     "opened with \"Run as administrator\"). Opening capture files works without them."},
    {WSA_IO_PENDING, "WSA_IO_PENDING",
     "the operation was started and has not finished yet; for overlapped I/O this is normal, "
     "so seeing it as a failure is a bug in RcvMon. Please report it."},
    {WSA_OPERATION_ABORTED, "WSA_OPERATION_ABORTED",
     "the pending operation was cancelled because its socket was closed or flushed. This is "
     "expected while capture stops; otherwise start the capture again."},
    {WSAEFAULT, "WSAEFAULT",
     "Windows rejected a buffer or OVERLAPPED structure that is not entirely in valid memory. "
     "This is a bug in RcvMon. Please report it."},
    {WSAEINPROGRESS, "WSAEINPROGRESS",
     "Windows Sockets was still busy with a blocking call in progress. Start the capture again."},
    {WSAEINTR, "WSAEINTR",
     "the blocking operation was interrupted before it finished. Start the capture again."},
    {WSAEINVAL, "WSAEINVAL",
     "Windows refused the request for this socket or interface. Most often the network "
     "interface was deleted or removed (an unplugged USB or PCMCIA adapter, a VPN that went "
     "down): refresh the interface list and choose the interface again."},
    {WSAENETDOWN, "WSAENETDOWN",
     "the network subsystem has failed. Check that the network adapter is enabled and "
     "connected, then start the capture again."},
    {WSAENOBUFS, "WSAENOBUFS",
     "Windows has no buffer space left for the capture. Close other network-heavy programs or "
     "lower RcvMon's capture buffer size, then try again."},
    {WSAENOPROTOOPT, "WSAENOPROTOOPT",
     "the socket option is not supported on raw IP sockets by this system's network provider "
     "(a firewall or VPN driver may have replaced the standard one), so live capture is not "
     "available on this interface. Opening capture files still works."},
    {WSAENOTSOCK, "WSAENOTSOCK",
     "the capture socket is no longer valid (it was closed, or a network filter driver "
     "replaced it). Start the capture again."},
    {WSAEOPNOTSUPP, "WSAEOPNOTSUPP",
     "this system's network provider does not support SIO_RCVALL (receiving all packets of an "
     "interface), so live capture is not available here; this happens under wine and with some "
     "VPN or filter drivers. Opening capture files still works."},
    {WSAEPROTONOSUPPORT, "WSAEPROTONOSUPPORT",
     "this system does not provide raw IP sockets (SOCK_RAW with IPPROTO_IP or IPPROTO_IPV6), "
     "so live capture is not available here; this happens under wine. Opening capture files "
     "still works."},
    {WSAESOCKTNOSUPPORT, "WSAESOCKTNOSUPPORT",
     "this system does not support raw sockets (SOCK_RAW) at all, so live capture is not "
     "available here. Opening capture files still works."},
    {WSAEAFNOSUPPORT, "WSAEAFNOSUPPORT",
     "this IP version is not installed or is disabled on this system. Enable IPv4 or IPv6 "
     "in the adapter's properties, or capture on an interface that has the other version."},
    {WSAEADDRNOTAVAIL, "WSAEADDRNOTAVAIL",
     "the interface no longer has the address the capture binds to (it changed, or the "
     "interface went away). Refresh the interface list and choose the interface again."},
    {WSAEMFILE, "WSAEMFILE",
     "too many sockets are open in this process. Stop other captures and try again."},
    {WSANOTINITIALISED, "WSANOTINITIALISED",
     "Windows Sockets was not started before use. This is a bug in RcvMon. Please report it."},
    {WSASYSNOTREADY, "WSASYSNOTREADY",
     "the Windows network subsystem is not ready. Wait a moment or restart Windows, then try "
     "again."},
};

const KnownError* findKnown(int code)
{
    for (const KnownError& known : kKnownErrors) {
        if (known.code == code) return &known;
    }
    return nullptr;
}

}  // namespace

std::string_view wsaErrorName(int wsaError)
{
    const KnownError* known = findKnown(wsaError);
    return known ? known->name : std::string_view{};
}

std::string describeRcvallError(int wsaError, std::string_view step)
{
    std::string message = "Live capture failed";
    if (!step.empty()) {
        message += " while ";
        message += step;
    }
    message += ": ";
    const KnownError* known = findKnown(wsaError);
    if (known) {
        message += known->explanation;
        message += " (";
        message += known->name;
        message += ", error ";
    } else {
        message += "Windows Sockets reported an error RcvMon does not know. Look the number up "
                   "with \"net helpmsg\" or in the Windows Sockets error list (error ";
    }
    message += std::to_string(wsaError);
    message += ")";
    return message;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/rcvall_source.h"

#include "core/link_type.h"
#include "live/windows/rcvall_error.h"

#include <mstcpip.h>

#include <cstring>

// mingw-w64's mstcpip.h has RCVALL_IPLEVEL = 3 like the Windows SDK; old copies lacked it or
// gave it another value, so make sure the value sent is the SDK's.
static_assert(RCVALL_OFF == 0 && RCVALL_ON == 1 && RCVALL_IPLEVEL == 3);

namespace rcvmon {
namespace {

std::string_view familyName(int family)
{
    return family == AF_INET ? "IPv4" : "IPv6";
}

std::string addressOnly(const std::string& withPrefix)
{
    return withPrefix.substr(0, withPrefix.find('/'));
}

// The address each family's socket binds to: the first IPv4 one; for IPv6 a global or
// unique-local one before a link-local one (any of them ties the socket to the interface).
std::string pickAddress(const WindowsNetworkInterface& iface, int family)
{
    std::string linkLocal;
    for (const std::string& text : iface.addresses) {
        const bool isV6 = text.find(':') != std::string::npos;
        if (family == AF_INET && !isV6) return addressOnly(text);
        if (family == AF_INET6 && isV6) {
            const bool isLinkLocal = text.rfind("fe8", 0) == 0 || text.rfind("fe9", 0) == 0 ||
                                     text.rfind("fea", 0) == 0 || text.rfind("feb", 0) == 0;
            if (!isLinkLocal) return addressOnly(text);
            if (linkLocal.empty()) linkLocal = addressOnly(text);
        }
    }
    return linkLocal;
}

}  // namespace

RcvallSource::RcvallSource(WindowsNetworkInterface iface, RcvallOptions options)
    : m_iface(std::move(iface)),
      m_options(options),
      m_pump(ownAddressesOf(m_iface), options.receiveBufferBytes)
{
}

std::unique_ptr<RcvallSource> RcvallSource::open(std::string_view interfaceName, CaptureMode mode,
                                                  std::string& error, RcvallOptions options)
{
    std::string listError;
    const std::vector<WindowsNetworkInterface> list = listWindowsInterfaces(listError);
    const WindowsNetworkInterface* iface = findWindowsInterface(list, interfaceName);
    if (!iface) {
        error = listError.empty() ? "No network interface is called \"" + std::string(interfaceName) +
                                        "\". \"rcvmon-cli -D\" lists them (name, {GUID} or index)."
                                  : listError;
        return nullptr;
    }
    auto source = std::make_unique<RcvallSource>(*iface, options);
    if (!source->start(mode)) {
        error = source->error();
        return nullptr;
    }
    return source;
}

RcvallSource::~RcvallSource()
{
    stop();
}

std::uint32_t RcvallSource::linkType() const
{
    return link_type::Raw;
}

bool RcvallSource::fail(int wsaError, std::string step)
{
    m_lastWsaError = wsaError;
    m_failedStep = std::move(step);
    m_error = describeRcvallError(wsaError, m_failedStep);
    closeSockets(true);
    return false;
}

bool RcvallSource::start(CaptureMode mode)
{
    closeSockets(true);  // a new interface or mode is Off on the old first, never one call
    m_error.clear();
    m_failedStep.clear();
    m_lastWsaError = 0;
    if (mode == CaptureMode::Off) return true;
    if (m_winsock.error() != 0) return fail(m_winsock.error(), "starting Windows Sockets (WSAStartup)");
    if (m_pump.initError() != 0) return fail(m_pump.initError(), "creating the stop event");

    const std::string v4 = pickAddress(m_iface, AF_INET);
    const std::string v6 = pickAddress(m_iface, AF_INET6);
    if (v4.empty() && v6.empty()) {
        m_failedStep = "choosing the address to bind on " + m_iface.name;
        m_error = "Live capture failed: the interface \"" + m_iface.name +
                  "\" has no IPv4 or IPv6 address, and SIO_RCVALL can only capture through a "
                  "socket bound to one of the interface's own addresses. Choose an interface "
                  "that has an address.";
        return false;
    }
    const unsigned long value = mode == CaptureMode::On ? RCVALL_ON : RCVALL_IPLEVEL;
    const std::string_view valueName = mode == CaptureMode::On ? "RCVALL_ON" : "RCVALL_IPLEVEL";
    if (!v4.empty() && !openFamily(AF_INET, v4)) return false;
    if (!v6.empty() && !openFamily(AF_INET6, v6)) return false;
    for (Socket& socket : m_sockets) {
        if (!setRcvall(socket, value, valueName)) return false;
    }
    for (Socket& socket : m_sockets) {
        if (const int error = m_pump.add(socket.handle, socket.family); error != 0) {
            return fail(error, "preparing overlapped receives (WSARecvMsg) on " + m_iface.name);
        }
    }
    m_mode.store(mode, std::memory_order_relaxed);
    return true;
}

bool RcvallSource::openFamily(int family, const std::string& address)
{
    const std::string on = " on " + m_iface.name;
    const int protocol = family == AF_INET ? IPPROTO_IP : IPPROTO_IPV6;
    const SOCKET handle = WSASocketW(family, SOCK_RAW, protocol, nullptr, 0,
                                     WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    if (handle == INVALID_SOCKET) {
        const int error = WSAGetLastError();
        return fail(error, "creating the " + std::string(familyName(family)) +
                               (family == AF_INET ? " raw socket (AF_INET, SOCK_RAW, IPPROTO_IP)"
                                                  : " raw socket (AF_INET6, SOCK_RAW, IPPROTO_IPV6)") +
                               on);
    }
    m_sockets.push_back({handle, family});

    sockaddr_storage local{};
    int localLength = 0;
    if (family == AF_INET) {
        auto* sin = reinterpret_cast<sockaddr_in*>(&local);
        sin->sin_family = AF_INET;
        if (inet_pton(AF_INET, address.c_str(), &sin->sin_addr) != 1) return fail(WSAEINVAL, "reading the address " + address + on);
        localLength = sizeof(sockaddr_in);
    } else {
        auto* sin6 = reinterpret_cast<sockaddr_in6*>(&local);
        sin6->sin6_family = AF_INET6;
        if (inet_pton(AF_INET6, address.c_str(), &sin6->sin6_addr) != 1) return fail(WSAEINVAL, "reading the address " + address + on);
        if (IN6_IS_ADDR_LINKLOCAL(&sin6->sin6_addr)) {
            sin6->sin6_scope_id = m_iface.ipv6Index != 0 ? m_iface.ipv6Index : m_iface.index;
        }
        localLength = sizeof(sockaddr_in6);
    }
    const std::string socketName = "the " + std::string(familyName(family)) + " raw socket";
    if (bind(handle, reinterpret_cast<const sockaddr*>(&local), localLength) == SOCKET_ERROR) {
        return fail(WSAGetLastError(), "binding " + socketName + " to " + address + on);
    }
    const int wanted = m_options.socketBufferBytes;
    if (setsockopt(handle, SOL_SOCKET, SO_RCVBUF, reinterpret_cast<const char*>(&wanted),
                   sizeof(wanted)) == SOCKET_ERROR) {
        return fail(WSAGetLastError(), "setting the receive buffer (SO_RCVBUF, " +
                                           std::to_string(wanted) + " bytes) of " + socketName + on);
    }
    int granted = 0;
    int grantedLength = sizeof(granted);
    if (getsockopt(handle, SOL_SOCKET, SO_RCVBUF, reinterpret_cast<char*>(&granted), &grantedLength) == 0) {
        m_grantedBufferBytes = granted;
    }
    if (family == AF_INET6) {
        // The destination address is not in the data Windows hands over: IPV6_PKTINFO brings it.
        const DWORD enable = 1;
        if (setsockopt(handle, IPPROTO_IPV6, IPV6_PKTINFO, reinterpret_cast<const char*>(&enable),
                       sizeof(enable)) == SOCKET_ERROR) {
            return fail(WSAGetLastError(), "asking for packet information (IPV6_PKTINFO) on " + socketName + on);
        }
        // Hop limit and traffic class only make the rebuilt header more faithful: best effort.
        setsockopt(handle, IPPROTO_IPV6, IPV6_HOPLIMIT, reinterpret_cast<const char*>(&enable), sizeof(enable));
        setsockopt(handle, IPPROTO_IPV6, IPV6_RECVTCLASS, reinterpret_cast<const char*>(&enable), sizeof(enable));
    }
    return true;
}

bool RcvallSource::setRcvall(Socket& socket, unsigned long value, std::string_view valueName)
{
    DWORD option = value;
    DWORD returned = 0;
    if (WSAIoctl(socket.handle, SIO_RCVALL, &option, sizeof(option), nullptr, 0, &returned, nullptr,
                 nullptr) == SOCKET_ERROR) {
        return fail(WSAGetLastError(),
                    std::string(value == RCVALL_OFF ? "turning off" : "turning on") + " SIO_RCVALL (" +
                        std::string(valueName) + ") on the " + std::string(familyName(socket.family)) +
                        " raw socket of " + m_iface.name);
    }
    return true;
}

void RcvallSource::closeSockets(bool turnOff)
{
    m_pump.clear();  // Windows must let go of the buffers before the sockets go
    for (Socket& socket : m_sockets) {
        if (turnOff) {
            // Closing ends SIO_RCVALL too; saying so first is what the seed asks for.
            DWORD option = RCVALL_OFF;
            DWORD returned = 0;
            WSAIoctl(socket.handle, SIO_RCVALL, &option, sizeof(option), nullptr, 0, &returned, nullptr, nullptr);
        }
        closesocket(socket.handle);
    }
    m_sockets.clear();
    m_mode.store(CaptureMode::Off, std::memory_order_relaxed);
}

void RcvallSource::stop()
{
    closeSockets(true);
}

PollResult RcvallSource::poll(FrameSink& sink, int timeoutMs)
{
    if (!m_error.empty()) return PollResult::Error;
    // With no socket (mode Off) this only waits for the timeout or wakeup(): nothing to deliver.
    const RcvallPump::Outcome outcome = m_pump.pump(sink, timeoutMs, m_options.maxFramesPerPoll);
    if (outcome.result == PollResult::Error) {
        const std::string which =
            outcome.family != 0 ? "the " + std::string(familyName(outcome.family)) + " raw socket of " : std::string();
        fail(outcome.wsaError, "receiving packets on " + which + m_iface.name);
    }
    return outcome.result;
}

void RcvallSource::wakeup()
{
    m_pump.wakeup();
}

CaptureStats RcvallSource::stats() const
{
    CaptureStats stats;
    stats.received = m_pump.received();
    stats.droppedKernel = 0;  // SIO_RCVALL has no drop counter
    return stats;
}

bool RcvallSource::setMode(CaptureMode mode, std::string& error)
{
    const CaptureMode current = this->mode();
    if (mode == current) return true;
    if (mode == CaptureMode::Off) {
        stop();
        return true;
    }
    if (current == CaptureMode::Off) {
        if (start(mode)) return true;
        error = m_error;
        return false;
    }
    // On <-> IpLevel: off first, then the new value (seed: never one call).
    const unsigned long value = mode == CaptureMode::On ? RCVALL_ON : RCVALL_IPLEVEL;
    const std::string_view valueName = mode == CaptureMode::On ? "RCVALL_ON" : "RCVALL_IPLEVEL";
    for (Socket& socket : m_sockets) {
        if (!setRcvall(socket, RCVALL_OFF, "RCVALL_OFF") || !setRcvall(socket, value, valueName)) {
            error = m_error;
            return false;
        }
    }
    m_mode.store(mode, std::memory_order_relaxed);
    return true;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/windows_interfaces.h"

#include "live/windows/winsock_session.h"

#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <vector>

namespace rcvmon {
namespace {

std::string toUtf8(const wchar_t* text)
{
    if (!text || !*text) return {};
    const int size = WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
    if (size <= 1) return {};
    std::string out(static_cast<std::size_t>(size), '\0');
    WideCharToMultiByte(CP_UTF8, 0, text, -1, out.data(), size, nullptr, nullptr);
    out.resize(static_cast<std::size_t>(size - 1));  // drop the terminating NUL
    return out;
}

// "a.b.c.d/len" or "x::y/len" without a scope suffix, as the Linux side prints them.
std::string formatAddress(const SOCKET_ADDRESS& address, unsigned prefixLength)
{
    const sockaddr* sa = address.lpSockaddr;
    if (!sa) return {};
    char text[INET6_ADDRSTRLEN] = {};
    const void* raw = nullptr;
    if (sa->sa_family == AF_INET) {
        raw = &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr;
    } else if (sa->sa_family == AF_INET6) {
        raw = &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr;
    } else {
        return {};
    }
    if (!inet_ntop(sa->sa_family, raw, text, sizeof(text))) return {};
    return std::string(text) + "/" + std::to_string(prefixLength);
}

std::string formatMac(const BYTE* bytes, ULONG length)
{
    std::string out;
    for (ULONG i = 0; i < length; ++i) {
        char hex[4];
        std::snprintf(hex, sizeof(hex), i == 0 ? "%02x" : ":%02x", bytes[i]);
        out += hex;
    }
    return out;
}

WindowsNetworkInterface toInterface(const IP_ADAPTER_ADDRESSES& adapter)
{
    WindowsNetworkInterface iface;
    iface.name = toUtf8(adapter.FriendlyName);
    iface.adapterName = adapter.AdapterName ? adapter.AdapterName : "";
    iface.description = toUtf8(adapter.Description);
    if (iface.name.empty()) iface.name = iface.adapterName;
    iface.ipv6Index = adapter.Ipv6IfIndex;
    iface.index = adapter.IfIndex != 0 ? adapter.IfIndex : adapter.Ipv6IfIndex;
    iface.up = adapter.OperStatus == IfOperStatusUp;
    iface.running = iface.up;
    iface.loopback = adapter.IfType == IF_TYPE_SOFTWARE_LOOPBACK;
    iface.macAddress = formatMac(adapter.PhysicalAddress, adapter.PhysicalAddressLength);
    for (const IP_ADAPTER_UNICAST_ADDRESS* unicast = adapter.FirstUnicastAddress; unicast;
         unicast = unicast->Next) {
        std::string text = formatAddress(unicast->Address, unicast->OnLinkPrefixLength);
        if (!text.empty()) iface.addresses.push_back(std::move(text));
    }
    return iface;
}

}  // namespace

std::vector<WindowsNetworkInterface> listWindowsInterfaces(std::string& error)
{
    WinsockSession winsock;  // inet_ntop lives in ws2_32
    constexpr ULONG kFlags =
        GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER;
    // Microsoft's advice: start at 15 KB and grow when told to; the list can change between calls.
    ULONG size = 15 * 1024;
    std::vector<unsigned char> buffer;
    ULONG result = ERROR_BUFFER_OVERFLOW;
    for (int attempt = 0; attempt < 4 && result == ERROR_BUFFER_OVERFLOW; ++attempt) {
        buffer.assign(size, 0);
        result = GetAdaptersAddresses(AF_UNSPEC, kFlags, nullptr,
                                      reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buffer.data()), &size);
    }
    std::vector<WindowsNetworkInterface> list;
    if (result == ERROR_NO_DATA) return list;
    if (result != NO_ERROR) {
        error = "Listing network interfaces failed: GetAdaptersAddresses returned error " +
                std::to_string(result);
        return list;
    }
    for (const auto* adapter = reinterpret_cast<const IP_ADAPTER_ADDRESSES*>(buffer.data());
         adapter; adapter = adapter->Next) {
        list.push_back(toInterface(*adapter));
    }
    std::sort(list.begin(), list.end(), [](const WindowsNetworkInterface& a, const WindowsNetworkInterface& b) {
        return a.index < b.index;
    });
    return list;
}

const WindowsNetworkInterface* findWindowsInterface(const std::vector<WindowsNetworkInterface>& list,
                                                    std::string_view text)
{
    for (const WindowsNetworkInterface& iface : list) {
        if (iface.name == text || iface.adapterName == text) return &iface;
    }
    std::uint32_t index = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), index);
    if (ec == std::errc{} && end == text.data() + text.size() && !text.empty()) {
        for (const WindowsNetworkInterface& iface : list) {
            if (iface.index == index) return &iface;
        }
    }
    return nullptr;
}

}  // namespace rcvmon

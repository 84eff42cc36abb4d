// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/linux/network_interfaces.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

// glibc's net/if.h before the kernel headers, which then leave out their copy.
#include <net/if.h>
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/route.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace rcvmon {
namespace {

int prefixLength(const sockaddr* mask)
{
    if (mask == nullptr) return -1;
    const std::uint8_t* bytes = nullptr;
    std::size_t size = 0;
    if (mask->sa_family == AF_INET) {
        bytes = reinterpret_cast<const std::uint8_t*>(&reinterpret_cast<const sockaddr_in*>(mask)->sin_addr);
        size = 4;
    } else if (mask->sa_family == AF_INET6) {
        bytes = reinterpret_cast<const std::uint8_t*>(&reinterpret_cast<const sockaddr_in6*>(mask)->sin6_addr);
        size = 16;
    } else {
        return -1;
    }
    int bits = 0;
    for (std::size_t i = 0; i < size; ++i) bits += __builtin_popcount(bytes[i]);
    return bits;
}

std::string addressText(const sockaddr* address, const sockaddr* mask)
{
    char text[INET6_ADDRSTRLEN] = {};
    const void* raw = address->sa_family == AF_INET
        ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in*>(address)->sin_addr)
        : static_cast<const void*>(&reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr);
    if (inet_ntop(address->sa_family, raw, text, sizeof text) == nullptr) return {};
    const int bits = prefixLength(mask);
    return bits < 0 ? std::string(text) : std::string(text) + "/" + std::to_string(bits);
}

std::string macText(const sockaddr_ll& link)
{
    std::string text;
    for (int i = 0; i < link.sll_halen && i < 8; ++i) {
        char part[4];
        std::snprintf(part, sizeof part, i == 0 ? "%02x" : ":%02x", link.sll_addr[i]);
        text += part;
    }
    return text;
}

// The promiscuity count per interface index, from one RTM_GETLINK dump. SIOCGIFFLAGS and
// getifaddrs only show IFF_PROMISC set by hand, not the count packet sockets hold; the
// netlink answer is also right in whatever namespace the calling thread is in (unlike a
// /sys mounted for another namespace).
std::map<std::uint32_t, std::uint32_t> promiscuityByIndex()
{
    std::map<std::uint32_t, std::uint32_t> result;
    const int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) return result;
    struct {
        nlmsghdr header;
        ifinfomsg info;
    } request{};
    request.header.nlmsg_len = sizeof request;
    request.header.nlmsg_type = RTM_GETLINK;
    request.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    request.header.nlmsg_seq = 1;
    request.info.ifi_family = AF_UNSPEC;
    if (send(fd, &request, sizeof request, 0) < 0) {
        close(fd);
        return result;
    }
    alignas(nlmsghdr) std::array<char, 32768> buffer;
    bool done = false;
    while (!done) {
        const ssize_t got = recv(fd, buffer.data(), buffer.size(), 0);
        if (got <= 0) break;
        int left = static_cast<int>(got);  // int, as NLMSG_NEXT may step past zero on a bad length
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wsign-compare"  // inside NLMSG_OK: u32 length against int
#endif
        for (auto* message = reinterpret_cast<nlmsghdr*>(buffer.data()); NLMSG_OK(message, left);
             message = NLMSG_NEXT(message, left)) {
#if defined(__clang__)
#pragma clang diagnostic pop
#endif
            if (message->nlmsg_type == NLMSG_DONE || message->nlmsg_type == NLMSG_ERROR) {
                done = true;
                break;
            }
            if (message->nlmsg_type != RTM_NEWLINK) continue;
            const auto* info = static_cast<const ifinfomsg*>(NLMSG_DATA(message));
            int attributeBytes = static_cast<int>(IFLA_PAYLOAD(message));
            for (auto* attribute = IFLA_RTA(info); RTA_OK(attribute, attributeBytes);
                 attribute = RTA_NEXT(attribute, attributeBytes)) {
                if (attribute->rta_type == IFLA_PROMISCUITY && RTA_PAYLOAD(attribute) >= 4) {
                    std::uint32_t count = 0;
                    std::memcpy(&count, RTA_DATA(attribute), sizeof count);
                    result[static_cast<std::uint32_t>(info->ifi_index)] = count;
                }
            }
        }
    }
    close(fd);
    return result;
}

unsigned long parseNumber(const std::string& text, int base)
{
    return std::strtoul(text.c_str(), nullptr, base);  // /proc text; garbage reads as 0
}

// /proc/net follows the process's first thread; /proc/thread-self/net follows this thread,
// which matters when a thread entered another namespace with setns(2).
std::ifstream openProcNet(const char* file)
{
    std::ifstream in(std::string("/proc/thread-self/net/") + file);
    if (!in) in.open(std::string("/proc/net/") + file);
    return in;
}

std::optional<std::string> defaultRoute4()
{
    std::ifstream in = openProcNet("route");
    std::string line;
    std::getline(in, line);  // column titles
    std::optional<std::string> best;
    unsigned long bestMetric = std::numeric_limits<unsigned long>::max();
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string iface, destination, gateway, flags, refCount, use, metric, mask;
        if (!(fields >> iface >> destination >> gateway >> flags >> refCount >> use >> metric >> mask)) continue;
        if (destination != "00000000" || mask != "00000000") continue;
        if ((parseNumber(flags, 16) & RTF_UP) == 0) continue;
        const unsigned long value = parseNumber(metric, 10);
        if (!best || value < bestMetric) {
            best = iface;
            bestMetric = value;
        }
    }
    return best;
}

std::optional<std::string> defaultRoute6()
{
    std::ifstream in = openProcNet("ipv6_route");
    std::string line;
    std::optional<std::string> best;
    unsigned long bestMetric = std::numeric_limits<unsigned long>::max();
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string destination, prefix, source, sourcePrefix, nextHop, metric, refCount, use, flags, iface;
        if (!(fields >> destination >> prefix >> source >> sourcePrefix >> nextHop >> metric >> refCount >> use >> flags >> iface)) continue;
        if (destination != std::string(32, '0') || prefix != "00" || iface == "lo") continue;
        const unsigned long flagBits = parseNumber(flags, 16);
        if ((flagBits & RTF_UP) == 0 || (flagBits & RTF_REJECT) != 0) continue;
        const unsigned long value = parseNumber(metric, 16);
        if (!best || value < bestMetric) {
            best = iface;
            bestMetric = value;
        }
    }
    return best;
}

}  // namespace

std::vector<NetworkInterface> listNetworkInterfaces(std::string& error)
{
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) {
        error = std::string("cannot list network interfaces: ") + std::strerror(errno);
        return {};
    }
    std::map<std::string, NetworkInterface> byName;
    for (const ifaddrs* entry = list; entry != nullptr; entry = entry->ifa_next) {
        NetworkInterface& item = byName[entry->ifa_name];
        if (item.name.empty()) {
            item.name = entry->ifa_name;
            item.index = if_nametoindex(entry->ifa_name);
        }
        item.up = item.up || (entry->ifa_flags & IFF_UP) != 0;
        item.running = item.running || (entry->ifa_flags & IFF_RUNNING) != 0;
        item.loopback = item.loopback || (entry->ifa_flags & IFF_LOOPBACK) != 0;
        item.promiscuous = item.promiscuous || (entry->ifa_flags & IFF_PROMISC) != 0;
        if (entry->ifa_addr == nullptr) continue;
        const int family = entry->ifa_addr->sa_family;
        if (family == AF_PACKET) {
            const auto& link = *reinterpret_cast<const sockaddr_ll*>(entry->ifa_addr);
            item.index = static_cast<std::uint32_t>(link.sll_ifindex);
            item.macAddress = macText(link);
        } else if (family == AF_INET || family == AF_INET6) {
            std::string text = addressText(entry->ifa_addr, entry->ifa_netmask);
            if (!text.empty()) item.addresses.push_back(std::move(text));
        }
    }
    freeifaddrs(list);

    const auto promiscuity = promiscuityByIndex();
    std::vector<NetworkInterface> result;
    for (auto& [name, item] : byName) {
        const auto found = promiscuity.find(item.index);
        if (found != promiscuity.end() && found->second > 0) item.promiscuous = true;
        result.push_back(std::move(item));
    }
    std::sort(result.begin(), result.end(),
              [](const NetworkInterface& a, const NetworkInterface& b) { return a.index < b.index; });
    error.clear();
    return result;
}

std::optional<std::string> defaultRouteInterface()
{
    if (auto v4 = defaultRoute4()) return v4;
    return defaultRoute6();
}

}  // namespace rcvmon

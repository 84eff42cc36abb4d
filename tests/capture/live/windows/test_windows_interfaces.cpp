// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/windows_interfaces.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <string>

namespace rcvmon {
namespace {

// "a.b.c.d/len" or "x::y/len" with a prefix length that fits the family.
bool wellFormed(const std::string& address)
{
    const std::size_t slash = address.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 >= address.size()) return false;
    const int prefix = std::stoi(address.substr(slash + 1));
    const bool v6 = address.find(':') < slash;
    if (!v6 && std::count(address.begin(), address.begin() + static_cast<std::ptrdiff_t>(slash), '.') != 3) return false;
    return prefix >= 0 && prefix <= (v6 ? 128 : 32) && address.find('%') == std::string::npos;
}

TEST(WindowsInterfaces, ListsTheLoopbackWithAddressesAsStrings)
{
    std::string error;
    const std::vector<WindowsNetworkInterface> list = listWindowsInterfaces(error);
    ASSERT_TRUE(error.empty()) << error;
    ASSERT_FALSE(list.empty());
    const WindowsNetworkInterface* loopback = nullptr;
    for (const WindowsNetworkInterface& iface : list) {
        std::cout << iface.index << " " << iface.name << " " << iface.adapterName
                  << (iface.up ? " up" : " down") << (iface.loopback ? " loopback" : "") << " mac="
                  << iface.macAddress;
        for (const std::string& address : iface.addresses) std::cout << " " << address;
        std::cout << "\n";
        EXPECT_FALSE(iface.name.empty());
        EXPECT_NE(iface.index, 0u) << iface.name;
        EXPECT_FALSE(iface.promiscuous);
        EXPECT_EQ(iface.running, iface.up);
        for (const std::string& address : iface.addresses) EXPECT_TRUE(wellFormed(address)) << address;
        if (!iface.macAddress.empty()) {
            EXPECT_EQ(iface.macAddress.size() % 3, 2u) << iface.macAddress;
        }
        if (iface.loopback && !loopback) loopback = &iface;
    }
    ASSERT_NE(loopback, nullptr) << "no IF_TYPE_SOFTWARE_LOOPBACK interface";
    const auto& addresses = loopback->addresses;
    const bool hasLoopbackAddress =
        std::find(addresses.begin(), addresses.end(), "127.0.0.1/8") != addresses.end() ||
        std::find(addresses.begin(), addresses.end(), "::1/128") != addresses.end();
    EXPECT_TRUE(hasLoopbackAddress);
}

TEST(WindowsInterfaces, FindsByNameGuidOrIndex)
{
    std::string error;
    const std::vector<WindowsNetworkInterface> list = listWindowsInterfaces(error);
    ASSERT_FALSE(list.empty()) << error;
    const WindowsNetworkInterface& last = list.back();
    EXPECT_EQ(findWindowsInterface(list, last.name), &last);
    EXPECT_EQ(findWindowsInterface(list, last.adapterName), &last);
    EXPECT_EQ(findWindowsInterface(list, std::to_string(last.index))->index, last.index);
    EXPECT_EQ(findWindowsInterface(list, "no such interface"), nullptr);
    EXPECT_EQ(findWindowsInterface(list, "4294967295x"), nullptr);
    EXPECT_EQ(findWindowsInterface(list, ""), nullptr);
}

}  // namespace
}  // namespace rcvmon

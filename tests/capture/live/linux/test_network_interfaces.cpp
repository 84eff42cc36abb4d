// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/linux/network_interfaces.h"

#include "live_fixture.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace rcvmon::test {
namespace {

class NetworkInterfacesTest : public LiveFixture {
protected:
    std::vector<NetworkInterface> listIn(const std::string& netns)
    {
        ScopedNetns inside(netns);
        EXPECT_TRUE(inside.ok());
        std::string error;
        auto list = listNetworkInterfaces(error);
        EXPECT_TRUE(error.empty()) << error;
        return list;
    }

    static const NetworkInterface* find(const std::vector<NetworkInterface>& list, const std::string& name)
    {
        const auto found = std::find_if(list.begin(), list.end(), [&](const auto& item) { return item.name == name; });
        return found == list.end() ? nullptr : &*found;
    }

    // What `ip` says, to check against: "link/ether <mac>" and the ifindex.
    std::string ipLinkField(const std::string& device, const std::string& field)
    {
        std::string output;
        runCommand("ip -n " + m_pair.a() + " -o link show " + device, &output);
        if (field == "index") return output.substr(0, output.find(':'));
        const auto at = output.find(field + " ");
        return at == std::string::npos ? "" : output.substr(at + field.size() + 1, 17);
    }
};

TEST_F(NetworkInterfacesTest, ListsTheNamespacesInterfacesWithAddressesAndFlags)
{
    const auto list = listIn(m_pair.a());
    ASSERT_EQ(list.size(), 2u);  // lo and veth-a, nothing from the host
    const NetworkInterface* lo = find(list, "lo");
    ASSERT_TRUE(lo);
    EXPECT_TRUE(lo->loopback);
    EXPECT_TRUE(lo->up);
    EXPECT_EQ(lo->index, 1u);
    EXPECT_NE(std::find(lo->addresses.begin(), lo->addresses.end(), "127.0.0.1/8"), lo->addresses.end());

    const NetworkInterface* veth = find(list, NetnsPair::VethA);
    ASSERT_TRUE(veth);
    EXPECT_FALSE(veth->loopback);
    EXPECT_TRUE(veth->up);
    EXPECT_TRUE(veth->running);  // the peer is up, so the carrier is on
    EXPECT_FALSE(veth->promiscuous);
    EXPECT_EQ(std::to_string(veth->index), ipLinkField(NetnsPair::VethA, "index"));
    EXPECT_EQ(veth->macAddress, ipLinkField(NetnsPair::VethA, "link/ether"));
    EXPECT_NE(std::find(veth->addresses.begin(), veth->addresses.end(), "198.18.0.1/24"), veth->addresses.end());
    EXPECT_TRUE(std::all_of(list.begin(), list.end(), [](const auto& item) {
        return std::none_of(item.addresses.begin(), item.addresses.end(),
                            [](const std::string& address) { return address.rfind("198.18.0.2", 0) == 0; });
    }));
}

TEST_F(NetworkInterfacesTest, ReportsTheKernelsPromiscuousStateWhileCapturingOn)
{
    std::string error;
    auto source = openInA(optionsFor(CaptureMode::On), error);
    ASSERT_TRUE(source) << error;
    const NetworkInterface* veth = nullptr;
    auto list = listIn(m_pair.a());
    veth = find(list, NetnsPair::VethA);
    ASSERT_TRUE(veth);
    EXPECT_TRUE(veth->promiscuous);
    EXPECT_TRUE(isPromiscuous(m_pair.a(), NetnsPair::VethA));  // /sys agrees

    source.reset();
    list = listIn(m_pair.a());
    veth = find(list, NetnsPair::VethA);
    ASSERT_TRUE(veth);
    EXPECT_FALSE(veth->promiscuous);
}

TEST_F(NetworkInterfacesTest, DefaultRouteInterfaceFollowsTheRoutingTable)
{
    {
        ScopedNetns inA(m_pair.a());
        EXPECT_EQ(defaultRouteInterface(), std::nullopt);
    }
    ASSERT_EQ(runCommand("ip -n " + m_pair.a() + " route add default via 198.18.0.2"), 0);
    ScopedNetns inA(m_pair.a());
    EXPECT_EQ(defaultRouteInterface(), std::optional<std::string>(NetnsPair::VethA));
}

// Reading only, in whatever namespace the test runs in: needs no privilege.
TEST(NetworkInterfaces, ListsLoopbackWithoutPrivilege)
{
    std::string error;
    const auto list = listNetworkInterfaces(error);
    ASSERT_TRUE(error.empty()) << error;
    const auto lo = std::find_if(list.begin(), list.end(), [](const auto& item) { return item.loopback; });
    ASSERT_NE(lo, list.end());
    EXPECT_GT(lo->index, 0u);
    EXPECT_TRUE(std::is_sorted(list.begin(), list.end(),
                               [](const auto& a, const auto& b) { return a.index < b.index; }));
}

}  // namespace
}  // namespace rcvmon::test

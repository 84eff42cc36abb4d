// SPDX-License-Identifier: GPL-2.0-or-later
#include "live_fixture.h"

#include "live/linux/network_interfaces.h"
#include "require.h"

namespace rcvmon::test {

void LiveFixture::SetUp()
{
    const std::string why = NetnsPair::unavailableReason();
    RCVMON_REQUIRE(why.empty(), why);
    std::string error;
    ASSERT_TRUE(m_pair.create(error)) << error;
    m_macA = parseMac(macOf(m_pair.a(), NetnsPair::VethA));
    m_macB = parseMac(macOf(m_pair.b(), NetnsPair::VethB));
    ASSERT_NE(m_macA, Mac{});
    ASSERT_NE(m_macB, Mac{});
}

AfPacketSource::Options LiveFixture::optionsFor(CaptureMode mode) const
{
    AfPacketSource::Options options;
    options.interfaceName = NetnsPair::VethA;
    options.mode = mode;
    return options;
}

std::unique_ptr<AfPacketSource> LiveFixture::openInA(const AfPacketSource::Options& options, std::string& error)
{
    ScopedNetns inA(m_pair.a());
    if (!inA.ok()) {
        error = "cannot enter namespace " + m_pair.a();
        return nullptr;
    }
    return AfPacketSource::open(options, error);
}

std::unique_ptr<FrameSender> LiveFixture::senderInB()
{
    ScopedNetns inB(m_pair.b());
    if (!inB.ok()) return nullptr;
    auto sender = std::make_unique<FrameSender>(NetnsPair::VethB);
    return sender->ok() ? std::move(sender) : nullptr;
}

std::string LiveFixture::macOf(const std::string& netns, const std::string& device)
{
    ScopedNetns inside(netns);
    std::string error;
    for (const auto& item : listNetworkInterfaces(error))
        if (item.name == device) return item.macAddress;
    return {};
}

}  // namespace rcvmon::test

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/linux/af_packet_source.h"
#include "netns_pair.h"
#include "test_frames.h"

#include <gtest/gtest.h>

#include <memory>

namespace rcvmon::test {

// Two fresh namespaces with a veth pair for every test; skipped with the reason when the
// machine cannot make them (not root, no `ip netns`).
class LiveFixture : public ::testing::Test {
protected:
    void SetUp() override;

    AfPacketSource::Options optionsFor(CaptureMode mode) const;
    // Opens in namespace A (the socket stays there).
    std::unique_ptr<AfPacketSource> openInA(const AfPacketSource::Options& options, std::string& error);
    std::unique_ptr<FrameSender> senderInB();
    std::string macOf(const std::string& netns, const std::string& device);

    NetnsPair m_pair;
    Mac m_macA{};
    Mac m_macB{};
};

}  // namespace rcvmon::test

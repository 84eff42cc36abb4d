// SPDX-License-Identifier: GPL-2.0-or-later
// The kernel filter program, run here by libpcap's own BPF interpreter (no root needed).
#include "live/linux/capture_filter.h"

#include "test_frames.h"

#include <gtest/gtest.h>

#include <pcap/pcap.h>

namespace rcvmon::test {
namespace {

constexpr Mac SomeMac = {0x02, 0, 0, 0, 0, 0x01};

// What the program returns for a frame: 0 drops it, otherwise the bytes to keep.
unsigned int run(const std::vector<sock_filter>& program, const std::vector<std::uint8_t>& frame)
{
    static_assert(sizeof(sock_filter) == sizeof(bpf_insn));
    const auto* instructions = reinterpret_cast<const bpf_insn*>(program.data());
    return bpf_filter(instructions, frame.data(), static_cast<u_int>(frame.size()), static_cast<u_int>(frame.size()));
}

std::vector<sock_filter> build(const std::string& expression, bool allProtocols)
{
    std::vector<sock_filter> program;
    std::string error;
    EXPECT_TRUE(buildCaptureFilter(expression, allProtocols, 262144, program, error)) << error;
    return program;
}

TEST(CaptureFilter, DefaultKeepsIpv4AndIpv6TaggedOrNotAndDropsTheRest)
{
    const auto program = build("", false);
    EXPECT_EQ(run(program, udpFrame(SomeMac, SomeMac, "198.18.0.1", 9, {Kind::Bulk, 0})), 262144u);
    EXPECT_EQ(run(program, udpFrame(SomeMac, SomeMac, "198.18.0.1", 9, {Kind::Bulk, 0}, 42)), 262144u);
    EXPECT_EQ(run(program, ipv6UdpFrame(SomeMac, SomeMac, {Kind::Bulk, 0})), 262144u);
    EXPECT_EQ(run(program, arpRequestFrame(SomeMac, {Kind::Arp, 0})), 0u);
    EXPECT_EQ(run(program, arpRequestFrame(SomeMac, {Kind::Arp, 0}, 42)), 0u);
    auto qinq = udpFrame(SomeMac, SomeMac, "198.18.0.1", 9, {Kind::Bulk, 0}, 42);
    qinq[12] = 0x88;
    qinq[13] = 0xa8;
    EXPECT_EQ(run(program, qinq), 262144u);
}

TEST(CaptureFilter, AllProtocolsKeepsEverything)
{
    const auto program = build("", true);
    ASSERT_EQ(program.size(), 1u);
    EXPECT_EQ(run(program, arpRequestFrame(SomeMac, {Kind::Arp, 0})), 262144u);
}

TEST(CaptureFilter, UserFilterRunsAfterTheIpRule)
{
    const auto ipOnly = build("udp port 5001 or arp", false);
    EXPECT_GT(run(ipOnly, udpFrame(SomeMac, SomeMac, "198.18.0.1", 5001, {Kind::Port5001, 0})), 0u);
    EXPECT_EQ(run(ipOnly, udpFrame(SomeMac, SomeMac, "198.18.0.1", 5002, {Kind::Port5002, 0})), 0u);
    EXPECT_EQ(run(ipOnly, arpRequestFrame(SomeMac, {Kind::Arp, 0})), 0u);  // the IP rule comes first

    const auto everything = build("udp port 5001 or arp", true);
    EXPECT_GT(run(everything, arpRequestFrame(SomeMac, {Kind::Arp, 0})), 0u);
    EXPECT_EQ(run(everything, udpFrame(SomeMac, SomeMac, "198.18.0.1", 5002, {Kind::Port5002, 0})), 0u);
}

TEST(CaptureFilter, SnapLengthComesFromTheProgram)
{
    std::vector<sock_filter> program;
    std::string error;
    ASSERT_TRUE(buildCaptureFilter("udp", false, 96, program, error)) << error;
    EXPECT_EQ(run(program, udpFrame(SomeMac, SomeMac, "198.18.0.1", 9, {Kind::Bulk, 0})), 96u);
}

TEST(CaptureFilter, BadExpressionNamesItselfAndLibpcapsReason)
{
    std::vector<sock_filter> program;
    std::string error;
    EXPECT_FALSE(buildCaptureFilter("host 198.18.0.300", false, 262144, program, error));
    EXPECT_EQ(error.rfind("capture filter \"host 198.18.0.300\" is not valid: ", 0), 0u) << error;
    EXPECT_GT(error.size(), std::string("capture filter \"host 198.18.0.300\" is not valid: ").size());
}

TEST(CaptureFilter, RejectAllDropsEverything)
{
    EXPECT_EQ(run(rejectAllFilter(), udpFrame(SomeMac, SomeMac, "198.18.0.1", 9, {Kind::Bulk, 0})), 0u);
}

}  // namespace
}  // namespace rcvmon::test

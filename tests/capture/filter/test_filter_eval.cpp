// SPDX-License-Identifier: GPL-2.0-or-later
// Every filter case on the hand-built frames, dissected by the real Dissector: the full
// evaluation gives the expected frames, the quick header pass agrees wherever it decides,
// and matching allocates nothing.
#include "allocation_counter.h"
#include "dissect/dissector.h"
#include "filter/display_filter.h"
#include "filter/packet_matcher.h"
#include "filter/store_filter.h"
#include "filter_test_packets.h"

#include <gtest/gtest.h>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

class FilterEval : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_bytes = filterTestFrames();
        m_dissections.resize(m_bytes.size());
        Dissector dissector;
        for (std::size_t i = 0; i < m_bytes.size(); ++i) {
            m_frames.push_back(frameOf(m_bytes[i]));
            dissector.dissect(m_frames[i], i + 1, m_dissections[i]);
        }
    }

    std::vector<int> fullMatches(const DisplayFilter& f) const
    {
        std::vector<int> out;
        for (std::size_t i = 0; i < m_frames.size(); ++i)
            if (f.matches(m_dissections[i], m_frames[i].data)) out.push_back(static_cast<int>(i + 1));
        return out;
    }

    std::vector<Bytes> m_bytes;
    std::vector<FrameRef> m_frames;
    std::vector<Dissection> m_dissections;
};

TEST_F(FilterEval, EveryCasePassesTheExpectedFrames)
{
    for (const FilterCase& c : filterTestCases()) {
        SCOPED_TRACE(c.filter);
        FilterError error;
        const auto filter = DisplayFilter::compile(c.filter, error);
        ASSERT_TRUE(filter) << error.describe(c.filter);
        EXPECT_EQ(fullMatches(*filter), c.frames);
    }
}

TEST_F(FilterEval, QuickPassAgreesWhereverItDecides)
{
    std::size_t decided = 0, total = 0;
    for (const FilterCase& c : filterTestCases()) {
        SCOPED_TRACE(c.filter);
        FilterError error;
        const auto filter = DisplayFilter::compile(c.filter, error);
        ASSERT_TRUE(filter);
        for (std::size_t i = 0; i < m_frames.size(); ++i) {
            QuickPacket q;
            parseQuickPacket(m_frames[i], i + 1, q);
            const FilterVerdict v = filter->matchesQuick(q);
            ++total;
            if (v == FilterVerdict::Unknown) {
                EXPECT_TRUE(filter->needsDissection() || !q.simple) << "frame " << i + 1;
                continue;
            }
            ++decided;
            EXPECT_EQ(v == FilterVerdict::Pass, filter->matches(m_dissections[i], m_frames[i].data)) << "frame " << i + 1;
        }
        // The stored-packet matcher (quick pass, then a lone dissection) gives the same frames.
        StoredPacketMatcher stored(*filter);
        std::vector<int> got;
        for (std::size_t i = 0; i < m_frames.size(); ++i)
            if (stored.matches(m_frames[i], i + 1)) got.push_back(static_cast<int>(i + 1));
        EXPECT_EQ(got, c.frames);
    }
    // Frames 7 (IP in IP) and 9 (VLAN) aside, common headers decide most cases.
    EXPECT_GT(decided * 2, total);
}

TEST_F(FilterEval, QuickOnlyFiltersNeedNoDissection)
{
    FilterError error;
    for (const char* text : {"tcp.port == 80", "ip.addr == 10.0.0.0/8 and not udp", "frame.len > 60", "ipv6",
                             "tcp.flags & 0x02", "eth.dst == ff:ff:ff:ff:ff:ff", "frame contains \"x\"", "dns",
                             "udp && !mdns"})
        EXPECT_FALSE(DisplayFilter::compile(text, error)->needsDissection()) << text;
    for (const char* text : {"dns contains 00", "dns.qry.name contains \"a\"", "tcp.seq == 0", "tcp contains 00",
                             "http or tcp"})
        EXPECT_TRUE(DisplayFilter::compile(text, error)->needsDissection()) << text;
}

TEST_F(FilterEval, StoredPacketsPassTheSameFrames)
{
    // An arena store, as a live capture fills it; frame.* filters are read from its records.
    PacketStore store;
    for (const FrameRef& f : m_frames) ASSERT_TRUE(store.append(f));
    for (const FilterCase& c : filterTestCases()) {
        SCOPED_TRACE(c.filter);
        FilterError error;
        const auto filter = DisplayFilter::compile(c.filter, error);
        ASSERT_TRUE(filter);
        StoredPacketMatcher matcher(*filter);
        std::vector<std::uint64_t> passing;
        filterStoredPackets(store, store.firstNumber(), store.endNumber(), matcher, passing);
        EXPECT_EQ(std::vector<int>(passing.begin(), passing.end()), c.frames);
    }
    FilterError error;
    EXPECT_FALSE(DisplayFilter::compile("frame.len > 100 or frame.number in {1, 3}", error)->needsBytes());
    EXPECT_FALSE(DisplayFilter::compile("frame", error)->needsBytes());
    EXPECT_TRUE(DisplayFilter::compile("frame.len > 100 and tcp", error)->needsBytes());
    EXPECT_TRUE(DisplayFilter::compile("frame contains 00", error)->needsBytes());
}

TEST_F(FilterEval, MatchingAllocatesNothing)
{
    FilterError error;
    const auto filter = DisplayFilter::compile(
        "(tcp.port in {80, 443, 8000..8080} or udp.port == 53) and ip.addr != 10.0.0.0/8 or "
        "dns.qry.name contains \"example\" or ipv6.addr == 2001:db8::/32 or eth.src == 00:11:22:33:44:55",
        error);
    ASSERT_TRUE(filter);
    QuickPacket q;
    std::size_t passes = 0;
    // One round first: per-thread scratch buffers (names, texts) are made on first use, and
    // mingw's emulated thread_local allocates each variable's block then. Per packet: nothing.
    for (std::size_t i = 0; i < m_frames.size(); ++i) {
        passes += filter->matches(m_dissections[i], m_frames[i].data);
        parseQuickPacket(m_frames[i], i + 1, q);
        passes += filter->matchesQuick(q) == FilterVerdict::Pass;
    }
    AllocationCounter allocations;
    for (int round = 0; round < 100; ++round) {
        for (std::size_t i = 0; i < m_frames.size(); ++i) {
            passes += filter->matches(m_dissections[i], m_frames[i].data);
            parseQuickPacket(m_frames[i], i + 1, q);
            passes += filter->matchesQuick(q) == FilterVerdict::Pass;
        }
    }
    EXPECT_EQ(allocations.stop(), 0u);
    EXPECT_GT(passes, 0u);
}

}  // namespace
}  // namespace rcvmon

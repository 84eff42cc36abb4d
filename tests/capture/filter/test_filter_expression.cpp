// SPDX-License-Identifier: GPL-2.0-or-later
// "Apply as Filter": the expression made from any field occurrence compiles and passes the
// packet it came from; every completion name compiles on its own.
#include "dissect/dissector.h"
#include "dissected_frames.h"
#include "filter/display_filter.h"
#include "filter/filter_expression.h"
#include "filter_test_packets.h"
#include "require.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace rcvmon {
namespace {

void expectEveryFieldSelectsItsPacket(const Dissection& d, ByteSpan bytes, const std::string& where)
{
    for (const FieldRecord& f : d.fields()) {
        const std::string text = filterExpressionFor(d, f);
        FilterError error;
        const auto filter = DisplayFilter::compile(text, error);
        ASSERT_TRUE(filter) << where << ": " << error.describe(text);
        EXPECT_TRUE(filter->matches(d, bytes)) << where << ": " << text;
    }
    for (const LayerRecord& l : d.layers()) {
        if (!l.inTree) continue;  // as in tshark, a protocol that threw before its item matches nothing
        FilterError error;
        const auto filter = DisplayFilter::compile(filterExpressionFor(l), error);
        ASSERT_TRUE(filter) << where << ": " << error.describe(l.filterName);
        EXPECT_TRUE(filter->matches(d, bytes)) << where << ": " << l.filterName;
    }
}

TEST(FilterExpression, SelectsThePacketOnHandBuiltFrames)
{
    const auto frames = test::filterTestFrames();
    Dissector dissector;
    Dissection d;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const FrameRef f = test::frameOf(frames[i]);
        dissector.dissect(f, i + 1, d);
        expectEveryFieldSelectsItsPacket(d, f.data, "frame " + std::to_string(i + 1));
    }
}

TEST(FilterExpression, SelectsThePacketOnCorpusFrames)
{
    const fs::path corpus = fs::path(RCVMON_CORPUS_DIR) / "public";
    RCVMON_REQUIRE(fs::exists(corpus), rcvmon::test::corpusWhat());
    for (const char* name : {"dns__mdns.pcap", "tunnels__gre-sample.pcap", "vlan-qinqinq.pcap", "linuxsll-arp.pcap",
                             "icmp__icmp-destunreach-udp.pcap", "ipv6-hbh-routing0.pcap"}) {
        std::string error;
        const bool opened = test::forEachDissectedFrame(
            (corpus / name).string(),
            [&](const FrameRef& frame, std::uint64_t number, const Dissection& d) {
                expectEveryFieldSelectsItsPacket(d, frame.data, std::string(name) + " frame " + std::to_string(number));
            },
            error);
        ASSERT_TRUE(opened) << error;
    }
}

TEST(FilterExpression, EveryCompletionNameCompiles)
{
    EXPECT_GT(filterNames().size(), 150u);
    for (std::string_view name : filterNames()) {
        FilterError error;
        EXPECT_TRUE(DisplayFilter::compile(name, error)) << error.describe(name);
    }
    FilterError error;
    EXPECT_EQ(DisplayFilter::compile(R"(dns.qry.name == "a\"b\\c\x01")", error)->program().pool.size(), 6u);
}

}  // namespace
}  // namespace rcvmon

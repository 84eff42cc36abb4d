// SPDX-License-Identifier: GPL-2.0-or-later
// The quick header pass against the real Dissector on every corpus frame, with and without
// reassembly: for each frame it calls simple, every field and protocol it claims to know
// is exactly what the dissection recorded, occurrence by occurrence.
#include "dissect/dissector.h"
#include "dissected_frames.h"
#include "filter/quick_packet.h"
#include "filter_test_packets.h"
#include "require.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <tuple>

namespace fs = std::filesystem;

namespace rcvmon {
namespace {

using Occurrence = std::tuple<std::uint64_t, std::uint32_t, std::vector<std::uint8_t>>;

std::vector<Occurrence> fromDissection(const Dissection& d, FieldId id)
{
    std::vector<Occurrence> out;
    for (const FieldRecord& r : d.fields()) {
        if (r.id != id) continue;
        const ByteSpan b = d.valueBytes(r);
        out.emplace_back(b.empty() ? r.number : 0, r.aux, std::vector<std::uint8_t>(b.begin(), b.end()));
    }
    return out;
}

std::vector<Occurrence> fromQuick(const QuickPacket& q, FieldId id)
{
    FieldValue values[3];
    const int n = quickFieldValues(q, id, values);
    std::vector<Occurrence> out;
    for (int i = 0; i < n; ++i)
        out.emplace_back(values[i].bytes.empty() ? values[i].number : 0, values[i].aux,
                         std::vector<std::uint8_t>(values[i].bytes.begin(), values[i].bytes.end()));
    return out;
}

bool hasLayer(const Dissection& d, std::string_view name)
{
    return std::any_of(d.layers().begin(), d.layers().end(),
                       [&](const LayerRecord& l) { return l.filterName == name && l.inTree; });
}

struct Tally {
    std::size_t frames = 0, simple = 0, mismatches = 0;
};

// Compares one frame; the first few mismatches are reported in full.
void compareFrame(const FrameRef& frame, std::uint64_t number, const Dissection& d, const std::string& where, Tally& t)
{
    QuickPacket q;
    parseQuickPacket(frame, number, q);
    ++t.frames;
    t.simple += q.simple;
    for (FieldId id = 0; id < field::Count; ++id) {
        const bool known = quickKnowsFieldAlways(id) || (q.simple && quickKnowsField(id));
        if (!known) continue;
        const auto expected = fromDissection(d, id), actual = fromQuick(q, id);
        if (expected != actual && ++t.mismatches <= 20)
            ADD_FAILURE() << where << " frame " << number << ": " << fieldInfo(id).name << " has " << actual.size()
                          << " quick occurrence(s), " << expected.size() << " dissected (or different values)";
    }
    if (!q.simple) return;
    for (std::string_view name : {"eth", "vlan", "ip", "ipv6", "tcp", "udp", "icmp", "icmpv6", "arp", "dns", "mdns", "llmnr"}) {
        std::uint16_t bit = 0;
        ASSERT_TRUE(quickKnowsProtocol(name, bit));
        if (((q.protocols & bit) != 0) != hasLayer(d, name) && ++t.mismatches <= 20)
            ADD_FAILURE() << where << " frame " << number << ": protocol " << name << " differs";
    }
}

TEST(FilterQuick, AgreesWithTheDissectorOnHandBuiltFrames)
{
    const auto bytes = test::filterTestFrames();
    Dissector dissector;
    Dissection d;
    Tally t;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const FrameRef f = test::frameOf(bytes[i]);
        dissector.dissect(f, i + 1, d);
        compareFrame(f, i + 1, d, "hand-built", t);
        // The same frame cut by a snap length is never simple.
        QuickPacket q;
        EXPECT_FALSE(parseQuickPacket(test::frameOf(bytes[i], link_type::Ethernet, bytes[i].size() - 1), i + 1, q));
    }
    EXPECT_EQ(t.mismatches, 0u);
    EXPECT_EQ(t.simple, 8u);  // all but IP in IP
}

TEST(FilterQuick, AgreesOnTransportHeadersTheIpLengthCuts)
{
    using namespace rcvmon::test;
    std::vector<Bytes> frames;
    for (const unsigned cut : {0u, 1u, 3u, 6u, 10u, 13u, 14u, 19u}) {
        for (const std::uint8_t proto : {std::uint8_t{6}, std::uint8_t{17}}) {
            const Bytes l4 = proto == 6 ? tcp(1234, 443, 1, 1, 0x18) : udp(5000, 53, Bytes(12, 0));
            Bytes v6 = ethernet(0x86dd, ipv6(proto, l4));
            v6[18] = 0;
            v6[19] = static_cast<std::uint8_t>(cut);  // payload length
            frames.push_back(v6);
            frames.push_back(ethernet(0x0800, ipv4(proto, l4, kIpA, kIpB, ipOpts(1, 0, 64, {}, static_cast<int>(20 + cut)))));
        }
    }
    Dissector dissector;
    Dissection d;
    Tally t;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const FrameRef f = frameOf(frames[i]);
        dissector.dissect(f, i + 1, d);
        compareFrame(f, i + 1, d, "cut transport", t);
    }
    EXPECT_EQ(t.mismatches, 0u);
    EXPECT_GT(t.simple, frames.size() / 2);
}

TEST(FilterQuick, AgreesWithTheDissectorOnTheCorpus)
{
    const fs::path corpus = fs::path(RCVMON_CORPUS_DIR) / "public";
    RCVMON_REQUIRE(fs::exists(corpus), rcvmon::test::corpusWhat());
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(corpus)) {
        const std::string ext = e.path().extension().string();
        if (ext == ".pcap" || ext == ".pcapng") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 40u);
    for (const bool reassemble : {true, false}) {
        Tally t;
        for (const fs::path& file : files) {
            std::string error;
            const bool opened = test::forEachDissectedFrame(
                file.string(),
                [&](const FrameRef& frame, std::uint64_t number, const Dissection& d) {
                    compareFrame(frame, number, d, file.filename().string(), t);
                },
                error, Dissector::Options{.reassemble = reassemble});
            ASSERT_TRUE(opened) << error;
        }
        std::cout << (reassemble ? "reassembly on: " : "reassembly off: ") << t.simple << " of " << t.frames
                  << " corpus frames decided by the quick header pass, " << t.mismatches << " mismatches\n";
        EXPECT_EQ(t.mismatches, 0u);
        EXPECT_GT(t.simple * 2, t.frames);
    }
}

}  // namespace
}  // namespace rcvmon

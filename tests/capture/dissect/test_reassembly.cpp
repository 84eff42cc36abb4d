// SPDX-License-Identifier: GPL-2.0-or-later
// IP fragment reassembly: the transport appears on the frame that completes the datagram
// (in any arrival order) with reassembly on, on the first fragment only with it off; the
// fragment table stays within its bounds under a flood of incomplete datagrams.
#include "dissect/dissector.h"
#include "dissect/ip_reassembly.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

// An UDP datagram of `size` payload bytes split into 8-byte-aligned IPv4 fragments.
std::vector<Bytes> ipv4Fragments(std::uint16_t id, std::size_t size, std::size_t chunk)
{
    Bytes payload(size);
    for (std::size_t i = 0; i < size; ++i) payload[i] = static_cast<std::uint8_t>(i);
    const Bytes datagram = udp(4000, 9, payload);
    std::vector<Bytes> frames;
    for (std::size_t off = 0; off < datagram.size(); off += chunk) {
        const std::size_t n = std::min(chunk, datagram.size() - off);
        const bool more = off + n < datagram.size();
        Bytes part(datagram.begin() + static_cast<std::ptrdiff_t>(off), datagram.begin() + static_cast<std::ptrdiff_t>(off + n));
        frames.push_back(ethernet(0x0800, ipv4(17, part, kIpA, kIpB,
                                               ipOpts(id, static_cast<std::uint16_t>((more ? 0x2000 : 0) | (off / 8))))));
    }
    return frames;
}

std::string field(const Dissection& d, std::string_view name)
{
    return d.fieldText(*findField(name));
}

TEST(Reassembly, Ipv4TransportOnCompletingFrameInAnyOrder)
{
    auto frames = ipv4Fragments(0x4242, 100, 48);
    ASSERT_EQ(frames.size(), 3u);
    std::swap(frames[0], frames[2]);  // last fragment first
    Dissector dissector;
    Dissection out;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        dissector.dissect(frameOf(frames[i]), i + 1, out);
        const bool last = i + 1 == frames.size();
        EXPECT_EQ(field(out, "udp.srcport"), last ? "4000" : "") << i;
        EXPECT_EQ(field(out, "_ws.col.Protocol"), last ? "UDP" : "IPv4") << i;
    }
    EXPECT_EQ(field(out, "udp.length"), "108");
    const auto layers = out.layers();
    EXPECT_TRUE(layers.back().reassembled || layers[layers.size() - 2].reassembled);
}

TEST(Reassembly, NoReassemblyDissectsOnlyTheFirstFragment)
{
    const auto frames = ipv4Fragments(7, 100, 48);
    Dissector dissector(Dissector::Options{false});
    Dissection out;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        dissector.dissect(frameOf(frames[i]), i + 1, out);
        EXPECT_EQ(field(out, "udp.srcport"), i == 0 ? "4000" : "") << i;
        EXPECT_EQ(field(out, "ip.flags.mf"), i + 1 < frames.size() ? "1" : "0");
    }
    EXPECT_EQ(field(out, "ip.frag_offset"), "12");  // in 8-byte units, as tshark 4.0 prints it
}

TEST(Reassembly, Ipv6FragmentsReassemble)
{
    const Bytes datagram = udp(5353, 5353, dnsQuery(1, "host.local"));
    const std::size_t cut = 16;
    const Bytes first(datagram.begin(), datagram.begin() + cut);
    const Bytes second(datagram.begin() + cut, datagram.end());
    const Bytes f1 = ethernet(0x86dd, ipv6(44, ipv6Fragment(17, 0, true, 0xabcdef, first)));
    const Bytes f2 = ethernet(0x86dd, ipv6(44, ipv6Fragment(17, cut, false, 0xabcdef, second)));
    Dissector dissector;
    Dissection out;
    dissector.dissect(frameOf(f1), 1, out);
    EXPECT_EQ(field(out, "_ws.col.Protocol"), "IPv6");
    EXPECT_EQ(field(out, "ipv6.fraghdr.ident"), "0x00abcdef");
    dissector.dissect(frameOf(f2), 2, out);
    EXPECT_EQ(field(out, "_ws.col.Protocol"), "MDNS");
    EXPECT_EQ(field(out, "dns.qry.name"), "host.local");
    EXPECT_EQ(field(out, "ipv6.nxt"), "44");

    Dissector plain(Dissector::Options{false});
    plain.dissect(frameOf(f1), 1, out);
    EXPECT_EQ(field(out, "udp.srcport"), "5353");
    plain.dissect(frameOf(f2), 2, out);
    EXPECT_EQ(field(out, "udp.srcport"), "");
}

TEST(Reassembly, FragmentTableIsBounded)
{
    IpReassembler r;
    IpReassembler::Key key;
    key.family = 4;
    const Bytes chunk(1480, 0x55);
    for (std::uint32_t id = 0; id < 20000; ++id) {
        key.id = id;
        EXPECT_FALSE(r.add(key, 0, true, chunk).has_value());
        ASSERT_LE(r.pendingDatagrams(), IpReassembler::kMaxDatagrams);
        ASSERT_LE(r.bufferedBytes(), IpReassembler::kMaxBytes + IpReassembler::kMaxDatagramSize);
    }
    // Offsets past any possible datagram are refused, never buffered.
    key.id = 99999;
    EXPECT_FALSE(r.add(key, 65528, false, chunk).has_value());
    // Overlapping and duplicate fragments still complete the datagram once.
    IpReassembler fresh;
    key.id = 1;
    EXPECT_FALSE(fresh.add(key, 0, true, Bytes(16, 1)).has_value());
    EXPECT_FALSE(fresh.add(key, 8, true, Bytes(16, 2)).has_value());
    auto whole = fresh.add(key, 24, false, Bytes(8, 3));
    ASSERT_TRUE(whole.has_value());
    EXPECT_EQ(whole->size(), 32u);
    EXPECT_EQ((*whole)[0], 1);
    EXPECT_EQ((*whole)[8], 2);
    EXPECT_EQ((*whole)[31], 3);
    EXPECT_EQ(fresh.pendingDatagrams(), 0u);
}

TEST(Reassembly, ResetForgetsPendingFragments)
{
    const auto frames = ipv4Fragments(9, 100, 48);
    Dissector dissector;
    Dissection out;
    dissector.dissect(frameOf(frames[0]), 1, out);
    dissector.dissect(frameOf(frames[1]), 2, out);
    dissector.reset();
    dissector.dissect(frameOf(frames[2]), 3, out);
    EXPECT_EQ(field(out, "udp.srcport"), "");
}

}  // namespace
}  // namespace rcvmon

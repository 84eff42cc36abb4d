// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/ipv6_header.h"
#include "require.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace rcvmon {
namespace {

Ipv6Address address(std::initializer_list<std::uint8_t> tail)
{
    // 2001:db8::/32 (RFC 3849 documentation prefix) followed by tail in the last bytes.
    Ipv6Address out{0x20, 0x01, 0x0d, 0xb8};
    std::size_t at = out.size() - tail.size();
    for (std::uint8_t b : tail) out[at++] = b;
    return out;
}

std::array<std::uint8_t, kIpv6HeaderLength> write(const Ipv6HeaderFields& fields)
{
    std::array<std::uint8_t, kIpv6HeaderLength> out{};
    writeIpv6Header(fields, out);
    return out;
}

TEST(Ipv6Header, WritesTheFixedHeaderByHand)
{
    Ipv6HeaderFields fields;
    fields.source = address({0x01});
    fields.destination = address({0x02});
    fields.payloadLength = 12;
    fields.nextHeader = 17;
    fields.hopLimit = 64;
    fields.trafficClass = 0xb8;  // DSCP EF
    fields.flowLabel = 0x12345;
    // version 6 | traffic class 0xb8 | flow label 0x12345 = 0x6b812345 (RFC 8200 section 3)
    const std::array<std::uint8_t, kIpv6HeaderLength> expected = {
        0x6b, 0x81, 0x23, 0x45, 0x00, 0x0c, 0x11, 0x40,
        0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01,
        0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02};
    EXPECT_EQ(write(fields), expected);
}

TEST(Ipv6Header, ClampsSuperFramePayloadLengthAndFlowLabel)
{
    Ipv6HeaderFields fields;
    fields.payloadLength = 200000;
    fields.flowLabel = 0xFFFFFFFF;  // only 20 bits exist
    const auto out = write(fields);
    EXPECT_EQ(out[0], 0x60);
    EXPECT_EQ(out[1], 0x0F);
    EXPECT_EQ(out[4], 0xFF);
    EXPECT_EQ(out[5], 0xFF);
    EXPECT_EQ(out[6], kIpv6NoNextHeader);
}

TEST(Ipv6Header, GuessesByShapeWhenChecksumsAreUnfinished)
{
    const Ipv6Address src = address({1});
    const Ipv6Address dst = address({2});
    // UDP 1024 -> 53, length 12, checksum left 0 as an offloading sender leaves it.
    const std::vector<std::uint8_t> udp = {0x04, 0x00, 0x00, 0x35, 0x00, 0x0c, 0x00, 0x00, 1, 2, 3, 4};
    NextHeaderGuess guess = guessIpv6NextHeader(src, dst, udp);
    EXPECT_EQ(guess.nextHeader, 17);
    EXPECT_FALSE(guess.proven);

    // TCP SYN with a 20-byte header (data offset 5) and a zero checksum.
    std::vector<std::uint8_t> tcp(20, 0);
    tcp[1] = 80;
    tcp[12] = 0x50;
    tcp[13] = 0x02;
    guess = guessIpv6NextHeader(src, dst, tcp);
    EXPECT_EQ(guess.nextHeader, 6);
    EXPECT_FALSE(guess.proven);

    tcp[12] = 0x20;  // data offset 2: not TCP
    EXPECT_EQ(guessIpv6NextHeader(src, dst, tcp).nextHeader, kIpv6NoNextHeader);
    const std::vector<std::uint8_t> tiny = {0xde, 0xad, 0xbe};
    EXPECT_EQ(guessIpv6NextHeader(src, dst, tiny).nextHeader, kIpv6NoNextHeader);
}

TEST(Ipv6Header, RecognisesAHeaderWindowsKept)
{
    Ipv6HeaderFields fields;
    fields.source = address({9});
    fields.payloadLength = 4;
    std::vector<std::uint8_t> datagram(kIpv6HeaderLength + 4, 0xAA);
    writeIpv6Header(fields, std::span<std::uint8_t, kIpv6HeaderLength>(datagram.data(), kIpv6HeaderLength));
    EXPECT_TRUE(startsWithIpv6Header(datagram, fields.source));
    EXPECT_FALSE(startsWithIpv6Header(datagram, address({8})));  // another source
    datagram.push_back(0);                                        // length no longer matches
    EXPECT_FALSE(startsWithIpv6Header(datagram, fields.source));
}

// Real IPv6 packets from the reference corpus: strip the header as Windows does, rebuild it,
// and compare with what was on the wire.
struct CorpusPacket {
    std::vector<std::uint8_t> ip;  // from the IPv6 header on
};

std::vector<CorpusPacket> readIpv6Packets(const std::filesystem::path& path)
{
    std::vector<CorpusPacket> packets;
    std::FILE* file = std::fopen(path.string().c_str(), "rb");
    if (!file) return packets;
    std::uint8_t global[24];
    if (std::fread(global, 1, sizeof(global), file) != sizeof(global) || global[0] != 0xd4 ||
        global[1] != 0xc3) {  // little-endian microsecond pcap only
        std::fclose(file);
        return packets;
    }
    const std::uint32_t linkType = global[20] | global[21] << 8;
    std::uint8_t record[16];
    while (std::fread(record, 1, sizeof(record), file) == sizeof(record)) {
        const std::uint32_t captured = record[8] | record[9] << 8 | record[10] << 16 | std::uint32_t{record[11]} << 24;
        const std::uint32_t original = record[12] | record[13] << 8 | record[14] << 16 | std::uint32_t{record[15]} << 24;
        std::vector<std::uint8_t> bytes(captured);
        if (std::fread(bytes.data(), 1, captured, file) != captured) break;
        std::size_t offset = 0;
        if (linkType == 1) {
            if (bytes.size() < 14 || bytes[12] != 0x86 || bytes[13] != 0xdd) continue;
            offset = 14;
        } else if (linkType != 101) {
            continue;
        }
        if (captured != original || bytes.size() < offset + kIpv6HeaderLength || (bytes[offset] >> 4) != 6) continue;
        const std::size_t payload = std::size_t{bytes[offset + 4]} << 8 | bytes[offset + 5];
        if (offset + kIpv6HeaderLength + payload > bytes.size()) continue;
        CorpusPacket packet;
        packet.ip.assign(bytes.begin() + static_cast<std::ptrdiff_t>(offset),
                         bytes.begin() + static_cast<std::ptrdiff_t>(offset + kIpv6HeaderLength + payload));
        packets.push_back(std::move(packet));
    }
    std::fclose(file);
    return packets;
}

TEST(Ipv6Header, RebuildsRealHeadersFromTheCorpus)
{
    const std::filesystem::path dir = std::filesystem::path(RCVMON_CORPUS_DIR) / "public";
    RCVMON_REQUIRE(std::filesystem::exists(dir), rcvmon::test::corpusWhat());
    int checked = 0;
    for (const char* name : {"dns__ech.pcap", "dns__mdns.pcap", "icmp__icmp6-nd-options.pcap", "icmpv6.pcap"}) {
        for (const CorpusPacket& packet : readIpv6Packets(dir / name)) {
            const std::uint8_t nextHeader = packet.ip[6];
            if (nextHeader != 6 && nextHeader != 17 && nextHeader != 58) continue;  // extension headers
            SCOPED_TRACE(std::string(name) + " packet with next header " + std::to_string(nextHeader));
            Ipv6HeaderFields fields;
            std::copy(packet.ip.begin() + 8, packet.ip.begin() + 24, fields.source.begin());
            std::copy(packet.ip.begin() + 24, packet.ip.begin() + 40, fields.destination.begin());
            const ByteSpan payload(packet.ip.data() + kIpv6HeaderLength, packet.ip.size() - kIpv6HeaderLength);
            fields.payloadLength = payload.size();
            fields.hopLimit = packet.ip[7];
            fields.trafficClass = static_cast<std::uint8_t>((packet.ip[0] << 4) | (packet.ip[1] >> 4));
            fields.flowLabel = std::uint32_t{packet.ip[1] & 0x0Fu} << 16 | std::uint32_t{packet.ip[2]} << 8 | packet.ip[3];

            const NextHeaderGuess guess = guessIpv6NextHeader(fields.source, fields.destination, payload);
            EXPECT_EQ(guess.nextHeader, nextHeader);
            EXPECT_TRUE(guess.proven);
            fields.nextHeader = guess.nextHeader;
            const auto rebuilt = write(fields);
            EXPECT_TRUE(std::equal(rebuilt.begin(), rebuilt.end(), packet.ip.begin()));
            EXPECT_TRUE(startsWithIpv6Header(packet.ip, fields.source));
            EXPECT_FALSE(startsWithIpv6Header(payload, fields.source));

            // One flipped bit and the checksum no longer proves anything.
            std::vector<std::uint8_t> damaged(payload.begin(), payload.end());
            damaged.back() ^= 0x01;
            EXPECT_FALSE(guessIpv6NextHeader(fields.source, fields.destination, damaged).proven);
            ++checked;
        }
    }
    EXPECT_GE(checked, 20);  // UDP and ICMPv6 packets from four captures
}

}  // namespace
}  // namespace rcvmon

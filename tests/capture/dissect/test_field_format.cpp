// SPDX-License-Identifier: GPL-2.0-or-later
// tshark's text forms: RFC 5952 IPv6 (as inet_ntop prints it, without POSIX), MACs, hex
// widths, 9-decimal epoch times including out-of-range fractions.
#include "dissect/field_format.h"

#include <gtest/gtest.h>

#include <array>

namespace rcvmon {
namespace {

std::string v6(std::array<std::uint16_t, 8> words)
{
    std::array<std::uint8_t, 16> b{};
    for (int i = 0; i < 8; ++i) {
        b[2 * i] = static_cast<std::uint8_t>(words[i] >> 8);
        b[2 * i + 1] = static_cast<std::uint8_t>(words[i]);
    }
    std::string out;
    appendIpv6(out, b);
    return out;
}

TEST(FieldFormat, Ipv6Rfc5952)
{
    EXPECT_EQ(v6({0, 0, 0, 0, 0, 0, 0, 0}), "::");
    EXPECT_EQ(v6({0, 0, 0, 0, 0, 0, 0, 1}), "::1");
    EXPECT_EQ(v6({1, 0, 0, 0, 0, 0, 0, 0}), "1::");
    EXPECT_EQ(v6({0xfe80, 0, 0, 0, 0, 0, 0, 1}), "fe80::1");
    EXPECT_EQ(v6({0x2001, 0xdb8, 0, 0, 1, 0, 0, 1}), "2001:db8::1:0:0:1");  // first of equal runs
    EXPECT_EQ(v6({0x2001, 0xdb8, 0, 1, 1, 1, 1, 1}), "2001:db8:0:1:1:1:1:1");  // single zero not compressed
    EXPECT_EQ(v6({0x2001, 0, 0, 1, 0, 0, 0, 1}), "2001:0:0:1::1");              // longest run wins
    EXPECT_EQ(v6({0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304}), "::ffff:1.2.3.4");
    EXPECT_EQ(v6({0, 0, 0, 0, 0, 0, 0x0102, 0x0304}), "::1.2.3.4");
    EXPECT_EQ(v6({0x2001, 0, 0x4137, 0x9e50, 0x8000, 0xf12a, 0xb9c8, 0x2815}), "2001:0:4137:9e50:8000:f12a:b9c8:2815");
    EXPECT_EQ(v6({0xfeed, 0, 0, 0, 0, 0, 0, 0xbeef}), "feed::beef");
}

TEST(FieldFormat, NumbersAddressesTimes)
{
    std::string s;
    appendHex(s, 0x12, 4);
    EXPECT_EQ(s, "0x0012");
    s.clear();
    appendHex(s, 0xabcdef, 2);
    EXPECT_EQ(s, "0xabcdef");
    s.clear();
    const std::array<std::uint8_t, 6> mac{0, 0x0c, 0x29, 0xf7, 0x80, 0x12};
    appendMac(s, mac);
    EXPECT_EQ(s, "00:0c:29:f7:80:12");
    s.clear();
    const std::array<std::uint8_t, 4> ip{10, 0, 255, 1};
    appendIpv4(s, ip);
    EXPECT_EQ(s, "10.0.255.1");
    s.clear();
    appendEpoch(s, 1418145369, 999999000);
    EXPECT_EQ(s, "1418145369.999999000");
    s.clear();
    appendEpoch(s, 1418145370, 1000000000);  // tshark prints an out-of-range fraction as it is
    EXPECT_EQ(s, "1418145370.1000000000");
    s.clear();
    appendEpoch(s, 5, 7);
    EXPECT_EQ(s, "5.000000007");
    s.clear();
    appendDecimal(s, 18446744073709551615ull);
    EXPECT_EQ(s, "18446744073709551615");
}

}  // namespace
}  // namespace rcvmon

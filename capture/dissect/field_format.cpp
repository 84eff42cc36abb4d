// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/field_format.h"

#include <charconv>

namespace rcvmon {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

void appendHexWord(std::string& out, unsigned word)
{
    char buf[4];
    int n = 0;
    do {
        buf[n++] = kHexDigits[word & 0xf];
        word >>= 4;
    } while (word != 0);
    while (n > 0) out.push_back(buf[--n]);
}

}  // namespace

void appendDecimal(std::string& out, std::uint64_t value)
{
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, res.ptr);
}

void appendSigned(std::string& out, std::int64_t value)
{
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, res.ptr);
}

void appendHex(std::string& out, std::uint64_t value, unsigned digits)
{
    char buf[16];
    int n = 0;
    do {
        buf[n++] = kHexDigits[value & 0xf];
        value >>= 4;
    } while (value != 0 && n < 16);
    out += "0x";
    for (int pad = static_cast<int>(digits) - n; pad > 0; --pad) out.push_back('0');
    while (n > 0) out.push_back(buf[--n]);
}

void appendIpv4(std::string& out, ByteSpan b)
{
    // Built in place and appended once: every IPv4 row formats two of these.
    char text[16];
    char* p = text;
    for (std::size_t i = 0; i < 4 && i < b.size(); ++i) {
        if (i) *p++ = '.';
        unsigned v = b[i];
        if (v >= 100) {
            *p++ = static_cast<char>('0' + v / 100);
            v %= 100;
            *p++ = static_cast<char>('0' + v / 10);
        } else if (v >= 10) {
            *p++ = static_cast<char>('0' + v / 10);
        }
        *p++ = static_cast<char>('0' + v % 10);
    }
    out.append(text, p);
}

void appendIpv6(std::string& out, ByteSpan b)
{
    if (b.size() < 16) return;
    unsigned words[8];
    for (int i = 0; i < 8; ++i) words[i] = (unsigned{b[2 * i]} << 8) | b[2 * i + 1];
    // Longest run of zero words (first on a tie), compressed only when at least two long.
    int bestBase = -1, bestLen = 0;
    for (int i = 0; i < 8;) {
        if (words[i] != 0) { ++i; continue; }
        int j = i;
        while (j < 8 && words[j] == 0) ++j;
        if (j - i > bestLen) { bestBase = i; bestLen = j - i; }
        i = j;
    }
    if (bestLen < 2) bestBase = -1;
    for (int i = 0; i < 8; ++i) {
        if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
            if (i == bestBase) out.push_back(':');
            continue;
        }
        if (i != 0) out.push_back(':');
        // IPv4-compatible and IPv4-mapped addresses end in dotted quad, as inet_ntop prints them.
        if (i == 6 && bestBase == 0 &&
            (bestLen == 6 || (bestLen == 7 && words[7] != 0x0001) || (bestLen == 5 && words[5] == 0xffff))) {
            appendIpv4(out, b.subspan(12, 4));
            return;
        }
        appendHexWord(out, words[i]);
    }
    if (bestBase >= 0 && bestBase + bestLen == 8) out.push_back(':');
}

void appendMac(std::string& out, ByteSpan b)
{
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i) out.push_back(':');
        out.push_back(kHexDigits[b[i] >> 4]);
        out.push_back(kHexDigits[b[i] & 0xf]);
    }
}

void appendEpoch(std::string& out, std::int64_t seconds, std::uint32_t nanoseconds)
{
    appendSigned(out, seconds);
    out.push_back('.');
    char buf[16];
    auto res = std::to_chars(buf, buf + sizeof buf, nanoseconds);
    for (auto pad = 9 - (res.ptr - buf); pad > 0; --pad) out.push_back('0');
    out.append(buf, res.ptr);
}

}  // namespace rcvmon

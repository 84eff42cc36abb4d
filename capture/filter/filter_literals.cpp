// SPDX-License-Identifier: GPL-2.0-or-later
#include "filter/filter_literals.h"

#include <charconv>

namespace rcvmon {
namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool parseDecimal(std::string_view text, std::uint64_t& out)
{
    if (text.empty()) return false;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out, 10);
    return ec == std::errc{} && ptr == text.data() + text.size();
}

// "/bits" after an address, at most maxBits; no slash means the whole address.
bool splitPrefix(std::string_view& text, std::uint32_t maxBits, std::uint32_t& prefix, std::string& why,
                 std::string_view family)
{
    prefix = maxBits;
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) return true;
    std::uint64_t bits = 0;
    if (!parseDecimal(text.substr(slash + 1), bits)) {
        why = "is not a valid " + std::string(family) + " network (address/bits)";
        return false;
    }
    if (bits > maxBits) {
        why = "has " + std::to_string(bits) + " netmask bits; " + std::string(family) + " allows at most " +
              std::to_string(maxBits);
        return false;
    }
    prefix = static_cast<std::uint32_t>(bits);
    text = text.substr(0, slash);
    return true;
}

bool parseDottedQuad(std::string_view text, std::uint32_t& addr)
{
    addr = 0;
    int parts = 0;
    std::size_t pos = 0;
    while (parts < 4) {
        const auto dot = text.find('.', pos);
        const std::string_view part = text.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
        std::uint64_t v = 0;
        if (part.empty() || part.size() > 3 || !parseDecimal(part, v) || v > 255) return false;
        addr = (addr << 8) | static_cast<std::uint32_t>(v);
        ++parts;
        if (dot == std::string_view::npos) break;
        pos = dot + 1;
    }
    return parts == 4 && text.find('.', pos) == std::string_view::npos;
}

}  // namespace

bool parseUnsignedLiteral(std::string_view text, std::uint64_t& out)
{
    if (text.empty()) return false;
    int base = 10;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        base = 16;
        text.remove_prefix(2);
    } else if (text.size() > 1 && text[0] == '0') {
        base = 8;
        text.remove_prefix(1);
    }
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out, base);
    return ec == std::errc{} && ptr == text.data() + text.size();
}

bool parseIpv4Literal(std::string_view text, std::uint32_t& addr, std::uint32_t& prefix, std::string& why)
{
    if (!splitPrefix(text, 32, prefix, why, "IPv4")) return false;
    if (!parseDottedQuad(text, addr)) {
        why = "is not a valid IPv4 address";
        return false;
    }
    return true;
}

bool parseIpv6Literal(std::string_view text, std::array<std::uint8_t, 16>& addr, std::uint32_t& prefix,
                      std::string& why)
{
    if (!splitPrefix(text, 128, prefix, why, "IPv6")) return false;
    why = "is not a valid IPv6 address";
    addr.fill(0);
    // Groups before and after "::", each up to 16 bits; a dotted quad may end the address.
    std::array<std::uint16_t, 8> head{}, tail{};
    int headCount = 0, tailCount = 0;
    bool gap = false;
    std::size_t pos = 0;
    if (text.substr(0, 2) == "::") {
        gap = true;
        pos = 2;
    } else if (!text.empty() && text[0] == ':') {
        return false;
    }
    while (pos < text.size()) {
        const auto colon = text.find(':', pos);
        const std::string_view group = text.substr(pos, colon == std::string_view::npos ? std::string_view::npos : colon - pos);
        auto& groups = gap ? tail : head;
        int& count = gap ? tailCount : headCount;
        if (group.find('.') != std::string_view::npos) {
            std::uint32_t v4 = 0;
            if (colon != std::string_view::npos || !parseDottedQuad(group, v4) || headCount + tailCount > 6) return false;
            groups[count++] = static_cast<std::uint16_t>(v4 >> 16);
            groups[count++] = static_cast<std::uint16_t>(v4 & 0xffff);
            pos = text.size();
            break;
        }
        if (group.empty() || group.size() > 4 || headCount + tailCount >= 8) return false;
        unsigned v = 0;
        for (char c : group) {
            const int h = hexValue(c);
            if (h < 0) return false;
            v = v * 16 + static_cast<unsigned>(h);
        }
        groups[count++] = static_cast<std::uint16_t>(v);
        if (colon == std::string_view::npos) {
            pos = text.size();
            break;
        }
        pos = colon + 1;
        if (pos < text.size() && text[pos] == ':') {
            if (gap) return false;  // a second "::"
            gap = true;
            ++pos;
        } else if (pos >= text.size()) {
            return false;  // a trailing single ':'
        }
    }
    if (gap ? headCount + tailCount > 7 : headCount != 8) return false;
    for (int i = 0; i < headCount; ++i) {
        addr[2 * i] = static_cast<std::uint8_t>(head[i] >> 8);
        addr[2 * i + 1] = static_cast<std::uint8_t>(head[i]);
    }
    for (int i = 0; i < tailCount; ++i) {
        const int at = 8 - tailCount + i;
        addr[2 * at] = static_cast<std::uint8_t>(tail[i] >> 8);
        addr[2 * at + 1] = static_cast<std::uint8_t>(tail[i]);
    }
    why.clear();
    return true;
}

bool parseBytesLiteral(std::string_view text, std::vector<std::uint8_t>& out)
{
    out.clear();
    if (text.empty()) return false;
    const bool separated = text.find_first_of(":-.") != std::string_view::npos;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto sep = text.find_first_of(":-.", pos);
        const std::string_view part = text.substr(pos, sep == std::string_view::npos ? std::string_view::npos : sep - pos);
        if (part.empty()) return false;
        for (char c : part)
            if (hexValue(c) < 0) return false;
        if (part.size() == 1 && (separated || text.size() == 1)) {  // "1" alone is one byte, as 4.0
            out.push_back(static_cast<std::uint8_t>(hexValue(part[0])));
        } else if (part.size() % 2 == 0) {
            for (std::size_t i = 0; i < part.size(); i += 2)
                out.push_back(static_cast<std::uint8_t>(hexValue(part[i]) * 16 + hexValue(part[i + 1])));
        } else {
            return false;
        }
        if (sep == std::string_view::npos) break;
        pos = sep + 1;
    }
    return !out.empty();
}

bool parseTimeLiteral(std::string_view text, std::int64_t& sec, std::uint32_t& nsec)
{
    const auto dot = text.find('.');
    std::uint64_t whole = 0;
    if (!parseDecimal(text.substr(0, dot), whole) || whole > 0x7fffffffffffffffull) return false;
    sec = static_cast<std::int64_t>(whole);
    nsec = 0;
    if (dot == std::string_view::npos) return true;
    const std::string_view fraction = text.substr(dot + 1);
    if (fraction.empty() || fraction.size() > 9) return false;
    std::uint64_t f = 0;
    if (!parseDecimal(fraction, f)) return false;
    for (std::size_t i = fraction.size(); i < 9; ++i) f *= 10;
    nsec = static_cast<std::uint32_t>(f);
    return true;
}

}  // namespace rcvmon

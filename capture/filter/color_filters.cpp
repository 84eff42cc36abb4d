// SPDX-License-Identifier: GPL-2.0-or-later
#include "filter/color_filters.h"

#include <charconv>

namespace rcvmon {
namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

void skipSpaces(std::string_view& s)
{
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
}

// "[r,g,b]" with optional spaces before each number, as fscanf's %hu takes them.
bool readColor(std::string_view& s, Rgb16& out)
{
    if (s.empty() || s.front() != '[') return false;
    s.remove_prefix(1);
    std::uint16_t* channels[] = {&out.red, &out.green, &out.blue};
    for (int i = 0; i < 3; ++i) {
        skipSpaces(s);
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec != std::errc() || value > 0xffff) return false;
        *channels[i] = static_cast<std::uint16_t>(value);
        s.remove_prefix(static_cast<std::size_t>(end - s.data()));
        const char expected = i < 2 ? ',' : ']';
        if (s.empty() || s.front() != expected) return false;
        s.remove_prefix(1);
    }
    return true;
}

// One line; false (with why) when it starts like a rule but is not one.
bool parseLine(std::string_view line, ColorFilter& out, bool& isRule, std::string& why)
{
    skipSpaces(line);
    out.disabled = false;
    while (!line.empty() && line.front() == '!') {  // Wireshark skips spaces after "!" too
        out.disabled = true;
        line.remove_prefix(1);
        skipSpaces(line);
    }
    isRule = !line.empty() && line.front() == '@';
    if (!isRule) return false;
    line.remove_prefix(1);
    const std::size_t nameEnd = line.find('@');
    if (nameEnd == std::string_view::npos || nameEnd == 0) {
        why = nameEnd == 0 ? "empty name" : "no filter";
        return false;
    }
    out.name.assign(line.substr(0, nameEnd));
    line.remove_prefix(nameEnd + 1);
    const std::size_t filterEnd = line.find('@');
    if (filterEnd == std::string_view::npos || filterEnd == 0) {
        why = filterEnd == 0 ? "empty filter" : "no colours";
        return false;
    }
    out.filter.assign(line.substr(0, filterEnd));
    line.remove_prefix(filterEnd + 1);
    if (!readColor(line, out.background) || !readColor(line, out.foreground)) {
        why = "colours are not [red,green,blue][red,green,blue] with values 0 to 65535";
        return false;
    }
    return true;
}

void appendColor(std::string& out, const Rgb16& c)
{
    out += '[';
    out += std::to_string(c.red);
    out += ',';
    out += std::to_string(c.green);
    out += ',';
    out += std::to_string(c.blue);
    out += ']';
}

}  // namespace

std::vector<ColorFilter> parseColorFilters(std::string_view text, std::vector<std::string>* problems)
{
    std::vector<ColorFilter> rules;
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        ++lineNumber;
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        ColorFilter rule;
        bool isRule = false;
        std::string why;
        if (parseLine(line, rule, isRule, why)) rules.push_back(std::move(rule));
        else if (isRule && problems) problems->push_back("line " + std::to_string(lineNumber) + ": " + why);
    }
    return rules;
}

std::string writeColorFilters(const std::vector<ColorFilter>& rules)
{
    std::string out = "# This file was created by RcvMon. Edit with care.\n";
    for (const ColorFilter& r : rules) {
        if (r.disabled) out += '!';
        out += '@';
        out += r.name;
        out += '@';
        out += r.filter;
        out += '@';
        appendColor(out, r.background);
        appendColor(out, r.foreground);
        out += '\n';
    }
    return out;
}

std::string colorFilterFieldProblem(std::string_view text)
{
    if (text.empty()) return "it is empty";
    if (text.find('@') != std::string_view::npos) return "\"@\" separates the fields of a colorfilters line";
    if (text.find_first_of("\r\n") != std::string_view::npos) return "a rule must fit on one line";
    return {};
}

const std::vector<ColorFilter>& defaultColorFilters()
{
    // Wireshark 4.0's colorfilters, rule for rule: background first, then foreground.
    constexpr Rgb16 dark{4718, 10030, 11796};
    constexpr Rgb16 yellow{65535, 64764, 40092};
    constexpr Rgb16 red{42148, 0, 0};
    constexpr Rgb16 pink{63479, 34695, 34695};
    static const std::vector<ColorFilter> rules{
        {"Bad TCP", "tcp.analysis.flags && !tcp.analysis.window_update && !tcp.analysis.keep_alive && !tcp.analysis.keep_alive_ack",
         dark, pink},
        {"HSRP State Change", "hsrp.state != 8 && hsrp.state != 16", dark, yellow},
        {"Spanning Tree Topology  Change", "stp.type == 0x80", dark, yellow},
        {"OSPF State Change", "ospf.msg != 1", dark, yellow},
        {"ICMP errors", "icmp.type in { 3..5, 11 } || icmpv6.type in { 1..4 }", dark, {47031, 63479, 29812}},
        {"ARP", "arp", {64250, 61680, 55255}, dark},
        {"ICMP", "icmp || icmpv6", {64764, 57568, 65535}, dark},
        {"TCP RST", "tcp.flags.reset eq 1", red, yellow},
        {"SCTP ABORT", "sctp.chunk_type eq ABORT", red, yellow},
        {"TTL low or unexpected",
         "(ip.dst != 224.0.0.0/4 && ip.ttl < 5 && !pim && !ospf) || (ip.dst == 224.0.0.0/24 && ip.dst != 224.0.0.251 && "
         "ip.ttl != 1 && !(vrrp || carp))",
         red, {60652, 61680, 60395}},
        {"Checksum Errors",
         "eth.fcs.status==\"Bad\" || ip.checksum.status==\"Bad\" || tcp.checksum.status==\"Bad\" || "
         "udp.checksum.status==\"Bad\" || sctp.checksum.status==\"Bad\" || mstp.checksum.status==\"Bad\" || "
         "cdp.checksum.status==\"Bad\" || edp.checksum.status==\"Bad\" || wlan.fcs.status==\"Bad\" || "
         "stt.checksum.status==\"Bad\"",
         dark, pink},
        {"SMB", "smb || nbss || nbns || netbios", {65278, 65535, 53456}, dark},
        {"HTTP", "http || tcp.port == 80 || http2", {58596, 65535, 51143}, dark},
        {"DCERPC", "dcerpc", {51199, 38706, 65533}, dark},
        {"Routing", "hsrp || eigrp || ospf || bgp || cdp || vrrp || carp || gvrp || igmp || ismp", {65534, 62325, 54808},
         dark},
        {"TCP SYN/FIN", "tcp.flags & 0x02 || tcp.flags.fin == 1", {41026, 41026, 41026}, dark},
        {"TCP", "tcp", {59345, 58980, 65535}, dark},
        {"UDP", "udp", {56026, 61166, 65535}, dark},
        {"Broadcast", "eth[0] & 1", {65535, 65535, 65535}, {47802, 48573, 46774}},
        {"System Event", "systemd_journal || sysdig", {59110, 59110, 59110}, {11565, 28527, 39578}},
    };
    return rules;
}

}  // namespace rcvmon

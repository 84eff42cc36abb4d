// SPDX-License-Identifier: GPL-2.0-or-later
// Splits tshark's (and rcvmon-cli's) -z output into one block of text per table, keyed by
// its title line ("IPv4 Conversations", "Protocol Hierarchy Statistics").
#pragma once

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace rcvmon::test {

// Every -z table both programs are asked for, in command-line order.
inline const std::vector<std::string>& allStatisticArgs()
{
    static const std::vector<std::string> args{
        "conv,eth",      "conv,ip",      "conv,ipv6",      "conv,tcp",      "conv,udp", "endpoints,eth",
        "endpoints,ip",  "endpoints,ipv6", "endpoints,tcp", "endpoints,udp", "io,phs"};
    return args;
}

// The title line tshark prints for a -z argument.
inline std::string titleOf(const std::string& arg)
{
    if (arg == "io,phs") return "Protocol Hierarchy Statistics";
    const std::size_t comma = arg.find(',');
    const std::string kind = arg.substr(comma + 1);
    const std::string name = kind == "eth" ? "Ethernet" : kind == "ip" ? "IPv4" : kind == "ipv6" ? "IPv6"
                             : kind == "tcp" ? "TCP" : "UDP";
    return name + (arg.starts_with("conv") ? " Conversations" : " Endpoints");
}

// Title → the table's lines from the title to its closing rule.
inline std::map<std::string, std::string> splitSections(const std::string& text)
{
    std::map<std::string, std::string> sections;
    std::istringstream in(text);
    std::string line, title, body;
    const std::string tableRule(80, '='), hierarchyRule(67, '=');
    bool inside = false;
    while (std::getline(in, line)) {
        if (!inside) {
            for (const std::string& arg : allStatisticArgs()) {
                if (line == titleOf(arg)) {
                    inside = true;
                    title = line;
                    body = line + "\n";
                }
            }
            continue;
        }
        body += line + "\n";
        const bool phs = title == "Protocol Hierarchy Statistics";
        if (line == (phs ? hierarchyRule : tableRule)) {
            sections[title] = body;
            inside = false;
        }
    }
    return sections;
}

}  // namespace rcvmon::test

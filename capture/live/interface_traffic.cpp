// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/interface_traffic.h"

#include <charconv>
#include <string_view>

namespace rcvmon {

std::vector<InterfaceTraffic> parseProcNetDev(const std::string& text)
{
    // "  eth0: rxBytes rxPackets errs drop fifo frame compressed multicast txBytes txPackets ..."
    std::vector<InterfaceTraffic> out;
    std::string_view rest(text);
    while (!rest.empty()) {
        const std::size_t end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;  // the two header lines
        std::string_view name = line.substr(0, colon);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        if (name.empty()) continue;
        std::string_view numbers = line.substr(colon + 1);
        std::uint64_t values[10] = {};
        int count = 0;
        while (count < 10) {
            while (!numbers.empty() && numbers.front() == ' ') numbers.remove_prefix(1);
            if (numbers.empty()) break;
            const auto [ptr, ec] = std::from_chars(numbers.data(), numbers.data() + numbers.size(), values[count]);
            if (ec != std::errc()) break;
            numbers.remove_prefix(static_cast<std::size_t>(ptr - numbers.data()));
            ++count;
        }
        if (count < 10) continue;
        out.push_back({std::string(name), values[0], values[8], values[1], values[9]});
    }
    return out;
}

}  // namespace rcvmon

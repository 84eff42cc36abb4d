// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rcvmon::names {

// The whole of a small text file (a registry, a services file); nothing when unreadable.
std::optional<std::string> readTextFile(const std::string& path);

// Calls fn(line) for each line of `text`, without its line ending.
template <typename Fn>
void forEachLine(std::string_view text, Fn&& fn)
{
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        fn(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
}

// Leading and trailing blanks (spaces, tabs) removed.
std::string_view trimBlanks(std::string_view text);

}  // namespace rcvmon::names

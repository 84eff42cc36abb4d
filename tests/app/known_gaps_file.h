// SPDX-License-Identifier: GPL-2.0-or-later
// The known-gaps lists of the reference tests: one gap a line, "file<TAB>key<TAB>reason", with
// '#' comments and an optional "file\t…" header. A test fails on a gap that is not listed and on
// a listed one that no longer occurs, so the lists only ever shrink.
#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>

namespace rcvmon::test {

using KnownGaps = std::map<std::pair<std::string, std::string>, std::string>;  // (file, key) → reason

inline KnownGaps readKnownGaps(const char* path)
{
    KnownGaps gaps;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#' || line.starts_with("file\t")) continue;
        std::istringstream fields(line);
        std::string file, key, reason;
        std::getline(fields, file, '\t');
        std::getline(fields, key, '\t');
        std::getline(fields, reason);
        gaps[{file, key}] = reason;
    }
    return gaps;
}

}  // namespace rcvmon::test

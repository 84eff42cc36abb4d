// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <ctime>
#include <string>

namespace rcvmon {

// dumpcap's names for the files of a ring: -w's name split before its extension, the file's
// number (5 digits, from 1, wrapping at 100000) and its creation time (local, to the second):
// `out.pcapng` gives out_00001_20261203040506.pcapng, out_00002_..., and so on.
class RingFileNames {
public:
    explicit RingFileNames(const std::string& path);
    std::string name(std::uint32_t number, std::time_t created) const;

private:
    std::string m_prefix;  // everything before the extension of the last path component
    std::string m_suffix;  // ".pcapng", or empty
};

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#include "file/ring_file_names.h"

#include <cstdio>

namespace rcvmon {

namespace {

constexpr std::uint32_t kNumbers = 100000;  // dumpcap's RINGBUFFER_MAX_NUM_FILES

std::tm localTime(std::time_t t)
{
    std::tm parts{};
#ifdef _WIN32
    localtime_s(&parts, &t);
#else
    localtime_r(&t, &parts);
#endif
    return parts;
}

}  // namespace

RingFileNames::RingFileNames(const std::string& path)
{
    // Only a dot in the last component starts an extension ("dir.d/capture" has none).
    const std::size_t dot = path.rfind('.');
    const std::size_t separator = path.find_last_of("/\\");
    const bool hasSuffix = dot != std::string::npos && (separator == std::string::npos || dot > separator);
    m_prefix = hasSuffix ? path.substr(0, dot) : path;
    m_suffix = hasSuffix ? path.substr(dot) : std::string();
}

std::string RingFileNames::name(std::uint32_t number, std::time_t created) const
{
    const std::tm t = localTime(created);
    char middle[48];
    std::snprintf(middle, sizeof middle, "_%05u_%04d%02d%02d%02d%02d%02d", static_cast<unsigned>(number % kNumbers),
                  t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec);
    return m_prefix + middle + m_suffix;
}

}  // namespace rcvmon

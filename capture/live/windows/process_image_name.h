// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rcvmon {

// The file name of a process image path, UTF-8: "C:\\Windows\\System32\\svchost.exe" gives
// "svchost.exe" (either slash separates; a path without one is its own name).
std::string imageFileName(std::wstring_view path);

struct ProcessImageName {
    enum class Result : std::uint8_t {
        Named,       // name is set
        Unreadable,  // the process exists but may not be queried (protected, another session)
        Gone,        // no such process any more
    };
    Result result = Result::Gone;
    std::string name;
};

// The image file name of a process from OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION) and
// QueryFullProcessImageNameW. PID 4, the kernel's own process, has no image: "System".
ProcessImageName queryProcessImageName(std::uint32_t pid);

}  // namespace rcvmon

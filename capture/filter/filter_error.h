// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rcvmon {

// Why a display filter did not compile, and where: column is 1-based in the filter text
// (0 when the problem is the end of the text).
struct FilterError {
    std::string message;
    std::uint32_t column = 0;

    // The one line a user sees: "tcp.prot == 80": unknown field "tcp.prot" at column 1
    std::string describe(std::string_view filterText) const;
};

}  // namespace rcvmon

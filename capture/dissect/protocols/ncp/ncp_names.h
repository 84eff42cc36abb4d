// SPDX-License-Identifier: GPL-2.0-or-later
// NCP function names (ncp_names.cpp) and completion code texts (ncp_errors.cpp).
#pragma once

#include <cstdint>
#include <string_view>

namespace rcvmon::ncp {

// Whether the function carries a subfunction byte, and a 2-byte length before it.
bool hasSubfunction(std::uint8_t function, bool& withLength);
// Empty when Wireshark does not know the function.
std::string_view functionName(std::uint8_t function);
std::string_view subfunctionName(std::uint8_t function, std::uint8_t subfunction);
// The reply text of a nonzero completion code to that function (subfunction -1: none);
// "Unknown Error Code" for a code the function does not answer with (ncp_errors.cpp).
std::string_view completionText(std::uint8_t function, int subfunction, std::uint8_t code);

}  // namespace rcvmon::ncp

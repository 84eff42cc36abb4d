// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "filter/filter_error.h"
#include "filter/filter_program.h"

#include <string_view>

namespace rcvmon {

// Parses Wireshark 4.0 display-filter text into a program. Precedence, loosest first:
// or (||), and (&&), not (!), then one test: a protocol or field alone (presence), a
// comparison (== != ~= === < <= > >= and eq ne any_ne all_eq lt le gt ge), contains,
// in / not in {values and low..high ranges, separated by commas}, or field & mask.
// Whitespace-only text compiles to a filter that matches every packet.
bool parseFilter(std::string_view text, FilterProgram& out, FilterError& error);

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon {

// A colour as Wireshark's colorfilters file stores it: 16 bits per channel.
struct Rgb16 {
    std::uint16_t red = 0, green = 0, blue = 0;
    friend bool operator==(const Rgb16&, const Rgb16&) = default;
};

// One packet colouring rule: packets the display filter matches are drawn in these colours.
struct ColorFilter {
    std::string name;
    std::string filter;
    Rgb16 background;
    Rgb16 foreground;
    bool disabled = false;
    friend bool operator==(const ColorFilter&, const ColorFilter&) = default;
};

// Wireshark's colorfilters format (epan/color_filters.c), one rule a line:
//   [!]@name@filter@[bg red,green,blue][fg red,green,blue]
// "!" disables the rule; lines that do not start with "@" (after "!") are comments.
// Lines that start like a rule but are cut short are skipped, as Wireshark skips them;
// each one is named in `problems` ("line 3: no colours"), so a caller can say why.
std::vector<ColorFilter> parseColorFilters(std::string_view text, std::vector<std::string>* problems = nullptr);
// The text Wireshark writes: a "# This file was created by …" line, then one line a rule.
std::string writeColorFilters(const std::vector<ColorFilter>& rules);
// Why a name or filter cannot be stored in the format ("@" ends a field, a line ends a
// rule); empty when it can.
std::string colorFilterFieldProblem(std::string_view text);

// Wireshark 4.0's default colouring rules, in its order (its global colorfilters file).
const std::vector<ColorFilter>& defaultColorFilters();

}  // namespace rcvmon

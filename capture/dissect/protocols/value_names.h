// SPDX-License-Identifier: GPL-2.0-or-later
// Wireshark's value_string lookups (val_to_str_const) for the protocol files' tables.
#pragma once

#include "dissect/field_format.h"
#include "dissect/field_registry.h"

#include <span>
#include <string>
#include <string_view>

namespace rcvmon {

// The name `value` has in `table`, or `fallback` when it has none.
inline std::string_view valueName(std::span<const ValueName> table, std::uint64_t value,
                                  std::string_view fallback = {})
{
    for (const ValueName& v : table)
        if (v.value == value) return v.name;
    return fallback;
}

// Writes `name`, or "unknown (value)" when the value has none, as Info texts name values.
inline void appendNameOrNumber(std::string& out, std::string_view name, std::uint64_t value,
                               std::string_view unknown = "Unknown")
{
    if (!name.empty()) {
        out += name;
        return;
    }
    out += unknown;
    out += " (";
    appendDecimal(out, value);
    out += ')';
}

// The same with the value in hex, "Unknown (0x0004)", as val_to_str does with a "0x%04x" format.
inline void appendNameOrHex(std::string& out, std::string_view name, std::uint64_t value, unsigned digits,
                            std::string_view unknown = "Unknown")
{
    if (!name.empty()) {
        out += name;
        return;
    }
    out += unknown;
    out += " (";
    appendHex(out, value, digits);
    out += ')';
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "filter/filter_program.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace rcvmon {

// What a name in a filter stands for: a field (or a shorthand over two), or a protocol
// that can only be tested for presence (and with "contains").
struct FilterName {
    enum class Kind : std::uint8_t { Field, Protocol } kind = Kind::Field;
    FieldRef field;
    std::string_view protocol;  // the layer filter name, for Kind::Protocol
};

// nullopt for names RcvMon does not dissect; `refusal` is set instead when the name is
// known but cannot be filtered on (the _ws.col.* columns, as in tshark 4.0).
std::optional<FilterName> resolveFilterName(std::string_view name, std::string_view& refusal);

// The shorthand and protocol names resolveFilterName() accepts besides registry fields.
std::span<const std::string_view> filterShorthandNames();
std::span<const std::string_view> filterProtocolNames();

// Largest value a numeric field holds (its Wireshark type's width), for "too big" errors.
std::uint64_t maxFieldValue(FieldId id);

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/field_list.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace rcvmon {

using FieldId = std::uint16_t;

// How a field's value is printed (tshark 4.0 `-T fields`).
enum class FieldKind : std::uint8_t {
    Unsigned,      // decimal
    Signed,        // decimal, two's complement in number
    Hex,           // 0x + hexDigits lower-case digits
    Bool,          // 1 / 0
    Ipv4,          // dotted quad
    Ipv6,          // RFC 5952 compressed text
    Mac,           // aa:bb:cc:dd:ee:ff
    String,        // text (DNS names, column text)
    Bytes,         // aa:bb:cc...
    AbsoluteTime,  // seconds.nanoseconds since the epoch, 9 decimals
    RelativeTime,  // seconds.nanoseconds, 9 decimals
    None,          // a label with no value (FT_NONE): tshark prints its presence
};

// A number's name in the detail tree ("1 → A", "3 → Port unreachable").
struct ValueName {
    std::uint64_t value;
    std::string_view name;
};

struct FieldInfo {
    std::string_view name;   // Wireshark's filter name, e.g. "ip.src"
    std::string_view label;  // Wireshark's label, e.g. "Source Address"
    FieldKind kind;
    std::uint8_t hexDigits;  // for Hex
    // Wireshark's integer width (FT_UINT8 … FT_UINT64): the filter's range; 0 when the
    // core table in filter_names.cpp says it (fields of field_list.h).
    std::uint8_t bits = 0;
    std::span<const ValueName> values{};  // names of values, for the detail tree
    std::uint64_t bitmask = 0;            // the bits of the parent field it shows, if any
};

// Compile-time ids of the core fields (frame, links, IP, transports), e.g. field::IpSrc.
// Protocols registered in dissect/protocols/ get their ids after field::Count at start-up.
namespace field {
#define RCVMON_FIELD_ENUM(id, name, label, kind, digits) id,
enum : FieldId { RCVMON_FIELDS(RCVMON_FIELD_ENUM) Count };
#undef RCVMON_FIELD_ENUM
}  // namespace field

std::optional<FieldId> findField(std::string_view name);
const FieldInfo& fieldInfo(FieldId id);
// Every field: the core ones first (in id order), then the registered ones.
std::span<const FieldInfo> allFields();
// The name a number has in a field's value names, or empty.
std::string_view valueName(const FieldInfo& info, std::uint64_t value);

}  // namespace rcvmon

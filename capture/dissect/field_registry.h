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
};

struct FieldInfo {
    std::string_view name;   // Wireshark's filter name, e.g. "ip.src"
    std::string_view label;  // Wireshark's label, e.g. "Source Address"
    FieldKind kind;
    std::uint8_t hexDigits;  // for Hex
};

// Compile-time ids, e.g. field::IpSrc; same order as allFields().
namespace field {
#define RCVMON_FIELD_ENUM(id, name, label, kind, digits) id,
enum : FieldId { RCVMON_FIELDS(RCVMON_FIELD_ENUM) Count };
#undef RCVMON_FIELD_ENUM
}  // namespace field

std::optional<FieldId> findField(std::string_view name);
const FieldInfo& fieldInfo(FieldId id);
std::span<const FieldInfo> allFields();

}  // namespace rcvmon

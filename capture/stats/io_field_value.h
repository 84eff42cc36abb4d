// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "dissect/dissection.h"
#include "dissect/field_registry.h"

#include <cstdint>

namespace rcvmon {

// What Wireshark's I/O statistics (the I/O graph's Y field, tshark's -z io,stat) can compute
// on a field: SUM, MIN, MAX and AVG on integers and relative times, LOAD on relative times
// only, and on anything else (booleans, addresses, text, labels) only COUNT.
enum class IoFieldType : std::uint8_t { Unsigned, Signed, RelativeTime, Other };

inline IoFieldType ioFieldType(FieldId id)
{
    switch (fieldInfo(id).kind) {
    case FieldKind::Unsigned:
    case FieldKind::Hex: return IoFieldType::Unsigned;
    case FieldKind::Signed: return IoFieldType::Signed;
    case FieldKind::RelativeTime: return IoFieldType::RelativeTime;
    default: return IoFieldType::Other;
    }
}

// One occurrence as a number: the integer, or nanoseconds for a relative time (as tshark's
// calculators keep them). Meaningless for IoFieldType::Other.
inline std::int64_t ioFieldValue(const FieldRecord& f, IoFieldType type)
{
    if (type == IoFieldType::RelativeTime) return static_cast<std::int64_t>(f.number) * 1'000'000'000 + f.aux;
    return static_cast<std::int64_t>(f.number);
}

// Calls fn(const FieldRecord&) for every occurrence of the field in the frame, in tree order.
template <typename Fn>
void forEachIoField(const Dissection& dissection, FieldId id, Fn&& fn)
{
    for (const FieldRecord& f : dissection.fields())
        if (f.id == id) fn(f);
}

}  // namespace rcvmon

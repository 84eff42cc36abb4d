// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/field_registry.h"

#include <algorithm>
#include <array>

namespace rcvmon {
namespace {

#define RCVMON_FIELD_INFO(id, name, label, kind, digits) FieldInfo{name, label, FieldKind::kind, digits},
constexpr std::array<FieldInfo, field::Count> kFields{{RCVMON_FIELDS(RCVMON_FIELD_INFO)}};
#undef RCVMON_FIELD_INFO

// Names sorted once for binary search; filters and the CLI look names up, never per packet.
struct NameIndex {
    std::array<FieldId, field::Count> ids{};
    NameIndex()
    {
        for (FieldId i = 0; i < field::Count; ++i) ids[i] = i;
        std::sort(ids.begin(), ids.end(), [](FieldId a, FieldId b) { return kFields[a].name < kFields[b].name; });
    }
};

}  // namespace

std::optional<FieldId> findField(std::string_view name)
{
    static const NameIndex index;
    auto it = std::lower_bound(index.ids.begin(), index.ids.end(), name,
                               [](FieldId id, std::string_view n) { return kFields[id].name < n; });
    if (it == index.ids.end() || kFields[*it].name != name) return std::nullopt;
    return *it;
}

const FieldInfo& fieldInfo(FieldId id)
{
    return kFields[id < field::Count ? id : 0];
}

std::span<const FieldInfo> allFields()
{
    return kFields;
}

}  // namespace rcvmon

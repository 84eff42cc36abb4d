// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/field_registry.h"

#include "dissect/protocol_registry.h"

#include <algorithm>

namespace rcvmon {

std::optional<FieldId> findField(std::string_view name)
{
    const ProtocolTables& tables = protocolTables();
    const auto& ids = tables.fieldsByName;
    auto it = std::lower_bound(ids.begin(), ids.end(), name,
                               [&](FieldId id, std::string_view n) { return tables.fields[id].name < n; });
    if (it == ids.end() || tables.fields[*it].name != name) return std::nullopt;
    return *it;
}

const FieldInfo& fieldInfo(FieldId id)
{
    const auto& fields = protocolTables().fields;
    return fields[id < fields.size() ? id : 0];
}

std::span<const FieldInfo> allFields()
{
    return protocolTables().fields;
}

std::string_view valueName(const FieldInfo& info, std::uint64_t value)
{
    for (const ValueName& v : info.values)
        if (v.value == value) return v.name;
    return {};
}

}  // namespace rcvmon

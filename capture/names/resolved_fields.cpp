// SPDX-License-Identifier: GPL-2.0-or-later
#include "names/resolved_fields.h"

#include "names/name_resolver.h"

#include "dissect/dissection.h"
#include "dissect/field_registry.h"

#include <array>

namespace rcvmon::names {
namespace {

// The pair fields (eth.addr, ip.host) list the destination first for Ethernet and the source
// first for IP, as Wireshark adds them.
constexpr std::array kFields = {
    ResolvedField{"eth.dst_resolved", "Destination (resolved)", "eth.dst"},
    ResolvedField{"eth.src_resolved", "Source (resolved)", "eth.src"},
    ResolvedField{"eth.addr_resolved", "Address (resolved)", "eth.dst eth.src"},
    ResolvedField{"eth.dst.oui_resolved", "Destination OUI (resolved)", "eth.dst", true},
    ResolvedField{"eth.src.oui_resolved", "Source OUI (resolved)", "eth.src", true},
    ResolvedField{"eth.addr.oui_resolved", "Address OUI (resolved)", "eth.dst eth.src", true},
    ResolvedField{"ip.src_host", "Source Host", "ip.src"},
    ResolvedField{"ip.dst_host", "Destination Host", "ip.dst"},
    ResolvedField{"ip.host", "Source or Destination Host", "ip.src ip.dst"},
    ResolvedField{"ipv6.src_host", "Source Host", "ipv6.src"},
    ResolvedField{"ipv6.dst_host", "Destination Host", "ipv6.dst"},
    ResolvedField{"ipv6.host", "Source or Destination Host", "ipv6.src ipv6.dst"},
};

// The base fields' ids, looked up once (core fields, but found by name like any other).
struct BaseIds {
    std::optional<FieldId> first, second;
};

BaseIds baseIds(const ResolvedField& f)
{
    const std::size_t space = f.base.find(' ');
    if (space == std::string_view::npos) return {findField(f.base), std::nullopt};
    return {findField(f.base.substr(0, space)), findField(f.base.substr(space + 1))};
}

}  // namespace

std::span<const ResolvedField> resolvedFields()
{
    return kFields;
}

const ResolvedField* findResolvedField(std::string_view name)
{
    for (const ResolvedField& f : kFields)
        if (f.name == name) return &f;
    return nullptr;
}

void appendResolvedField(const ResolvedField& field, const Dissection& dissection, const NameResolver& resolver,
                         std::string& out, std::string_view separator)
{
    static const std::array<BaseIds, kFields.size()> ids = [] {
        std::array<BaseIds, kFields.size()> all{};
        for (std::size_t i = 0; i < kFields.size(); ++i) all[i] = baseIds(kFields[i]);
        return all;
    }();
    const BaseIds& base = ids[std::size_t(&field - kFields.data())];
    bool first = true;
    auto emit = [&](const std::string& text) {
        if (!first) out += separator;
        first = false;
        out += text;
    };
    for (const FieldRecord& f : dissection.fields()) {
        if (!(base.first && f.id == *base.first) && !(base.second && f.id == *base.second)) continue;
        if (field.oui) {
            if (auto vendor = resolver.macNames().ouiName(dissection.valueBytes(f))) emit(*vendor);
        } else {
            emit(resolver.fieldText(dissection, f));
        }
    }
}

}  // namespace rcvmon::names

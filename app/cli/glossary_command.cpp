// SPDX-License-Identifier: GPL-2.0-or-later
#include "glossary_command.h"

#include "dissect/protocol_registry.h"
#include "filter/filter_names.h"

#include <cstdio>
#include <string_view>

namespace rcvmon::cli {
namespace {

// Wireshark's type name (FT_UINT16, FT_IPv4, …) for a field.
std::string_view typeName(const FieldInfo& info)
{
    const unsigned bits = info.bits ? info.bits : 32;
    const bool small = bits <= 8, medium = bits <= 16, wide = bits > 32;
    switch (info.kind) {
    case FieldKind::Unsigned:
    case FieldKind::Hex: return small ? "FT_UINT8" : medium ? "FT_UINT16" : wide ? "FT_UINT64" : "FT_UINT32";
    case FieldKind::Signed: return small ? "FT_INT8" : medium ? "FT_INT16" : wide ? "FT_INT64" : "FT_INT32";
    case FieldKind::Bool: return "FT_BOOLEAN";
    case FieldKind::Ipv4: return "FT_IPv4";
    case FieldKind::Ipv6: return "FT_IPv6";
    case FieldKind::Mac: return "FT_ETHER";
    case FieldKind::String: return "FT_STRING";
    case FieldKind::Bytes: return "FT_BYTES";
    case FieldKind::AbsoluteTime: return "FT_ABSOLUTE_TIME";
    case FieldKind::RelativeTime: return "FT_RELATIVE_TIME";
    case FieldKind::None: return "FT_NONE";
    }
    return "FT_NONE";
}

void print(std::string_view a, std::string_view b, std::string_view c, std::string_view d = {},
           std::string_view e = {})
{
    std::printf("%.*s\t%.*s\t%.*s", int(a.size()), a.data(), int(b.size()), b.data(), int(c.size()), c.data());
    if (!d.empty()) std::printf("\t%.*s\t%.*s", int(d.size()), d.data(), int(e.size()), e.data());
    std::putchar('\n');
}

}  // namespace

int runGlossary(const std::string& report)
{
    if (report == "protocols") {
        for (std::string_view name : filterProtocolNames()) print(name, name, name);
        return 0;
    }
    if (report != "fields") {
        std::fprintf(stderr, "rcvmon-cli: -G takes fields or protocols, not '%s'\n", report.c_str());
        return 2;
    }
    for (std::string_view name : filterProtocolNames()) print("P", name, name);
    for (const FieldInfo& info : allFields()) {
        const std::string_view parent = info.name.substr(0, info.name.find('.'));
        print("F", info.label, info.name, typeName(info), parent);
    }
    return 0;
}

}  // namespace rcvmon::cli

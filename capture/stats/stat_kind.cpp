// SPDX-License-Identifier: GPL-2.0-or-later
#include "stats/stat_kind.h"

namespace rcvmon {
namespace {

struct KindNames {
    std::string_view title;
    std::string_view filter;
};

constexpr std::array<KindNames, kStatKindCount> kNames{{
    {"Ethernet", "eth"},
    {"IPv4", "ip"},
    {"IPv6", "ipv6"},
    {"TCP", "tcp"},
    {"UDP", "udp"},
}};

}  // namespace

std::string_view statKindTitle(StatKind kind) { return kNames[statKindIndex(kind)].title; }

std::string_view statKindFilterName(StatKind kind) { return kNames[statKindIndex(kind)].filter; }

std::optional<StatKind> statKindFromFilterName(std::string_view name)
{
    for (StatKind kind : kAllStatKinds)
        if (kNames[statKindIndex(kind)].filter == name) return kind;
    return std::nullopt;
}

}  // namespace rcvmon

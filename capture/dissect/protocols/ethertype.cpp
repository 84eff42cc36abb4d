// SPDX-License-Identifier: GPL-2.0-or-later
// EtherType dispatch (IEEE Registration Authority EtherType list), shared by Ethernet,
// VLAN, SLL, SLL2, LLC/SNAP and GRE.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

using Parser = void (*)(DissectContext&, const Payload&);

struct EtherTypeEntry {
    std::uint16_t type;
    Parser parser;
};

constexpr EtherTypeEntry kEtherTypes[] = {
    {0x0800, dissectIpv4},  {0x86dd, dissectIpv6},
    {0x8100, dissectVlan},  {0x88a8, dissectVlan}, {0x9100, dissectVlan}, {0x8847, dissectMpls},
    {0x8848, dissectMpls},  {0x888e, dissectEapol},
};

}  // namespace

bool dissectEtherType(DissectContext& ctx, std::uint16_t etherType, const Payload& p)
{
    if (++ctx.depth > DissectContext::kMaxDepth) return false;
    for (const DispatchEntry& e : ProtocolTables::find(protocolTables().etherTypes, etherType))
        if (e.dissector(ctx, p)) return true;
    for (const EtherTypeEntry& e : kEtherTypes) {
        if (e.type == etherType) {
            e.parser(ctx, p);
            return true;
        }
    }
    return false;
}

}  // namespace rcvmon

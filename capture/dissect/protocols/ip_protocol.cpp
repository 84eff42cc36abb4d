// SPDX-License-Identifier: GPL-2.0-or-later
// IP protocol number dispatch (IANA "Assigned Internet Protocol Numbers"), shared by IPv4,
// the IPv6 header chain and AH. Encapsulated IP (IP-in-IP, 6in4, 4in6, 6in6) recurses.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

using Parser = void (*)(DissectContext&, const Payload&);

struct ProtocolEntry {
    std::uint8_t protocol;
    Parser parser;
};

constexpr ProtocolEntry kProtocols[] = {
    {4, dissectIpv4},    {6, dissectTcp},   {17, dissectUdp},
    {51, dissectAh},
};

}  // namespace

bool dissectIpProtocol(DissectContext& ctx, std::uint8_t protocol, const Payload& p)
{
    if (protocol == 59) return true;  // IPv6 "No Next Header": nothing follows by definition
    if (++ctx.depth > DissectContext::kMaxDepth) return false;
    for (const DispatchEntry& e : ProtocolTables::find(protocolTables().ipProtocols, protocol))
        if (e.dissector(ctx, p)) return true;
    for (const ProtocolEntry& e : kProtocols) {
        if (e.protocol == protocol) {
            e.parser(ctx, p);
            return true;
        }
    }
    return false;
}

}  // namespace rcvmon

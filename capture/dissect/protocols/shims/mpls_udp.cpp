// SPDX-License-Identifier: GPL-2.0-or-later
// MPLS in UDP (RFC 7510): a label stack as the whole UDP payload, on the port IANA gave it.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

constexpr std::uint16_t kMplsInUdpPort = 6635;

bool dissectMplsInUdp(DissectContext& ctx, const Payload& p)
{
    dissectMpls(ctx, p);
    return true;
}

}  // namespace

void registerMplsUdp(ProtocolRegistrar& r)
{
    r.protocol("mpls");
    r.udpPort(kMplsInUdpPort, dissectMplsInUdp);
}

}  // namespace rcvmon

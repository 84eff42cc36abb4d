// SPDX-License-Identifier: GPL-2.0-or-later
// Bytes no dissector claims, kept as Wireshark's "data" layer.
#include "dissect/protocols/context.h"

namespace rcvmon {

void dissectData(DissectContext& ctx, const Payload& p)
{
    if (p.data.empty()) return;
    ctx.out.addLayer("Data", "data", p.at, static_cast<std::uint32_t>(p.data.size()), ctx.inReassembled);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// PIM version 2 (RFC 7761 §4.9, bidirectional PIM RFC 5015): the common header; the message
// type names the Info column and the version the Protocol column, as packet-pim.c does.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct PimFields {
    FieldId version, type, checksum;
} hf;

constexpr ValueName kTypes[] = {
    {0, "Hello"}, {1, "Register"}, {2, "Register-stop"}, {3, "Join/Prune"}, {4, "Bootstrap"}, {5, "Assert"},
    {6, "Graft"}, {7, "Graft-Ack"}, {8, "Candidate-RP-Advertisement"}, {9, "State-Refresh"},
    {10, "DF election"}, {11, "ECMP redirect"}, {12, "PFM source discovery"},
};

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t type = l.number(hf.type);
    appendNameOrNumber(out, valueName(kTypes, type), type);
}

bool dissectPim(DissectContext& ctx, const Payload& p)
{
    // Wireshark's PIM declines an empty payload (an IPv6 Null-Register's inner header).
    if (p.reported == 0) return false;
    LayerCursor c(ctx, "PIM", "pim", p.data, p.at, p.reported);
    const std::uint8_t typever = c.u8();
    if (!c.ok()) return true;
    static constexpr std::string_view kNames[] = {"PIMv0", "PIMv1", "PIMv2", "PIMv3", "PIMv4", "PIMv5", "PIMv6",
                                                  "PIMv7", "PIMv8", "PIMv9", "PIMv10", "PIMv11", "PIMv12",
                                                  "PIMv13", "PIMv14", "PIMv15"};
    ctx.setProtocol(kNames[typever >> 4]);
    c.add(hf.version, 0, 1, typever >> 4);
    c.add(hf.type, 0, 1, typever & 0xf);
    ctx.setInfo(writeInfo, c.layer());
    c.skip(1);
    c.u16(hf.checksum);
    // A Register (RFC 7761 §4.9.3) carries the multicast data packet it registers, which
    // packet-pim.c dissects without letting it touch the columns.
    if ((typever >> 4) == 2 && (typever & 0xf) == 1 && c.skip(4) && c.remaining() > 0) {
        const Payload inner = payloadAfter(c, c.reportedRemaining());
        const bool writable = ctx.columnsWritable;
        ctx.columnsWritable = false;
        const unsigned version = inner.data[0] >> 4;
        if (version == 4) {
            dissectIpv4(ctx, inner);
        } else if (version == 6) {
            dissectIpv6(ctx, inner);
        } else {
            dissectData(ctx, inner);
        }
        ctx.columnsWritable = writable;
    }
    return true;
}

}  // namespace

void registerPim(ProtocolRegistrar& r)
{
    r.protocol("pim");
    hf.version = r.field({"pim.version", "Version", FieldKind::Unsigned, 8, {}, 0xf0});
    hf.type = r.field({"pim.type", "Type", FieldKind::Unsigned, 8, kTypes, 0xf});
    hf.checksum = r.field({"pim.cksum", "Checksum", FieldKind::Hex, 16});
    r.ipProtocol(103, dissectPim);
}

}  // namespace rcvmon

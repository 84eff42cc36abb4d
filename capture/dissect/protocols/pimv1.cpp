// SPDX-License-Identifier: GPL-2.0-or-later
// PIM version 1 (draft-ietf-idmr-pim-spec-01/02, Cisco's PIMv1) inside IGMP type 0x14.
// packet-pim.c's dissect_pimv1: the code names the Info column; a version other than 1
// stops after the checksum; a Register carries the data packet, dissected without columns.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/igmp_types.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct Pimv1Fields {
    FieldId igmpType, code, checksum, version, resBytes, option, mode, holdtime, groupAddress, groupMask, rp,
        group, source, upstream, maskLen, addrLen, numGroups, numJoins, numPrunes, joinIp, pruneIp, srcFlagsA,
        srcFlagsS, srcFlagsW, srcFlagsR, srcFlagsRsv, rpt, metricPref, metric, ipVersion;
} hf;

constexpr ValueName kCodes[] = {
    {0, "Query"}, {1, "Register"}, {2, "Register-stop"}, {3, "Join/Prune"}, {4, "RP-Reachable"},
    {5, "Assert"}, {6, "Graft"}, {7, "Graft-Ack"}, {8, "Mode"},
};
constexpr ValueName kModes[] = {{0, "Dense"}, {1, "Sparse"}, {2, "Sparse-Dense"}};
constexpr ValueName kHoldtime[] = {{0xffff, "Infinity"}};
constexpr ValueName kIpVersions[] = {{0, "Dummy Header"}, {4, "IPv4"}, {6, "IPv6"}};

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t code = l.number(hf.code);
    appendNameOrNumber(out, valueName(kCodes, code), code);
}

// A joined or pruned source: its flags, mask length and address (dissect_pimv1_addr).
void sourceAddress(LayerCursor& c, FieldId address)
{
    const std::uint8_t flags = c.u8();
    if (!c.ok()) return;
    const std::size_t at = c.pos() - 1;
    c.add(hf.srcFlagsA, at, 1, (flags >> 3) & 1);
    c.add(hf.srcFlagsS, at, 1, (flags >> 2) & 1);
    c.add(hf.srcFlagsW, at, 1, (flags >> 1) & 1);
    c.add(hf.srcFlagsR, at, 1, flags & 1);
    c.add(hf.srcFlagsRsv, at, 1, flags >> 4);
    c.u8(hf.maskLen);
    c.bytes(4, address);
}

void joinPrune(LayerCursor& c)
{
    c.bytes(4, hf.upstream);
    c.bytes(2, hf.resBytes);
    c.u16(hf.holdtime);
    c.bytes(1, hf.resBytes);
    c.u8(hf.maskLen);
    c.u8(hf.addrLen);
    const unsigned groups = c.u8(hf.numGroups);
    for (unsigned g = 0; g < groups && c.ok(); ++g) {
        c.bytes(4, hf.group);
        c.bytes(4, hf.groupMask);
        const unsigned joins = c.u16(hf.numJoins);
        const unsigned prunes = c.u16(hf.numPrunes);
        for (unsigned j = 0; j < joins && c.ok(); ++j) sourceAddress(c, hf.joinIp);
        for (unsigned j = 0; j < prunes && c.ok(); ++j) sourceAddress(c, hf.pruneIp);
    }
}

void registerMessage(LayerCursor& c)
{
    DissectContext& ctx = c.ctx();
    const std::uint8_t vhl = c.peek();
    if (!c.need(1)) return;
    c.add(hf.ipVersion, c.pos(), 1, vhl >> 4);
    const Payload inner = payloadAfter(c, c.reportedRemaining());
    // The encapsulated packet must not overwrite PIM's columns (col_set_writable FALSE).
    const bool writable = ctx.columnsWritable;
    ctx.columnsWritable = false;
    if ((vhl >> 4) == 4) {
        dissectIpv4(ctx, inner);
    } else if ((vhl >> 4) == 6) {
        dissectIpv6(ctx, inner);
    }
    ctx.columnsWritable = writable;
}

}  // namespace

void dissectPimv1(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "PIM", "pim", p.data, p.at, p.reported);
    ctx.setProtocol("PIMv1");
    ctx.out.addTextField(hf.igmpType, c.layer(), c.absolute(0), 0, "PIM (0x14)");
    c.skip(1);
    const std::uint8_t code = c.u8(hf.code);
    if (!c.ok()) return;
    ctx.setInfo(writeInfo, c.layer());
    // Not version 1: packet-pim.c shows the checksum and version only.
    const bool v1 = (c.peek(2) >> 4) == 1;
    c.u16(hf.checksum);
    const std::uint8_t version = c.u8();
    if (!c.ok()) return;
    c.add(hf.version, c.pos() - 1, 1, version >> 4);
    if (!v1) return;
    c.bytes(3, hf.resBytes);
    if (!c.ok() || c.reportedRemaining() == 0) return;
    c.add(hf.option, c.pos(), 0, 0);
    switch (code) {
    case 0: {  // Query: mode, holdtime
        const std::uint8_t mode = c.u8();
        if (!c.ok()) return;
        c.add(hf.mode, c.pos() - 1, 1, mode >> 4);
        c.skip(1);
        c.u16(hf.holdtime);
        break;
    }
    case 1: registerMessage(c); break;
    case 2:  // Register-stop
        c.bytes(4, hf.group);
        c.bytes(4, hf.source);
        break;
    case 3:
    case 6:
    case 7: joinPrune(c); break;
    case 4:  // RP-Reachable
        c.bytes(4, hf.groupAddress);
        c.bytes(4, hf.groupMask);
        c.bytes(4, hf.rp);
        c.bytes(2, hf.resBytes);
        c.u16(hf.holdtime);
        break;
    case 5: {  // Assert
        c.bytes(4, hf.groupAddress);
        c.bytes(4, hf.groupMask);
        const std::uint32_t pref = c.u32();
        if (!c.ok()) return;
        c.add(hf.rpt, c.pos() - 4, 1, pref >> 31);
        c.add(hf.metricPref, c.pos() - 4, 4, pref & 0x7fffffffu);
        c.u32(hf.metric);
        break;
    }
    default: break;
    }
}

void registerPimv1(ProtocolRegistrar& r)
{
    r.protocol("pim");
    hf.igmpType = r.field({"pim.igmp_type", "Type", FieldKind::String, 0});
    hf.code = r.field({"pim.code", "Code", FieldKind::Unsigned, 8, kCodes});
    hf.checksum = r.field({"pim.cksum", "Checksum", FieldKind::Hex, 16});
    hf.version = r.field({"pim.version", "Version", FieldKind::Unsigned, 8, {}, 0xf0});
    hf.resBytes = r.field({"pim.res_bytes", "Reserved byte(s)", FieldKind::Bytes, 0});
    hf.option = r.field({"pim.option", "PIM Options", FieldKind::None, 0});
    hf.mode = r.field({"pim.mode", "Mode", FieldKind::Unsigned, 8, kModes, 0xf0});
    hf.holdtime = r.field({"pim.holdtime", "Holdtime", FieldKind::Unsigned, 16, kHoldtime});
    hf.groupAddress = r.field({"pim.group_address", "Group Address", FieldKind::Ipv4});
    hf.groupMask = r.field({"pim.group_mask", "Mask", FieldKind::Ipv4});
    hf.rp = r.field({"pim.rp", "RP", FieldKind::Ipv4});
    hf.group = r.field({"pim.group", "Group", FieldKind::Ipv4});
    hf.source = r.field({"pim.source", "Source", FieldKind::Ipv4});
    hf.upstream = r.field({"pim.upstream_neighbor", "Upstream-neighbor", FieldKind::Ipv4});
    hf.maskLen = r.field({"pim.mask_len", "Masklen", FieldKind::Unsigned, 8});
    hf.addrLen = r.field({"pim.addr_len", "Address Len", FieldKind::Unsigned, 8});
    hf.numGroups = r.field({"pim.numgroups", "Num Groups", FieldKind::Unsigned, 16});
    hf.numJoins = r.field({"pim.numjoins", "Num Joins", FieldKind::Unsigned, 16});
    hf.numPrunes = r.field({"pim.numprunes", "Num Prunes", FieldKind::Unsigned, 16});
    hf.joinIp = r.field({"pim.join_ip", "IP address", FieldKind::Ipv4});
    hf.pruneIp = r.field({"pim.prune_ip", "IP address", FieldKind::Ipv4});
    hf.srcFlagsA = r.field({"pim.src_flags.a", "Annotated", FieldKind::Unsigned, 8, {}, 0x08});
    hf.srcFlagsS = r.field({"pim.src_flags.s", "Sparse", FieldKind::Unsigned, 8, {}, 0x04});
    hf.srcFlagsW = r.field({"pim.src_flags.w", "WC", FieldKind::Unsigned, 8, {}, 0x02});
    hf.srcFlagsR = r.field({"pim.src_flags.r", "RP", FieldKind::Unsigned, 8, {}, 0x01});
    hf.srcFlagsRsv = r.field({"pim.src_flags.rsv", "Reserved", FieldKind::Unsigned, 8, {}, 0xf0});
    hf.rpt = r.field({"pim.rpt", "RP Tree", FieldKind::Bool, 8, {}, 0x80});
    hf.metricPref = r.field({"pim.metric_pref", "Metric Preference", FieldKind::Unsigned, 32, {}, 0x7fffffff});
    hf.metric = r.field({"pim.metric", "Metric", FieldKind::Unsigned, 32});
    hf.ipVersion = r.field({"pim.ip_version", "IP Version", FieldKind::Unsigned, 8, kIpVersions, 0xf0});
}

}  // namespace rcvmon

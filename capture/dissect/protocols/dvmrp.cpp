// SPDX-License-Identifier: GPL-2.0-or-later
// DVMRP (RFC 1075 version 1, draft-ietf-idmr-dvmrp-v3-11 version 3) inside IGMP type 0x13.
// As packet-dvmrp.c with its default (non-strict) preference: every message with 8 captured
// bytes is read as version 3; the Info column names the version and the code.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/igmp_types.h"
#include "dissect/protocols/value_names.h"

#include <array>

namespace rcvmon {
namespace {

struct DvmrpFields {
    FieldId version, type, codeV1, codeV3, checksum, reserved, capabilities, capLeaf, capPrune, capGenid,
        capMtrace, capSnmp, capNetmask, minVer, majVer, genid, neighbor, saddr, maddr, life, netmask, local,
        metric, threshold, flags, flagTunnel, flagSrcroute, flagDown, flagDisabled, flagQuerier, flagLeaf,
        ncount, route, commands, command, afi, count, infinity, daddr, hold, destUnreach, splitHoriz;
} hf;

constexpr ValueName kTypes[] = {{0x13, "DVMRP"}};
constexpr ValueName kCodesV1[] = {
    {1, "Response"}, {2, "Request"}, {3, "Non-membership report"}, {4, "Non-membership cancellation"},
};
constexpr ValueName kCodesV3[] = {
    {1, "Probe"}, {2, "Report"}, {3, "Ask Neighbors"}, {4, "Neighbors"}, {5, "Ask Neighbors 2"},
    {6, "Neighbors 2"}, {7, "Prune"}, {8, "Graft"}, {9, "Graft ACK"},
};
constexpr ValueName kCommands[] = {
    {0, "NULL"}, {2, "Address Family Indicator"}, {3, "Subnetmask"}, {4, "Metric"}, {5, "Flags0"},
    {6, "Infinity"}, {7, "Destination Address"}, {8, "Requested Destination Address"},
    {9, "Non-Membership Report"}, {10, "Non-Membership Report Cancel"},
};
constexpr ValueName kAfi[] = {{2, "IP v4 Family"}};

// "V3 Prune": the version the dissector chose, then the code's name.
void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t version = l.number(hf.version);
    out += 'V';
    appendDecimal(out, version);
    out += ' ';
    const bool v3 = version == 3;
    const std::uint64_t code = l.number(v3 ? hf.codeV3 : hf.codeV1);
    const std::string_view name = v3 ? valueName(kCodesV3, code) : valueName(kCodesV1, code);
    if (!name.empty()) {
        out += name;
    } else {
        out += "Unknown Type:";
        appendHex(out, code, 2);
    }
}

// The three routing-table bytes of a v3 Report's mask: the first octet is always 255.
void addMask(LayerCursor& c, std::size_t at, std::uint8_t m1, std::uint8_t m2, std::uint8_t m3)
{
    const std::array<std::uint8_t, 4> mask{0xff, m1, m2, m3};
    c.ctx().out.addBytesField(hf.netmask, c.layer(), c.absolute(at), ByteSpan(mask));
}

void dissectReport(LayerCursor& c)
{
    // Bounded by the message: every pass consumes at least two bytes or stops.
    while (c.ok() && c.reportedRemaining() > 0) {
        const std::size_t routeAt = c.pos();
        c.add(hf.route, routeAt, 0, 0);
        const std::uint8_t m1 = c.u8();
        const std::uint8_t m2 = c.u8();
        const std::uint8_t m3 = c.u8();
        if (!c.ok()) return;
        addMask(c, routeAt, m1, m2, m3);
        std::uint8_t metric = 0;
        do {
            const std::size_t at = c.pos();
            const std::uint8_t s0 = c.u8();
            const std::uint8_t s1 = m1 ? c.u8() : 0;
            const std::uint8_t s2 = m2 ? c.u8() : 0;
            const std::uint8_t s3 = m3 ? c.u8() : 0;
            if (!c.ok()) return;
            const std::array<std::uint8_t, 4> source{s0, s1, s2, s3};
            c.ctx().out.addBytesField(hf.saddr, c.layer(), c.absolute(at), ByteSpan(source));
            metric = c.u8();
            if (!c.ok()) return;
            c.add(hf.metric, c.pos() - 1, 1, metric & 0x7f);
        } while (!(metric & 0x80));
    }
}

void dissectV3(LayerCursor& c)
{
    c.add(hf.version, 0, 0, 3);
    c.add(hf.type, 0, 1, 0x13);
    c.skip(1);
    const std::uint8_t code = c.u8(hf.codeV3);
    c.ctx().setInfo(writeInfo, c.layer());
    c.u16(hf.checksum);
    // packet-dvmrp.c shows two bytes as Reserved but moves on by one: the capabilities follow.
    if (!c.need(2)) return;
    c.add(hf.reserved, c.pos(), 2, std::uint64_t{c.peek(0)} << 8 | c.peek(1));
    c.skip(1);
    const std::uint8_t caps = c.u8();
    if (c.ok() && (code == 1 || code == 6)) {
        const std::size_t at = c.pos() - 1;
        c.add(hf.capabilities, at, 1, caps);
        c.add(hf.capNetmask, at, 1, (caps >> 5) & 1);
        c.add(hf.capSnmp, at, 1, (caps >> 4) & 1);
        c.add(hf.capMtrace, at, 1, (caps >> 3) & 1);
        c.add(hf.capGenid, at, 1, (caps >> 2) & 1);
        c.add(hf.capPrune, at, 1, (caps >> 1) & 1);
        c.add(hf.capLeaf, at, 1, caps & 1);
    }
    c.u8(hf.minVer);
    c.u8(hf.majVer);
    if (!c.ok()) return;
    switch (code) {
    case 1:  // Probe: generation id, then the neighbors heard from
        c.u32(hf.genid);
        while (c.ok() && c.reportedRemaining() >= 4) c.bytes(4, hf.neighbor);
        break;
    case 2: dissectReport(c); break;
    case 7:  // Prune: source, group, lifetime, optional source mask
        c.bytes(4, hf.saddr);
        c.bytes(4, hf.maddr);
        c.u32(hf.life);
        if (c.ok() && c.reportedRemaining() >= 4) c.bytes(4, hf.netmask);
        break;
    case 8:
    case 9:  // Graft and its ACK: source, group, optional source mask
        c.bytes(4, hf.saddr);
        c.bytes(4, hf.maddr);
        if (c.ok() && c.reportedRemaining() >= 4) c.bytes(4, hf.netmask);
        break;
    case 6:  // Neighbors 2: per local interface, its neighbors
        while (c.ok() && c.reportedRemaining() >= 12) {
            c.bytes(4, hf.local);
            c.u8(hf.metric);
            c.u8(hf.threshold);
            const std::uint8_t flags = c.u8();
            if (!c.ok()) return;
            const std::size_t at = c.pos() - 1;
            c.add(hf.flags, at, 1, 0);
            c.add(hf.flagTunnel, at, 1, flags & 1);
            c.add(hf.flagSrcroute, at, 1, (flags >> 1) & 1);
            c.add(hf.flagDown, at, 1, (flags >> 4) & 1);
            c.add(hf.flagDisabled, at, 1, (flags >> 5) & 1);
            c.add(hf.flagQuerier, at, 1, (flags >> 6) & 1);
            c.add(hf.flagLeaf, at, 1, (flags >> 7) & 1);
            unsigned neighbors = c.u8(hf.ncount);
            while (c.ok() && c.reportedRemaining() >= 4 && neighbors-- > 0) c.bytes(4, hf.neighbor);
        }
        break;
    default: break;  // Ask Neighbors (2) and the obsolete ones carry nothing Wireshark reads
    }
}

// Version 1 (RFC 1075 §3): a list of commands, each a byte and its argument.
void dissectV1(LayerCursor& c)
{
    c.add(hf.version, 0, 0, 1);
    c.add(hf.type, 0, 1, 0x13);
    c.skip(1);
    c.u8(hf.codeV1);
    c.ctx().setInfo(writeInfo, c.layer());
    c.u16(hf.checksum);
    while (c.ok() && c.reportedRemaining() > 0) {
        c.add(hf.commands, c.pos(), 0, 0);
        const std::uint8_t cmd = c.u8(hf.command);
        if (!c.ok()) return;
        switch (cmd) {
        case 0: c.skip(1); break;
        case 2: c.u8(hf.afi); break;
        case 3:
            if (c.u8(hf.count)) c.bytes(4, hf.netmask);
            break;
        case 4: c.u8(hf.metric); break;
        case 5: {
            const std::uint8_t f = c.u8();
            if (c.ok()) {
                c.add(hf.destUnreach, c.pos() - 1, 1, f & 1);
                c.add(hf.splitHoriz, c.pos() - 1, 1, (f >> 1) & 1);
            }
            break;
        }
        case 6: c.u8(hf.infinity); break;
        case 7:
        case 8:
        case 9:
        case 10: {
            unsigned n = c.u8(hf.count);
            while (c.ok() && n-- > 0) {
                c.bytes(4, cmd <= 8 ? hf.daddr : hf.maddr);
                if (cmd == 9) c.u32(hf.hold);
            }
            break;
        }
        default: break;  // an unknown command has no known length: the loop reads the next byte
        }
    }
}

}  // namespace

void dissectDvmrp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "DVMRP", "dvmrp", p.data, p.at, p.reported);
    ctx.setProtocol("DVMRP");
    if (c.size() >= 8) {
        dissectV3(c);
    } else {
        dissectV1(c);
    }
}

void registerDvmrp(ProtocolRegistrar& r)
{
    r.protocol("dvmrp");
    hf.version = r.field({"dvmrp.version", "DVMRP Version", FieldKind::Unsigned, 8});
    hf.type = r.field({"dvmrp.type", "Type", FieldKind::Hex, 8, kTypes});
    hf.codeV1 = r.field({"dvmrp.v1.code", "Code", FieldKind::Hex, 8, kCodesV1});
    hf.checksum = r.field({"dvmrp.checksum", "Checksum", FieldKind::Hex, 16});
    hf.reserved = r.field({"dvmrp.reserved", "Reserved", FieldKind::Hex, 16});
    hf.commands = r.field({"dvmrp.commands", "Commands", FieldKind::None, 0});
    hf.command = r.field({"dvmrp.command", "Command", FieldKind::Hex, 8, kCommands});
    hf.afi = r.field({"dvmrp.afi", "Address Family", FieldKind::Hex, 8, kAfi});
    hf.count = r.field({"dvmrp.count", "Count", FieldKind::Hex, 8});
    hf.netmask = r.field({"dvmrp.netmask", "Netmask", FieldKind::Ipv4});
    hf.metric = r.field({"dvmrp.metric", "Metric", FieldKind::Unsigned, 8});
    hf.destUnreach = r.field({"dvmrp.dest_unreach", "Destination Unreachable", FieldKind::Bool, 8, {}, 0x01});
    hf.splitHoriz = r.field({"dvmrp.split_horiz", "Split Horizon", FieldKind::Bool, 8, {}, 0x02});
    hf.infinity = r.field({"dvmrp.infinity", "Infinity", FieldKind::Unsigned, 8});
    hf.daddr = r.field({"dvmrp.daddr", "Dest Addr", FieldKind::Ipv4});
    hf.maddr = r.field({"dvmrp.maddr", "Multicast Addr", FieldKind::Ipv4});
    hf.hold = r.field({"dvmrp.hold", "Hold Time", FieldKind::Unsigned, 32});
    hf.codeV3 = r.field({"dvmrp.v3.code", "Code", FieldKind::Hex, 8, kCodesV3});
    hf.capabilities = r.field({"dvmrp.capabilities", "Capabilities", FieldKind::Hex, 8});
    hf.capLeaf = r.field({"dvmrp.cap.leaf", "Leaf", FieldKind::Bool, 8, {}, 0x01});
    hf.capPrune = r.field({"dvmrp.cap.prune", "Prune", FieldKind::Bool, 8, {}, 0x02});
    hf.capGenid = r.field({"dvmrp.cap.genid", "Genid", FieldKind::Bool, 8, {}, 0x04});
    hf.capMtrace = r.field({"dvmrp.cap.mtrace", "Mtrace", FieldKind::Bool, 8, {}, 0x08});
    hf.capSnmp = r.field({"dvmrp.cap.snmp", "SNMP", FieldKind::Bool, 8, {}, 0x10});
    hf.capNetmask = r.field({"dvmrp.cap.netmask", "Netmask", FieldKind::Bool, 8, {}, 0x20});
    hf.minVer = r.field({"dvmrp.min_ver", "Minor Version", FieldKind::Hex, 8});
    hf.majVer = r.field({"dvmrp.maj_ver", "Major Version", FieldKind::Hex, 8});
    hf.genid = r.field({"dvmrp.genid", "Generation ID", FieldKind::Unsigned, 32});
    hf.route = r.field({"dvmrp.route", "Route", FieldKind::None, 0});
    hf.saddr = r.field({"dvmrp.saddr", "Source Addr", FieldKind::Ipv4});
    hf.life = r.field({"dvmrp.lifetime", "Prune lifetime", FieldKind::Unsigned, 32});
    hf.local = r.field({"dvmrp.local", "Local Addr", FieldKind::Ipv4});
    hf.threshold = r.field({"dvmrp.threshold", "Threshold", FieldKind::Unsigned, 8});
    hf.flags = r.field({"dvmrp.flags", "Flags", FieldKind::None, 0});
    hf.flagTunnel = r.field({"dvmrp.flag.tunnel", "Tunnel", FieldKind::Bool, 8, {}, 0x01});
    hf.flagSrcroute = r.field({"dvmrp.flag.srcroute", "Source Route", FieldKind::Bool, 8, {}, 0x02});
    hf.flagDown = r.field({"dvmrp.flag.down", "Down", FieldKind::Bool, 8, {}, 0x10});
    hf.flagDisabled = r.field({"dvmrp.flag.disabled", "Disabled", FieldKind::Bool, 8, {}, 0x20});
    hf.flagQuerier = r.field({"dvmrp.flag.querier", "Querier", FieldKind::Bool, 8, {}, 0x40});
    hf.flagLeaf = r.field({"dvmrp.flag.leaf", "Leaf", FieldKind::Bool, 8, {}, 0x80});
    hf.ncount = r.field({"dvmrp.ncount", "Neighbor Count", FieldKind::Unsigned, 8});
    hf.neighbor = r.field({"dvmrp.neighbor", "Neighbor Addr", FieldKind::Ipv4});
}

}  // namespace rcvmon

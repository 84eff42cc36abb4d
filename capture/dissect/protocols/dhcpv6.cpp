// SPDX-License-Identifier: GPL-2.0-or-later
// DHCPv6 (RFC 8415 §8-9, §21), UDP ports 546 and 547: client/server and relay messages and
// their options, with the identity associations (IA_NA, IA_TA) and addresses inside them.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct Dhcpv6Fields {
    FieldId msgtype, hopcount, xid, linkaddr, peeraddr, optType, optLength, duid, duidType, t1, t2, iaaddr,
        preferredLifetime, validLifetime, requestedOption, elapsedTime;
} hf;

constexpr ValueName kMessageTypes[] = {
    {1, "Solicit"},     {2, "Advertise"},          {3, "Request"},           {4, "Confirm"},
    {5, "Renew"},       {6, "Rebind"},             {7, "Reply"},             {8, "Release"},
    {9, "Decline"},     {10, "Reconfigure"},       {11, "Information-request"}, {12, "Relay-forw"},
    {13, "Relay-reply"}, {14, "Leasequery"},       {15, "Leasequery-reply"}, {16, "Leasequery-done"},
    {17, "Leasequery-data"}, {18, "Reconfigure-request"}, {19, "Reconfigure-reply"}};

enum : std::uint16_t { ClientId = 1, ServerId = 2, IaNa = 3, IaTa = 4, IaAddr = 5, Oro = 6, Elapsed = 8 };

// "Solicit XID: 0x6aebe6 CID: 0001000129d08193000001010000 ": the type and transaction, then
// the client DUID and assigned addresses in the order their options come.
void writeInfo(const LayerView& layer, std::string& out)
{
    const std::uint64_t type = layer.number(hf.msgtype);
    const std::string_view name = valueName(fieldInfo(hf.msgtype), type);
    appendNameOrNumber(out, name, type);
    out += ' ';
    const Dissection& d = layer.dissection();
    std::uint64_t option = 0;
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != layer.layer()) continue;
        if (f.id == hf.xid) {
            out += "XID: ";
            appendHex(out, f.number, 6);
            out += ' ';
        } else if (f.id == hf.linkaddr) {
            out += "L: ";
            d.appendValue(f, out);
            out += ' ';
        } else if (f.id == hf.optType) {
            option = f.number;
        } else if (f.id == hf.duid && option == ClientId) {
            out += "CID: ";
            static constexpr char Hex[] = "0123456789abcdef";
            for (const std::uint8_t b : d.valueBytes(f)) {
                out += Hex[b >> 4];
                out += Hex[b & 15];
            }
            out += ' ';
        } else if (f.id == hf.iaaddr) {
            out += "IAA: ";
            d.appendValue(f, out);
            out += ' ';
        }
    }
}

void dissectOptions(LayerCursor& c, std::size_t end, int depth);

void dissectOption(LayerCursor& c, std::uint16_t type, std::size_t length, int depth)
{
    const std::size_t end = c.pos() + length;
    switch (type) {
    case ClientId:
    case ServerId:
        if (length >= 2) {
            c.ctx().out.addBytesField(hf.duid, c.layer(), c.absolute(c.pos()), c.rest().first(length));
            c.u16(hf.duidType);
        }
        break;
    case IaNa:
        if (length >= 12) {
            c.skip(4);  // IAID
            c.u32(hf.t1);
            c.u32(hf.t2);
            dissectOptions(c, end, depth + 1);
        }
        break;
    case IaTa:
        if (length >= 4) {
            c.skip(4);  // IAID
            dissectOptions(c, end, depth + 1);
        }
        break;
    case IaAddr:
        if (length >= 24) {
            c.bytes(16, hf.iaaddr);
            c.u32(hf.preferredLifetime);
            c.u32(hf.validLifetime);
            dissectOptions(c, end, depth + 1);
        }
        break;
    case Oro:
        for (std::size_t i = 0; i + 2 <= length; i += 2) c.u16(hf.requestedOption);
        break;
    case Elapsed:
        if (length == 2) c.u16(hf.elapsedTime);
        break;
    default: break;
    }
    if (c.ok() && c.pos() <= end) c.skip(end - c.pos());
}

void dissectOptions(LayerCursor& c, std::size_t end, int depth)
{
    if (depth > 4) return;
    for (int guard = 0; guard < 256 && c.ok() && c.pos() + 4 <= end; ++guard) {
        const std::uint16_t type = c.u16(hf.optType);
        const std::uint16_t length = c.u16(hf.optLength);
        if (!c.ok()) return;
        if (length > end - c.pos()) {
            c.need(length);  // runs past the message: cut (Truncated) or impossible (Malformed)
            if (c.ok()) c.malformed();
            return;
        }
        dissectOption(c, type, length, depth);
    }
}

bool dissectDhcpv6(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "DHCPv6", "dhcpv6", p.data, p.at, p.reported);
    ctx.setProtocol("DHCPv6");
    const std::uint8_t type = c.u8(hf.msgtype);
    if (!c.ok()) return true;
    ctx.setInfo(writeInfo, c.layer());
    if (type == 12 || type == 13) {
        // A relay message (RFC 8415 §9): hop count, link and peer addresses, then options.
        c.u8(hf.hopcount);
        c.bytes(16, hf.linkaddr);
        c.bytes(16, hf.peeraddr);
    } else {
        c.u24(hf.xid);
    }
    dissectOptions(c, c.size(), 0);
    return true;
}

}  // namespace

void registerDhcpv6(ProtocolRegistrar& r)
{
    r.protocol("dhcpv6");
    hf.msgtype = r.field({"dhcpv6.msgtype", "Message type", FieldKind::Unsigned, 8, kMessageTypes});
    hf.hopcount = r.field({"dhcpv6.hopcount", "Hopcount", FieldKind::Unsigned, 8});
    hf.xid = r.field({"dhcpv6.xid", "Transaction ID", FieldKind::Hex, 24});
    hf.linkaddr = r.field({"dhcpv6.linkaddr", "Link address", FieldKind::Ipv6});
    hf.peeraddr = r.field({"dhcpv6.peeraddr", "Peer address", FieldKind::Ipv6});
    hf.optType = r.field({"dhcpv6.option.type", "Option", FieldKind::Unsigned, 16});
    hf.optLength = r.field({"dhcpv6.option.length", "Length", FieldKind::Unsigned, 16});
    hf.duid = r.field({"dhcpv6.duid.bytes", "DUID", FieldKind::Bytes});
    hf.duidType = r.field({"dhcpv6.duid.type", "DUID Type", FieldKind::Unsigned, 16});
    hf.t1 = r.field({"dhcpv6.iaid.t1", "T1", FieldKind::Unsigned, 32});
    hf.t2 = r.field({"dhcpv6.iaid.t2", "T2", FieldKind::Unsigned, 32});
    hf.iaaddr = r.field({"dhcpv6.iaaddr.ip", "IPv6 address", FieldKind::Ipv6});
    hf.preferredLifetime = r.field({"dhcpv6.iaaddr.pref_lifetime", "Preferred lifetime", FieldKind::Unsigned, 32});
    hf.validLifetime = r.field({"dhcpv6.iaaddr.valid_lifetime", "Valid lifetime", FieldKind::Unsigned, 32});
    hf.requestedOption = r.field({"dhcpv6.requested_option_code", "Requested Option code", FieldKind::Unsigned, 16});
    hf.elapsedTime = r.field({"dhcpv6.elapsed_time", "Elapsed time", FieldKind::Unsigned, 16});
    r.udpPort(546, dissectDhcpv6);
    r.udpPort(547, dissectDhcpv6);
}

}  // namespace rcvmon

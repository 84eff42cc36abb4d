// SPDX-License-Identifier: GPL-2.0-or-later
// DHCP (RFC 2131) and the BOOTP header it extends (RFC 951), UDP ports 67 and 68, with the
// options of RFC 2132 that people look at (message type, host name, requested address,
// server identifier, lease times, parameter request list…).
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct DhcpFields {
    FieldId type, hwType, hwLen, hops, id, secs, flags, flagsBc, flagsReserved, ipClient, ipYour, ipServer,
        ipRelay, hwMac, hwAddr, hwPadding, server, file, cookie;
    FieldId optType, optLength, optValue, optPadding, optEnd, subnetMask, router, dnsServer, hostname, domainName,
        broadcast, ntpServer, requestedIp, leaseTime, dhcp, serverId, requestItem, message, maxSize, renewal,
        rebinding, vendorClass;
} hf;

constexpr ValueName kMessageTypes[] = {
    {1, "Discover"}, {2, "Offer"}, {3, "Request"}, {4, "Decline"}, {5, "ACK"}, {6, "NAK"}, {7, "Release"},
    {8, "Inform"}, {9, "Force Renew"}, {10, "Lease query"}, {11, "Lease Unassigned"}, {12, "Lease Unknown"},
    {13, "Lease Active"}, {14, "Bulk Lease Query"}, {15, "Lease Query Done"}, {16, "Active LeaseQuery"},
    {17, "Lease Query Status"}, {18, "TLS"}};
constexpr ValueName kBootpTypes[] = {{1, "Boot Request"}, {2, "Boot Reply"}};

// "DHCP Request  - Transaction ID 0x601b69bc": the type left-aligned in 8 columns.
void writeInfo(const LayerView& layer, std::string& out)
{
    out += "DHCP ";
    const std::string_view name = valueName(fieldInfo(hf.dhcp), layer.number(hf.dhcp));
    const std::size_t start = out.size();
    if (name.empty()) {
        out += "Unknown Message Type (0x";
        static constexpr char digits[] = "0123456789abcdef";
        const auto v = static_cast<unsigned>(layer.number(hf.dhcp));
        out += digits[(v >> 4) & 15];
        out += digits[v & 15];
        out += ')';
    } else {
        out += name;
    }
    while (out.size() - start < 8) out += ' ';
    out += " - Transaction ID ";
    appendHex(out, layer.number(hf.id), 1);
}

// A NUL-padded text field (sname, file, string options) up to its first NUL.
void addText(LayerCursor& c, FieldId id, std::size_t at, ByteSpan bytes)
{
    std::size_t n = 0;
    while (n < bytes.size() && bytes[n] != 0) ++n;
    c.ctx().out.addTextField(id, c.layer(), c.absolute(at), static_cast<std::uint32_t>(bytes.size()),
                             std::string_view(reinterpret_cast<const char*>(bytes.data()), n));
}

void dissectOption(LayerCursor& c, std::uint8_t code, std::size_t at, ByteSpan value)
{
    // Every option's value is an item of its own, then its decoded form.
    if (!value.empty()) c.ctx().out.addBytesField(hf.optValue, c.layer(), c.absolute(at), value);
    const auto addresses = [&](FieldId id) {
        for (std::size_t i = 0; i + 4 <= value.size(); i += 4)
            c.ctx().out.addBytesField(id, c.layer(), c.absolute(at + i), value.subspan(i, 4));
    };
    const auto number = [&](FieldId id, std::size_t size) {
        if (value.size() != size) return;
        std::uint64_t v = 0;
        for (const std::uint8_t b : value) v = v << 8 | b;
        c.add(id, at, size, v);
    };
    switch (code) {
    case 1: addresses(hf.subnetMask); break;
    case 3: addresses(hf.router); break;
    case 6: addresses(hf.dnsServer); break;
    case 12: addText(c, hf.hostname, at, value); break;
    case 15: addText(c, hf.domainName, at, value); break;
    case 28: addresses(hf.broadcast); break;
    case 42: addresses(hf.ntpServer); break;
    case 50: addresses(hf.requestedIp); break;
    case 51: number(hf.leaseTime, 4); break;
    case 53: number(hf.dhcp, 1); break;
    case 54: addresses(hf.serverId); break;
    case 55:
        for (std::size_t i = 0; i < value.size(); ++i) c.add(hf.requestItem, at + i, 1, value[i]);
        break;
    case 56: addText(c, hf.message, at, value); break;
    case 57: number(hf.maxSize, 2); break;
    case 58: number(hf.renewal, 4); break;
    case 59: number(hf.rebinding, 4); break;
    case 60: addText(c, hf.vendorClass, at, value); break;
    default: break;
    }
}

bool dissectDhcp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "DHCP", "dhcp", p.data, p.at, p.reported);
    ctx.setProtocol("BOOTP");
    c.u8(hf.type);
    c.u8(hf.hwType);
    const std::uint8_t hwLen = c.u8(hf.hwLen);
    c.u8(hf.hops);
    c.u32(hf.id);
    c.u16(hf.secs);
    const std::uint16_t flags = c.u16(hf.flags);
    if (c.ok()) {
        c.add(hf.flagsBc, c.pos() - 2, 2, flags >> 15);
        c.add(hf.flagsReserved, c.pos() - 2, 2, flags & 0x7fff);
    }
    c.bytes(4, hf.ipClient);
    c.bytes(4, hf.ipYour);
    c.bytes(4, hf.ipServer);
    c.bytes(4, hf.ipRelay);
    if (hwLen == 6) {
        c.bytes(6, hf.hwMac);
        c.bytes(10, hf.hwPadding);
    } else {
        c.bytes(16, hf.hwAddr);
    }
    const std::size_t snameAt = c.pos();
    const ByteSpan sname = c.bytes(64);
    if (c.ok() && sname[0] != 0) addText(c, hf.server, snameAt, sname);
    const std::size_t fileAt = c.pos();
    const ByteSpan file = c.bytes(128);
    if (c.ok() && file[0] != 0) addText(c, hf.file, fileAt, file);
    const ByteSpan cookieBytes = c.bytes(4, hf.cookie);
    const bool cookie = c.ok() && cookieBytes[0] == 0x63 && cookieBytes[1] == 0x82 && cookieBytes[2] == 0x53 &&
                        cookieBytes[3] == 0x63;
    bool dhcpType = false;
    // Options follow the RFC 1497 magic cookie; a message without one is plain BOOTP.
    if (cookie) {
        for (int guard = 0; guard < 512 && c.ok() && c.remaining() > 0; ++guard) {
            const std::size_t at = c.pos();
            const std::uint8_t code = c.u8();
            if (code == 255) {
                c.add(hf.optType, at, 1, 0);  // Wireshark gives the End option's type item the value 0
                c.add(hf.optEnd, at, 1, code);
                break;
            }
            if (code == 0) continue;  // Pad
            c.add(hf.optType, at, 1, code);
            const std::uint8_t length = c.u8(hf.optLength);
            const ByteSpan value = c.bytes(length);
            if (!c.ok()) break;
            dissectOption(c, code, at + 2, value);
            dhcpType = dhcpType || (code == 53 && length == 1);
        }
    }
    // Wireshark names the message DHCP once it has seen the DHCP Message Type option.
    if (dhcpType) {
        ctx.setProtocol("DHCP");
        ctx.setInfo(writeInfo, c.layer());
    }
    return true;
}

}  // namespace

void registerDhcp(ProtocolRegistrar& r)
{
    r.protocol("dhcp");
    hf.type = r.field({"dhcp.type", "Message type", FieldKind::Unsigned, 8, kBootpTypes});
    hf.hwType = r.field({"dhcp.hw.type", "Hardware type", FieldKind::Hex, 8});
    hf.hwLen = r.field({"dhcp.hw.len", "Hardware address length", FieldKind::Unsigned, 8});
    hf.hops = r.field({"dhcp.hops", "Hops", FieldKind::Unsigned, 8});
    hf.id = r.field({"dhcp.id", "Transaction ID", FieldKind::Hex, 32});
    hf.secs = r.field({"dhcp.secs", "Seconds elapsed", FieldKind::Unsigned, 16});
    hf.flags = r.field({"dhcp.flags", "Bootp flags", FieldKind::Hex, 16});
    hf.flagsBc = r.field({"dhcp.flags.bc", "Broadcast flag", FieldKind::Bool, 16, {}, 0x8000});
    hf.flagsReserved = r.field({"dhcp.flags.reserved", "Reserved flags", FieldKind::Hex, 16, {}, 0x7fff});
    hf.ipClient = r.field({"dhcp.ip.client", "Client IP address", FieldKind::Ipv4});
    hf.ipYour = r.field({"dhcp.ip.your", "Your (client) IP address", FieldKind::Ipv4});
    hf.ipServer = r.field({"dhcp.ip.server", "Next server IP address", FieldKind::Ipv4});
    hf.ipRelay = r.field({"dhcp.ip.relay", "Relay agent IP address", FieldKind::Ipv4});
    hf.hwMac = r.field({"dhcp.hw.mac_addr", "Client MAC address", FieldKind::Mac});
    hf.hwAddr = r.field({"dhcp.hw.addr", "Client hardware address", FieldKind::Bytes});
    hf.hwPadding = r.field({"dhcp.hw.addr_padding", "Client hardware address padding", FieldKind::Bytes});
    hf.server = r.field({"dhcp.server", "Server host name", FieldKind::String});
    hf.file = r.field({"dhcp.file", "Boot file name", FieldKind::String});
    hf.cookie = r.field({"dhcp.cookie", "Magic cookie", FieldKind::Ipv4});
    hf.optType = r.field({"dhcp.option.type", "Option", FieldKind::Unsigned, 8});
    hf.optLength = r.field({"dhcp.option.length", "Length", FieldKind::Unsigned, 8});
    hf.optValue = r.field({"dhcp.option.value", "Value", FieldKind::Bytes});
    hf.optEnd = r.field({"dhcp.option.end", "Option End", FieldKind::Unsigned, 8});
    hf.subnetMask = r.field({"dhcp.option.subnet_mask", "Subnet Mask", FieldKind::Ipv4});
    hf.router = r.field({"dhcp.option.router", "Router", FieldKind::Ipv4});
    hf.dnsServer = r.field({"dhcp.option.domain_name_server", "Domain Name Server", FieldKind::Ipv4});
    hf.hostname = r.field({"dhcp.option.hostname", "Host Name", FieldKind::String});
    hf.domainName = r.field({"dhcp.option.domain_name", "Domain Name", FieldKind::String});
    hf.broadcast = r.field({"dhcp.option.broadcast_address", "Broadcast Address", FieldKind::Ipv4});
    hf.ntpServer = r.field({"dhcp.option.ntp_server", "Network Time Protocol Server", FieldKind::Ipv4});
    hf.requestedIp = r.field({"dhcp.option.requested_ip_address", "Requested IP Address", FieldKind::Ipv4});
    hf.leaseTime = r.field({"dhcp.option.ip_address_lease_time", "IP Address Lease Time", FieldKind::Unsigned, 32});
    hf.dhcp = r.field({"dhcp.option.dhcp", "DHCP", FieldKind::Unsigned, 8, kMessageTypes});
    hf.serverId = r.field({"dhcp.option.dhcp_server_id", "DHCP Server Identifier", FieldKind::Ipv4});
    hf.requestItem =
        r.field({"dhcp.option.request_list_item", "Parameter Request List Item", FieldKind::Unsigned, 8});
    hf.message = r.field({"dhcp.option.message", "Message", FieldKind::String});
    hf.maxSize =
        r.field({"dhcp.option.dhcp_max_message_size", "Maximum DHCP Message Size", FieldKind::Unsigned, 16});
    hf.renewal = r.field({"dhcp.option.renewal_time_value", "Renewal Time Value", FieldKind::Unsigned, 32});
    hf.rebinding = r.field({"dhcp.option.rebinding_time_value", "Rebinding Time Value", FieldKind::Unsigned, 32});
    hf.vendorClass = r.field({"dhcp.option.vendor_class_id", "Vendor class identifier", FieldKind::String});
    r.udpPort(67, dissectDhcp);
    r.udpPort(68, dissectDhcp);
    r.udpPort(4011, dissectDhcp);  // PXE
}

}  // namespace rcvmon

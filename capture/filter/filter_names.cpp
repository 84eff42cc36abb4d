// SPDX-License-Identifier: GPL-2.0-or-later
#include "filter/filter_names.h"

#include "dissect/protocol_registry.h"

#include <algorithm>
#include <vector>

namespace rcvmon {
namespace {

// The layer filter names of the core dissectors (LayerCursor and addLayer calls, and the
// application protocols named by port in protocols/app_ports.cpp); registered protocols
// add theirs (dissect/protocol_registry.h).
constexpr std::string_view kCoreProtocols[] = {
    "frame",   "eth",    "vlan",    "llc",          "arp",          "eapol",        "mpls",
    "sll",     "null",   "raw",     "ip",           "ipv6",         "ipv6.hopopts", "ipv6.routing",
    "ipv6.fragment", "ipv6.dstopts", "ah", "tcp",   "udp",          "icmp",         "icmpv6",
    "igmp",    "gre",    "sctp",    "data",         "dns",          "mdns",         "llmnr",
    "nbns",    "nbdgm",  "dhcp",    "dhcpv6",       "ntp",          "ssdp",         "quic",
    "pfcp",    "teredo", "cflow",   "rip",          "adwin_config", "tftp",
    "syslog",  "http",   "tls",     "ssh",
    "smtp",    "ftp",    "telnet",  "eap",          "m3ua",         "basicxid",
    "mailslot", "browser", "data-text-lines", "xml", "media", "json", "tcp.segments",
};

constexpr std::string_view kShorthandNames[] = {"ip.addr", "ipv6.addr", "tcp.port", "udp.port", "eth.addr"};

struct Shorthand {
    std::string_view name;
    FieldId a, b;
};

constexpr Shorthand kShorthands[] = {
    {"ip.addr", field::IpSrc, field::IpDst},
    {"ipv6.addr", field::Ipv6Src, field::Ipv6Dst},
    {"tcp.port", field::TcpSrcPort, field::TcpDstPort},
    {"udp.port", field::UdpSrcPort, field::UdpDstPort},
    {"eth.addr", field::EthSrc, field::EthDst},
};

struct Width {
    FieldId id;
    std::uint8_t bits;
};

// Wireshark's integer types for RcvMon's unsigned fields (FT_UINT8/16/24/32); absent: 32.
constexpr Width kWidths[] = {
    {field::EthLen, 16},          {field::LlcOui, 24},           {field::SllPktType, 16},
    {field::SllHaType, 16},       {field::SllHaLen, 16},         {field::VlanPriority, 16},
    {field::VlanDei, 16},         {field::VlanId, 16},           {field::MplsExp, 8},
    {field::MplsBottom, 8},       {field::MplsTtl, 8},           {field::ArpHwType, 16},
    {field::ArpHwSize, 8},        {field::ArpProtoSize, 8},      {field::ArpOpcode, 16},
    {field::IpVersion, 8},        {field::IpHdrLen, 8},          {field::IpLen, 16},
    {field::IpFragOffset, 16},    {field::IpTtl, 8},             {field::IpProto, 8},
    {field::Ipv6Version, 8},      {field::Ipv6Plen, 16},         {field::Ipv6Nxt, 8},
    {field::Ipv6Hlim, 8},         {field::Ipv6RoutingType, 8},   {field::Ipv6RoutingSegleft, 8},
    {field::Ipv6FragmentOffset, 16}, {field::TcpSrcPort, 16},    {field::TcpDstPort, 16},
    {field::TcpHdrLen, 8},        {field::TcpWindowSizeValue, 16}, {field::TcpUrgentPointer, 16},
    {field::TcpOptionMss, 16},    {field::TcpOptionWscale, 8},   {field::UdpSrcPort, 16},
    {field::UdpDstPort, 16},      {field::UdpLength, 16},        {field::IcmpType, 8},
    {field::IcmpCode, 8},         {field::IcmpIdent, 16},        {field::IcmpSeq, 16},
    {field::Icmpv6Type, 8},       {field::Icmpv6Code, 8},        {field::Icmpv6EchoSeq, 16},
    {field::IgmpVersion, 8},
    {field::BasicxidWsize, 8},    {field::EapCode, 8},           {field::EapId, 8},
    {field::EapLen, 16},          {field::EapType, 8},           {field::M3uaVersion, 8},
    {field::M3uaMessageClass, 8}, {field::M3uaMessageType, 8},   {field::NbdgmType, 8},
    {field::NbdgmSrcPort, 16},    {field::MailslotOpcode, 16},   {field::MailslotPriority, 16},
    {field::MailslotClass, 16},   {field::MailslotSize, 16},
};

// Core names, then the registered protocols' names that are not among them.
const std::vector<std::string_view>& protocolNames()
{
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> all(std::begin(kCoreProtocols), std::end(kCoreProtocols));
        for (std::string_view name : protocolTables().protocolNames)
            if (std::find(all.begin(), all.end(), name) == all.end()) all.push_back(name);
        return all;
    }();
    return names;
}

FieldRef singleField(FieldId id)
{
    FieldRef ref;
    ref.ids = {id, id};
    ref.count = 1;
    ref.kind = ref.sourceKind = valueKindOf(fieldInfo(id).kind);
    return ref;
}

}  // namespace

ValueKind valueKindOf(FieldKind kind)
{
    switch (kind) {
    case FieldKind::Unsigned:
    case FieldKind::Hex: return ValueKind::Number;
    case FieldKind::Signed: return ValueKind::Signed;
    case FieldKind::None: return ValueKind::Bool;  // a label: filters test its presence
    case FieldKind::Bool: return ValueKind::Bool;
    case FieldKind::Ipv4: return ValueKind::Ipv4;
    case FieldKind::Ipv6: return ValueKind::Ipv6;
    case FieldKind::Mac:
    case FieldKind::Bytes: return ValueKind::Bytes;
    case FieldKind::String: return ValueKind::String;
    case FieldKind::AbsoluteTime:
    case FieldKind::RelativeTime: return ValueKind::Time;
    }
    return ValueKind::Number;
}

std::string_view valueKindName(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Number: return "unsigned integer";
    case ValueKind::Signed: return "signed integer";
    case ValueKind::Bool: return "boolean";
    case ValueKind::Ipv4: return "IPv4 address";
    case ValueKind::Ipv6: return "IPv6 address";
    case ValueKind::Bytes: return "byte sequence";
    case ValueKind::String: return "character string";
    case ValueKind::Time: return "time";
    }
    return "value";
}

std::optional<FilterName> resolveFilterName(std::string_view name, std::string_view& refusal)
{
    refusal = {};
    for (const Shorthand& s : kShorthands) {
        if (s.name != name) continue;
        FilterName out;
        out.field = singleField(s.a);
        out.field.ids[1] = s.b;
        out.field.count = 2;
        return out;
    }
    if (const auto id = findField(name)) {
        if (name.substr(0, 8) == "_ws.col.") {
            refusal = "is a column, not a field a display filter can test (as in tshark 4.0)";
            return std::nullopt;
        }
        FilterName out;
        out.field = singleField(*id);
        return out;
    }
    for (std::string_view protocol : protocolNames()) {
        if (protocol != name) continue;
        FilterName out;
        out.kind = FilterName::Kind::Protocol;
        out.protocol = protocol;  // static storage: outlives the filter text
        return out;
    }
    return std::nullopt;
}

std::span<const std::string_view> filterShorthandNames()
{
    return kShorthandNames;
}

std::span<const std::string_view> filterProtocolNames()
{
    return protocolNames();
}

std::uint64_t maxFieldValue(FieldId id)
{
    const FieldInfo& info = fieldInfo(id);
    if (info.kind == FieldKind::Bool) return ~std::uint64_t{0};
    if (info.kind == FieldKind::Hex && info.bits == 0) {
        const unsigned bits = info.hexDigits * 4u <= 8 ? 8 : info.hexDigits * 4u <= 16 ? 16 : 32;
        return (std::uint64_t{1} << bits) - 1;
    }
    if (info.bits != 0) return info.bits >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << info.bits) - 1;
    for (const Width& w : kWidths)
        if (w.id == id) return (std::uint64_t{1} << w.bits) - 1;
    return 0xffffffffull;
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// The quick header pass mirrors the dissectors' choices (protocols/ethernet.cpp, vlan.cpp,
// ipv4.cpp, ipv6.cpp, tcp.cpp, udp.cpp, icmp.cpp, icmpv6.cpp, and dns.cpp behind a UDP port)
// for the common frames and gives up — simple = false — wherever they would do more than it
// knows. The test
// test_filter_quick checks it field by field against the Dissector over the corpus.
#include "filter/quick_packet.h"

#include "core/frame_no_interface.h"
#include "core/link_type.h"
#include "dissect/port_protocols.h"
#include "dissect/protocol_registry.h"

namespace rcvmon {
namespace {

inline unsigned u8At(ByteSpan d, std::size_t i) { return d[i]; }
inline unsigned u16At(ByteSpan d, std::size_t i) { return (unsigned{d[i]} << 8) | d[i + 1]; }
inline std::uint32_t u32At(ByteSpan d, std::size_t i) { return (std::uint32_t{u16At(d, i)} << 16) | u16At(d, i + 2); }

bool isVlanType(unsigned type) { return type == 0x8100 || type == 0x88a8 || type == 0x9100; }
bool isIcmpError(unsigned type) { return type == 3 || type == 4 || type == 5 || type == 11 || type == 12; }
// Teredo (UDP 3544) carries IPv6 inside UDP: more ipv6 fields than the headers show.
constexpr unsigned kTeredoPort = 3544;

// The DNS-family layer udp.cpp and dns.cpp would add for a whole UDP header at `at`: the
// payload (bounded by a usable UDP length, else by the IP length) goes to the protocol its
// ports choose, which has a protocol item only with at least its 4 first bytes.
std::uint16_t udpApplication(ByteSpan d, std::size_t at, std::size_t length)
{
    std::size_t udpLength = u16At(d, at + 4);
    if (udpLength < 8 && udpLength != 0) return 0;  // malformed: nothing handed on
    if (udpLength < 8 || udpLength > length) udpLength = length;
    if (udpLength - 8 < 4) return 0;
    // Most frames use none of the family's ports: skip the port table for them.
    const unsigned src = u16At(d, at), dst = u16At(d, at + 2);
    const auto dnsFamily = [](unsigned port) { return port == 53 || port == 5353 || port == 5355; };
    if (!dnsFamily(src) && !dnsFamily(dst)) return 0;
    const std::string_view protocol = udpPortProtocol(static_cast<std::uint16_t>(src), static_cast<std::uint16_t>(dst));
    return protocol == "dns" ? QuickProtocol::Dns : protocol == "mdns" ? QuickProtocol::Mdns
                             : protocol == "llmnr" ? QuickProtocol::Llmnr : 0;
}

bool transport(QuickPacket& q, unsigned protocol, std::size_t at, std::size_t length)
{
    const ByteSpan d = q.data;
    q.transportOffset = static_cast<std::uint16_t>(at);
    q.transportLength = static_cast<std::uint16_t>(length);
    switch (protocol) {
    case 6: {
        // A segment the IP length cuts before the data offset: the dissector records the
        // ports it could read and stops (tcp.cpp), so those few fields are still known.
        if (length < 14) {
            q.protocols |= QuickProtocol::Tcp;
            return true;
        }
        if (length < 20) return false;
        const std::size_t hdrLen = std::size_t{u8At(d, at + 12) >> 4} * 4;
        if (hdrLen < 20 || hdrLen > length) return false;
        q.protocols |= QuickProtocol::Tcp;
        return true;
    }
    case 17:
        // As for TCP, a header cut short keeps the fields read before the cut (udp.cpp).
        if (length >= 4 && (u16At(d, at) == kTeredoPort || u16At(d, at + 2) == kTeredoPort)) return false;
        q.protocols |= QuickProtocol::Udp;
        if (length >= 8) q.protocols |= udpApplication(d, at, length);
        return true;
    case 1:
        if (length < 4 || isIcmpError(u8At(d, at))) return false;
        q.protocols |= QuickProtocol::Icmp;
        return true;
    case 58: {
        const unsigned type = length < 4 ? 0 : u8At(d, at);
        if (length < 4 || (type >= 1 && type <= 4)) return false;
        q.protocols |= QuickProtocol::Icmpv6;
        return true;
    }
    default: return false;
    }
}

bool ipv4(QuickPacket& q, std::size_t at)
{
    const ByteSpan d = q.data;
    if (d.size() < at + 20 || (u8At(d, at) >> 4) != 4) return false;
    const std::size_t hlen = std::size_t{u8At(d, at) & 0x0fu} * 4;
    const std::size_t totalLen = u16At(d, at + 2);
    if (hlen < 20 || totalLen < hlen || at + totalLen > d.size()) return false;
    if ((u16At(d, at + 6) & 0x3fff) != 0) return false;  // a fragment
    q.netOffset = static_cast<std::uint16_t>(at);
    q.protocols |= QuickProtocol::Ip;
    if (totalLen == hlen) return true;  // an empty payload goes to no protocol (ipv4.cpp)
    return transport(q, u8At(d, at + 9), at + hlen, totalLen - hlen);
}

bool ipv6(QuickPacket& q, std::size_t at)
{
    const ByteSpan d = q.data;
    if (d.size() < at + 40 || (u8At(d, at) >> 4) != 6) return false;
    const std::size_t plen = u16At(d, at + 4);
    if (plen == 0 || at + 40 + plen > d.size()) return false;  // jumbogram, or cut
    q.netOffset = static_cast<std::uint16_t>(at);
    q.protocols |= QuickProtocol::Ipv6;
    return transport(q, u8At(d, at + 6), at + 40, plen);  // extension headers: not simple
}

bool ethernet(QuickPacket& q)
{
    const ByteSpan d = q.data;
    if (d.size() < 14) return false;
    q.protocols |= QuickProtocol::Eth;
    std::size_t at = 14;
    unsigned type = u16At(d, 12);
    while (isVlanType(type)) {
        if (q.vlanCount == 3 || d.size() < at + 4) return false;
        q.protocols |= QuickProtocol::Vlan;
        q.vlanOffset[q.vlanCount++] = static_cast<std::uint16_t>(at);
        type = u16At(d, at + 2);
        at += 4;
    }
    switch (type) {
    case 0x0800: return ipv4(q, at);
    case 0x86dd: return ipv6(q, at);
    case 0x0806:
    case 0x8035:
        q.protocols |= QuickProtocol::Arp;
        return true;
    case 0x8847:
    case 0x8848:
    case 0x888e: return false;  // MPLS and EAPOL: their own layers
    // 802.3 length: LLC follows. A registered EtherType (802.1ah, MACsec, ...) may carry IP
    // on: the dissector decides. Only the rest is plain data.
    default: return type > 1500 && ProtocolTables::find(protocolTables().etherTypes, type).empty();
    }
}

FieldValue number(std::uint64_t v) { return FieldValue{v, 0, {}}; }

}  // namespace

void quickPacketMetadata(const FrameRef& frame, std::uint64_t frameNumber, QuickPacket& q)
{
    q.frame = &frame;
    q.number = frameNumber;
    q.simple = false;
    q.protocols = 0;
    q.data = {};
}

bool parseQuickPacket(const FrameRef& frame, std::uint64_t frameNumber, QuickPacket& q)
{
    q.frame = &frame;
    q.number = frameNumber;
    q.simple = false;
    q.protocols = 0;
    q.vlanCount = 0;
    q.netOffset = q.transportOffset = q.transportLength = 0;
    q.data = {};
    // A frame cut by the snap length may stop inside any header: the dissector decides.
    if (frame.capturedLength != frame.originalLength || frame.data.size() < frame.capturedLength ||
        frame.capturedLength > 0xffff)
        return false;
    q.data = frame.data.first(frame.capturedLength);
    switch (frame.linkType) {
    case link_type::Ethernet: q.simple = ethernet(q); break;
    case link_type::Raw:
    case link_type::RawLegacy12:
    case link_type::RawLegacy14:
    case link_type::Ipv4:
    case link_type::Ipv6: {
        const unsigned version = q.data.empty() ? 0 : q.data[0] >> 4;
        q.simple = version == 4 ? ipv4(q, 0) : version == 6 ? ipv6(q, 0) : false;
        break;
    }
    default: break;
    }
    return q.simple;
}

bool quickKnowsFieldAlways(FieldId id)
{
    return id == field::FrameNumber || id == field::FrameTimeEpoch || id == field::FrameLen ||
           id == field::FrameCapLen || id == field::FrameInterfaceId;
}

bool quickKnowsField(FieldId id)
{
    switch (id) {
    case field::EthDst: case field::EthSrc: case field::EthType:
    case field::VlanPriority: case field::VlanDei: case field::VlanId: case field::VlanEtype:
    case field::IpVersion: case field::IpHdrLen: case field::IpDsfield: case field::IpLen: case field::IpId:
    case field::IpFlags: case field::IpFlagsDf: case field::IpFlagsMf: case field::IpFragOffset:
    case field::IpTtl: case field::IpProto: case field::IpChecksum: case field::IpSrc: case field::IpDst:
    case field::Ipv6Version: case field::Ipv6Tclass: case field::Ipv6Flow: case field::Ipv6Plen:
    case field::Ipv6Nxt: case field::Ipv6Hlim: case field::Ipv6Src: case field::Ipv6Dst:
    case field::TcpSrcPort: case field::TcpDstPort: case field::TcpLen: case field::TcpSeqRaw:
    case field::TcpAckRaw: case field::TcpHdrLen: case field::TcpFlags: case field::TcpFlagsFin:
    case field::TcpFlagsSyn: case field::TcpFlagsReset: case field::TcpFlagsPush: case field::TcpFlagsAck:
    case field::TcpFlagsUrg: case field::TcpWindowSizeValue: case field::TcpChecksum:
    case field::TcpUrgentPointer:
    case field::UdpSrcPort: case field::UdpDstPort: case field::UdpLength: case field::UdpChecksum:
    case field::IcmpType: case field::IcmpCode: case field::IcmpChecksum:
    case field::Icmpv6Type: case field::Icmpv6Code: case field::Icmpv6Checksum: return true;
    default: return quickKnowsFieldAlways(id);
    }
}

bool quickKnowsProtocol(std::string_view name, std::uint16_t& bit)
{
    struct Entry {
        std::string_view name;
        std::uint16_t bit;
    };
    static constexpr Entry kEntries[] = {
        {"frame", 0},
        {"eth", QuickProtocol::Eth},
        {"vlan", QuickProtocol::Vlan},
        {"ip", QuickProtocol::Ip},
        {"ipv6", QuickProtocol::Ipv6},
        {"tcp", QuickProtocol::Tcp},
        {"udp", QuickProtocol::Udp},
        {"icmp", QuickProtocol::Icmp},
        {"icmpv6", QuickProtocol::Icmpv6},
        {"arp", QuickProtocol::Arp},
        {"dns", QuickProtocol::Dns},
        {"mdns", QuickProtocol::Mdns},
        {"llmnr", QuickProtocol::Llmnr},
    };
    for (const Entry& e : kEntries) {
        if (e.name == name) {
            bit = e.bit;
            return true;
        }
    }
    return false;
}

int quickFieldValues(const QuickPacket& q, FieldId id, FieldValue* out)
{
    const FrameRef& f = *q.frame;
    switch (id) {
    case field::FrameNumber: out[0] = number(q.number); return 1;
    case field::FrameTimeEpoch: out[0] = FieldValue{static_cast<std::uint64_t>(f.ts.sec), f.ts.nsec, {}}; return 1;
    case field::FrameLen: out[0] = number(f.originalLength); return 1;
    case field::FrameCapLen: out[0] = number(f.capturedLength); return 1;
    case field::FrameInterfaceId:
        if (f.flags & kFrameFlagNoInterface) return 0;
        out[0] = number(f.interfaceId);
        return 1;
    default: break;
    }
    const ByteSpan d = q.data;
    const std::uint16_t p = q.protocols;
    if (p & QuickProtocol::Vlan) {
        int n = 0;
        for (int i = 0; i < q.vlanCount; ++i) {
            const std::size_t at = q.vlanOffset[i];
            const unsigned tci = u16At(d, at);
            switch (id) {
            case field::VlanPriority: out[n++] = number(tci >> 13); break;
            case field::VlanDei: out[n++] = number((tci >> 12) & 1); break;
            case field::VlanId: out[n++] = number(tci & 0x0fff); break;
            case field::VlanEtype: out[n++] = number(u16At(d, at + 2)); break;
            default: break;
            }
        }
        if (n > 0) return n;
    }
    if (p & QuickProtocol::Eth) {
        switch (id) {
        case field::EthDst: out[0] = FieldValue{0, 0, d.subspan(0, 6)}; return 1;
        case field::EthSrc: out[0] = FieldValue{0, 0, d.subspan(6, 6)}; return 1;
        case field::EthType: out[0] = number(u16At(d, 12)); return 1;
        default: break;
        }
    }
    const std::size_t n = q.netOffset, t = q.transportOffset;
    if (p & QuickProtocol::Ip) {
        switch (id) {
        case field::IpVersion: out[0] = number(u8At(d, n) >> 4); return 1;
        case field::IpHdrLen: out[0] = number((u8At(d, n) & 0x0fu) * 4); return 1;
        case field::IpDsfield: out[0] = number(u8At(d, n + 1)); return 1;
        case field::IpLen: out[0] = number(u16At(d, n + 2)); return 1;
        case field::IpId: out[0] = number(u16At(d, n + 4)); return 1;
        case field::IpFlags: out[0] = number(u16At(d, n + 6) >> 13); return 1;
        case field::IpFlagsDf: out[0] = number((u16At(d, n + 6) >> 14) & 1); return 1;
        case field::IpFlagsMf: out[0] = number((u16At(d, n + 6) >> 13) & 1); return 1;
        case field::IpFragOffset: out[0] = number(u16At(d, n + 6) & 0x1fff); return 1;
        case field::IpTtl: out[0] = number(u8At(d, n + 8)); return 1;
        case field::IpProto: out[0] = number(u8At(d, n + 9)); return 1;
        case field::IpChecksum: out[0] = number(u16At(d, n + 10)); return 1;
        case field::IpSrc: out[0] = FieldValue{0, 0, d.subspan(n + 12, 4)}; return 1;
        case field::IpDst: out[0] = FieldValue{0, 0, d.subspan(n + 16, 4)}; return 1;
        default: break;
        }
    }
    if (p & QuickProtocol::Ipv6) {
        const std::uint32_t first = u32At(d, n);
        switch (id) {
        case field::IpVersion:  // Wireshark's IPv6 header carries the generic ip.version too
        case field::Ipv6Version: out[0] = number(first >> 28); return 1;
        case field::Ipv6Tclass: out[0] = number((first >> 20) & 0xff); return 1;
        case field::Ipv6Flow: out[0] = number(first & 0xfffff); return 1;
        case field::Ipv6Plen: out[0] = number(u16At(d, n + 4)); return 1;
        case field::Ipv6Nxt: out[0] = number(u8At(d, n + 6)); return 1;
        case field::Ipv6Hlim: out[0] = number(u8At(d, n + 7)); return 1;
        case field::Ipv6Src: out[0] = FieldValue{0, 0, d.subspan(n + 8, 16)}; return 1;
        case field::Ipv6Dst: out[0] = FieldValue{0, 0, d.subspan(n + 24, 16)}; return 1;
        default: break;
        }
    }
    const unsigned have = q.transportLength;  // header bytes the IP length leaves
    if ((p & (QuickProtocol::Tcp | QuickProtocol::Udp)) && have < ((p & QuickProtocol::Tcp) ? 20u : 8u)) {
        // Only the 16-bit fields that fit before the cut were recorded.
        const bool tcp = (p & QuickProtocol::Tcp) != 0;
        unsigned at = 0;
        if (id == (tcp ? field::TcpSrcPort : field::UdpSrcPort)) at = 0;
        else if (id == (tcp ? field::TcpDstPort : field::UdpDstPort)) at = 2;
        else if (!tcp && id == field::UdpLength) at = 4;
        else return 0;
        if (have < at + 2) return 0;
        out[0] = number(u16At(d, t + at));
        return 1;
    }
    if (p & QuickProtocol::Tcp) {
        const unsigned hdrLen = (u8At(d, t + 12) >> 4) * 4;
        const unsigned flags = u16At(d, t + 12) & 0x0fff;
        switch (id) {
        case field::TcpSrcPort: out[0] = number(u16At(d, t)); return 1;
        case field::TcpDstPort: out[0] = number(u16At(d, t + 2)); return 1;
        case field::TcpLen: out[0] = number(q.transportLength - hdrLen); return 1;
        case field::TcpSeqRaw: out[0] = number(u32At(d, t + 4)); return 1;
        case field::TcpAckRaw: out[0] = number(u32At(d, t + 8)); return 1;
        case field::TcpHdrLen: out[0] = number(hdrLen); return 1;
        case field::TcpFlags: out[0] = number(flags); return 1;
        case field::TcpFlagsFin: out[0] = number(flags & 1); return 1;
        case field::TcpFlagsSyn: out[0] = number((flags >> 1) & 1); return 1;
        case field::TcpFlagsReset: out[0] = number((flags >> 2) & 1); return 1;
        case field::TcpFlagsPush: out[0] = number((flags >> 3) & 1); return 1;
        case field::TcpFlagsAck: out[0] = number((flags >> 4) & 1); return 1;
        case field::TcpFlagsUrg: out[0] = number((flags >> 5) & 1); return 1;
        case field::TcpWindowSizeValue: out[0] = number(u16At(d, t + 14)); return 1;
        case field::TcpChecksum: out[0] = number(u16At(d, t + 16)); return 1;
        case field::TcpUrgentPointer: out[0] = number(u16At(d, t + 18)); return 1;
        default: break;
        }
    }
    if (p & QuickProtocol::Udp) {
        switch (id) {
        case field::UdpSrcPort: out[0] = number(u16At(d, t)); return 1;
        case field::UdpDstPort: out[0] = number(u16At(d, t + 2)); return 1;
        case field::UdpLength: out[0] = number(u16At(d, t + 4)); return 1;
        case field::UdpChecksum: out[0] = number(u16At(d, t + 6)); return 1;
        default: break;
        }
    }
    if (p & QuickProtocol::Icmp) {
        switch (id) {
        case field::IcmpType: out[0] = number(u8At(d, t)); return 1;
        case field::IcmpCode: out[0] = number(u8At(d, t + 1)); return 1;
        case field::IcmpChecksum: out[0] = number(u16At(d, t + 2)); return 1;
        default: break;
        }
    }
    if (p & QuickProtocol::Icmpv6) {
        switch (id) {
        case field::Icmpv6Type: out[0] = number(u8At(d, t)); return 1;
        case field::Icmpv6Code: out[0] = number(u8At(d, t + 1)); return 1;
        case field::Icmpv6Checksum: out[0] = number(u16At(d, t + 2)); return 1;
        default: break;
        }
    }
    return 0;
}

}  // namespace rcvmon

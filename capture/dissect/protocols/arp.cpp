// SPDX-License-Identifier: GPL-2.0-or-later
// ARP (RFC 826) and RARP (RFC 903): same packet, opcodes 3/4 for reverse requests. Info as
// packet-arp.c words it: gratuitous ARP, RFC 5227 probes and announcements. The duplicate
// use of an IPv4 address by a second MAC address (arp.duplicate-address-frame) needs the
// bindings seen in earlier frames; tshark 4.0 reports it in the tree, not in Info.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"

#include <array>
#include <cstring>
#include <unordered_map>

namespace rcvmon {
namespace {

struct ArpFields {
    FieldId srcHw, srcProto, dstHw, dstProto, isGratuitous, isProbe, isAnnouncement, duplicateFrame;
} hf;

// IPv4 → MAC bindings, as check_for_duplicate_addresses keeps them.
class ArpBindings final : public ProtocolState {
public:
    // The frame that showed `ip` with another MAC address, or 0.
    std::uint64_t check(std::uint32_t ip, ByteSpan mac, std::uint64_t frame)
    {
        auto it = m_bindings.find(ip);
        if (it == m_bindings.end()) {
            if (m_bindings.size() >= kMaxBindings) m_bindings.clear();
            Binding b;
            std::memcpy(b.mac.data(), mac.data(), 6);
            b.frame = frame;
            m_bindings.emplace(ip, b);
            return 0;
        }
        if (frame <= it->second.frame) return 0;
        if (std::memcmp(it->second.mac.data(), mac.data(), 6) == 0) {
            it->second.frame = frame;
            return 0;
        }
        return it->second.frame;
    }
    void clear() override { m_bindings.clear(); }

private:
    static constexpr std::size_t kMaxBindings = 1u << 16;
    struct Binding {
        std::array<std::uint8_t, 6> mac{};
        std::uint64_t frame = 0;
    };
    std::unordered_map<std::uint32_t, Binding> m_bindings;
};

std::uint16_t bindingsSlot = 0xffff;

// tvb_arphrdaddr_to_str / tvb_arpproaddr_to_str: a MAC or IPv4 address when the sizes say
// so, "<No address>" for none, else the bytes in hex (at most 36 of them).
void appendAddress(const LayerView& l, FieldId typed, FieldId raw, std::string& out)
{
    const Dissection& d = l.dissection();
    if (const FieldRecord* f = l.field(typed)) {
        d.appendValue(*f, out);
        return;
    }
    const FieldRecord* f = l.field(raw);
    const ByteSpan b = f ? d.valueBytes(*f) : ByteSpan{};
    if (b.empty()) {
        out += "<No address>";
        return;
    }
    static constexpr char kDigits[] = "0123456789abcdef";
    const std::size_t n = b.size() > 36 ? 36 : b.size();
    for (std::size_t i = 0; i < n; ++i) {
        out += kDigits[b[i] >> 4];
        out += kDigits[b[i] & 0xf];
    }
    if (b.size() > 36) out += "\xe2\x80\xa6";  // "…"
}

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t op = l.number(field::ArpOpcode);
    const auto sha = [&] { appendAddress(l, field::ArpSrcHwMac, hf.srcHw, out); };
    const auto spa = [&] { appendAddress(l, field::ArpSrcProtoIpv4, hf.srcProto, out); };
    const auto tha = [&] { appendAddress(l, field::ArpDstHwMac, hf.dstHw, out); };
    const auto tpa = [&] { appendAddress(l, field::ArpDstProtoIpv4, hf.dstProto, out); };
    const bool gratuitous = l.has(hf.isGratuitous);
    switch (op) {
    case 1:
        if (l.has(hf.isAnnouncement)) {
            out += "ARP Announcement for ";
            tpa();
        } else if (gratuitous) {
            out += "Gratuitous ARP for ";
            tpa();
            out += " (Request)";
        } else if (l.has(hf.isProbe)) {
            out += "Who has ";
            tpa();
            out += "? (ARP Probe)";
        } else {
            out += "Who has ";
            tpa();
            out += "? Tell ";
            spa();
        }
        break;
    case 2:
        if (gratuitous) {
            out += "Gratuitous ARP for ";
            spa();
            out += " (Reply)";
        } else {
            spa();
            out += " is at ";
            sha();
        }
        break;
    case 3:
    case 8:
        out += "Who is ";
        tha();
        out += "? Tell ";
        sha();
        break;
    case 4:
        tha();
        out += " is at ";
        tpa();
        break;
    case 9:
        sha();
        out += " is at ";
        spa();
        break;
    case 0:
    case 65535:
        out += "Reserved opcode ";
        appendDecimal(out, op);
        break;
    default:
        out += "Unknown ARP opcode ";
        appendHex(out, op, 4);
        break;
    }
}

bool isZero(ByteSpan b)
{
    for (std::uint8_t byte : b)
        if (byte) return false;
    return true;
}

std::uint32_t ipv4(ByteSpan b)
{
    return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) | b[3];
}

bool dissectArpPacket(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "ARP", "arp", p.data, p.at, p.reported);
    ctx.setProtocol("ARP");
    ctx.setInfo(writeInfo, c.layer());
    const std::uint16_t htype = c.u16(field::ArpHwType);
    const std::uint16_t ptype = c.u16(field::ArpProtoType);
    const std::uint8_t hsize = c.u8(field::ArpHwSize);
    const std::uint8_t psize = c.u8(field::ArpProtoSize);
    const std::uint16_t opcode = c.u16(field::ArpOpcode);
    if (!c.ok()) return true;
    if (opcode == 3 || opcode == 4) ctx.setProtocol("RARP");
    if (opcode == 8 || opcode == 9) ctx.setProtocol("Inverse ARP");
    const bool mac = (htype == 1 || htype == 6) && hsize == 6;
    const bool ip = psize == 4 && ptype == 0x0800;
    const std::size_t base = c.pos();
    // Wireshark reads all four addresses before it adds any.
    if (!c.need(2 * (std::size_t{hsize} + psize))) return true;
    const ByteSpan sha = c.data().subspan(base, hsize);
    const ByteSpan spa = c.data().subspan(base + hsize, psize);
    const ByteSpan tha = c.data().subspan(base + hsize + psize, hsize);
    const ByteSpan tpa = c.data().subspan(base + 2 * hsize + psize, psize);
    const bool requestOrReply = opcode == 1 || opcode == 2;
    const bool gratuitous = requestOrReply && psize > 0 && std::memcmp(spa.data(), tpa.data(), psize) == 0;
    const bool thaZero = hsize >= 6 && isZero(tha.first(6));
    const bool announcement = gratuitous && opcode == 1 && thaZero;
    const bool probe = !gratuitous && opcode == 1 && thaZero && psize >= 4 && isZero(spa.first(4));
    if (gratuitous) c.add(hf.isGratuitous, 0, 0, 1);
    if (probe) c.add(hf.isProbe, 0, 0, 1);
    if (announcement) c.add(hf.isAnnouncement, 0, 0, 1);
    c.bytes(hsize, mac ? FieldId{field::ArpSrcHwMac} : hf.srcHw);
    c.bytes(psize, ip ? FieldId{field::ArpSrcProtoIpv4} : hf.srcProto);
    c.bytes(hsize, mac ? FieldId{field::ArpDstHwMac} : hf.dstHw);
    c.bytes(psize, ip ? FieldId{field::ArpDstProtoIpv4} : hf.dstProto);
    if (!c.ok()) return true;
    c.setLength(c.pos());
    ArpBindings* bindings = ctx.state<ArpBindings>(bindingsSlot);
    if (!bindings || !requestOrReply || !mac || !ip) return true;
    // Unicast, non-zero sender bindings; target bindings only from replies.
    std::uint32_t duplicateIp = 0;
    const auto check = [&](ByteSpan hw, ByteSpan proto, std::size_t at) {
        const std::uint32_t addr = ipv4(proto);
        if ((hw[0] & 1) || isZero(hw) || addr == 0 || addr == duplicateIp) return;
        if (const std::uint64_t earlier = bindings->check(addr, hw, ctx.frameNumber)) {
            if (!c.layer() || !c.ok()) return;
            if (duplicateIp == 0) c.add(hf.duplicateFrame, at, 4, earlier);
            duplicateIp = addr;
        }
    };
    check(sha, spa, base + hsize);
    if (opcode != 1) check(tha, tpa, base + 2 * hsize + psize);
    return true;
}

}  // namespace

void dissectArp(DissectContext& ctx, const Payload& p)
{
    dissectArpPacket(ctx, p);
}

void registerArp(ProtocolRegistrar& r)
{
    r.protocol("arp");
    hf.srcHw = r.field({"arp.src.hw", "Sender hardware address", FieldKind::Bytes});
    hf.srcProto = r.field({"arp.src.proto", "Sender protocol address", FieldKind::Bytes});
    hf.dstHw = r.field({"arp.dst.hw", "Target hardware address", FieldKind::Bytes});
    hf.dstProto = r.field({"arp.dst.proto", "Target protocol address", FieldKind::Bytes});
    hf.isGratuitous = r.field({"arp.isgratuitous", "Is gratuitous", FieldKind::Bool, 0});
    hf.isProbe = r.field({"arp.isprobe", "Is probe", FieldKind::Bool, 0});
    hf.isAnnouncement = r.field({"arp.isannouncement", "Is announcement", FieldKind::Bool, 0});
    hf.duplicateFrame =
        r.field({"arp.duplicate-address-frame", "Frame showing earlier use of IP address", FieldKind::Unsigned, 32});
    bindingsSlot = r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<ArpBindings>(); });
    r.etherType(0x0806, dissectArpPacket);
    r.etherType(0x8035, dissectArpPacket);
}

}  // namespace rcvmon

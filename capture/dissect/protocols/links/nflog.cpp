// SPDX-License-Identifier: GPL-2.0-or-later
// Linux netfilter NFLOG (LINKTYPE_NFLOG 239, libpcap's pcap-linktype(7) and the kernel's
// nfnetlink_log.h): address family, version and resource id, then netlink attributes (TLVs,
// padded to 4 bytes) whose NFULA_PAYLOAD holds the logged IPv4 or IPv6 datagram. The TLV
// length and type are in host byte order (little-endian here); the values in network order.
#include "dissect/protocols/context.h"

#include <algorithm>

namespace rcvmon {
namespace {

constexpr std::uint32_t kLinkTypeNflog = 239;
constexpr std::uint8_t kAfInet = 2, kAfInet6 = 10;

struct NflogFields {
    FieldId family, version, resId, tlvLength, tlvType, hwProtocol, hook, ifindexIndev, ifindexOutdev,
        ifindexPhysindev, ifindexPhysoutdev, prefix, uid, gid;
} hf;

constexpr ValueName kFamilies[] = {{kAfInet, "IPv4"}, {kAfInet6, "IPv6"}};
constexpr ValueName kTlvTypes[] = {
    {1, "NFULA_PACKET_HDR"}, {2, "NFULA_MARK"}, {3, "NFULA_TIMESTAMP"}, {4, "NFULA_IFINDEX_INDEV"},
    {5, "NFULA_IFINDEX_OUTDEV"}, {6, "NFULA_IFINDEX_PHYSINDEV"}, {7, "NFULA_IFINDEX_PHYSOUTDEV"},
    {8, "NFULA_HWADDR"}, {9, "NFULA_PAYLOAD"}, {10, "NFULA_PREFIX"}, {11, "NFULA_UID"}, {12, "NFULA_SEQ"},
    {13, "NFULA_SEQ_GLOBAL"}, {14, "NFULA_GID"}, {15, "NFULA_HWTYPE"}, {16, "NFULA_HWHEADER"},
    {17, "NFULA_HWLEN"}, {18, "NFULA_CT"}, {19, "NFULA_CT_INFO"},
};
constexpr ValueName kHooks[] = {
    {0, "Pre-routing"}, {1, "Local in"}, {2, "Forward"}, {3, "Local out"}, {4, "Post-routing"}};

std::uint16_t littleEndian16(ByteSpan b) { return static_cast<std::uint16_t>(b[0] | b[1] << 8); }

bool dissectNflog(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "NFLOG", "nflog", p.data, p.at, p.reported);
    ctx.setProtocol("NFLOG");
    const std::uint8_t family = c.u8(hf.family);
    c.u8(hf.version);
    c.u16(hf.resId);
    if (!c.ok()) return true;
    // Wireshark reads the TLV header in its own host's byte order: little-endian, as tshark
    // on the machines RcvMon runs on (a big-endian host's capture is then malformed there too).
    for (int guard = 0; guard < 512 && c.remaining() >= 4; ++guard) {
        const std::size_t at = c.pos();
        const ByteSpan header = c.bytes(4);
        const std::uint16_t length = littleEndian16(header);
        const std::uint16_t type = littleEndian16(header.subspan(2)) & 0x7fff;
        // A TLV running past the frame ends the dissection before it is added (the payload's
        // may be cut by the capture: IP shows what there is).
        if (length < 4 || (type != 9 && length - 4u > c.reportedRemaining())) {
            c.malformed();
            return true;
        }
        c.add(hf.tlvLength, at, 2, length);
        c.add(hf.tlvType, at + 2, 2, type);
        const std::size_t valueLength = length - 4u;
        if (type == 9) {  // NFULA_PAYLOAD: the datagram, whatever follows is padding
            const Payload next = payloadAfter(c, valueLength);
            if (family == kAfInet) {
                dissectIpv4(ctx, next);
            } else if (family == kAfInet6) {
                dissectIpv6(ctx, next);
            } else {
                dissectData(ctx, next);
            }
            return true;
        }
        if (!c.need(valueLength)) return true;
        const std::size_t v = c.pos();
        switch (type) {
        case 1:
            if (valueLength >= 3) {
                c.u16(hf.hwProtocol);
                c.u8(hf.hook);
                c.skip(valueLength - 3);
            } else {
                c.skip(valueLength);
            }
            break;
        case 4: case 5: case 6: case 7: case 11: case 14: {
            const FieldId id = type == 4 ? hf.ifindexIndev : type == 5 ? hf.ifindexOutdev : type == 6 ? hf.ifindexPhysindev
                             : type == 7 ? hf.ifindexPhysoutdev : type == 11 ? hf.uid : hf.gid;
            if (valueLength == 4) c.u32(id); else c.skip(valueLength);
            break;
        }
        case 10: {
            const ByteSpan text = c.bytes(valueLength);
            std::size_t n = 0;
            while (n < text.size() && text[n] != 0) ++n;
            ctx.out.addTextField(hf.prefix, c.layer(), c.absolute(v), static_cast<std::uint32_t>(valueLength),
                                 std::string_view(reinterpret_cast<const char*>(text.data()), n));
            break;
        }
        default:
            c.skip(valueLength);
            break;
        }
        const std::size_t padded = (length + 3u) & ~std::size_t{3};
        if (padded > length && c.remaining() > 0) c.skip(std::min(padded - length, c.remaining()));
    }
    return true;
}

}  // namespace

void registerNflog(ProtocolRegistrar& r)
{
    r.protocol("nflog");
    hf.family = r.field({"nflog.family", "Family", FieldKind::Unsigned, 8, kFamilies});
    hf.version = r.field({"nflog.version", "Version", FieldKind::Unsigned, 8});
    hf.resId = r.field({"nflog.res_id", "Resource id", FieldKind::Unsigned, 16});
    hf.tlvLength = r.field({"nflog.tlv_length", "Length", FieldKind::Unsigned, 16});
    hf.tlvType = r.field({"nflog.tlv_type", "Type", FieldKind::Unsigned, 16, kTlvTypes, 0x7fff});
    hf.hwProtocol = r.field({"nflog.protocol", "HW protocol", FieldKind::Hex, 16});
    hf.hook = r.field({"nflog.hook", "Netfilter hook", FieldKind::Unsigned, 8, kHooks});
    hf.ifindexIndev = r.field({"nflog.ifindex_indev", "IFINDEX_INDEV", FieldKind::Unsigned, 32});
    hf.ifindexOutdev = r.field({"nflog.ifindex_outdev", "IFINDEX_OUTDEV", FieldKind::Unsigned, 32});
    hf.ifindexPhysindev = r.field({"nflog.ifindex_physindev", "IFINDEX_PHYSINDEV", FieldKind::Unsigned, 32});
    hf.ifindexPhysoutdev = r.field({"nflog.ifindex_physoutdev", "IFINDEX_PHYSOUTDEV", FieldKind::Unsigned, 32});
    hf.prefix = r.field({"nflog.prefix", "Prefix", FieldKind::String});
    hf.uid = r.field({"nflog.uid", "UID", FieldKind::Signed, 32});
    hf.gid = r.field({"nflog.gid", "GID", FieldKind::Signed, 32});
    r.linkType(kLinkTypeNflog, dissectNflog);
}

}  // namespace rcvmon

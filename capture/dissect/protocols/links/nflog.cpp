// SPDX-License-Identifier: GPL-2.0-or-later
// Linux netfilter NFLOG (LINKTYPE_NFLOG 239, libpcap's pcap-linktype(7) and linux/netfilter/
// nfnetlink_log.h): family, version, resource id, then TLVs padded to 4 bytes whose length and
// type are in the capturing host's byte order; NFULA_PAYLOAD holds the IPv4 or IPv6 datagram.
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

constexpr std::uint32_t kLinkTypeNflog = 239;
constexpr std::uint8_t kAfInet = 2, kAfInet6 = 10;
enum : std::uint16_t { kPacketHdr = 1, kIfIndev = 4, kIfOutdev = 5, kIfPhysIndev = 6, kIfPhysOutdev = 7,
                       kPayload = 9, kUid = 11, kGid = 14 };

struct NflogFields {
    FieldId family, version, resId, tlvLength, tlvType, protocol, hook, indev, outdev, physindev, physoutdev, uid, gid;
} hf;

constexpr ValueName kFamilies[] = {{kAfInet, "IPv4"}, {kAfInet6, "IPv6"}};

bool dissectNflog(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "Linux Netfilter NFLOG", "nflog", p.data, p.at, p.reported);
    ctx.setProtocol("NFLOG");
    const std::uint8_t family = c.u8(hf.family);
    c.u8(hf.version);
    c.u16(hf.resId);
    if (!c.ok()) return true;
    // Wireshark's automatic byte order: a first TLV length that is absurd big-endian is little-endian.
    const ByteSpan all = c.data();
    const bool little = all.size() >= 6 && (std::uint32_t{all[4]} << 8 | all[5]) > 0xff;
    const auto get16 = [&](std::size_t at) -> std::uint16_t {
        return little ? static_cast<std::uint16_t>(all[at] | all[at + 1] << 8) : static_cast<std::uint16_t>(all[at] << 8 | all[at + 1]);
    };
    const auto get32 = [&](std::size_t at) -> std::uint32_t {  // values are in network order
        return std::uint32_t{all[at]} << 24 | std::uint32_t{all[at + 1]} << 16 | std::uint32_t{all[at + 2]} << 8 | all[at + 3];
    };
    for (int guard = 0; guard < 256 && c.remaining() >= 4; ++guard) {
        const std::size_t at = c.pos();
        const std::uint16_t length = get16(at);
        const std::uint16_t type = get16(at + 2) & 0x7fff;
        c.add(hf.tlvLength, at, 2, length);
        c.add(hf.tlvType, at + 2, 2, type);
        if (length < 4) {
            c.malformed();
            return true;
        }
        if (length > c.remaining()) {
            c.need(length);  // latches Truncated or Malformed
            return true;
        }
        const std::size_t v = at + 4, valueLength = length - 4u;
        switch (type) {
        case kPacketHdr:
            if (valueLength >= 3) {
                c.add(hf.protocol, v, 2, static_cast<std::uint16_t>(all[v] << 8 | all[v + 1]));
                c.add(hf.hook, v + 2, 1, all[v + 2]);
            }
            break;
        case kIfIndev:
        case kIfOutdev:
        case kIfPhysIndev:
        case kIfPhysOutdev:
        case kUid:
        case kGid:
            if (valueLength >= 4) {
                const FieldId id = type == kIfIndev ? hf.indev : type == kIfOutdev ? hf.outdev
                                 : type == kIfPhysIndev ? hf.physindev : type == kIfPhysOutdev ? hf.physoutdev
                                 : type == kUid ? hf.uid : hf.gid;
                c.add(id, v, 4, type == kUid || type == kGid ? static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int32_t>(get32(v)))) : get32(v));
            }
            break;
        case kPayload: {
            c.skip(4);
            const Payload next = payloadAfter(c, valueLength);
            if (family == kAfInet) dissectIpv4(ctx, next);
            else if (family == kAfInet6) dissectIpv6(ctx, next);
            else dissectData(ctx, next);
            return true;
        }
        default: break;
        }
        c.skip(std::min<std::size_t>((length + 3u) & ~3u, c.remaining()));
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
    hf.tlvType = r.field({"nflog.tlv_type", "Type", FieldKind::Unsigned, 16});
    hf.protocol = r.field({"nflog.protocol", "HW protocol", FieldKind::Hex, 16});
    hf.hook = r.field({"nflog.hook", "Netfilter hook", FieldKind::Unsigned, 8});
    hf.indev = r.field({"nflog.ifindex_indev", "IFINDEX_INDEV", FieldKind::Unsigned, 32});
    hf.outdev = r.field({"nflog.ifindex_outdev", "IFINDEX_OUTDEV", FieldKind::Unsigned, 32});
    hf.physindev = r.field({"nflog.ifindex_physindev", "IFINDEX_PHYSINDEV", FieldKind::Unsigned, 32});
    hf.physoutdev = r.field({"nflog.ifindex_physoutdev", "IFINDEX_PHYSOUTDEV", FieldKind::Unsigned, 32});
    hf.uid = r.field({"nflog.uid", "UID", FieldKind::Signed, 32});
    hf.gid = r.field({"nflog.gid", "GID", FieldKind::Signed, 32});
    r.linkType(kLinkTypeNflog, dissectNflog);
}

}  // namespace rcvmon

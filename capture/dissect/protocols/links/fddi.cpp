// SPDX-License-Identifier: GPL-2.0-or-later
// FDDI (ANSI X3.139 / ISO 9314-2 MAC frame) as LINKTYPE_FDDI (10) stores it: frame control,
// destination, source, then 802.2 LLC for asynchronous LLC frames. pcap's FDDI addresses are
// bit-swapped (Wireshark's WTAP_ENCAP_FDDI_BITSWAPPED), so each byte is reversed for display.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"

#include <array>

namespace rcvmon {
namespace {

constexpr std::uint32_t kLinkTypeFddi = 10;

struct FddiFields {
    FieldId fc, clf, prio, dst, src, addr;
} hf;

// The class/length/format nibble, as the field holds it (shifted down).
constexpr ValueName kClasses[] = {
    {0x0, "Void frame"}, {0x4, "SMT"}, {0x5, "Async LLC"}, {0x6, "Implementor async"},
    {0x8, "Nonrestricted token"}, {0xc, "MAC"}, {0xd, "Sync LLC"}, {0xe, "Implementor sync"},
};

std::uint8_t bitReverse(std::uint8_t b)
{
    b = static_cast<std::uint8_t>((b & 0xf0) >> 4 | (b & 0x0f) << 4);
    b = static_cast<std::uint8_t>((b & 0xcc) >> 2 | (b & 0x33) << 2);
    return static_cast<std::uint8_t>((b & 0xaa) >> 1 | (b & 0x55) << 1);
}

// packet-fddi.c's fddifc_to_str.
void writeInfo(const LayerView& l, std::string& out)
{
    const auto fc = static_cast<unsigned>(l.number(hf.fc));
    switch (fc) {
    case 0x40: out += "Void frame"; return;
    case 0x80: out += "Nonrestricted token"; return;
    case 0xc0: out += "Restricted token"; return;
    case 0x41: out += "SMT info"; return;
    case 0x4f: out += "SMT Next station address"; return;
    case 0xc2: out += "MAC beacon"; return;
    case 0xc3: out += "MAC claim token"; return;
    default: break;
    }
    const auto control = [&](std::string_view text) {
        out += text;
        out += ", control ";
        out += "0123456789abcdef"[fc & 0x0f];
    };
    switch (fc & 0xf0) {
    case 0xc0: control("MAC frame"); return;
    case 0x40: control("SMT frame"); return;
    case 0x50:
        if (fc & 0x08) {
            control("Async LLC frame");
        } else {
            out += "Async LLC frame, priority ";
            appendDecimal(out, fc & 0x07);
        }
        return;
    case 0xd0:
        if (fc & 0x0f) {
            control("Sync LLC frame");
        } else {
            out += "Sync LLC frame";
        }
        return;
    case 0x60: control("Implementor async frame"); return;
    case 0xe0: control("Implementor sync frame"); return;
    default: out += "Unknown frame type"; return;
    }
}

bool dissectFddi(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "FDDI", "fddi", p.data, p.at, p.reported);
    ctx.setProtocol("FDDI");
    const std::uint8_t fc = c.u8(hf.fc);
    if (!c.ok()) return true;
    ctx.setInfo(writeInfo, c.layer());
    c.add(hf.clf, 0, 1, fc >> 4);
    c.add(hf.prio, 0, 1, fc & 0x07);
    const ByteSpan raw = c.bytes(12);
    if (!c.ok()) return true;
    std::array<std::uint8_t, 12> swapped{};
    for (std::size_t i = 0; i < swapped.size(); ++i) swapped[i] = bitReverse(raw[i]);
    const ByteSpan dst(swapped.data(), 6), src(swapped.data() + 6, 6);
    // packet-fddi.c adds each address twice (as read and bit-swapped, both swapped here),
    // each with its fddi.addr.
    const std::uint32_t dstField = ctx.out.addBytesField(hf.dst, c.layer(), c.absolute(1), dst);
    ctx.out.addBytesField(hf.dst, c.layer(), c.absolute(1), dst);
    for (int i = 0; i < 2; ++i) ctx.out.addBytesField(hf.addr, c.layer(), c.absolute(1), dst);
    const std::uint32_t srcField = ctx.out.addBytesField(hf.src, c.layer(), c.absolute(7), src);
    ctx.out.addBytesField(hf.src, c.layer(), c.absolute(7), src);
    for (int i = 0; i < 2; ++i) ctx.out.addBytesField(hf.addr, c.layer(), c.absolute(7), src);
    if (ctx.columnsWritable) ctx.out.setLinkAddresses(srcField, dstField);
    const Payload next = payloadAfter(c, c.reportedRemaining());
    // Only asynchronous LLC frames carry 802.2; everything else is shown as data.
    if ((fc & 0xf0) == 0x50) {
        dissectLlc(ctx, next);
    } else {
        dissectData(ctx, next);
    }
    return true;
}

}  // namespace

void registerFddi(ProtocolRegistrar& r)
{
    r.protocol("fddi");
    hf.fc = r.field({"fddi.fc", "Frame Control", FieldKind::Hex, 8});
    hf.clf = r.field({"fddi.fc.clf", "Class/Length/Format", FieldKind::Hex, 8, kClasses, 0xf0});
    hf.prio = r.field({"fddi.fc.prio", "Priority", FieldKind::Unsigned, 8, {}, 0x07});
    hf.dst = r.field({"fddi.dst", "Destination", FieldKind::Mac});
    hf.src = r.field({"fddi.src", "Source", FieldKind::Mac});
    hf.addr = r.field({"fddi.addr", "Source or Destination Address", FieldKind::Mac});
    r.linkType(kLinkTypeFddi, dissectFddi);
}

}  // namespace rcvmon

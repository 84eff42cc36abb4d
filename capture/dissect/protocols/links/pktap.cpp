// SPDX-License-Identifier: GPL-2.0-or-later
// Apple PKTAP (LINKTYPE_PKTAP 258, and DLT_USER2 149, which macOS wrote before 258 existed;
// Wireshark reaches it there through its DLT_USER table): a little-endian header naming the
// packet's link type, interface and process, then the packet itself ("pcap_pktdata").
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

constexpr std::uint32_t kLinkTypePktap = 258, kLinkTypeUser2 = 149, kRecordPacket = 1;

struct PktapFields {
    FieldId hdrlen, rectype, dlt, ifname, flags, pfamily, llhdrlen, lltrlrlen, pid, cmdname, svcClass, iftype, ifunit,
        epid, ecmdname;
} hf;

std::uint32_t le32(ByteSpan b, std::size_t at)
{
    return b[at] | std::uint32_t{b[at + 1]} << 8 | std::uint32_t{b[at + 2]} << 16 | std::uint32_t{b[at + 3]} << 24;
}

// A NUL-padded name of `size` bytes at `at`.
void addName(LayerCursor& c, FieldId id, std::size_t at, std::size_t size)
{
    const ByteSpan b = c.data().subspan(at, size);
    std::size_t n = 0;
    while (n < b.size() && b[n] != 0) ++n;
    c.ctx().out.addTextField(id, c.layer(), c.absolute(at), static_cast<std::uint32_t>(size),
                             std::string_view(reinterpret_cast<const char*>(b.data()), n));
}

bool dissectPktap(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "PKTAP packet header", "pktap", p.data, p.at, p.reported);
    ctx.setProtocol("PKTAP");
    if (!c.need(108)) return true;
    const ByteSpan b = c.data();
    const std::uint32_t hdrlen = le32(b, 0), rectype = le32(b, 4), dlt = le32(b, 8);
    c.add(hf.hdrlen, 0, 4, hdrlen);
    c.add(hf.rectype, 4, 4, rectype);
    c.add(hf.dlt, 8, 4, dlt);
    addName(c, hf.ifname, 12, 24);
    c.add(hf.flags, 36, 4, le32(b, 36));
    c.add(hf.pfamily, 40, 4, le32(b, 40));
    c.add(hf.llhdrlen, 44, 4, le32(b, 44));
    c.add(hf.lltrlrlen, 48, 4, le32(b, 48));
    c.add(hf.pid, 52, 4, le32(b, 52));
    addName(c, hf.cmdname, 56, 20);
    c.add(hf.svcClass, 76, 4, le32(b, 76));
    c.add(hf.iftype, 80, 2, b[80] | b[81] << 8);
    c.add(hf.ifunit, 82, 2, b[82] | b[83] << 8);
    c.add(hf.epid, 84, 4, le32(b, 84));
    addName(c, hf.ecmdname, 88, 20);
    if (hdrlen < 108 || !c.skip(hdrlen)) {
        if (c.ok()) c.malformed();
        return true;
    }
    c.setLength(hdrlen);
    const Payload next = payloadAfter(c, c.reportedRemaining());
    if (rectype != kRecordPacket) {
        dissectData(ctx, next);
        return true;
    }
    // Wireshark names the packet's own bytes as a protocol of their own.
    LayerCursor data(ctx, "pcap_pktdata", "pcap_pktdata", next.data, next.at, next.reported);
    dissectLinkType(ctx, dlt, next);
    return true;
}

bool dissectUser2(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "DLT User", "user_dlt", p.data, p.at, p.reported);
    return dissectPktap(ctx, p);
}

}  // namespace

void registerPktap(ProtocolRegistrar& r)
{
    r.protocol("pcap_pktdata");
    r.protocol("user_dlt");
    r.protocol("pktap");
    hf.hdrlen = r.field({"pktap.hdrlen", "Header length", FieldKind::Unsigned, 32});
    hf.rectype = r.field({"pktap.rectype", "Record type", FieldKind::Unsigned, 32});
    hf.dlt = r.field({"pktap.dlt", "DLT", FieldKind::Unsigned, 32});
    hf.ifname = r.field({"pktap.ifname", "Interface name", FieldKind::String, 0});
    hf.flags = r.field({"pktap.flags", "Flags", FieldKind::Hex, 32});
    hf.pfamily = r.field({"pktap.pfamily", "Protocol family", FieldKind::Unsigned, 32});
    hf.llhdrlen = r.field({"pktap.llhdrlen", "Link-layer header length", FieldKind::Unsigned, 32});
    hf.lltrlrlen = r.field({"pktap.lltrlrlen", "Link-layer trailer length", FieldKind::Unsigned, 32});
    hf.pid = r.field({"pktap.pid", "Process ID", FieldKind::Unsigned, 32});
    hf.cmdname = r.field({"pktap.cmdname", "Command name", FieldKind::String, 0});
    hf.svcClass = r.field({"pktap.svc_class", "Service class", FieldKind::Unsigned, 32});
    hf.iftype = r.field({"pktap.iftype", "Interface type", FieldKind::Unsigned, 16});
    hf.ifunit = r.field({"pktap.ifunit", "Interface unit", FieldKind::Unsigned, 16});
    hf.epid = r.field({"pktap.epid", "Effective process ID", FieldKind::Unsigned, 32});
    hf.ecmdname = r.field({"pktap.ecmdname", "Effective command name", FieldKind::String, 0});
    r.linkType(kLinkTypePktap, dissectPktap);
    r.linkType(kLinkTypeUser2, dissectUser2);
}

}  // namespace rcvmon

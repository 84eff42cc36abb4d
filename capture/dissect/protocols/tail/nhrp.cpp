// SPDX-License-Identifier: GPL-2.0-or-later
// NHRP (RFC 2332 §5), carried by GRE with protocol type 0x2001 (Cisco DMVPN): the fixed
// header, the mandatory part of resolution, registration and purge messages and their
// client information entries. Info as packet-nhrp.c writes it: "NHRP Registration Request,
// ID=21", replies adding each entry's ", Code=Success".
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct NhrpFields {
    FieldId afn, proType, hopcnt, pktsz, chksum, extoff, version, opType, shtl, sstl, srcProtLen, dstProtLen, flags,
        reqid, srcNbma, srcProt, dstProt, code, prefix, mtu, htime;
} hf;

constexpr ValueName kOpTypes[] = {{1, "NHRP Resolution Request"},  {2, "NHRP Resolution Reply"},
                                  {3, "NHRP Registration Request"}, {4, "NHRP Registration Reply"},
                                  {5, "NHRP Purge Request"},        {6, "NHRP Purge Reply"},
                                  {7, "NHRP Error Indication"},     {8, "NHRP Traffic Indication"}};
constexpr ValueName kCodes[] = {{0, "Success"},
                                {4, "Administratively Prohibited"},
                                {5, "Insufficient Resources"},
                                {12, "No Interworking Layer Address to NBMA Address Binding Exists"},
                                {13, "Binding Exists But Is Not Unique"},
                                {14, "Unique Internetworking Layer Address Already Registered"}};

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t op = l.number(hf.opType);
    const std::string_view name = valueName(kOpTypes, op);
    if (name.empty()) {
        appendHex(out, op, 2);
        out += " - unknown";
    } else {
        out += name;
    }
    if (l.has(hf.reqid)) {
        out += ", ID=";
        appendDecimal(out, l.number(hf.reqid));
    }
    if (op == 2 || op == 4 || op == 6) {
        l.forEach(hf.code, [&](const FieldRecord& f) {
            out += ", Code=";
            appendNameOrNumber(out, valueName(kCodes, f.number), f.number);
        });
    }
}

// An address of `length` bytes: IPv4 when it has four, otherwise skipped.
void address(LayerCursor& c, std::size_t length, FieldId ipv4)
{
    if (length == 4) c.bytes(4, ipv4);
    else c.skip(length);
}

bool dissectNhrp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "NHRP", "nhrp", p.data, p.at, p.reported);
    ctx.setProtocol("NHRP");
    c.u16(hf.afn);
    c.u16(hf.proType);
    c.skip(5);  // SNAP protocol type
    c.u8(hf.hopcnt);
    const std::uint16_t size = c.u16(hf.pktsz);
    c.u16(hf.chksum);
    const std::uint16_t extoff = c.u16(hf.extoff);
    c.u8(hf.version);
    const std::uint8_t op = c.u8(hf.opType);
    const std::uint8_t shtl = c.u8(hf.shtl);
    const std::uint8_t sstl = c.u8(hf.sstl);
    if (!c.ok()) return true;
    ctx.setInfo(writeInfo, c.layer());
    c.setLength(size);
    if (op < 1 || op > 6) return true;
    const std::uint8_t srcLen = c.u8(hf.srcProtLen);
    const std::uint8_t dstLen = c.u8(hf.dstProtLen);
    c.u16(hf.flags);
    c.u32(hf.reqid);
    address(c, shtl & 0x3f, hf.srcNbma);
    c.skip(sstl & 0x3f);
    address(c, srcLen, hf.srcProt);
    address(c, dstLen, hf.dstProt);
    // Client information entries up to the extensions (or the packet's end).
    const std::size_t end = extoff ? extoff : size;
    for (int guard = 0; guard < 64 && c.ok() && c.pos() + 12 <= end; ++guard) {
        c.u8(hf.code);
        c.u8(hf.prefix);
        c.skip(2);
        c.u16(hf.mtu);
        c.u16(hf.htime);
        const std::uint8_t addrLen = c.u8() & 0x3f;
        const std::uint8_t saddrLen = c.u8() & 0x3f;
        const std::uint8_t protLen = c.u8();
        c.skip(1);  // preference
        c.skip(std::size_t{addrLen} + saddrLen + protLen);
    }
    return true;
}

}  // namespace

void registerNhrp(ProtocolRegistrar& r)
{
    r.protocol("nhrp");
    hf.afn = r.field({"nhrp.hdr.afn", "Address Family Number", FieldKind::Hex, 16});
    hf.proType = r.field({"nhrp.hdr.pro.type", "Protocol Type (short form)", FieldKind::Hex, 16});
    hf.hopcnt = r.field({"nhrp.hdr.hopcnt", "Hop Count", FieldKind::Unsigned, 8});
    hf.pktsz = r.field({"nhrp.hdr.pktsz", "Packet Length", FieldKind::Unsigned, 16});
    hf.chksum = r.field({"nhrp.hdr.chksum", "NHRP Packet Checksum", FieldKind::Hex, 16});
    hf.extoff = r.field({"nhrp.hdr.extoff", "Extension Offset", FieldKind::Unsigned, 16});
    hf.version = r.field({"nhrp.hdr.version", "Version", FieldKind::Unsigned, 8});
    hf.opType = r.field({"nhrp.hdr.op.type", "NHRP Packet Type", FieldKind::Unsigned, 8, kOpTypes});
    hf.shtl = r.field({"nhrp.hdr.shtl", "Source Address Type/Len", FieldKind::Unsigned, 8});
    hf.sstl = r.field({"nhrp.hdr.sstl", "Source SubAddress Type/Len", FieldKind::Unsigned, 8});
    hf.srcProtLen = r.field({"nhrp.src.prot.len", "Source Protocol Len", FieldKind::Unsigned, 16});
    hf.dstProtLen = r.field({"nhrp.dst.prot.len", "Destination Protocol Len", FieldKind::Unsigned, 16});
    hf.flags = r.field({"nhrp.flags", "Flags", FieldKind::Hex, 16});
    hf.reqid = r.field({"nhrp.reqid", "Request ID", FieldKind::Hex, 32});
    hf.srcNbma = r.field({"nhrp.src.nbma.addr", "Source NBMA Address", FieldKind::Ipv4});
    hf.srcProt = r.field({"nhrp.src.prot.addr", "Source Protocol Address", FieldKind::Ipv4});
    hf.dstProt = r.field({"nhrp.dst.prot.addr", "Destination Protocol Address", FieldKind::Ipv4});
    hf.code = r.field({"nhrp.code", "Code", FieldKind::Unsigned, 8, kCodes});
    hf.prefix = r.field({"nhrp.prefix", "Prefix Length", FieldKind::Unsigned, 8});
    hf.mtu = r.field({"nhrp.mtu", "Max Transmission Unit", FieldKind::Unsigned, 16});
    hf.htime = r.field({"nhrp.htime", "Holding Time (s)", FieldKind::Unsigned, 16});
    r.etherType(0x2001, dissectNhrp);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// IS-IS (ISO/IEC 10589, RFC 1195) behind the OSI NLPID 0x83: the common header, then the
// Hello (clause 9.5-9.7), LSP (9.8), CSNP (9.9) and PSNP (9.10) fixed fields that Wireshark's
// packet-isis-*.c put in the columns: the level, the system and LSP identifiers, the LSP's
// sequence number and lifetime, and a checksum that does not verify (Fletcher, ISO 8473).
// The variable-length TLVs that follow are not dissected.
#include "dissect/protocols/isis/osi.h"

#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

#include <array>

namespace rcvmon {
namespace {

struct IsisFields {
    FieldId irpd, len, version, sysidLen, type, typeReserved, version2, reserved, maxAreaAdr;
    FieldId helloCircuitType, helloReserved, helloSourceId, helloHoldingTimer, helloPduLength, helloPriority,
        helloLanId, helloLocalCircuitId;
    FieldId lspPduLength, lspRemainingLife, lspId, lspSequence, lspChecksum, lspChecksumStatus, lspPartitionRepair,
        lspAtt, lspOverload, lspIsType;
    FieldId csnpPduLength, csnpSourceId, csnpStartLspId, csnpEndLspId;
    FieldId psnpPduLength, psnpSourceId;
} hf;

constexpr ValueName kTypes[] = {
    {15, "L1 HELLO"}, {16, "L2 HELLO"}, {17, "P2P HELLO"}, {18, "L1 LSP"}, {20, "L2 LSP"},
    {24, "L1 CSNP"}, {25, "L2 CSNP"}, {26, "L1 PSNP"}, {27, "L2 PSNP"},
};
constexpr ValueName kCircuitTypes[] = {
    {0, "Reserved(0) (discard PDU)"}, {1, "Level 1 only"}, {2, "Level 2 only"}, {3, "Level 1 and 2"}};
constexpr ValueName kChecksumStatus[] = {
    {0, "Bad"}, {1, "Good"}, {2, "Unverified"}, {3, "Not present"}, {4, "Illegal"}};

// print_system_id: "1921.6800.1001", ".00" for a pseudonode, "-00" for an LSP number.
void addSystemId(LayerCursor& c, FieldId id, std::size_t length)
{
    if (!c.need(length)) return;
    const ByteSpan b = c.rest().first(length);
    std::array<char, 64> text{};
    std::size_t n = 0;
    constexpr char kHex[] = "0123456789abcdef";
    for (std::size_t i = 0; i < length && n + 4 < text.size(); ++i) {
        if (i > 0 && length >= 6 && i < 6 && i % 2 == 0) text[n++] = '.';
        if (i == 6) text[n++] = '.';
        if (i == 7) text[n++] = '-';
        if (i > 7) text[n++] = ':';
        text[n++] = kHex[b[i] >> 4];
        text[n++] = kHex[b[i] & 0xf];
    }
    c.ctx().out.addTextField(id, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(length),
                             std::string_view(text.data(), n));
    c.skip(length);
}

// Each PDU layer keeps the level its PDU type names (1, 2, or 3 for point-to-point) on its
// first field's aux, so its Info writer reads its own layer only.
std::string_view levelOf(const LayerView& l, FieldId first)
{
    const FieldRecord* f = l.field(first);
    if (!f) return {};
    switch (f->aux) {
    case 1: return "L1 ";
    case 2: return "L2 ";
    case 3: return "P2P ";
    default: return {};
    }
}

void writeHelloInfo(const LayerView& l, std::string& out)
{
    out += levelOf(l, hf.helloCircuitType);
    out += "HELLO, System-ID: ";
    out += l.text(hf.helloSourceId);
}

void writeLspInfo(const LayerView& l, std::string& out)
{
    out += levelOf(l, hf.lspPduLength);
    out += "LSP, LSP-ID: ";
    out += l.text(hf.lspId);
    out += ", Sequence: ";
    appendHex(out, l.number(hf.lspSequence), 8);
    out += ", Lifetime: ";
    const std::uint64_t life = l.number(hf.lspRemainingLife);
    for (std::uint64_t width = 10000; width > 1 && life < width; width /= 10) out += ' ';
    appendDecimal(out, life);
    out += 's';
    if (const FieldRecord* s = l.field(hf.lspChecksumStatus); s && s->number == 0) out += " [ISIS CHECKSUM INCORRECT]";
}

void writeCsnpInfo(const LayerView& l, std::string& out)
{
    out += levelOf(l, hf.csnpPduLength);
    out += "CSNP, Source-ID: ";
    out += l.text(hf.csnpSourceId);
    out += ", Start LSP-ID: ";
    out += l.text(hf.csnpStartLspId);
    out += ", End LSP-ID: ";
    out += l.text(hf.csnpEndLspId);
}

void writePsnpInfo(const LayerView& l, std::string& out)
{
    out += levelOf(l, hf.psnpPduLength);
    out += "PSNP, Source-ID: ";
    out += l.text(hf.psnpSourceId);
}

// The level a PDU type names, kept on the PDU layer's first field for its Info writer.
std::uint32_t levelCode(unsigned type)
{
    switch (type) {
    case 15: case 18: case 24: case 26: return 1;
    case 16: case 20: case 25: case 27: return 2;
    case 17: return 3;
    default: return 0;
    }
}

// ISO 8473's Fletcher checksum verifies when both running sums over the bytes, the
// checksum included, are 0 modulo 255.
bool fletcherVerifies(ByteSpan b)
{
    std::uint32_t c0 = 0, c1 = 0;
    for (std::uint8_t v : b) {
        c0 = (c0 + v) % 255;
        c1 = (c1 + c0) % 255;
    }
    return c0 == 0 && c1 == 0;
}

void dissectHello(DissectContext& ctx, const Payload& p, unsigned type, std::size_t idLength)
{
    LayerCursor c(ctx, "ISIS HELLO", "isis.hello", p.data, p.at, p.reported);
    ctx.setProtocol("ISIS HELLO");
    const std::uint8_t circuit = c.u8();
    if (!c.ok()) return;
    const std::uint32_t first = c.add(hf.helloCircuitType, 0, 1, circuit & 3);
    ctx.out.setAux(first, levelCode(type));
    c.add(hf.helloReserved, 0, 1, circuit >> 2);
    addSystemId(c, hf.helloSourceId, idLength);
    if (!c.ok()) return;
    ctx.setInfo(writeHelloInfo, c.layer());
    c.u16(hf.helloHoldingTimer);
    c.u16(hf.helloPduLength);
    if (type == 17) {
        c.u8(hf.helloLocalCircuitId);
        return;
    }
    const std::uint8_t priority = c.u8();
    if (!c.ok()) return;
    c.add(hf.helloPriority, c.pos() - 1, 1, priority & 0x7f);
    addSystemId(c, hf.helloLanId, idLength + 1);
}

void dissectLsp(DissectContext& ctx, const Payload& p, unsigned type, std::size_t idLength, std::size_t headerAt)
{
    LayerCursor c(ctx, "ISIS LSP", "isis.lsp", p.data, p.at, p.reported);
    ctx.setProtocol("ISIS LSP");
    const std::uint16_t pduLength = c.u16(hf.lspPduLength);
    if (!c.ok()) return;
    ctx.out.setAux(c.lastField(), levelCode(type));
    c.u16(hf.lspRemainingLife);
    const std::size_t idAt = c.pos();
    addSystemId(c, hf.lspId, idLength + 2);
    c.u32(hf.lspSequence);
    if (!c.ok()) return;
    ctx.setInfo(writeLspInfo, c.layer());
    const std::uint16_t checksum = c.u16(hf.lspChecksum);
    if (!c.ok()) return;
    // The checksum covers the PDU from the LSP ID to its end (pdu_length counts from the
    // common header, which starts headerAt bytes before this layer's data).
    const std::size_t end = pduLength >= headerAt ? pduLength - headerAt : 0;
    const std::size_t fixed = c.pos() + 1;  // through the flags byte
    if (checksum == 0) {
        c.add(hf.lspChecksumStatus, c.pos() - 2, 0, 3);
    } else if (end >= fixed && end <= c.size() && end <= p.reported) {
        c.add(hf.lspChecksumStatus, c.pos() - 2, 0, fletcherVerifies(c.data().subspan(idAt, end - idAt)) ? 1 : 0);
    } else {
        c.add(hf.lspChecksumStatus, c.pos() - 2, 0, 2);
    }
    const std::uint8_t flags = c.u8();
    if (!c.ok()) return;
    const std::size_t at = c.pos() - 1;
    c.add(hf.lspPartitionRepair, at, 1, flags >> 7);
    c.add(hf.lspAtt, at, 1, (flags >> 3) & 0xf);
    c.add(hf.lspOverload, at, 1, (flags >> 2) & 1);
    c.add(hf.lspIsType, at, 1, flags & 3);
}

void dissectCsnp(DissectContext& ctx, const Payload& p, unsigned type, std::size_t idLength)
{
    LayerCursor c(ctx, "ISIS CSNP", "isis.csnp", p.data, p.at, p.reported);
    ctx.setProtocol("ISIS CSNP");
    c.u16(hf.csnpPduLength);
    if (!c.ok()) return;
    ctx.out.setAux(c.lastField(), levelCode(type));
    addSystemId(c, hf.csnpSourceId, idLength + 1);
    addSystemId(c, hf.csnpStartLspId, idLength + 2);
    addSystemId(c, hf.csnpEndLspId, idLength + 2);
    if (c.ok()) ctx.setInfo(writeCsnpInfo, c.layer());
}

void dissectPsnp(DissectContext& ctx, const Payload& p, unsigned type, std::size_t idLength)
{
    LayerCursor c(ctx, "ISIS PSNP", "isis.psnp", p.data, p.at, p.reported);
    ctx.setProtocol("ISIS PSNP");
    c.u16(hf.psnpPduLength);
    if (!c.ok()) return;
    ctx.out.setAux(c.lastField(), levelCode(type));
    addSystemId(c, hf.psnpSourceId, idLength + 1);
    if (c.ok()) ctx.setInfo(writePsnpInfo, c.layer());
}

void dissectIsis(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "ISIS", "isis", p.data, p.at, p.reported);
    ctx.setProtocol("ISIS");
    c.u8(hf.irpd);
    c.u8(hf.len);
    c.u8(hf.version);
    const std::uint8_t idLength = c.u8(hf.sysidLen);
    const std::uint8_t typeByte = c.u8();
    if (!c.ok()) return;
    const unsigned type = typeByte & 0x1f;
    c.add(hf.type, 4, 1, type);
    c.add(hf.typeReserved, 4, 1, typeByte >> 5);
    c.u8(hf.version2);
    c.u8(hf.reserved);
    c.u8(hf.maxAreaAdr);
    if (!c.ok()) return;
    // An ID length of 0 means 6 bytes; 255 means none (ISO 10589 clause 9.5).
    const std::size_t id = idLength == 0 ? 6 : idLength == 255 ? 0 : idLength;
    c.setLength(c.pos());
    const Payload next = payloadAfter(c, c.reportedRemaining());
    switch (type) {
    case 15: case 16: case 17: dissectHello(ctx, next, type, id); break;
    case 18: case 20: dissectLsp(ctx, next, type, id, c.pos()); break;
    case 24: case 25: dissectCsnp(ctx, next, type, id); break;
    case 26: case 27: dissectPsnp(ctx, next, type, id); break;
    default: dissectData(ctx, next); break;
    }
}

bool dissectOsiByType(DissectContext& ctx, const Payload& p)
{
    dissectOsi(ctx, p);
    return true;
}

// Cisco HDLC puts one byte of CLNS padding before the OSI PDU (packet-chdlc.c skips it).
bool dissectOsiAfterPadding(DissectContext& ctx, const Payload& p)
{
    if (p.data.empty()) return false;
    dissectOsi(ctx, Payload{p.data.subspan(1), p.reported > 0 ? p.reported - 1 : 0, p.at + 1});
    return true;
}

}  // namespace

void dissectOsi(DissectContext& ctx, const Payload& p)
{
    // packet-osi.c only dispatches: "osi" is in frame.protocols but adds no tree item.
    LayerCursor c(ctx, "OSI", "osi", p.data, p.at, p.reported);
    c.notInTree();
    ctx.setProtocol("OSI");
    if (!c.need(1)) return;
    const Payload pdu = payloadAfter(c, c.reportedRemaining());
    if (!pdu.data.empty() && pdu.data[0] == 0x83) {
        dissectIsis(ctx, pdu);
        return;
    }
    dissectData(ctx, pdu);
}

void registerIsis(ProtocolRegistrar& r)
{
    r.protocol("osi");
    r.etherType(0x00fe, dissectOsiByType);  // GRE's protocol type for OSI
    r.etherType(0xfefe, dissectOsiAfterPadding);  // Cisco HDLC's
    r.protocol("isis");
    hf.irpd = r.field({"isis.irpd", "Intradomain Routing Protocol Discriminator", FieldKind::Hex, 8});
    hf.len = r.field({"isis.len", "Length Indicator", FieldKind::Unsigned, 8});
    hf.version = r.field({"isis.version", "Version/Protocol ID Extension", FieldKind::Unsigned, 8});
    hf.sysidLen = r.field({"isis.sysid_len", "ID Length", FieldKind::Unsigned, 8});
    hf.type = r.field({"isis.type", "PDU Type", FieldKind::Unsigned, 8, kTypes, 0x1f});
    hf.typeReserved = r.field({"isis.type.reserved", "Reserved", FieldKind::Hex, 8, {}, 0xe0});
    hf.version2 = r.field({"isis.version2", "Version", FieldKind::Unsigned, 8});
    hf.reserved = r.field({"isis.reserved", "Reserved", FieldKind::Unsigned, 8});
    hf.maxAreaAdr = r.field({"isis.max_area_adr", "Maximum Area Addresses", FieldKind::Unsigned, 8});
    r.protocol("isis.hello");
    hf.helloCircuitType = r.field({"isis.hello.circuit_type", "Circuit type", FieldKind::Hex, 8, kCircuitTypes, 0x03});
    hf.helloReserved = r.field({"isis.hello.reserved", "Reserved", FieldKind::Hex, 8, {}, 0xfc});
    hf.helloSourceId = r.field({"isis.hello.source_id", "SystemID {Sender of PDU}", FieldKind::String, 0});
    hf.helloHoldingTimer = r.field({"isis.hello.holding_timer", "Holding timer", FieldKind::Unsigned, 16});
    hf.helloPduLength = r.field({"isis.hello.pdu_length", "PDU length", FieldKind::Unsigned, 16});
    hf.helloPriority = r.field({"isis.hello.priority", "Priority", FieldKind::Unsigned, 8, {}, 0x7f});
    hf.helloLanId = r.field({"isis.hello.lan_id", "SystemID {Designated IS}", FieldKind::String, 0});
    hf.helloLocalCircuitId = r.field({"isis.hello.local_circuit_id", "Local circuit ID", FieldKind::Unsigned, 8});
    r.protocol("isis.lsp");
    hf.lspPduLength = r.field({"isis.lsp.pdu_length", "PDU length", FieldKind::Unsigned, 16});
    hf.lspRemainingLife = r.field({"isis.lsp.remaining_life", "Remaining lifetime", FieldKind::Unsigned, 16});
    hf.lspId = r.field({"isis.lsp.lsp_id", "LSP-ID", FieldKind::String, 0});
    hf.lspSequence = r.field({"isis.lsp.sequence_number", "Sequence number", FieldKind::Hex, 32});
    hf.lspChecksum = r.field({"isis.lsp.checksum", "Checksum", FieldKind::Hex, 16});
    hf.lspChecksumStatus = r.field({"isis.lsp.checksum.status", "Checksum Status", FieldKind::Unsigned, 8, kChecksumStatus});
    hf.lspPartitionRepair = r.field({"isis.lsp.partition_repair", "Partition Repair", FieldKind::Bool, 8, {}, 0x80});
    hf.lspAtt = r.field({"isis.lsp.att", "Attachment", FieldKind::Unsigned, 8, {}, 0x78});
    hf.lspOverload = r.field({"isis.lsp.overload", "Overload bit", FieldKind::Bool, 8, {}, 0x04});
    hf.lspIsType = r.field({"isis.lsp.is_type", "Type of Intermediate System", FieldKind::Unsigned, 8, {}, 0x03});
    r.protocol("isis.csnp");
    hf.csnpPduLength = r.field({"isis.csnp.pdu_length", "PDU length", FieldKind::Unsigned, 16});
    hf.csnpSourceId = r.field({"isis.csnp.source_id", "Source-ID", FieldKind::String, 0});
    hf.csnpStartLspId = r.field({"isis.csnp.start_lsp_id", "Start LSP-ID", FieldKind::String, 0});
    hf.csnpEndLspId = r.field({"isis.csnp.end_lsp_id", "End LSP-ID", FieldKind::String, 0});
    r.protocol("isis.psnp");
    hf.psnpPduLength = r.field({"isis.psnp.pdu_length", "PDU length", FieldKind::Unsigned, 16});
    hf.psnpSourceId = r.field({"isis.psnp.source_id", "Source-ID", FieldKind::String, 0});
}

}  // namespace rcvmon

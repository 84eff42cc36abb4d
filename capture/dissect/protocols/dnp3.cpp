// SPDX-License-Identifier: GPL-2.0-or-later
// DNP 3.0 (IEEE 1815) on TCP and UDP 20000: the data link frame (0x0564, length, control,
// addresses, CRC) whose user data comes in 16-byte chunks each followed by a CRC; the
// transport byte (FIR, FIN, sequence) that splits an application fragment over frames; and
// the application header (control, function, objects of reads and writes) Wireshark shows
// once a fragment is complete. Fragments are collected per address pair (bounded).
#include "dissect/protocols/context.h"
#include "dissect/protocols/dnp3_names.h"
#include "dissect/protocols/tcp_message.h"
#include "dissect/protocols/value_names.h"

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

namespace rcvmon {
namespace {

struct Dnp3Fields {
    FieldId start, len, ctl, dir, prm, fcb, fcv, dfc, priFunc, secFunc, dst, src, addr, hdrCrc, trCtl, trFin, trFir,
        trSeq, fragData, alCtl, alFir, alFin, alCon, alUns, alSeq, alFunc, alIin, alObj;
} hf;

constexpr std::size_t kHeader = 10;
constexpr std::size_t kChunk = 16;
constexpr std::uint8_t kFuncMask = 0x0f, kPrm = 0x40;
constexpr std::size_t kMaxFragment = 60 * 249;  // Wireshark's 60 fragments of at most 249 bytes

// DNP3's CRC-16 (polynomial 0x3D65, reflected, complemented).
constexpr std::array<std::uint16_t, 256> makeCrcTable()
{
    std::array<std::uint16_t, 256> t{};
    for (unsigned i = 0; i < 256; ++i) {
        unsigned crc = i;
        for (int b = 0; b < 8; ++b) crc = crc & 1 ? (crc >> 1) ^ 0xA6BC : crc >> 1;
        t[i] = static_cast<std::uint16_t>(crc);
    }
    return t;
}
constexpr auto kCrcTable = makeCrcTable();

std::uint16_t crc16(ByteSpan b)
{
    std::uint16_t crc = 0;
    for (std::uint8_t v : b) crc = static_cast<std::uint16_t>(kCrcTable[(crc ^ v) & 0xff] ^ (crc >> 8));
    return static_cast<std::uint16_t>(~crc);
}

std::uint16_t le16(ByteSpan b, std::size_t at) { return static_cast<std::uint16_t>(b[at] | (b[at + 1] << 8)); }

// Application fragments in collection, per address pair (Wireshark's reassembly table).
class Fragments : public ProtocolState {
public:
    struct Chain {
        std::uint8_t nextSeq = 0;
        bool active = false;
        std::vector<std::uint8_t> bytes;
    };
    void clear() override { m_chains.clear(); }
    Chain& chain(const NetEndpoints& net)
    {
        std::uint64_t key = 1469598103934665603ull;
        for (std::uint8_t v : net.src) key = (key ^ v) * 1099511628211ull;
        for (std::uint8_t v : net.dst) key = (key ^ v) * 1099511628211ull;
        if (m_chains.size() >= 4096 && !m_chains.contains(key)) m_chains.clear();
        return m_chains[key];
    }

private:
    std::unordered_map<std::uint64_t, Chain> m_chains;
};
std::uint16_t fragmentsSlot = 0;

// ---- Info ----

void appendFunction(std::string& out, std::span<const ValueName> table, std::uint64_t value)
{
    appendNameOrHex(out, valueName(table, value), value, 2, "Unknown function");
}

void writeLink(const LayerView& layer, std::string& out)
{
    out += "from ";
    appendDecimal(out, layer.number(hf.src));
    out += " to ";
    appendDecimal(out, layer.number(hf.dst));
    out += ", len=";
    appendDecimal(out, layer.number(hf.len));
    out += ", ";
    const std::uint64_t ctl = layer.number(hf.ctl);
    appendFunction(out, ctl & kPrm ? std::span<const ValueName>(kDnp3LinkPrimary) : std::span<const ValueName>(kDnp3LinkSecondary),
                   ctl & kFuncMask);
    if (layer.has(hf.fragData)) {
        out += " (Application Layer Unreassembled fragment ";
        appendDecimal(out, layer.number(hf.trSeq));
        out += ')';
    }
}

// The application function, then the objects a read or write names (classes together last).
void writeApplication(const LayerView& layer, std::string& out)
{
    const std::uint64_t function = layer.number(hf.alFunc);
    appendFunction(out, kDnp3AppFunctions, function);
    if (function != 1 && function != 2) return;
    unsigned classes = 0;
    layer.forEach(hf.alObj, [&](const FieldRecord& f) {
        const std::uint64_t obj = f.number;
        if (function == 1 && (obj >> 8) == 60 && (obj & 0xff) >= 1 && (obj & 0xff) <= 4) {
            classes |= 1u << ((obj & 0x0f) - 1);
            return;
        }
        out += ", ";
        const std::span<const ValueName> names =
            function == 1 ? std::span<const ValueName>(kDnp3ReadObjects) : std::span<const ValueName>(kDnp3WriteObjects);
        out += valueName(names, obj & 0xff00, "Unknown Object Type");
    });
    if (classes == 0) return;
    out += ", Class ";
    for (unsigned i = 0; i < 4; ++i)
        if (classes & (1u << i)) out += static_cast<char>('0' + i);
}

// ---- Application layer ----

// Bytes of one object's data after its header and range, or SIZE_MAX when unknown.
std::size_t objectDataSize(std::uint16_t obj, std::uint8_t prefix, std::size_t items, ByteSpan b, std::size_t at)
{
    const std::uint8_t group = static_cast<std::uint8_t>(obj >> 8), variation = static_cast<std::uint8_t>(obj);
    static constexpr std::size_t kIndexBytes[] = {0, 1, 2, 4, 0, 0, 0, 0};
    if (prefix >= 4 && prefix <= 6) {
        // Each item carries its own size.
        const std::size_t sizeBytes = prefix == 4 ? 1 : prefix == 5 ? 2 : 4;
        std::size_t total = 0;
        for (std::size_t i = 0; i < items && i < 256; ++i) {
            if (at + total + sizeBytes > b.size()) return SIZE_MAX;
            std::size_t size = 0;
            for (std::size_t k = 0; k < sizeBytes; ++k) size |= std::size_t{b[at + total + k]} << (8 * k);
            total += sizeBytes + size;
        }
        return total;
    }
    std::size_t each = 0;
    const bool packed = (group == 1 && variation == 1) || (group == 10 && variation == 1) || (group == 80 && variation == 1) ||
                        (group == 3 && variation == 1);
    if (packed) return prefix == 0 ? (group == 3 ? (items * 2 + 7) / 8 : (items + 7) / 8) : SIZE_MAX;
    each = dnp3ObjectSize(group, variation);
    if (each == SIZE_MAX) return SIZE_MAX;
    return items * (each + kIndexBytes[prefix & 7]);
}

void dissectApplication(DissectContext& ctx, std::uint16_t layer, ByteSpan al, std::uint32_t at)
{
    if (al.size() < 2) return;
    const std::uint8_t ctl = al[0], function = al[1];
    ctx.out.addField(hf.alCtl, layer, at, 1, ctl);
    ctx.out.addField(hf.alFir, layer, at, 1, ctl >> 7);
    ctx.out.addField(hf.alFin, layer, at, 1, (ctl >> 6) & 1);
    ctx.out.addField(hf.alCon, layer, at, 1, (ctl >> 5) & 1);
    ctx.out.addField(hf.alUns, layer, at, 1, (ctl >> 4) & 1);
    ctx.out.addField(hf.alSeq, layer, at, 1, ctl & 0x0f);
    ctx.out.addField(hf.alFunc, layer, at + 1, 1, function);
    ctx.setInfo(writeApplication, layer);
    std::size_t pos = 2;
    if (function == 129 || function == 130 || function == 131) {
        if (pos + 2 <= al.size()) ctx.out.addField(hf.alIin, layer, at + 2, 2, (al[2] << 8) | al[3]);
        return;
    }
    if (function != 1 && function != 2) return;
    const bool headerOnly = function == 1;
    for (int guard = 0; guard < 256 && pos + 2 <= al.size(); ++guard) {
        if (pos + 3 > al.size()) break;
        const std::uint16_t obj = static_cast<std::uint16_t>((al[pos] << 8) | al[pos + 1]);
        const std::uint8_t qualifier = al[pos + 2];
        ctx.out.addField(hf.alObj, layer, at + static_cast<std::uint32_t>(pos), 2, obj);
        pos += 3;
        const std::uint8_t prefix = (qualifier >> 4) & 7, range = qualifier & 0x0f;
        std::size_t items = 0, rangeBytes = 0;
        switch (range) {
        case 0: case 1: case 2: {
            rangeBytes = std::size_t{1} << range;
            if (pos + 2 * rangeBytes > al.size()) return;
            std::size_t start = 0, stop = 0;
            for (std::size_t k = 0; k < rangeBytes; ++k) {
                start |= std::size_t{al[pos + k]} << (8 * k);
                stop |= std::size_t{al[pos + rangeBytes + k]} << (8 * k);
            }
            items = stop >= start ? stop - start + 1 : 0;
            rangeBytes *= 2;
            break;
        }
        case 3: case 4: case 5: rangeBytes = std::size_t{1} << (range - 3); items = 1; break;
        case 6: break;
        case 7: case 8: case 9: case 11: {
            rangeBytes = range == 11 ? 1 : std::size_t{1} << (range - 7);
            if (pos + rangeBytes > al.size()) return;
            for (std::size_t k = 0; k < rangeBytes; ++k) items |= std::size_t{al[pos + k]} << (8 * k);
            break;
        }
        default: return;
        }
        pos += rangeBytes;
        if (headerOnly) continue;
        const std::size_t data = objectDataSize(obj, prefix, items, al, pos);
        if (data == SIZE_MAX) return;  // a layout RcvMon does not size: the objects after it stay unnamed
        pos += data;
    }
}

// ---- Data link and transport ----

std::size_t frameLength(ByteSpan b)
{
    if (b.size() < 3 || b[0] != 0x05 || (b.size() > 1 && b[1] != 0x64)) return 0;
    const std::size_t dataLength = b[2] >= 5 ? b[2] - 5u : 0;
    return kHeader + dataLength + 2 * ((dataLength + kChunk - 1) / kChunk);
}

void dissectFrame(DissectContext& ctx, const Payload& p, bool listed)
{
    LayerCursor c(ctx, "DNP 3.0", "dnp3", p.data, p.at, p.reported);
    if (!listed) c.unlisted();  // tcp_dissect_pdus calls the frame dissector directly
    ctx.setProtocol("DNP 3.0");
    ctx.setInfo(writeLink, c.layer());
    c.u16(hf.start);
    const std::uint8_t length = c.u8(hf.len);
    const std::uint8_t ctl = c.u8(hf.ctl);
    if (c.ok()) {
        c.add(hf.dir, 3, 1, ctl >> 7);
        c.add(hf.prm, 3, 1, (ctl >> 6) & 1);
        if (ctl & kPrm) {
            c.add(hf.fcb, 3, 1, (ctl >> 5) & 1);
            c.add(hf.fcv, 3, 1, (ctl >> 4) & 1);
            c.add(hf.priFunc, 3, 1, ctl & kFuncMask);
        } else {
            c.add(hf.dfc, 3, 1, (ctl >> 4) & 1);
            c.add(hf.secFunc, 3, 1, ctl & kFuncMask);
        }
    }
    const ByteSpan dst = c.bytes(2);
    const ByteSpan src = c.bytes(2);
    if (!c.ok()) return;
    c.add(hf.dst, 4, 2, le16(dst, 0));
    c.add(hf.addr, 4, 2, le16(dst, 0));
    c.add(hf.src, 6, 2, le16(src, 0));
    c.add(hf.addr, 6, 2, le16(src, 0));
    const ByteSpan crc = c.bytes(2);
    if (!c.ok()) return;
    c.add(hf.hdrCrc, 8, 2, le16(crc, 0));
    const std::uint8_t function = ctl & kFuncMask;
    // Link status, reset and ACK carry no transport or application bytes.
    if (function == 0x09 || function == 0x0b || function == 0x00) return;
    if (length < 5) return;
    const std::uint8_t tr = c.peek();
    if (!c.need(1)) return;
    c.add(hf.trCtl, c.pos(), 1, tr);
    c.add(hf.trFin, c.pos(), 1, tr >> 7);
    c.add(hf.trFir, c.pos(), 1, (tr >> 6) & 1);
    c.add(hf.trSeq, c.pos(), 1, tr & 0x3f);
    // The user data without its chunk CRCs and transport byte.
    thread_local std::vector<std::uint8_t> al;
    al.clear();
    std::size_t left = length - 5u;
    bool crcOk = false, first = true;
    const std::size_t dataStart = c.pos();
    while (left > 0) {
        const std::size_t size = std::min(left, kChunk);
        const ByteSpan chunk = c.bytes(size);
        const ByteSpan chunkCrc = c.bytes(2);
        if (!c.ok()) return;
        al.insert(al.end(), chunk.begin() + (first ? 1 : 0), chunk.end());
        crcOk = crc16(chunk) == le16(chunkCrc, 0);
        if (!crcOk) break;  // Wireshark trusts nothing after a bad chunk
        left -= size;
        first = false;
    }
    if (!crcOk) return;
    const bool fir = (tr & 0x40) != 0, fin = (tr & 0x80) != 0;
    const std::uint8_t seq = tr & 0x3f;
    Fragments* fragments = ctx.state<Fragments>(fragmentsSlot);
    Fragments::Chain* chain = fragments && !ctx.inIcmpError ? &fragments->chain(ctx.net) : nullptr;
    const ByteSpan alSpan(al.data(), al.size());
    if (fir && fin) {
        if (chain) chain->active = false;
        return dissectApplication(ctx, c.layer(), alSpan, c.absolute(dataStart + 1));
    }
    const auto unreassembled = [&] {
        ctx.out.addBytesField(hf.fragData, c.layer(), c.absolute(dataStart), alSpan);
    };
    if (!chain) return unreassembled();
    if (fir) {
        chain->bytes.assign(al.begin(), al.end());
        chain->active = true;
        chain->nextSeq = static_cast<std::uint8_t>((seq + 1) & 0x3f);
        return unreassembled();
    }
    if (!chain->active || seq != chain->nextSeq || chain->bytes.size() + al.size() > kMaxFragment) {
        chain->active = false;
        return unreassembled();
    }
    chain->bytes.insert(chain->bytes.end(), al.begin(), al.end());
    chain->nextSeq = static_cast<std::uint8_t>((seq + 1) & 0x3f);
    if (!fin) return unreassembled();
    chain->active = false;
    dissectApplication(ctx, c.layer(), ByteSpan(chain->bytes.data(), chain->bytes.size()), c.absolute(dataStart + 1));
}

bool startsFrame(ByteSpan b) { return b.size() >= 2 && b[0] == 0x05 && b[1] == 0x64; }

bool dissectTcp(DissectContext& ctx, const Payload& p)
{
    if (!startsFrame(p.data) && !pendingTcpMessage(ctx)) return false;
    bool firstReassembled = false;
    dissectTcpMessages(ctx, p, frameLength, [&](const Payload& m, int index) {
        if (index == 0) firstReassembled = ctx.inReassembled;
        // A header cut by the segment's end waits for more bytes in Wireshark; none came.
        if (m.data.size() < kHeader && m.data.size() == m.reported) return;
        dissectFrame(ctx, m, index == 0 || (index == 1 && firstReassembled));
    });
    return true;
}

bool dissectUdp(DissectContext& ctx, const Payload& p)
{
    if (!startsFrame(p.data)) return false;
    Payload rest = p;
    for (int guard = 0; guard < 64 && rest.data.size() >= kHeader; ++guard) {
        const std::size_t total = frameLength(rest.data);
        if (total == 0) break;
        const std::size_t captured = std::min(total, rest.data.size());
        dissectFrame(ctx, Payload{rest.data.first(captured), std::min(total, rest.reported), rest.at}, guard == 0);
        if (total >= rest.reported) break;
        rest = Payload{rest.data.subspan(captured), rest.reported - total, rest.at + static_cast<std::uint32_t>(total)};
    }
    return true;
}

}  // namespace

void registerDnp3(ProtocolRegistrar& r)
{
    r.protocol("dnp3");
    hf.start = r.field({"dnp3.start", "Start Bytes", FieldKind::Hex, 16});
    hf.len = r.field({"dnp3.len", "Length", FieldKind::Unsigned, 8});
    hf.ctl = r.field({"dnp3.ctl", "Control", FieldKind::Hex, 8});
    hf.dir = r.field({"dnp3.ctl.dir", "Direction", FieldKind::Bool, 8, {}, 0x80});
    hf.prm = r.field({"dnp3.ctl.prm", "Primary", FieldKind::Bool, 8, {}, 0x40});
    hf.fcb = r.field({"dnp3.ctl.fcb", "Frame Count Bit", FieldKind::Bool, 8, {}, 0x20});
    hf.fcv = r.field({"dnp3.ctl.fcv", "Frame Count Valid", FieldKind::Bool, 8, {}, 0x10});
    hf.dfc = r.field({"dnp3.ctl.dfc", "Data Flow Control", FieldKind::Bool, 8, {}, 0x10});
    hf.priFunc = r.field({"dnp3.ctl.prifunc", "Control Function Code", FieldKind::Unsigned, 8, kDnp3LinkPrimary, 0x0f});
    hf.secFunc = r.field({"dnp3.ctl.secfunc", "Control Function Code", FieldKind::Unsigned, 8, kDnp3LinkSecondary, 0x0f});
    hf.dst = r.field({"dnp3.dst", "Destination", FieldKind::Unsigned, 16});
    hf.addr = r.field({"dnp3.addr", "Address", FieldKind::Unsigned, 16});
    hf.src = r.field({"dnp3.src", "Source", FieldKind::Unsigned, 16});
    hf.hdrCrc = r.field({"dnp3.hdr.CRC", "Data Link Header checksum", FieldKind::Hex, 16});
    hf.trCtl = r.field({"dnp3.tr.ctl", "Transport Control", FieldKind::Hex, 8});
    hf.trFin = r.field({"dnp3.tr.fin", "Final", FieldKind::Bool, 8, {}, 0x80});
    hf.trFir = r.field({"dnp3.tr.fir", "First", FieldKind::Bool, 8, {}, 0x40});
    hf.trSeq = r.field({"dnp3.tr.seq", "Sequence", FieldKind::Unsigned, 8, {}, 0x3f});
    hf.fragData = r.field({"dnp3.al.frag_data", "DNP3.0 AL Fragment Data", FieldKind::Bytes});
    hf.alCtl = r.field({"dnp3.al.ctl", "Application Control", FieldKind::Hex, 8});
    hf.alFir = r.field({"dnp3.al.fir", "First", FieldKind::Bool, 8, {}, 0x80});
    hf.alFin = r.field({"dnp3.al.fin", "Final", FieldKind::Bool, 8, {}, 0x40});
    hf.alCon = r.field({"dnp3.al.con", "Confirm", FieldKind::Bool, 8, {}, 0x20});
    hf.alUns = r.field({"dnp3.al.uns", "Unsolicited", FieldKind::Bool, 8, {}, 0x10});
    hf.alSeq = r.field({"dnp3.al.seq", "Sequence", FieldKind::Unsigned, 8, {}, 0x0f});
    hf.alFunc = r.field({"dnp3.al.func", "Application Layer Function Code", FieldKind::Unsigned, 8, kDnp3AppFunctions});
    hf.alIin = r.field({"dnp3.al.iin", "Internal Indications", FieldKind::Hex, 16});
    hf.alObj = r.field({"dnp3.al.obj", "Object", FieldKind::Hex, 16});
    fragmentsSlot = r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<Fragments>(); });
    r.tcpPort(20000, dissectTcp);
    r.udpPort(20000, dissectUdp);
}

}  // namespace rcvmon

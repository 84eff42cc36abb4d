// SPDX-License-Identifier: GPL-2.0-or-later
// TFTP (RFC 1350, options RFC 2347): requests to UDP port 69 and, as Wireshark's enabled
// heuristic, any datagram that reads as a request (printable file name and a known mode).
// A request opens a transfer: what the server sends from any port to the client's port (and
// the client's answers) is TFTP too, as packet-tftp.c's conversation makes it; data blocks
// shorter than the block size (512, or a negotiated blksize) end it: "(last)".
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

#include <cctype>
#include <cstring>

namespace rcvmon {
namespace {

struct TftpFields {
    FieldId opcode, sourceFile, destinationFile, type, block, errorCode, errorMessage, optionName, optionValue;
} hf;

enum : std::uint16_t { Rrq = 1, Wrq = 2, Data = 3, Ack = 4, Error = 5, Oack = 6 };

constexpr ValueName kOpcodes[] = {{1, "Read Request"},   {2, "Write Request"},        {3, "Data Packet"},
                                  {4, "Acknowledgement"}, {5, "Error Code"},           {6, "Option Acknowledgement"},
                                  {255, "Information (MSDP)"}};
constexpr ValueName kErrors[] = {{0, "Not defined"},
                                 {1, "File not found"},
                                 {2, "Access violation"},
                                 {3, "Disk full or allocation exceeded"},
                                 {4, "Illegal TFTP Operation"},
                                 {5, "Unknown transfer ID"},
                                 {6, "File already exists"},
                                 {7, "No such user"},
                                 {8, "Option negotiation failed"}};

// "Read Request, File: x, Transfer type: octet, blksize=1428", "Acknowledgement, Block: 2".
void writeInfo(const LayerView& layer, std::string& out)
{
    const std::uint64_t opcode = layer.number(hf.opcode);
    const std::string_view name = valueName(fieldInfo(hf.opcode), opcode);
    appendNameOrHex(out, name, opcode, 4);
    const Dissection& d = layer.dissection();
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != layer.layer()) continue;
        if (f.id == hf.sourceFile || f.id == hf.destinationFile) {
            out += ", File: ";
            out += d.valueText(f);
        } else if (f.id == hf.type) {
            out += ", Transfer type: ";
            out += d.valueText(f);
        } else if (f.id == hf.block) {
            out += ", Block: ";
            appendDecimal(out, f.number);
            if (f.aux) out += " (last)";
        } else if (f.id == hf.errorCode) {
            out += ", Code: ";
            out += valueName(fieldInfo(hf.errorCode), f.number);
        } else if (f.id == hf.errorMessage) {
            out += ", Message: ";
            out += d.valueText(f);
        } else if (f.id == hf.optionName) {
            out += ", ";
            out += d.valueText(f);
        } else if (f.id == hf.optionValue) {
            out += '=';
            out += d.valueText(f);
        }
    }
}

// The transfers requests opened: client address and port, server address, block size.
// A small ring: the oldest gives way.
class TftpTransfers final : public ProtocolState {
public:
    struct Transfer {
        std::uint8_t family = 0;
        std::array<std::uint8_t, 16> client{}, server{};
        std::uint16_t clientPort = 0;
        std::uint16_t blockSize = 512;
    };
    Transfer* find(const DissectContext& ctx)
    {
        for (Transfer& t : m_transfers) {
            if (t.family == 0 || t.family != ctx.net.family) continue;
            if ((t.client == ctx.net.src && t.clientPort == ctx.udpSrcPort && t.server == ctx.net.dst) ||
                (t.client == ctx.net.dst && t.clientPort == ctx.udpDstPort && t.server == ctx.net.src))
                return &t;
        }
        return nullptr;
    }
    Transfer& open(const DissectContext& ctx)
    {
        Transfer* t = find(ctx);
        if (!t) {
            t = &m_transfers[m_next];
            m_next = (m_next + 1) % kMax;
        }
        *t = Transfer{ctx.net.family, ctx.net.src, ctx.net.dst, ctx.udpSrcPort, 512};
        return *t;
    }
    void clear() override
    {
        m_transfers = {};
        m_next = 0;
    }

private:
    static constexpr std::size_t kMax = 64;
    std::array<Transfer, kMax> m_transfers{};
    std::size_t m_next = 0;
};

std::uint16_t transfersSlot = 0xffff;

// The blksize option's value (RFC 2348), or 0.
std::uint16_t blockSizeOption(const LayerView& l)
{
    std::string_view name;
    std::uint16_t size = 0;
    for (const FieldRecord& f : l.dissection().fields()) {
        if (f.layer != l.layer()) continue;
        if (f.id == hf.optionName) name = l.dissection().valueText(f);
        if (f.id == hf.optionValue && name.size() == 7) {
            bool match = true;
            for (std::size_t i = 0; i < 7; ++i)
                match = match && std::tolower(static_cast<unsigned char>(name[i])) == "blksize"[i];
            if (!match) continue;
            unsigned v = 0;
            for (const char ch : l.dissection().valueText(f))
                if (ch >= '0' && ch <= '9' && v < 65536) v = v * 10 + static_cast<unsigned>(ch - '0');
            if (v >= 8 && v <= 65464) size = static_cast<std::uint16_t>(v);
        }
    }
    return size;
}

// A NUL-terminated string at the cursor, as a text field; false when it does not end.
bool stringz(LayerCursor& c, FieldId id)
{
    const ByteSpan rest = c.rest();
    std::size_t n = 0;
    while (n < rest.size() && rest[n] != 0) ++n;
    if (n == rest.size()) {
        c.need(n + 1);
        return false;
    }
    c.ctx().out.addTextField(id, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(n + 1),
                             std::string_view(reinterpret_cast<const char*>(rest.data()), n));
    c.skip(n + 1);
    return true;
}

// Wireshark's is_valid_request_body: printable text in NUL-ended pairs, the second string a
// transfer mode.
bool looksLikeRequest(ByteSpan d)
{
    if (d.size() < 4) return false;
    unsigned zeros = 0;
    for (std::size_t i = 2; i < d.size(); ++i) {
        if (d[i] == 0) {
            ++zeros;
        } else if (d[i] < 0x20 || d[i] > 0x7e) {
            return false;
        }
    }
    if (zeros == 0 || zeros % 2 != 0) return false;
    std::size_t i = 2;
    while (d[i] != 0) ++i;
    const std::size_t start = ++i;
    while (i < d.size() && d[i] != 0) ++i;
    std::string_view mode(reinterpret_cast<const char*>(d.data()) + start, i - start);
    for (const std::string_view known : {"netscii", "octet", "mail"}) {
        if (mode.size() != known.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < mode.size(); ++k)
            same = same && std::tolower(static_cast<unsigned char>(mode[k])) == known[k];
        if (same) return true;
    }
    return false;
}

void dissectMessage(DissectContext& ctx, const Payload& p)
{
    TftpTransfers* transfers =
        ctx.inIcmpError || ctx.net.family == 0 ? nullptr : ctx.state<TftpTransfers>(transfersSlot);
    LayerCursor c(ctx, "TFTP", "tftp", p.data, p.at, p.reported);
    ctx.setProtocol("TFTP");
    const std::uint16_t opcode = c.u16(hf.opcode);
    if (!c.ok()) return;
    ctx.setInfo(writeInfo, c.layer());
    switch (opcode) {
    case Rrq:
    case Wrq:
        if (!stringz(c, opcode == Rrq ? hf.sourceFile : hf.destinationFile) || !stringz(c, hf.type)) return;
        if (transfers) transfers->open(ctx);
        [[fallthrough]];
    case Oack:
        for (int guard = 0; guard < 32 && c.ok() && c.remaining() > 0; ++guard)
            if (!stringz(c, hf.optionName) || !stringz(c, hf.optionValue)) break;
        // The server's acknowledgement settles the block size.
        if (opcode == Oack && transfers) {
            TftpTransfers::Transfer* t = transfers->find(ctx);
            const std::uint16_t size = blockSizeOption(LayerView(ctx.out, c.layer()));
            if (t && size) t->blockSize = size;
        }
        break;
    case Data: {
        c.u16(hf.block);
        if (!c.ok()) return;
        const TftpTransfers::Transfer* t = transfers ? transfers->find(ctx) : nullptr;
        const std::size_t size = c.reportedRemaining();
        if (size < (t ? t->blockSize : 512u)) ctx.out.setAux(c.lastField(), 1);
        if (size > 0) dissectData(ctx, payloadAfter(c, size));
        break;
    }
    case Ack: c.u16(hf.block); break;
    case Error:
        c.u16(hf.errorCode);
        if (c.ok()) stringz(c, hf.errorMessage);
        break;
    default: break;
    }
}

std::uint16_t opcodeOf(ByteSpan d) { return d.size() >= 2 ? static_cast<std::uint16_t>(d[0] << 8 | d[1]) : 0; }

// Port 69 receives the requests; what else reaches it belongs to a transfer, which
// dissectTftpTransfer takes when its request was seen (Wireshark's TFTP declines it without).
bool dissectTftpPort(DissectContext& ctx, const Payload& p)
{
    const std::uint16_t opcode = opcodeOf(p.data);
    if (opcode != Rrq && opcode != Wrq) return false;
    dissectMessage(ctx, p);
    return true;
}

// A datagram of a transfer a request opened, whatever its ports.
bool dissectTftpTransfer(DissectContext& ctx, const Payload& p)
{
    const std::uint16_t opcode = opcodeOf(p.data);
    if (opcode < Rrq || opcode > Oack || ctx.inIcmpError || ctx.net.family == 0) return false;
    TftpTransfers* transfers = ctx.state<TftpTransfers>(transfersSlot);
    if (!transfers || !transfers->find(ctx)) return false;
    dissectMessage(ctx, p);
    return true;
}

bool dissectTftpHeuristic(DissectContext& ctx, const Payload& p)
{
    const std::uint16_t opcode = opcodeOf(p.data);
    if ((opcode != Rrq && opcode != Wrq) || !looksLikeRequest(p.data)) return false;
    dissectMessage(ctx, p);
    return true;
}

}  // namespace

void registerTftp(ProtocolRegistrar& r)
{
    r.protocol("tftp");
    hf.opcode = r.field({"tftp.opcode", "Opcode", FieldKind::Unsigned, 16, kOpcodes});
    hf.sourceFile = r.field({"tftp.source_file", "Source File", FieldKind::String});
    hf.destinationFile = r.field({"tftp.destination_file", "Destination File", FieldKind::String});
    hf.type = r.field({"tftp.type", "Type", FieldKind::String});
    hf.block = r.field({"tftp.block", "Block", FieldKind::Unsigned, 16});
    hf.errorCode = r.field({"tftp.error.code", "Error code", FieldKind::Unsigned, 16, kErrors});
    hf.errorMessage = r.field({"tftp.error.message", "Error message", FieldKind::String});
    hf.optionName = r.field({"tftp.option.name", "Option name", FieldKind::String});
    hf.optionValue = r.field({"tftp.option.value", "Option value", FieldKind::String});
    transfersSlot = r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<TftpTransfers>(); });
    r.udpPort(69, dissectTftpPort);
    r.udpHeuristic(dissectTftpTransfer);
    r.udpHeuristic(dissectTftpHeuristic);
}

}  // namespace rcvmon

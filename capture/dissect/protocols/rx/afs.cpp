// SPDX-License-Identifier: GPL-2.0-or-later
// AFS over RX DATA packets (OpenAFS's RPC interfaces, as packet-afs.c shows them): the
// service follows from the server's port, the operation from the request's first word; a
// reply carries no operation, so requests are remembered per conversation, connection epoch,
// connection id and call number, as Wireshark matches them in one pass.
#include "dissect/field_format.h"
#include "dissect/protocols/rx/afs_names.h"
#include "dissect/protocols/rx/rx.h"

#include <vector>

namespace rcvmon {
namespace {

struct AfsFields {
    FieldId service, opcode[12], ubikOpcode, reqframe, repframe, time, protName, protId, protCount;
} hf;

std::uint16_t requestSlot = 0;

constexpr std::uint32_t kMaxValidOpcode = 66000;  // packet-afs.c's guess at what is not encrypted

struct Request {
    std::uint64_t key = 0;
    std::uint32_t opcode = 0;
    std::uint64_t requestFrame = 0, replyFrame = 0;
    std::int64_t time = 0;
    bool used = false;
};

// Requests waiting for replies; a fixed table, a new request replaces the oldest of its bucket.
class Requests final : public ProtocolState {
public:
    static constexpr std::size_t kBuckets = 1024, kWays = 4;

    Request* find(std::uint64_t key)
    {
        if (m_slots.empty()) return nullptr;
        Request* b = &m_slots[(key % kBuckets) * kWays];
        for (std::size_t i = 0; i < kWays; ++i)
            if (b[i].used && b[i].key == key) return &b[i];
        return nullptr;
    }
    Request& insert(std::uint64_t key)
    {
        if (m_slots.empty()) m_slots.resize(kBuckets * kWays);
        Request* b = &m_slots[(key % kBuckets) * kWays];
        Request* victim = b;
        for (std::size_t i = 0; i < kWays; ++i) {
            if (!b[i].used) {
                victim = &b[i];
                break;
            }
            if (b[i].requestFrame < victim->requestFrame) victim = &b[i];
        }
        *victim = Request{};
        victim->key = key;
        victim->used = true;
        return *victim;
    }
    void clear() override { m_slots.clear(); }

private:
    std::vector<Request> m_slots;
};

// The UDP conversation (either direction) with the RX connection and call.
std::uint64_t requestKey(const DissectContext& ctx, const rx::Header& h)
{
    const auto& a = ctx.net.src;
    const auto& b = ctx.net.dst;
    const bool swap = std::lexicographical_compare(b.begin(), b.end(), a.begin(), a.end()) ||
                      (a == b && ctx.udpDstPort < ctx.udpSrcPort);
    std::uint64_t k = 0xcbf29ce484222325ull ^ ctx.net.family;
    for (const std::uint8_t x : swap ? b : a) k = (k ^ x) * 0x100000001b3ull;
    for (const std::uint8_t x : swap ? a : b) k = (k ^ x) * 0x100000001b3ull;
    for (const std::uint32_t v : {std::uint32_t{swap ? ctx.udpDstPort : ctx.udpSrcPort},
                                  std::uint32_t{swap ? ctx.udpSrcPort : ctx.udpDstPort}, h.epoch, h.cid, h.callNumber})
        k = (k ^ v) * 0x100000001b3ull;
    return k;
}

// "FS Request: fetch-status (132)"; the service field keeps the opcode, its aux the port
// and whether this is a reply.
void writeInfo(const LayerView& layer, std::string& out)
{
    const FieldRecord* s = layer.field(hf.service);
    if (!s) return;
    const auto opcode = static_cast<std::uint32_t>(s->number);
    const std::uint32_t port = s->aux & 0xffff;
    const bool reply = s->aux >> 16;
    const std::string_view service = afs::serviceShortName(port);
    if (opcode > kMaxValidOpcode) out += "Encrypted ";
    else if (afs::isUbik(opcode)) out += "UBIK-";
    if (service.empty()) {
        out += "Unknown(";
        appendDecimal(out, port);
        out += ')';
    } else {
        out += service;
    }
    out += reply ? " Reply" : " Request";
    if (opcode > kMaxValidOpcode) return;
    out += ": ";
    const auto names = afs::operationNames(port, opcode);
    std::string_view name;
    for (const ValueName& n : names)
        if (n.value == opcode) name = n.name;
    if (name.empty()) {
        out += "Unknown(";
        appendDecimal(out, opcode);
        out += ')';
        if (names.empty()) return;
    } else {
        out += name;
    }
    out += " (";
    appendDecimal(out, opcode);
    out += ')';
}

// A name of the protection server: PRNAMEMAX (64) characters, each in a 32-bit word.
void readVectorName(LayerCursor& c)
{
    constexpr std::size_t kChars = 64;
    const std::size_t at = c.pos();
    const ByteSpan b = c.bytes(kChars * 4);
    if (!c.ok()) return;
    char name[kChars];
    std::size_t n = 0;
    while (n < kChars && b[n * 4 + 3] != 0) {
        name[n] = static_cast<char>(b[n * 4 + 3]);
        ++n;
    }
    c.ctx().out.addTextField(hf.protName, c.layer(), c.absolute(at), kChars * 4, std::string_view(name, n));
}

// The protection server's name/id translations, the bulk of what AFS clients ask it.
void dissectProt(LayerCursor& c, std::uint32_t opcode, bool reply)
{
    const bool names = (opcode == 504) != reply;  // name-to-id asks names, id-to-name answers them
    if (opcode != 504 && opcode != 505) return;
    const std::uint32_t count = c.u32(hf.protCount);
    for (std::uint32_t i = 0; i < count && c.ok(); ++i) {
        if (names) readVectorName(c);
        else c.u32(hf.protId);
    }
}

FieldId opcodeField(std::uint32_t port, std::uint32_t opcode)
{
    if (afs::isUbik(opcode)) return hf.ubikOpcode;
    if (port >= 7000 && port <= 7009) return hf.opcode[port - 7000];
    if (port == 7021) return hf.opcode[10];
    return port >= 7025 ? hf.opcode[11] : LayerCursor::kNone;
}

}  // namespace

void rx::dissectAfs(DissectContext& ctx, const Payload& p, const Header& h)
{
    LayerCursor c(ctx, "AFS (RX)", "afs", p.data, p.at, p.reported);
    if (p.reported == 0) c.unlisted();  // an empty DATA packet: frame.protocols ends at RX
    ctx.setProtocol("AFS (RX)");
    ctx.setInfo(writeInfo, c.layer());
    const bool reply = !(h.flags & kClientInitiated);
    const std::uint32_t port = reply ? ctx.udpSrcPort : ctx.udpDstPort;
    Requests* requests = ctx.state<Requests>(requestSlot);
    const std::uint64_t key = requestKey(ctx, h);
    Request* request = requests ? requests->find(key) : nullptr;
    std::uint32_t opcode = 0;
    if (!request && !reply) {
        // Wireshark reads the request's operation before anything else: a shorter payload throws.
        if (!c.need(4)) return;
        opcode = (std::uint32_t{p.data[0]} << 24) | (std::uint32_t{p.data[1]} << 16) | (std::uint32_t{p.data[2]} << 8) | p.data[3];
        if (requests) {
            request = &requests->insert(key);
            request->opcode = opcode;
            request->requestFrame = ctx.frameNumber;
            request->time = ctx.timeNs;
        }
    }
    if (request && reply) request->replyFrame = ctx.frameNumber;
    if (request) opcode = request->opcode;
    c.add(hf.service, 0, 0, opcode);
    ctx.out.setAux(c.lastField(), (reply ? 0x10000u : 0u) | (port & 0xffff));
    if (request && !reply && request->replyFrame) c.add(hf.repframe, 0, 0, request->replyFrame);
    if (request && reply && request->replyFrame) {
        c.add(hf.reqframe, 0, 0, request->requestFrame);
        const std::int64_t delta = ctx.timeNs > request->time ? ctx.timeNs - request->time : 0;
        const std::uint32_t t = c.add(hf.time, 0, 0, static_cast<std::uint64_t>(delta / 1000000000));
        ctx.out.setAux(t, static_cast<std::uint32_t>(delta % 1000000000));
    }
    if (opcode > kMaxValidOpcode) return;
    const FieldId op = opcodeField(port, opcode);
    if (op == LayerCursor::kNone) return;
    // The operation is the request's first word (only in its first packet); a reply has none.
    if (!reply && h.seq == 1) c.u32(op);
    else c.add(op, 0, 0, opcode);
    // Bodies are read in a call's first packet only (Wireshark does not collect RX fragments).
    if (h.seq == 1 && port == 7002 && !afs::isUbik(opcode)) dissectProt(c, opcode, reply);
}

void registerAfs(ProtocolRegistrar& r)
{
    r.protocol("afs");
    hf.service = r.field({"afs.service", "Service", FieldKind::Unsigned, 32});
    static constexpr std::string_view kNames[12] = {
        "afs.fs.opcode", "afs.cb.opcode", "afs.prot.opcode", "afs.vldb.opcode", "afs.kauth.opcode",
        "afs.vol.opcode", "afs.error.opcode", "afs.bos.opcode", "afs.update.opcode", "afs.rmtsys.opcode",
        "afs.backup.opcode", "afs.butc.opcode",
    };
    static constexpr std::uint32_t kPorts[12] = {7000, 7001, 7002, 7003, 7004, 7005, 7006, 7007, 7008, 7009, 7021, 7025};
    for (std::size_t i = 0; i < 12; ++i)
        hf.opcode[i] = r.field({kNames[i], "Operation", FieldKind::Unsigned, 32, afs::operationNames(kPorts[i], 0)});
    hf.ubikOpcode = r.field({"afs.ubik.opcode", "Operation", FieldKind::Unsigned, 32, afs::operationNames(0, 10000)});
    hf.protName = r.field({"afs.prot.name", "Name", FieldKind::String});
    hf.protId = r.field({"afs.prot.id", "ID", FieldKind::Unsigned, 32});
    hf.protCount = r.field({"afs.prot.count", "Count", FieldKind::Unsigned, 32});
    hf.reqframe = r.field({"afs.reqframe", "Request Frame", FieldKind::Unsigned, 32});
    hf.repframe = r.field({"afs.repframe", "Reply Frame", FieldKind::Unsigned, 32});
    hf.time = r.field({"afs.time", "Time from request", FieldKind::RelativeTime});
    requestSlot = r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<Requests>(); });
}

}  // namespace rcvmon

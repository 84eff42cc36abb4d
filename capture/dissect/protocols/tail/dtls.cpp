// SPDX-License-Identifier: GPL-2.0-or-later
// DTLS 1.0 and 1.2 (RFC 4347 §4.1, RFC 6347 §4.1-4.2) found by packet-dtls.c's heuristic on
// UDP: datagrams made exactly of DTLS records. Each record's type and, for handshakes, each
// message's type and fragment bounds; fragmented messages are counted until complete, as
// Wireshark's reassembly names them "(Fragment)" and "(Reassembled)". Handshake records of later
// epochs that do not read as messages are encrypted. The Protocol column names the version once a record other than a
// Client Hello has set it for the conversation ("DTLSv1.2"), else "DTLS".
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/endpoint_pair.h"
#include "dissect/protocols/value_names.h"

#include <cstring>
#include <unordered_map>

namespace rcvmon {
namespace {

struct DtlsFields {
    FieldId contentType, version, epoch, seq, length, handshakeType, handshakeLength, messageSeq, fragmentOffset,
        fragmentLength, reassembledLength, alertLevel, alertDesc, changeCipherSpec, appData;
} hf;

constexpr ValueName kContentTypes[] = {
    {20, "Change Cipher Spec"}, {21, "Alert"}, {22, "Handshake"}, {23, "Application Data"}, {24, "Heartbeat"},
};
constexpr ValueName kVersions[] = {{0xfeff, "DTLS 1.0"}, {0xfefd, "DTLS 1.2"}, {0x0100, "DTLS 1.0 (OpenSSL pre 0.9.8f)"}};
constexpr ValueName kHandshakeTypes[] = {
    {0, "Hello Request"},        {1, "Client Hello"},          {2, "Server Hello"},        {3, "Hello Verify Request"},
    {4, "New Session Ticket"},   {5, "End of Early Data"},     {6, "Hello Retry Request"}, {8, "Encrypted Extensions"},
    {11, "Certificate"},         {12, "Server Key Exchange"},  {13, "Certificate Request"}, {14, "Server Hello Done"},
    {15, "Certificate Verify"},  {16, "Client Key Exchange"},  {20, "Finished"},            {21, "Certificate URL"},
    {22, "Certificate Status"},  {23, "Supplemental Data"},    {24, "Key Update"},          {25, "Compressed Certificate"},
    {67, "Encrypted Extensions"}, {254, "Message Hash"},
};
constexpr ValueName kAlertLevels[] = {{1, "Warning"}, {2, "Fatal"}};
constexpr ValueName kAlertDescriptions[] = {
    {0, "Close Notify"}, {10, "Unexpected Message"}, {20, "Bad Record MAC"}, {21, "Decryption Failed"},
    {22, "Record Overflow"}, {30, "Decompression Failure"}, {40, "Handshake Failure"}, {41, "No Certificate"},
    {42, "Bad Certificate"}, {43, "Unsupported Certificate"}, {44, "Certificate Revoked"},
    {45, "Certificate Expired"}, {46, "Certificate Unknown"}, {47, "Illegal Parameter"}, {48, "Unknown CA"},
    {49, "Access Denied"}, {50, "Decode Error"}, {51, "Decrypt Error"}, {60, "Export Restriction"},
    {70, "Protocol Version"}, {71, "Insufficient Security"}, {80, "Internal Error"},
    {86, "Inappropriate Fallback"}, {90, "User Canceled"}, {100, "No Renegotiation"},
    {109, "Missing Extension"}, {110, "Unsupported Extension"}, {111, "Certificate Unobtainable"},
    {112, "Unrecognized Name"}, {113, "Bad Certificate Status Response"}, {114, "Bad Certificate Hash Value"},
    {115, "Unknown PSK Identity"}, {116, "Certificate Required"}, {120, "No application Protocol"},
};

bool knownVersion(std::uint16_t v) { return v == 0xfeff || v == 0xfefd || v == 0x0100; }

// packet-dtls.c's looks_like_dtls: a known record type and version.
bool looksLikeDtls(ByteSpan d, std::size_t at)
{
    if (d.size() < at + 3) return false;
    const std::uint8_t type = d[at];
    if (type < 20 || type > 24) return false;
    return knownVersion(static_cast<std::uint16_t>(d[at + 1] << 8 | d[at + 2]));
}

// Per conversation: the version records have settled on, and the handshake messages
// still being put together from fragments.
class DtlsSessions final : public ProtocolState {
public:
    using Key = EndpointPair;
    struct Message {
        std::uint32_t received = 0;     // bytes of the message seen so far
        std::uint64_t lastFrame = 0;    // frames up to here were counted
        std::uint64_t completeFrame = 0;
    };
    struct Session {
        std::uint16_t version = 0;
        std::uint64_t versionFrame = 0;  // the frame that set it
        std::unordered_map<std::uint64_t, Message> messages;  // by direction, epoch, message_seq, type
    };
    Session& get(const Key& k)
    {
        if (m_sessions.size() >= kMax) m_sessions.clear();
        return m_sessions[k];
    }
    void clear() override { m_sessions.clear(); }
    static constexpr std::size_t kMaxMessages = 64;

private:
    static constexpr std::size_t kMax = 1u << 14;
    std::unordered_map<Key, Session, EndpointPairHash> m_sessions;
};

std::uint16_t sessionsSlot = 0xffff;

void writeInfo(const LayerView& l, std::string& out)
{
    std::uint64_t type = 0, level = 0, hsType = 0, hsLength = 0, fragOffset = 0;
    bool first = true, encrypted = false;
    const auto part = [&](std::string_view text) {
        if (!first) out += ", ";
        first = false;
        out += text;
    };
    // A handshake record with no message Wireshark could read is encrypted.
    const auto flush = [&] {
        if (encrypted) part("Encrypted Handshake Message");
        encrypted = false;
    };
    for (const FieldRecord& f : l.dissection().fields()) {
        if (f.layer != l.layer()) continue;
        if (f.id == hf.contentType) {
            flush();
            type = f.number;
        } else if (f.id == hf.length) {
            if (type == 20) part("Change Cipher Spec");
            else if (type == 23) part("Application Data");
            else if (type == 24) part("Heartbeat");
            else if (type == 21 && f.number != 2) part("Encrypted Alert");
            else if (type == 22) encrypted = true;
        } else if (f.id == hf.alertLevel) {
            level = f.number;
        } else if (f.id == hf.alertDesc) {
            part("Alert (Level: ");
            out += valueName(kAlertLevels, level, "Unknown");
            out += ", Description: ";
            out += valueName(kAlertDescriptions, f.number, "Unknown");
            out += ')';
        } else if (f.id == hf.handshakeType) {
            encrypted = false;
            hsType = f.number;
        } else if (f.id == hf.handshakeLength) {
            hsLength = f.number;
        } else if (f.id == hf.fragmentOffset) {
            fragOffset = f.number;
        } else if (f.id == hf.fragmentLength) {
            part(valueName(kHandshakeTypes, hsType, "Unknown"));
            if (fragOffset != 0 || f.number != hsLength) out += " (Fragment)";
        } else if (f.id == hf.reassembledLength && out.ends_with(" (Fragment)")) {
            out.resize(out.size() - 11);
            out += " (Reassembled)";
        }
    }
    flush();
}

// Whether a handshake record of a later epoch reads as plaintext messages (packet-dtls.c
// shows the encrypted ones as such): a known type whose fragment fits the record.
bool plaintextHandshake(ByteSpan record)
{
    if (record.size() < 12 || valueName(kHandshakeTypes, record[0]).empty()) return false;
    const std::uint32_t length = static_cast<std::uint32_t>(record[1] << 16 | record[2] << 8 | record[3]);
    const std::uint32_t offset = static_cast<std::uint32_t>(record[6] << 16 | record[7] << 8 | record[8]);
    const std::uint32_t fragment = static_cast<std::uint32_t>(record[9] << 16 | record[10] << 8 | record[11]);
    return offset + fragment <= length && 12 + fragment <= record.size();
}

// Counts a fragment of a handshake message; true when it completes the message here.
bool fragmentCompletes(DtlsSessions::Session* session, bool forward, std::uint16_t epoch, std::uint16_t messageSeq,
                       std::uint8_t type, std::uint32_t length, std::uint32_t fragmentLength, std::uint64_t frame)
{
    if (!session) return false;
    const std::uint64_t key = std::uint64_t{forward} << 40 | std::uint64_t{epoch} << 24 | std::uint64_t{messageSeq} << 8 | type;
    auto it = session->messages.find(key);
    if (it == session->messages.end()) {
        if (session->messages.size() >= DtlsSessions::kMaxMessages) session->messages.clear();
        it = session->messages.emplace(key, DtlsSessions::Message{}).first;
    }
    DtlsSessions::Message& m = it->second;
    if (frame > m.lastFrame && m.completeFrame == 0) {
        m.lastFrame = frame;
        m.received += fragmentLength;
        if (m.received >= length) m.completeFrame = frame;
    }
    return m.completeFrame == frame;
}

void dissectHandshakes(LayerCursor& c, std::size_t end, DtlsSessions::Session* session, bool forward,
                       std::uint16_t epoch, std::uint64_t frame)
{
    for (int guard = 0; guard < 32 && c.ok() && c.pos() + 12 <= end; ++guard) {
        const std::uint8_t type = c.u8(hf.handshakeType);
        const std::uint32_t length = c.u24(hf.handshakeLength);
        const std::uint16_t messageSeq = c.u16(hf.messageSeq);
        const std::uint32_t offset = c.u24(hf.fragmentOffset);
        const std::uint32_t fragment = c.u24(hf.fragmentLength);
        if (!c.ok()) return;
        if ((offset != 0 || fragment != length) &&
            fragmentCompletes(session, forward, epoch, messageSeq, type, length, fragment, frame))
            c.add(hf.reassembledLength, c.pos(), 0, length);
        if (fragment > end - c.pos()) return;
        c.skip(fragment);
    }
}

bool dissectDtls(DissectContext& ctx, const Payload& p)
{
    // The heuristic: whole records that end exactly where the datagram does.
    if (p.data.size() != p.reported || p.data.size() < 13) return false;
    std::size_t at = 0;
    while (at + 13 <= p.data.size() && looksLikeDtls(p.data, at)) {
        at += static_cast<std::size_t>(p.data[at + 11] << 8 | p.data[at + 12]) + 13;
        if (at == p.data.size()) break;
    }
    if (at != p.data.size()) return false;

    DtlsSessions::Session* session = nullptr;
    bool forward = true;
    if (DtlsSessions* sessions = ctx.inIcmpError ? nullptr : ctx.state<DtlsSessions>(sessionsSlot);
        sessions && ctx.net.family != 0) {
        const std::size_t n = ctx.net.family == 4 ? 4 : 16;
        int direction = std::memcmp(ctx.net.src.data(), ctx.net.dst.data(), n);
        if (direction == 0) direction = ctx.udpSrcPort > ctx.udpDstPort ? 1 : -1;
        forward = direction >= 0;
        session = &sessions->get(forward ? DtlsSessions::Key{ctx.net.src, ctx.net.dst, ctx.udpSrcPort, ctx.udpDstPort}
                                         : DtlsSessions::Key{ctx.net.dst, ctx.net.src, ctx.udpDstPort, ctx.udpSrcPort});
    }

    LayerCursor c(ctx, "DTLS", "dtls", p.data, p.at, p.reported);
    ctx.setInfo(writeInfo, c.layer());
    std::string_view protocol = "DTLS";
    for (int records = 0; records < 64 && c.ok() && c.remaining() >= 13; ++records) {
        const std::uint8_t type = c.u8(hf.contentType);
        const std::uint16_t version = c.u16(hf.version);
        const std::uint16_t epoch = c.u16(hf.epoch);
        const std::size_t seqAt = c.pos();
        const std::uint64_t seqHigh = c.u16();
        const std::uint64_t seqLow = c.u32();
        c.add(hf.seq, seqAt, 6, seqHigh << 32 | seqLow);
        const std::uint16_t length = c.u16(hf.length);
        if (!c.ok()) break;
        const std::size_t end = c.pos() + length;
        const bool clientHello = type == 22 && epoch == 0 && c.peek() == 1;
        // ssl_try_set_version: any record but a Client Hello settles the conversation's version.
        if (session && !clientHello && knownVersion(version) &&
            (session->version == 0 || session->versionFrame >= ctx.frameNumber)) {
            session->version = version;
            session->versionFrame = ctx.frameNumber;
        }
        if (session && session->version != 0 && session->versionFrame <= ctx.frameNumber)
            protocol = session->version == 0xfefd ? "DTLSv1.2" : "DTLSv1.0";
        const ByteSpan body = c.rest().first(length < c.remaining() ? length : c.remaining());
        if (type == 22 && (epoch == 0 || plaintextHandshake(body))) {
            dissectHandshakes(c, end, session, forward, epoch, ctx.frameNumber);
        } else if (type == 21 && length == 2) {
            c.u8(hf.alertLevel);
            c.u8(hf.alertDesc);
        } else if (type == 20) {
            c.ctx().out.addField(hf.changeCipherSpec, c.layer(), c.absolute(c.pos()), length, 0);
        } else if (type == 23) {
            c.bytes(length < c.remaining() ? length : c.remaining(), hf.appData);
        }
        if (c.ok() && c.pos() < end) c.skip(end - c.pos());
    }
    ctx.setProtocol(protocol);
    return true;
}

void writeContinuation(const LayerView&, std::string& out) { out += "Continuation Data"; }

// The UDP ports whose applications Wireshark hands to DTLS (dtls_dissector_add): DNS over
// DTLS (RFC 8094) on 853, CoAP over DTLS (RFC 7252) on 5684. There, bytes that are not DTLS
// records are the continuation of a record (QUIC on 853 included).
bool dissectDtlsPort(DissectContext& ctx, const Payload& p)
{
    if (dissectDtls(ctx, p)) return true;
    LayerCursor c(ctx, "DTLS", "dtls", p.data, p.at, p.reported);
    ctx.setProtocol("DTLS");
    ctx.setInfo(writeContinuation, c.layer());
    return true;
}

}  // namespace

void registerDtls(ProtocolRegistrar& r)
{
    r.protocol("dtls");
    hf.contentType = r.field({"dtls.record.content_type", "Content Type", FieldKind::Unsigned, 8, kContentTypes});
    hf.version = r.field({"dtls.record.version", "Version", FieldKind::Hex, 16, kVersions});
    hf.epoch = r.field({"dtls.record.epoch", "Epoch", FieldKind::Unsigned, 16});
    hf.seq = r.field({"dtls.record.sequence_number", "Sequence Number", FieldKind::Unsigned, 64});
    hf.length = r.field({"dtls.record.length", "Length", FieldKind::Unsigned, 16});
    hf.handshakeType = r.field({"dtls.handshake.type", "Handshake Type", FieldKind::Unsigned, 8, kHandshakeTypes});
    hf.handshakeLength = r.field({"dtls.handshake.length", "Length", FieldKind::Unsigned, 24});
    hf.messageSeq = r.field({"dtls.handshake.message_seq", "Message Sequence", FieldKind::Unsigned, 16});
    hf.fragmentOffset = r.field({"dtls.handshake.fragment_offset", "Fragment Offset", FieldKind::Unsigned, 24});
    hf.fragmentLength = r.field({"dtls.handshake.fragment_length", "Fragment Length", FieldKind::Unsigned, 24});
    hf.reassembledLength = r.field({"dtls.reassembled.length", "Reassembled DTLS length", FieldKind::Unsigned, 32});
    hf.alertLevel = r.field({"dtls.alert_message.level", "Level", FieldKind::Unsigned, 8, kAlertLevels});
    hf.alertDesc = r.field({"dtls.alert_message.desc", "Description", FieldKind::Unsigned, 8, kAlertDescriptions});
    hf.changeCipherSpec = r.field({"dtls.change_cipher_spec", "Change Cipher Spec Message", FieldKind::None});
    hf.appData = r.field({"dtls.app_data", "Encrypted Application Data", FieldKind::Bytes});
    sessionsSlot = r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<DtlsSessions>(); });
    r.udpPort(853, dissectDtlsPort);
    r.udpPort(5684, dissectDtlsPort);
    r.udpHeuristic(dissectDtls);
}

}  // namespace rcvmon

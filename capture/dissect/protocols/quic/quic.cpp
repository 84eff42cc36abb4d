// SPDX-License-Identifier: GPL-2.0-or-later
// QUIC (RFC 9000 §17, RFC 8999 invariants; QUIC v2 RFC 9369 and the late drafts) as Wireshark's
// packet-quic.c shows it: the packets coalesced in a datagram (§12.2) each a QUIC layer, long
// headers with version and connection IDs, short headers whose DCID length the connection tells,
// Initial packets decrypted (RFC 9001 §5, quic_crypto.cpp) to list their frames and hand the
// CRYPTO data to TLS. The Info column is the last packet's, as Wireshark sets it per packet.
#include "dissect/field_format.h"
#include "dissect/protocols/quic/quic_connections.h"
#include "dissect/protocols/quic/quic_crypto.h"
#include "dissect/protocols/tls/tls.h"

#include <algorithm>
#include <string>
#include <vector>

namespace rcvmon {
namespace {

struct QuicFields {
    FieldId headerForm, longPacketType, longPacketTypeV2, version, dcid, scid, packetNumber, shortHeader,
        keyPhase, frameType;
} hf;

constexpr std::uint32_t kVersion2 = 0x6b3343cf;

constexpr ValueName kLongTypes[] = {{0, "Initial"}, {1, "0-RTT"}, {2, "Handshake"}, {3, "Retry"}};
constexpr ValueName kLongTypesV2[] = {{0, "Retry"}, {1, "Initial"}, {2, "0-RTT"}, {3, "Handshake"}};

constexpr ValueName kFrameTypes[] = {
    {0x00, "PADDING"}, {0x01, "PING"}, {0x02, "ACK"}, {0x03, "ACK"}, {0x04, "RESET_STREAM"},
    {0x05, "STOP_SENDING"}, {0x06, "CRYPTO"}, {0x07, "NEW_TOKEN"}, {0x08, "STREAM"}, {0x09, "STREAM"},
    {0x0a, "STREAM"}, {0x0b, "STREAM"}, {0x0c, "STREAM"}, {0x0d, "STREAM"}, {0x0e, "STREAM"}, {0x0f, "STREAM"},
    {0x10, "MAX_DATA"}, {0x11, "MAX_STREAM_DATA"}, {0x12, "MAX_STREAMS"}, {0x13, "MAX_STREAMS"},
    {0x14, "DATA_BLOCKED"}, {0x15, "STREAM_DATA_BLOCKED"}, {0x16, "STREAMS_BLOCKED"}, {0x17, "STREAMS_BLOCKED"},
    {0x18, "NEW_CONNECTION_ID"}, {0x19, "RETIRE_CONNECTION_ID"}, {0x1a, "PATH_CHALLENGE"},
    {0x1b, "PATH_RESPONSE"}, {0x1c, "CONNECTION_CLOSE"}, {0x1d, "CONNECTION_CLOSE"}, {0x1e, "HANDSHAKE_DONE"},
    {0x30, "DATAGRAM"}, {0x31, "DATAGRAM"},
};

std::string_view nameOf(std::span<const ValueName> table, std::uint64_t value)
{
    for (const ValueName& v : table)
        if (v.value == value) return v.name;
    return {};
}

bool isKnownVersion(std::uint32_t v)
{
    return v == 1 || v == kVersion2 || (v >> 8) == 0xff0000 || (v & 0x0f0f0f0f) == 0x0a0a0a0a;
}

// A variable-length integer (RFC 9000 §16); false when cut.
bool varint(ByteSpan d, std::size_t& pos, std::uint64_t& v)
{
    if (pos >= d.size()) return false;
    const std::size_t n = std::size_t{1} << (d[pos] >> 6);
    if (pos + n > d.size()) return false;
    v = d[pos] & 0x3fu;
    for (std::size_t i = 1; i < n; ++i) v = (v << 8) | d[pos + i];
    pos += n;
    return true;
}

void appendCid(std::string& out, std::string_view text) { out += text; }

void writeInfo(const LayerView& layer, std::string& out)
{
    if (layer.has(hf.shortHeader)) {
        out += "Protected Payload (KP";
        appendDecimal(out, layer.number(hf.keyPhase));
        out += ')';
        if (layer.has(hf.dcid)) {
            out += ", DCID=";
            appendCid(out, layer.text(hf.dcid));
        }
    } else {
        const std::uint64_t version = layer.number(hf.version);
        if (version == 0) {
            out += "Version Negotiation";
        } else if (layer.has(hf.longPacketTypeV2)) {
            out += nameOf(kLongTypesV2, layer.number(hf.longPacketTypeV2));
        } else {
            out += nameOf(kLongTypes, layer.number(hf.longPacketType));
        }
        if (layer.has(hf.dcid)) {
            out += ", DCID=";
            appendCid(out, layer.text(hf.dcid));
        }
        if (layer.has(hf.scid)) {
            out += ", SCID=";
            appendCid(out, layer.text(hf.scid));
        }
    }
    if (layer.has(hf.packetNumber)) {
        out += ", PKN: ";
        appendDecimal(out, layer.number(hf.packetNumber));
    }
    layer.forEach(hf.frameType, [&](const FieldRecord& f) {
        out += ", ";
        const std::string_view name = nameOf(kFrameTypes, f.number);
        out += name.empty() ? std::string_view("Unknown") : name;
    });
}

void addCid(DissectContext& ctx, std::uint16_t layer, FieldId id, std::uint32_t at, ByteSpan cid)
{
    thread_local std::string text;
    text.clear();
    static constexpr char kHex[] = "0123456789abcdef";
    for (const std::uint8_t b : cid) {
        text += kHex[b >> 4];
        text += kHex[b & 15];
    }
    ctx.out.addTextField(id, layer, at, static_cast<std::uint32_t>(cid.size()), text);
}

QuicCid toCid(ByteSpan b)
{
    QuicCid c;
    c.length = static_cast<std::uint8_t>(std::min<std::size_t>(b.size(), c.bytes.size()));
    std::copy(b.begin(), b.begin() + c.length, c.bytes.begin());
    return c;
}

// Adds a CRYPTO frame's data to the side's stream; once the first handshake message is whole,
// TLS dissects the messages complete so far (Wireshark lets TLS add fields, not write columns).
void addCrypto(QuicCryptoStream* stream, std::uint64_t offset, ByteSpan data, bool& complete)
{
    if (!stream || stream->done || offset >= QuicCryptoStream::kMaxBytes) return;
    const std::size_t end = static_cast<std::size_t>(std::min<std::uint64_t>(offset + data.size(), QuicCryptoStream::kMaxBytes));
    if (stream->bytes.size() < end) {
        stream->bytes.resize(end);
        stream->have.resize(end, false);
    }
    for (std::size_t i = static_cast<std::size_t>(offset); i < end; ++i) {
        stream->bytes[i] = data[i - static_cast<std::size_t>(offset)];
        stream->have[i] = true;
    }
    std::size_t prefix = 0;
    while (prefix < stream->have.size() && stream->have[prefix]) ++prefix;
    if (prefix < 4) return;
    const std::size_t msgLen = 4 + ((std::size_t{stream->bytes[1]} << 16) | (std::size_t{stream->bytes[2]} << 8) | stream->bytes[3]);
    complete = complete || msgLen <= prefix;
}

void dissectCrypto(DissectContext& ctx, QuicCryptoStream& stream, std::uint32_t at)
{
    std::size_t prefix = 0;
    while (prefix < stream.have.size() && stream.have[prefix]) ++prefix;
    const ByteSpan whole(stream.bytes.data(), prefix);
    const std::uint16_t layer = ctx.out.addLayer("TLS", "tls", at, static_cast<std::uint32_t>(prefix), true);
    // Only whole messages: the first, and any that follow it completely.
    std::size_t used = 0;
    while (used + 4 <= whole.size()) {
        const std::size_t len = 4 + ((std::size_t{whole[used + 1]} << 16) | (std::size_t{whole[used + 2]} << 8) | whole[used + 3]);
        if (used + len > whole.size()) break;
        used += len;
    }
    dissectTlsHandshake(ctx, layer, whole.first(used), 0, nullptr, false, false, true);
    stream.done = true;
    std::vector<std::uint8_t>().swap(stream.bytes);
    std::vector<bool>().swap(stream.have);
}

// The frames of a decrypted payload (RFC 9000 §19); consecutive PADDING bytes are one frame.
void walkFrames(DissectContext& ctx, std::uint16_t layer, ByteSpan d, std::uint32_t at, QuicCryptoStream* stream,
                bool& complete)
{
    std::size_t pos = 0;
    for (int guard = 0; pos < d.size() && guard < 4096; ++guard) {
        const std::size_t start = pos;
        std::uint64_t type = 0;
        if (!varint(d, pos, type)) return;
        ctx.out.addField(hf.frameType, layer, at + static_cast<std::uint32_t>(start), 1, type);
        std::uint64_t a = 0, b = 0, n = 0;
        switch (type) {
        case 0x00:
            while (pos < d.size() && d[pos] == 0) ++pos;
            break;
        case 0x01: case 0x1e: break;
        case 0x02: case 0x03: {
            if (!varint(d, pos, a) || !varint(d, pos, a) || !varint(d, pos, n) || !varint(d, pos, a)) return;
            for (std::uint64_t i = 0; i < n && i < 1024; ++i)
                if (!varint(d, pos, a) || !varint(d, pos, b)) return;
            if (type == 0x03 && (!varint(d, pos, a) || !varint(d, pos, a) || !varint(d, pos, a))) return;
            break;
        }
        case 0x06: {
            std::uint64_t offset = 0, length = 0;
            if (!varint(d, pos, offset) || !varint(d, pos, length) || length > d.size() - pos) return;
            addCrypto(stream, offset, d.subspan(pos, static_cast<std::size_t>(length)), complete);
            pos += length;
            break;
        }
        case 0x07:
            if (!varint(d, pos, a) || a > d.size() - pos) return;
            pos += a;
            break;
        case 0x1c: case 0x1d:
            if (!varint(d, pos, a) || (type == 0x1c && !varint(d, pos, b)) || !varint(d, pos, n) || n > d.size() - pos) return;
            pos += n;
            break;
        default:
            return;  // frames an Initial packet cannot carry: stop as Wireshark would fail
        }
    }
}

void dissectFrames(DissectContext& ctx, std::uint16_t layer, ByteSpan d, std::uint32_t at, QuicCryptoStream* stream)
{
    bool complete = false;
    walkFrames(ctx, layer, d, at, stream, complete);
    if (complete && stream) dissectCrypto(ctx, *stream, at);
}

struct Datagram {
    QuicConnection* conn = nullptr;
    bool fromServer = false;
};

// One long-header packet; returns its length in the datagram.
// A packet coalesced after the first is one more QUIC item of the same dissector call:
// frame.protocols names QUIC once; the protocol hierarchy nests each in the one before.
void markCoalesced(LayerCursor& c, bool coalesced)
{
    if (coalesced) c.unlisted();
}

std::size_t dissectLong(DissectContext& ctx, ByteSpan d, std::uint32_t at, Datagram& dg, bool coalesced)
{
    LayerCursor c(ctx, "QUIC", "quic", d, at, d.size());
    markCoalesced(c, coalesced);
    ctx.setInfo(writeInfo, c.layer());
    const std::uint8_t first = c.u8();
    const std::uint32_t version = c.u32(hf.version);
    const std::uint8_t dcil = c.u8();
    const ByteSpan dcid = c.bytes(dcil);
    const std::uint8_t scil = c.ok() ? c.u8() : 0;
    const ByteSpan scid = c.bytes(scil);
    if (!c.ok()) return d.size();
    if (dcil) addCid(ctx, c.layer(), hf.dcid, c.absolute(6), dcid);
    if (scil) addCid(ctx, c.layer(), hf.scid, c.absolute(7 + dcil), scid);
    if (version == 0) return d.size();  // Version Negotiation: the rest lists versions
    const std::uint8_t rawType = (first >> 4) & 3;
    if (version == kVersion2)
        c.add(hf.longPacketTypeV2, 0, 1, rawType);
    else
        c.add(hf.longPacketType, 0, 1, rawType);
    // v2 renumbered the types (RFC 9369 §3.2): Initial 1, 0-RTT 2, Handshake 3, Retry 0.
    const std::uint8_t type = version == kVersion2 ? static_cast<std::uint8_t>((rawType + 3) & 3) : rawType;
    if (type == 3) {  // Retry: token and integrity tag, never coalesced
        if (dg.conn && dg.fromServer) dg.conn->retrySeen = true;
        return d.size();
    }

    QuicConnection* conn = dg.conn;
    if (conn && conn->initialKnown) {
        if (dg.fromServer && !conn->serverCidKnown) {
            conn->serverCid = toCid(scid);
            conn->serverCidKnown = true;
        }
    }
    std::size_t pos = c.pos();
    std::uint64_t tokenLen = 0, length = 0;
    if (type == 0 && (!varint(d, pos, tokenLen) || tokenLen > d.size() - pos)) return d.size();
    pos += tokenLen;
    if (!varint(d, pos, length)) return d.size();
    const std::size_t end = std::min(d.size(), pos + static_cast<std::size_t>(std::min<std::uint64_t>(length, d.size())));
    if (type != 0 || !conn) return end;  // only Initial keys can be had without the TLS secrets

    // Initial keys come from the client's first DCID (RFC 9001 §5.2), also for the server's.
    if (!dg.fromServer && conn->retrySeen) {  // after a Retry the keys follow the new DCID
        conn->initialDcid = toCid(dcid);
        conn->retrySeen = false;
    } else if (!dg.fromServer && !(conn->initialDcid == toCid(dcid)) &&
               !(conn->serverCidKnown && conn->serverCid == toCid(dcid))) {
        // A client Initial to a DCID the connection never had starts a new one, as in Wireshark.
        QuicConnection fresh;
        fresh.clientAddr = conn->clientAddr;
        fresh.clientPort = conn->clientPort;
        fresh.clientCid = toCid(scid);
        fresh.initialDcid = toCid(dcid);
        fresh.initialKnown = true;
        *conn = std::move(fresh);
    }
    if (!conn->initialKnown) return end;
    QuicInitialKeys keys;
    const ByteSpan initialDcid(conn->initialDcid.bytes.data(), conn->initialDcid.length);
    if (!quicInitialKeys(version, initialDcid, dg.fromServer, keys)) return end;
    std::uint8_t firstByte = 0;
    std::uint32_t truncated = 0;
    std::size_t pnLen = 0;
    if (!quicUnprotectHeader(keys, d.first(end), pos, firstByte, truncated, pnLen)) return end;
    ctx.out.addField(hf.packetNumber, c.layer(), c.absolute(pos), static_cast<std::uint32_t>(pnLen), truncated);
    // The header as sent, unprotected, is the AEAD's associated data.
    thread_local std::vector<std::uint8_t> header, plain;
    header.assign(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(pos + pnLen));
    header[0] = firstByte;
    for (std::size_t i = 0; i < pnLen; ++i) header[pos + i] = static_cast<std::uint8_t>(truncated >> (8 * (pnLen - 1 - i)));
    if (pos + pnLen > end) return end;
    if (!quicDecryptPayload(keys, ByteSpan(header.data(), header.size()), truncated, d.subspan(pos + pnLen, end - pos - pnLen), plain))
        return end;
    const bool was = ctx.inReassembled;
    ctx.inReassembled = true;  // offsets into the decrypted payload
    dissectFrames(ctx, c.layer(), ByteSpan(plain.data(), plain.size()), 0, &conn->crypto[dg.fromServer ? 1 : 0]);
    ctx.inReassembled = was;
    return end;
}

void dissectShort(DissectContext& ctx, ByteSpan d, std::uint32_t at, const Datagram& dg, bool coalesced)
{
    LayerCursor c(ctx, "QUIC", "quic", d, at, d.size());
    markCoalesced(c, coalesced);
    ctx.setInfo(writeInfo, c.layer());
    const std::uint8_t first = c.u8();
    c.add(hf.shortHeader, 0, 1, 0);
    // The key phase bit is under header protection: without the 1-RTT keys Wireshark shows 0.
    static_cast<void>(first);
    c.add(hf.keyPhase, 0, 1, 0);
    if (!dg.conn) return;
    // Wireshark finds the connection by this DCID: one it does not know shows none.
    if (!dg.conn->initialKnown) return;
    const QuicCid& cid = dg.fromServer ? dg.conn->clientCid : dg.conn->serverCid;
    if (cid.length == 0 || d.size() < 1u + cid.length ||
        !std::equal(cid.bytes.begin(), cid.bytes.begin() + cid.length, d.begin() + 1))
        return;
    const ByteSpan dcid = c.bytes(cid.length);
    if (c.ok()) addCid(ctx, c.layer(), hf.dcid, c.absolute(1), dcid);
}

void dissectDatagram(DissectContext& ctx, const Payload& p, QuicConnection* conn)
{
    ctx.setProtocol("QUIC");
    Datagram dg;
    dg.conn = conn;
    if (conn) {
        dg.fromServer = !(std::equal(conn->clientAddr.begin(), conn->clientAddr.end(), ctx.net.src.begin()) &&
                          conn->clientPort == ctx.udpSrcPort);
    }
    std::size_t pos = 0;
    ByteSpan firstDcid;
    for (int guard = 0; pos < p.data.size() && guard < 16; ++guard) {
        const ByteSpan rest = p.data.subspan(pos);
        const std::uint32_t at = p.at + static_cast<std::uint32_t>(pos);
        // Coalesced packets share the first one's DCID (RFC 9000 §12.2); other bytes (padding)
        // are not QUIC packets.
        const bool isLong = (rest[0] & 0x80) != 0;
        const std::size_t cidAt = isLong ? 6 : 1;
        // Without a connection Wireshark cannot tell a short header's DCID and takes the packet.
        const bool tracked = dg.conn && dg.conn->initialKnown;
        const QuicCid* connCid = tracked ? (dg.fromServer ? &dg.conn->clientCid : &dg.conn->serverCid) : nullptr;
        const std::size_t cidLen = isLong ? (rest.size() > 5 ? rest[5] : 0) : (connCid ? connCid->length : 0);
        const bool fits = cidAt + cidLen <= rest.size();
        if (pos == 0 && fits) {
            firstDcid = rest.subspan(cidAt, cidLen);
        } else if (pos > 0 && (isLong || tracked) && (!fits || cidLen != firstDcid.size() ||
                               !std::equal(firstDcid.begin(), firstDcid.end(), rest.begin() + static_cast<std::ptrdiff_t>(cidAt)))) {
            // Wireshark shows the rest as one more QUIC item: padding appended to the datagram.
            const std::uint16_t padding = ctx.out.addLayer("QUIC", "quic", at, static_cast<std::uint32_t>(rest.size()), ctx.inReassembled);
            ctx.out.layer(padding).listed = false;
            break;
        }
        if (isLong) {
            const std::size_t used = dissectLong(ctx, rest, at, dg, pos > 0);
            if (used == 0) break;
            pos += used;
        } else {
            dissectShort(ctx, rest, at, dg, pos > 0);
            break;
        }
    }
}

QuicConnection* connectionFor(DissectContext& ctx, const Payload& p, bool mayCreate)
{
    if (!ctx.quic || ctx.net.family == 0 || ctx.inIcmpError) return nullptr;
    QuicConnections::Endpoint src, dst;
    src.addr = ctx.net.src;
    src.port = ctx.udpSrcPort;
    dst.addr = ctx.net.dst;
    dst.port = ctx.udpDstPort;
    QuicConnection* conn = ctx.quic->find(ctx.net.family, src, dst, false);
    if (conn || !mayCreate) return conn;
    // A long header of a known version starts a connection; an Initial or 0-RTT packet comes
    // from the client, and a client Initial's DCID gives the Initial keys.
    const ByteSpan d = p.data;
    if (d.size() < 7 || !(d[0] & 0x80)) return nullptr;
    const std::uint32_t version = (std::uint32_t{d[1]} << 24) | (std::uint32_t{d[2]} << 16) | (std::uint32_t{d[3]} << 8) | d[4];
    if (!isKnownVersion(version)) return nullptr;
    const std::uint8_t raw = (d[0] >> 4) & 3;
    const std::uint8_t type = version == kVersion2 ? static_cast<std::uint8_t>((raw + 3) & 3) : raw;
    const std::size_t dcil = d[5];
    if (6 + dcil + 1 > d.size()) return nullptr;
    const std::size_t scil = d[6 + dcil];
    if (7 + dcil + scil > d.size()) return nullptr;
    const bool fromClient = type == 0 || type == 1;
    conn = fromClient ? ctx.quic->find(ctx.net.family, src, dst, true) : ctx.quic->find(ctx.net.family, dst, src, true);
    if (type == 0) {
        conn->initialDcid = toCid(d.subspan(6, dcil));
        conn->clientCid = toCid(d.subspan(7 + dcil, scil));
        conn->initialKnown = true;
    } else if (!fromClient) {
        conn->clientCid = toCid(d.subspan(6, dcil));
    }
    return conn;
}

bool dissectQuicPort(DissectContext& ctx, const Payload& p)
{
    if (p.data.empty()) return false;
    QuicConnection* conn = connectionFor(ctx, p, true);
    // A short header needs its connection: Wireshark leaves an unknown one to the data dissector,
    // and a long header of a version it does not know.
    if (!conn && !(p.data[0] & 0x80)) return false;
    if ((p.data[0] & 0x80) && p.data.size() >= 5) {
        const std::uint32_t version = (std::uint32_t{p.data[1]} << 24) | (std::uint32_t{p.data[2]} << 16) |
                                      (std::uint32_t{p.data[3]} << 8) | p.data[4];
        if (version != 0 && !isKnownVersion(version)) return false;
    }
    dissectDatagram(ctx, p, conn);
    return true;
}

// QUIC on any port: a long header of a known version, or a datagram of a known connection.
bool dissectQuicHeuristic(DissectContext& ctx, const Payload& p)
{
    const ByteSpan d = p.data;
    QuicConnection* conn = connectionFor(ctx, p, false);
    if (!conn) {
        // As Wireshark's dissect_quic_heur: a long header of at least 128 bytes, of v1, v2 or a draft.
        if (d.size() < 128 || !(d[0] & 0x80)) return false;
        const std::uint32_t version = (std::uint32_t{d[1]} << 24) | (std::uint32_t{d[2]} << 16) | (std::uint32_t{d[3]} << 8) | d[4];
        if (version != 1 && version != kVersion2 && (version >> 8) != 0xff0000) return false;
        conn = connectionFor(ctx, p, true);
    }
    dissectDatagram(ctx, p, conn);
    return true;
}

}  // namespace

void registerQuic(ProtocolRegistrar& r)
{
    r.protocol("quic");
    hf.headerForm = r.field({"quic.header_form", "Header Form", FieldKind::Unsigned, 8});
    hf.longPacketType = r.field({"quic.long.packet_type", "Packet Type", FieldKind::Unsigned, 8, kLongTypes, 0x30});
    hf.longPacketTypeV2 = r.field({"quic.long.packet_type_v2", "Packet Type", FieldKind::Unsigned, 8, kLongTypesV2, 0x30});
    hf.version = r.field({"quic.version", "Version", FieldKind::Hex, 32});
    hf.dcid = r.field({"quic.dcid", "Destination Connection ID", FieldKind::String});
    hf.scid = r.field({"quic.scid", "Source Connection ID", FieldKind::String});
    hf.packetNumber = r.field({"quic.packet_number", "Packet Number", FieldKind::Unsigned, 64});
    hf.shortHeader = r.field({"quic.short", "QUIC Short Header", FieldKind::None});
    hf.keyPhase = r.field({"quic.key_phase", "Key Phase Bit", FieldKind::Bool, 8, {}, 0x04});
    hf.frameType = r.field({"quic.frame_type", "Frame Type", FieldKind::Unsigned, 64, kFrameTypes});
    r.udpPort(443, dissectQuicPort);
    r.udpHeuristic(dissectQuicHeuristic);
}

}  // namespace rcvmon

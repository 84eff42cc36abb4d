// SPDX-License-Identifier: GPL-2.0-or-later
// SCTP (RFC 9260): common header and chunk walk. Every chunk's type goes to Info as
// packet-sctp.c appends it ("SACK (Ack=1, Arwnd=106496) DATA (TSN=0) "); DATA chunks name
// their payload protocol (PPID 3 is M3UA, RFC 4666) for the Protocol column.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/endpoint_pair.h"
#include "dissect/protocols/value_names.h"

#include <unordered_map>

namespace rcvmon {
namespace {

// Relative TSNs, packet-sctp.c's default: per direction of an association, TSNs count from
// the first one seen, and a SACK's cumulative ack from the first TSN of the other direction.
class TsnBases final : public ProtocolState {
public:
    // Source then destination: one direction of an association.
    using Direction = EndpointPair;

    // The base of `d`, set to `tsn` when the direction is new.
    std::uint32_t base(const Direction& d, std::uint32_t tsn)
    {
        if (m_bases.size() >= kMaxDirections) m_bases.clear();
        return m_bases.try_emplace(d, tsn).first->second;
    }
    // The base of `d` if a TSN of it was seen.
    const std::uint32_t* find(const Direction& d) const
    {
        const auto it = m_bases.find(d);
        return it == m_bases.end() ? nullptr : &it->second;
    }
    void clear() override { m_bases.clear(); }

private:
    static constexpr std::size_t kMaxDirections = 1u << 16;
    std::unordered_map<Direction, std::uint32_t, EndpointPairHash> m_bases;
};

std::uint16_t tsnSlot = 0xffff;
constexpr std::uint32_t kPpidM3ua = 3;

struct SctpFields {
    FieldId srcport, dstport, verificationTag, checksum, chunkType, chunkFlags, chunkLength, dataTsn, dataSid,
        dataSsn, dataPpid, sackCumTsn, sackArwnd;
} hf;

constexpr ValueName kChunkTypes[] = {
    {0, "DATA"}, {1, "INIT"}, {2, "INIT_ACK"}, {3, "SACK"}, {4, "HEARTBEAT"}, {5, "HEARTBEAT_ACK"},
    {6, "ABORT"}, {7, "SHUTDOWN"}, {8, "SHUTDOWN_ACK"}, {9, "ERROR"}, {10, "COOKIE_ECHO"}, {11, "COOKIE_ACK"},
    {12, "ECNE"}, {13, "CWR"}, {14, "SHUTDOWN_COMPLETE"}, {15, "AUTH"}, {16, "NR_SACK"}, {64, "I_DATA"},
    {128, "ASCONF_ACK"}, {129, "PKTDROP"}, {130, "RE_CONFIG"}, {132, "PAD"}, {192, "FORWARD_TSN"},
    {193, "ASCONF"}, {194, "I_FORWARD_TSN"}, {255, "IETF_EXTENSION"},
};

// The chunks in the order they came, each with what packet-sctp.c adds after its name.
void writeInfo(const LayerView& l, std::string& out)
{
    std::uint64_t cumulativeAck = 0, tsn = 0;
    bool data = false, haveTsn = false;
    // A DATA chunk whose payload M3UA dissects leaves the column to M3UA (packet-sctp.c
    // names only the chunks no subdissector took).
    const auto flushData = [&](bool dissected) {
        if (data && !dissected) {
            out += "DATA ";
            if (haveTsn) {
                out += "(TSN=";
                appendDecimal(out, tsn);
                out += ") ";
            }
        }
        data = haveTsn = false;
    };
    for (const FieldRecord& f : l.dissection().fields()) {
        if (f.layer != l.layer()) continue;
        if (f.id == hf.chunkType) {
            flushData(false);
            if (f.number == 0) {
                data = true;
                continue;
            }
            out += valueName(kChunkTypes, f.number, "RESERVED");
            out += ' ';
        } else if (f.id == hf.dataTsn) {
            tsn = f.number;
            haveTsn = true;
        } else if (f.id == hf.dataPpid) {
            flushData(f.number == kPpidM3ua);
        } else if (f.id == hf.sackCumTsn) {
            cumulativeAck = f.number;
        } else if (f.id == hf.sackArwnd) {
            out += "(Ack=";
            appendDecimal(out, cumulativeAck);
            out += ", Arwnd=";
            appendDecimal(out, f.number);
            out += ") ";
        }
    }
    flushData(false);
}

bool dissectSctpPacket(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "SCTP", "sctp", p.data, p.at, p.reported);
    ctx.setProtocol("SCTP");
    ctx.setInfo(writeInfo, c.layer());
    const std::uint16_t srcPort = c.u16(hf.srcport);
    const std::uint16_t dstPort = c.u16(hf.dstport);
    TsnBases* bases = ctx.inIcmpError ? nullptr : ctx.state<TsnBases>(tsnSlot);
    const TsnBases::Direction forward{ctx.net.src, ctx.net.dst, srcPort, dstPort};
    const TsnBases::Direction reverse{ctx.net.dst, ctx.net.src, dstPort, srcPort};
    // Relative when the association is tracked, as the absolute value otherwise.
    const auto relative = [&](const TsnBases::Direction& d, std::uint32_t tsn) {
        return bases ? tsn - bases->base(d, tsn) : tsn;
    };
    c.u32(hf.verificationTag);
    c.u32(hf.checksum);
    for (int guard = 0; guard < 64 && c.ok() && c.remaining() >= 4; ++guard) {
        const std::size_t at = c.pos();
        const std::uint8_t type = c.u8(hf.chunkType);
        c.u8(hf.chunkFlags);
        const std::uint16_t length = c.u16(hf.chunkLength);
        if (!c.ok()) return true;
        if (length < 4) {
            c.malformed();
            return true;
        }
        if ((type == 0 && length >= 16) || (type == 3 && length >= 16)) {
            if (type == 0) {
                const std::uint32_t tsn = c.u32();
                if (c.ok()) c.add(hf.dataTsn, c.pos() - 4, 4, relative(forward, tsn));
                c.u16(hf.dataSid);
                c.u16(hf.dataSsn);
                const std::uint32_t ppid = c.u32(hf.dataPpid);
                if (c.ok() && ppid == kPpidM3ua) {
                    dissectM3ua(ctx, payloadAfter(c, length - 16u));
                } else if (c.ok() && length > 16) {
                    // A payload no subdissector takes is Wireshark's "data", one per chunk.
                    dissectData(ctx, payloadAfter(c, length - 16u));
                }
            } else {
                const std::uint32_t ack = c.u32();
                // An ack of TSNs not seen yet stays absolute.
                const std::uint32_t* base = bases ? bases->find(reverse) : nullptr;
                if (c.ok()) c.add(hf.sackCumTsn, c.pos() - 4, 4, base ? ack - *base : ack);
                c.u32(hf.sackArwnd);
            }
        }
        const std::size_t padded = (std::size_t{length} + 3) & ~std::size_t{3};
        if (at + padded > c.size()) return true;
        c.skip(at + padded - c.pos());
    }
    return true;
}

}  // namespace

void dissectSctp(DissectContext& ctx, const Payload& p)
{
    dissectSctpPacket(ctx, p);
}

void registerSctp(ProtocolRegistrar& r)
{
    r.protocol("sctp");
    hf.srcport = r.field({"sctp.srcport", "Source port", FieldKind::Unsigned, 16});
    hf.dstport = r.field({"sctp.dstport", "Destination port", FieldKind::Unsigned, 16});
    hf.verificationTag = r.field({"sctp.verification_tag", "Verification tag", FieldKind::Hex, 32});
    hf.checksum = r.field({"sctp.checksum", "Checksum", FieldKind::Hex, 32});
    hf.chunkType = r.field({"sctp.chunk_type", "Chunk type", FieldKind::Unsigned, 8, kChunkTypes});
    hf.chunkFlags = r.field({"sctp.chunk_flags", "Chunk flags", FieldKind::Hex, 8});
    hf.chunkLength = r.field({"sctp.chunk_length", "Chunk length", FieldKind::Unsigned, 16});
    hf.dataTsn = r.field({"sctp.data_tsn", "Transmission sequence number (relative)", FieldKind::Unsigned, 32});
    hf.dataSid = r.field({"sctp.data_sid", "Stream identifier", FieldKind::Hex, 16});
    hf.dataSsn = r.field({"sctp.data_ssn", "Stream sequence number", FieldKind::Unsigned, 16});
    hf.dataPpid = r.field({"sctp.data_payload_proto_id", "Payload protocol identifier", FieldKind::Unsigned, 32});
    hf.sackCumTsn = r.field({"sctp.sack_cumulative_tsn_ack", "Cumulative TSN ACK (relative)", FieldKind::Unsigned, 32});
    hf.sackArwnd = r.field({"sctp.sack_a_rwnd", "Advertised receiver window credit (a_rwnd)", FieldKind::Unsigned, 32});
    tsnSlot = r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<TsnBases>(); });
    r.ipProtocol(132, dissectSctpPacket);
}

}  // namespace rcvmon

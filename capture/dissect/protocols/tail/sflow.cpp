// SPDX-License-Identifier: GPL-2.0-or-later
// sFlow versions 2, 4 and 5 (sFlow.org's sFlow Version 5, RFC 3176 for v2/v4) on UDP port
// 6343: the datagram header named in Info as packet-sflow.c does ("V5, agent 10.0.0.1,
// sub-agent ID 0, seq 12, 3 samples") and, for v5, the walk over each sample's enterprise,
// format and length. Flow samples' raw packet headers (Ethernet, IPv4, IPv6) are dissected
// as packet-sflow.c hands them on, without columns or conversation state; counters are not
// decoded.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct SflowFields {
    FieldId version, agentType, agent, agent6, subAgentId, seq, uptime, numSamples, enterprise, sampleType,
        sampleLength, enterpriseLength, flowRecordFormat, headerProtocol, header;
} hf;

constexpr ValueName kAddressTypes[] = {{0, "Unknown"}, {1, "IPv4"}, {2, "IPv6"}};
constexpr ValueName kSampleTypes[] = {{1, "Flow sample"},
                                      {2, "Counters sample"},
                                      {3, "Expanded flow sample"},
                                      {4, "Expanded counters sample"},
                                      {5, "Drop sample"}};

constexpr ValueName kHeaderProtocols[] = {{1, "Ethernet"}, {11, "IPv4"}, {12, "IPv6"}};

void writeInfo(const LayerView& l, std::string& out)
{
    out += 'V';
    appendDecimal(out, l.number(hf.version));
    if (const FieldRecord* a = l.field(hf.agent)) {
        out += ", agent ";
        appendIpv4(out, l.dissection().valueBytes(*a));
    } else if (const FieldRecord* a6 = l.field(hf.agent6)) {
        out += ", agent ";
        appendIpv6(out, l.dissection().valueBytes(*a6));
    }
    if (l.has(hf.subAgentId)) {
        out += ", sub-agent ID ";
        appendDecimal(out, l.number(hf.subAgentId));
    }
    if (l.has(hf.seq)) {
        out += ", seq ";
        appendDecimal(out, l.number(hf.seq));
    }
    if (l.has(hf.numSamples)) {
        out += ", ";
        appendDecimal(out, l.number(hf.numSamples));
        out += " samples";
    }
}

// A sampled packet's header, dissected like an ICMP error's quote: columns and cross-frame
// state stay the datagram's.
void dissectSampledHeader(DissectContext& ctx, std::uint32_t protocol, const Payload& header)
{
    if (header.data.empty() || ++ctx.depth > DissectContext::kMaxDepth) return;
    const bool writable = ctx.columnsWritable, inError = ctx.inIcmpError;
    const NetEndpoints net = ctx.net;
    ctx.columnsWritable = false;
    ctx.inIcmpError = true;
    if (protocol == 1) dissectEthernet(ctx, header);
    else if (protocol == 11) dissectIpv4(ctx, header);
    else if (protocol == 12) dissectIpv6(ctx, header);
    ctx.columnsWritable = writable;
    ctx.inIcmpError = inError;
    ctx.net = net;
    --ctx.depth;
}

// The flow records of a (expanded) flow sample; `end` is the sample's end.
void flowRecords(DissectContext& ctx, LayerCursor& c, bool expanded, std::size_t end)
{
    c.skip(expanded ? 40 : 28);  // sequence, source id(s), rates, pool, drops, interfaces
    const std::uint32_t records = c.u32();
    for (std::uint32_t i = 0; i < records && i < 64 && c.ok() && c.pos() + 8 <= end; ++i) {
        const std::size_t at = c.pos();
        const std::uint32_t format = c.u32(hf.flowRecordFormat);
        const std::uint32_t length = c.u32();
        if (!c.ok() || length > end - c.pos()) return;
        if (format == 1 && length >= 16) {
            const std::uint32_t protocol = c.u32(hf.headerProtocol);
            c.skip(8);  // frame length, bytes stripped
            const std::uint32_t headerLength = c.u32();
            if (!c.ok() || headerLength > length - 16) return;
            const ByteSpan header = c.rest().first(headerLength < c.remaining() ? headerLength : c.remaining());
            ctx.out.addBytesField(hf.header, c.layer(), c.absolute(c.pos()), header);
            dissectSampledHeader(ctx, protocol, Payload{header, headerLength, c.absolute(c.pos())});
        }
        if (c.ok() && c.pos() < at + 8 + length) c.skip(at + 8 + length - c.pos());
    }
}

bool dissectSflow(DissectContext& ctx, const Payload& p)
{
    // packet-sflow.c's checks: a known version and agent address type.
    if (p.data.size() < 8) return false;
    const std::uint32_t version = static_cast<std::uint32_t>(p.data[0]) << 24 | p.data[1] << 16 | p.data[2] << 8 | p.data[3];
    const std::uint32_t addressType = static_cast<std::uint32_t>(p.data[4]) << 24 | p.data[5] << 16 | p.data[6] << 8 | p.data[7];
    if ((version != 2 && version != 4 && version != 5) || addressType > 2) return false;

    LayerCursor c(ctx, "sFlow", "sflow", p.data, p.at, p.reported);
    ctx.setProtocol("sFlow");
    c.u32(hf.version);
    ctx.setInfo(writeInfo, c.layer());
    c.u32(hf.agentType);
    if (addressType == 1) c.bytes(4, hf.agent);
    if (addressType == 2) c.bytes(16, hf.agent6);
    if (version == 5) c.u32(hf.subAgentId);
    c.u32(hf.seq);
    c.u32(hf.uptime);
    const std::uint32_t samples = c.u32(hf.numSamples);
    if (!c.ok() || version != 5) return true;  // v2/v4 samples carry no lengths to walk by
    for (std::uint32_t i = 0; i < (samples & 0xff) && c.ok(); ++i) {
        const std::size_t at = c.pos();
        const std::uint32_t type = c.u32();
        if (!c.ok()) return true;
        c.add(hf.enterprise, at, 4, type);
        if (type >> 12) {
            c.skip(c.u32(hf.enterpriseLength));
            continue;
        }
        c.add(hf.sampleType, at, 4, type & 0xfff);
        const std::uint32_t length = c.u32(hf.sampleLength);
        if (!c.ok() || length > c.remaining()) {
            c.skip(length);
            continue;
        }
        const std::size_t end = c.pos() + length;
        if ((type & 0xfff) == 1 || (type & 0xfff) == 3) flowRecords(ctx, c, (type & 0xfff) == 3, end);
        if (c.ok() && c.pos() < end) c.skip(end - c.pos());
        if (c.ok() && c.pos() > end) return true;
    }
    return true;
}

}  // namespace

void registerSflow(ProtocolRegistrar& r)
{
    r.protocol("sflow");
    hf.version = r.field({"sflow_245.version", "Datagram version", FieldKind::Unsigned, 32});
    hf.agentType = r.field({"sflow_245.agenttype", "Agent address type", FieldKind::Unsigned, 32, kAddressTypes});
    hf.agent = r.field({"sflow_245.agent", "Agent address", FieldKind::Ipv4});
    hf.agent6 = r.field({"sflow_245.agent.v6", "Agent address", FieldKind::Ipv6});
    hf.subAgentId = r.field({"sflow_245.sub_agent_id", "Sub-agent ID", FieldKind::Unsigned, 32});
    hf.seq = r.field({"sflow_245.sequence_number", "Sequence number", FieldKind::Unsigned, 32});
    hf.uptime = r.field({"sflow_245.sysuptime", "SysUptime", FieldKind::Unsigned, 32});
    hf.numSamples = r.field({"sflow_245.numsamples", "NumSamples", FieldKind::Unsigned, 32});
    hf.enterprise = r.field({"sflow.enterprise", "Enterprise", FieldKind::Unsigned, 32, {}, 0xfffff000});
    hf.sampleType = r.field({"sflow_245.sampletype", "sFlow sample type", FieldKind::Unsigned, 32, kSampleTypes});
    hf.sampleLength = r.field({"sflow_5.sample_length", "Sample length (byte)", FieldKind::Unsigned, 32});
    hf.enterpriseLength = r.field({"sflow.enterprise.length", "Length", FieldKind::Unsigned, 32});
    hf.flowRecordFormat = r.field({"sflow_245.flow_record_format", "Format", FieldKind::Unsigned, 32});
    hf.headerProtocol = r.field({"sflow_245.header_protocol", "Header protocol", FieldKind::Unsigned, 32, kHeaderProtocols});
    hf.header = r.field({"sflow_245.header", "Header of sampled packet", FieldKind::Bytes});
    r.udpPort(6343, dissectSflow);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// Finger (RFC 1288, TCP port 79) as Wireshark's packet-finger.c shows it: the client's query
// line, reassembled until its CRLF, is "Query"; the server's response runs until its FIN and
// is "Response" on the FIN segment. The segments before either show TCP, the first of them
// "Query" or "Response" with the segment note.
#include "dissect/protocols/text/lines.h"
#include "dissect/tcp_conversations.h"

namespace rcvmon {
namespace {

struct FingerFields {
    FieldId query, response;
} hf;

constexpr std::uint16_t kPort = 79;

void writeQuery(const LayerView&, std::string& out) { out += "Query"; }
void writeResponse(const LayerView&, std::string& out) { out += "Response"; }

void completeQuery(DissectContext& ctx, std::uint16_t layer, const TcpPdu&, const Payload&)
{
    ctx.setInfo(writeQuery, layer);
}

void completeResponse(DissectContext& ctx, std::uint16_t layer, const TcpPdu&, const Payload&)
{
    ctx.setInfo(writeResponse, layer);
}

// The segment's FIN flag, from the TCP layer's fields.
bool segmentHasFin(const DissectContext& ctx)
{
    const auto fields = ctx.out.fields();
    for (auto it = fields.rbegin(); it != fields.rend(); ++it)
        if (it->id == field::TcpFlags) return (it->number & 0x01) != 0;
    return false;
}

// A query line goes on, a segment at a time, until one brings its line end.
std::size_t moreOfQuery(DissectContext&, TcpPdu&, const Payload& segment, std::size_t)
{
    const std::string_view s = text::asText(segment.data);
    return s.find('\n') == std::string_view::npos ? 1 : 0;
}

bool dissectFinger(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "FINGER", "finger", p.data, p.at, p.reported);
    ctx.setProtocol("FINGER");
    const std::string_view bytes = text::asText(p.data);
    const bool query = text::transportPorts(ctx).dst == kPort;
    const bool reassembling = ctx.desegment && ctx.tcpDirection;
    if (query) {
        ctx.setInfo(writeQuery, c.layer());
        if (bytes.find('\n') == std::string_view::npos && reassembling) {
            TcpPdu pdu{"FINGER", "FINGER", "finger", {}, {}};
            pdu.complete = completeQuery;
            pdu.more = moreOfQuery;
            pdu.wholeSegments = true;
            startTcpPdu(ctx, pdu, kTcpPduOneMoreSegment, c.layer());
            return true;
        }
        // tshark prints the line with its end, escaped.
        text::Line line;
        if (text::lineAt(bytes, 0, line)) {
            thread_local std::string scratch;
            scratch.clear();
            text::appendFormatted(scratch, bytes.substr(0, line.next));
            ctx.out.addTextField(hf.query, c.layer(), c.absolute(0), static_cast<std::uint32_t>(line.next), scratch);
        }
        return true;
    }
    ctx.setInfo(writeResponse, c.layer());
    if (reassembling) {
        TcpPdu pdu{"FINGER", "FINGER", "finger", {}, {}};
        pdu.complete = completeResponse;
        pdu.untilFin = true;
        pdu.wholeSegments = true;
        // The FIN segment completes it; one that carries the FIN itself is whole already.
        if (!segmentHasFin(ctx)) {
            startTcpPdu(ctx, pdu, kTcpPduUntilFin, c.layer());
            return true;
        }
    }
    thread_local std::string scratch;
    scratch.clear();
    text::appendFormatted(scratch, bytes);
    ctx.out.addTextField(hf.response, c.layer(), c.absolute(0), static_cast<std::uint32_t>(bytes.size()), scratch);
    return true;
}

}  // namespace

void registerFinger(ProtocolRegistrar& r)
{
    r.protocol("finger");
    hf.query = r.field({"finger.query", "Query", FieldKind::String});
    hf.response = r.field({"finger.response", "Response", FieldKind::String});
    r.tcpPort(kPort, dissectFinger);
}

}  // namespace rcvmon

// SPDX-License-Identifier: GPL-2.0-or-later
// ONC-RPC over UDP and TCP (RFC 5531 §11 record marking), as packet-rpc.c finds it: port 111
// (Portmap) always, elsewhere by its heuristic — a call of a known program, or a reply to a
// call seen. Over TCP each segment is read record by record; a record continuing past the
// segment is collected and dissected with the segment that completes it (the heuristic does
// not wait for one), and a connection that carried RPC stays RPC.
#include "dissect/protocols/rpc/rpc.h"
#include "dissect/protocols/rpc/rpc_message.h"
#include "dissect/protocols/tcp_message.h"

#include <algorithm>

namespace rcvmon {
namespace {

using rpc::InfoStart;
using rpc::MessageCheck;

constexpr std::size_t kMaxRecord = 4u << 20;  // Wireshark's max_rpc_tcp_pdu_size

std::uint32_t recordLength(ByteSpan b)
{
    return ((std::uint32_t{b[0]} & 0x7f) << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) | b[3];
}

bool dissectUdp(DissectContext& ctx, const Payload& p, bool heuristic)
{
    if (rpc::checkMessage(ctx, p.data, false) == MessageCheck::NotRpc) {
        if (heuristic) return false;
        if (!p.data.empty()) rpc::dissectContinuation(ctx, p);
        return true;
    }
    rpc::dissectMessage(ctx, p, rpc::MessageOptions{});
    return true;
}

// One record of a segment, or a reassembled one; false when it holds no RPC message.
bool dissectRecord(DissectContext& ctx, const Payload& record, InfoStart info)
{
    if (record.data.size() < 4) return false;
    if (rpc::checkMessage(ctx, record.data.subspan(4), true) == MessageCheck::NotRpc) return false;
    rpc::dissectMessage(ctx, record, rpc::MessageOptions{true, true, info});
    return true;
}

bool dissectTcp(DissectContext& ctx, const Payload& p, bool heuristic)
{
    if (heuristic && rpc::knownConversation(ctx)) heuristic = false;
    Payload whole, rest = p;
    bool any = false;
    InfoStart info = InfoStart::Set;
    // Only a connection known as RPC began a record to continue: the heuristic never does.
    switch (heuristic ? TcpMessageStep::None : continueTcpMessage(ctx, p, whole, rest)) {
    case TcpMessageStep::Pending: return true;
    case TcpMessageStep::Complete:
        inReassembledMessage(ctx, [&] {
            if (!dissectRecord(ctx, whole, InfoStart::Set)) rpc::dissectContinuation(ctx, whole);
        });
        markReassembled(ctx, whole.data.size());
        any = true;
        info = InfoStart::Append;  // the rest is a new pass: its first message is appended as is
        break;
    case TcpMessageStep::None: rest = p; break;
    }
    for (int guard = 0; guard < 4096 && rest.data.size() >= 4; ++guard) {
        const std::size_t total = 4 + std::size_t{recordLength(rest.data)};
        if (total - 4 > kMaxRecord) break;
        if (total > rest.reported) {
            if (heuristic) break;  // the heuristic takes no record it cannot see whole
            if (beginTcpMessage(ctx, rest, total, !any)) return true;
            // Not collected (no reassembly, cut capture): what is there.
            if (dissectRecord(ctx, rest, info)) any = true;
            break;
        }
        const std::size_t captured = std::min(total, rest.data.size());
        if (!dissectRecord(ctx, Payload{rest.data.first(captured), total, rest.at}, info)) break;
        any = true;
        info = InfoStart::None;
        rest = Payload{rest.data.subspan(captured), rest.reported - total, rest.at + static_cast<std::uint32_t>(total)};
    }
    if (!any) {
        if (heuristic) return false;
        if (!p.data.empty()) rpc::dissectContinuation(ctx, p);
        return true;
    }
    rpc::markConversation(ctx);
    return true;
}

bool udp111(DissectContext& ctx, const Payload& p) { return dissectUdp(ctx, p, false); }
bool udpHeuristic(DissectContext& ctx, const Payload& p) { return dissectUdp(ctx, p, true); }
bool tcp111(DissectContext& ctx, const Payload& p) { return dissectTcp(ctx, p, false); }
bool tcpHeuristic(DissectContext& ctx, const Payload& p) { return dissectTcp(ctx, p, true); }

}  // namespace

void registerRpc(ProtocolRegistrar& r)
{
    r.protocol("rpc");
    rpc::registerRpcFields(r);
    r.udpPort(111, udp111);
    r.tcpPort(111, tcp111);
    r.udpHeuristic(udpHeuristic);
    r.tcpHeuristic(tcpHeuristic);
    // The programs without a dissector of their own here name their layers (rpc_programs.cpp).
    for (const rpc::Program& p : rpc::allPrograms())
        if (!p.dissect) r.protocol(p.filter);
}

}  // namespace rcvmon
